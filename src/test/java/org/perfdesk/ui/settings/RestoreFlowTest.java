package org.perfdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.store.Backups;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.ShellTest;

/** 设置 → 备份: an automatic backup is listed and restored; the window comes back on the restored data. */
class RestoreFlowTest extends ShellTest {
    private Path dir;

    @BeforeEach
    void workspace() {
        dir = home.resolve("TEST");
        Workspace.create(dir, new Workspace.Setup(Role.UNIT,
                new OrgUnit("TEST", "测试厅", OrgKind.DEPARTMENT, "XNB"), 2008, "test")).close();
    }

    private long goals() {
        return shell.current().workspace().goals().count("TEST", 2008);
    }

    @Test
    void restoringABackupShowsItsDataAndKeepsTheStateBefore() {
        open(dir);
        Workspace ws = shell.current().workspace();
        ws.goals().saveAll(List.of(GoalNode.create("TEST", 2008, null, 0, NodeKind.GOAL, "目标一")));
        Backups.of(ws).automatic("before-import");
        ws.goals().saveAll(List.of(GoalNode.create("TEST", 2008, null, 1, NodeKind.GOAL, "目标二")));
        assertThat(goals()).isEqualTo(2);

        clickOn("#nav-settings");
        @SuppressWarnings("unchecked")
        TableView<Backups.Backup> table = lookup("#backups-table").queryAs(TableView.class);
        waitUntil("the backup listed", () -> table.getItems().size() == 1);
        assertThat(table.getColumns().get(1).getCellData(0)).isEqualTo("导入数据包之前");

        // Selected as a click would; under load a click on the row could land before its layout.
        interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        javafx.scene.control.Button restore = lookup("#backups-restore").queryButton();
        waitUntil("the restore button enabled", () -> !restore.isDisabled());
        clickOn(restore);
        waitUntil("the question", () -> lookup("#backups-restore-question").tryQuery().isPresent());
        DialogPane question = lookup("#backups-restore-question").queryAs(DialogPane.class);
        assertThat(question.getContentText()).contains("另存为一个备份");
        clickOn(question.lookupButton(ButtonType.OK));

        waitUntil("the restored workspace", () -> shell.current() != null
                && !lookup("#main-window").queryAll().isEmpty() && goals() == 1);
        assertThat(shell.current().workspace().goals().findAll("TEST", 2008)).extracting(GoalNode::title)
                .containsExactly("目标一");
        waitUntil("the message", () -> lookup(".dialog-pane").queryAll().stream()
                .anyMatch(p -> ((DialogPane) p).getContentText().contains("-before-restore.db")));
        DialogPane done = lookup(".dialog-pane").queryAll().stream().map(DialogPane.class::cast)
                .filter(p -> p.getContentText().contains("-before-restore.db")).findFirst().orElseThrow();
        assertThat(done.getHeaderText()).isEqualTo("已恢复备份");
        clickOn(done.lookupButton(ButtonType.OK));
        clickOn("#nav-settings");
        @SuppressWarnings("unchecked")
        TableView<Backups.Backup> after = lookup("#backups-table").queryAs(TableView.class);
        waitUntil("both backups listed", () -> after.getItems().size() == 2);
        assertThat(after.getItems()).extracting(Backups.Backup::reason)
                .containsExactlyInAnyOrder("before-import", "before-restore");
    }
}
