package org.perfdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.store.AppSettings;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.shell.Shell;
import org.testfx.util.WaitForAsyncUtils;

/** A second PerfDesk started on a workspace in use says so, and ends once the message is read. */
class LockedWorkspaceTest extends ShellTest {
    @TempDir
    Path dir;
    private Workspace holder;
    private final AtomicBoolean exited = new AtomicBoolean();

    @Override
    protected Shell createShell(Stage stage) {
        holder = Workspace.create(dir.resolve("SLT"), new Workspace.Setup(Role.UNIT,
                new OrgUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB"), 2008, "test"));
        Shell s = new Shell(stage, dir, new AppSettings());
        s.onExit(() -> exited.set(true));
        s.start(dir.resolve("SLT"), false);
        return s;
    }

    @AfterEach
    void releaseHolder() {
        holder.close();
    }

    @Test
    void secondInstanceSaysWhoHoldsTheWorkspaceAndExits() throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !lookup(".dialog-pane").queryAll().isEmpty());
        DialogPane dialog = lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).contains("正被另一个 PerfDesk 程序使用").contains("pid " + ProcessHandle.current().pid());
        assertThat(shell.current()).isNull();
        assertThat(shell.exitStatus()).isEqualTo(1);
        assertThat(exited).isFalse();

        clickOn(dialog.lookupButton(javafx.scene.control.ButtonType.OK));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, exited::get);
        // The holder's workspace is untouched and still usable.
        assertThat(holder.self().code()).isEqualTo("SLT");
    }
}
