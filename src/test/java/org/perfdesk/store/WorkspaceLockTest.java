package org.perfdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.UserError;

/** Only one process may hold a workspace; the second is told who holds it. */
class WorkspaceLockTest {
    @TempDir
    Path dir;

    @Test
    void secondProcessIsToldTheWorkspaceIsInUse() throws Exception {
        Path ws = dir.resolve("SLT");
        Workspace.create(ws, setup()).close();

        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), ws.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("LOCKED"));
            assertThat(line).isEqualTo("LOCKED SLT");

            assertThatThrownBy(() -> Workspace.open(ws))
                    .isInstanceOfSatisfying(UserError.class, e -> {
                        assertThat(e.key()).isEqualTo("error.workspace.locked");
                        assertThat(e.getMessage()).contains("pid " + holder.pid()).contains("另一个 PerfDesk");
                    });
        } finally {
            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        // The operating system dropped the dead process's lock: the workspace opens again.
        try (Workspace again = Workspace.open(ws)) {
            assertThat(again.self().code()).isEqualTo("SLT");
        }
    }

    @Test
    void secondOpenInTheSameProcessIsRefusedToo() {
        Path ws = dir.resolve("SLT");
        try (Workspace first = Workspace.create(ws, setup())) {
            assertThatThrownBy(() -> Workspace.open(ws))
                    .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.key()).isEqualTo("error.workspace.locked"));
            assertThat(first.self().name()).isEqualTo("福建省水利厅");
        }
    }

    private static Workspace.Setup setup() {
        return new Workspace.Setup(Role.UNIT, new OrgUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB"), 2008, "test");
    }
}
