package org.perfdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The programs the rendering tests print documents with (LibreOffice, poppler), found on the PATH and run. */
public final class ExternalTools {
    private ExternalTools() {
    }

    /** True when {@code program} is an executable on the PATH. */
    public static boolean installed(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code command} in {@code dir} (its output to out.log there); fails the test when it takes longer than {@code seconds}. */
    public static void run(Path dir, int seconds, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.log").toFile()).start();
        assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    }
}
