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
    public static int run(String[] args, GuiStarter gui, PrintWriter out, PrintWriter err,
                          java.util.function.Function<String, String> env, Object... moreCommands) {
        Passphrases.useEnvironment(env);
        CommandLine cl = new CommandLine(new PerfDeskCommand(gui));
        for (Object command : moreCommands) {
            cl.addSubcommand(command);
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
        int status = cl.execute(args);
        out.flush();
        err.flush();
        return status;
    }
}
