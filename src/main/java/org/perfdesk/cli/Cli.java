package org.perfdesk.cli;

import java.io.PrintWriter;

import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import picocli.CommandLine;

/**
 * The command line: with a sub-command it runs headless, without one it starts the window.
 * Exit status 0 on success, 1 on failure, 2 on wrong usage; errors go to stderr.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private Cli() {
    }

    public static int run(String[] args, GuiStarter gui, PrintWriter out, PrintWriter err) {
        return run(args, gui, out, err, System::getenv);
    }

    /** As above, with the environment variables (PERFDESK_PASSPHRASE) taken from {@code env}. */
    public static int run(String[] args, GuiStarter gui, PrintWriter out, PrintWriter err,
                          java.util.function.Function<String, String> env) {
        return run(args, gui, out, err, env, new Object[0]);
    }

    /**
     * As above, with more sub-commands from the layers above this one (the benchmarks, which need
     * the window's code, live in the app layer).
     */
    public static int run(String[] args, GuiStarter gui, PrintWriter rawOut, PrintWriter rawErr,
                          java.util.function.Function<String, String> env, Object... moreCommands) {
        Passphrases.useEnvironment(env);
        // Names printed come from other people's files: nothing in them may act on the terminal.
        PrintWriter out = TerminalWriter.wrap(rawOut);
        PrintWriter err = TerminalWriter.wrap(rawErr);
        CommandLine cl = new CommandLine(new PerfDeskCommand(gui));
        if (startsWindow(args, moreCommands)) {
            // Only the window's own options: a wrong one still gets the whole usage, with the commands.
            cl.setParameterExceptionHandler((ex, a) -> {
                err.println(ex.getMessage());
                withCommands(new CommandLine(new PerfDeskCommand(gui)), moreCommands).usage(err, CommandLine.Help.Ansi.OFF);
                err.flush();
                return USAGE;
            });
        } else {
            withCommands(cl, moreCommands);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserError) {
                err.println(Texts.t("cli.error", e.getLocalizedMessage()));
            } else {
                err.println(Texts.t("cli.internalError", String.valueOf(e)));
                e.printStackTrace(err);
            }
            err.flush();
            return FAILED;
        });
        // Plain usage help: escape sequences for colours would be escaped like any other.
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        int status = cl.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    private static CommandLine withCommands(CommandLine cl, Object... moreCommands) {
        for (Class<?> command : PerfDeskCommand.SUBCOMMANDS) {
            cl.addSubcommand(command);
        }
        for (Object command : moreCommands) {
            cl.addSubcommand(command);
        }
        return cl;
    }

    /**
     * Whether these arguments start the window: no argument names a command, none asks for help or
     * the version. A folder or file that happens to be called like a command only costs the quick path.
     */
    public static boolean startsWindow(String[] args, Object... moreCommands) {
        java.util.Set<String> names = new java.util.HashSet<>(java.util.List.of("help", "-h", "--help", "-V",
                "--version"));
        for (Class<?> c : PerfDeskCommand.SUBCOMMANDS) {
            names.add(c.getAnnotation(CommandLine.Command.class).name());
        }
        for (Object c : moreCommands) {
            names.add(c.getClass().getAnnotation(CommandLine.Command.class).name());
        }
        for (String a : args) {
            if (names.contains(a)) {
                return false;
            }
        }
        return true;
    }
}
