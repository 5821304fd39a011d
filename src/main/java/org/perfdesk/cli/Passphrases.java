package org.perfdesk.cli;

import java.io.Console;

import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;

/** The passphrase of the workspace's key: from PERFDESK_PASSPHRASE, else asked at the terminal. */
final class Passphrases {
    static final String ENV = "PERFDESK_PASSPHRASE";
    /** The key backup's own passphrase (keys backup / restore). */
    static final String BACKUP_ENV = "PERFDESK_BACKUP_PASSPHRASE";
    /** Where environment variables come from: the process, or what a caller of {@link Cli#run} gave. */
    private static volatile java.util.function.Function<String, String> environment = System::getenv;

    private Passphrases() {
    }

    static void useEnvironment(java.util.function.Function<String, String> env) {
        environment = env;
    }

    static char[] read(boolean confirm) {
        return read(ENV, "cli.passphrase.prompt", confirm);
    }

    /** The key backup's passphrase: from PERFDESK_BACKUP_PASSPHRASE, else asked. */
    static char[] readBackup(boolean confirm) {
        return read(BACKUP_ENV, "cli.passphrase.backupPrompt", confirm);
    }

    private static char[] read(String variable, String prompt, boolean confirm) {
        String env = environment.apply(variable);
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new UserError("error.key.noPassphrase", variable);
        }
        char[] first = console.readPassword("%s", Texts.t(prompt));
        if (first == null) {
            throw new UserError("error.key.noPassphrase", variable);
        }
        if (confirm) {
            char[] second = console.readPassword("%s", Texts.t("cli.passphrase.again"));
            if (second == null || !java.util.Arrays.equals(first, second)) {
                throw new UserError("error.key.passphraseMismatch");
            }
        }
        return first;
    }
}
