package org.perfdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.Workspaces;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.ShellTest;

/**
 * 设置 → 密钥: the status bar warns until the keys are backed up, a rotation asks for a new backup,
 * and a lost keys folder comes back from the backup under a new passphrase.
 */
class KeysFlowTest extends ShellTest {
    private static final String PASSPHRASE = "office passphrase";
    private static final String BACKUP = "backup passphrase";
    private Path dir;

    @BeforeEach
    void workspace() {
        dir = home.resolve("XNB");
        Workspaces.create(dir, new Workspace.Setup(Role.OFFICE, new OrgUnit("XNB", "福建省效能办", OrgKind.OFFICE, null),
                2008, "test"), PASSPHRASE.toCharArray()).workspace().close();
    }

    private Node warning() {
        return lookup("#status-key-backup").query();
    }

    private String backupStatus() {
        return lookup("#settings-key-backup-status").queryAs(Label.class).getText();
    }

    private void type(String id, String text) {
        waitUntil(id, () -> lookup(id).tryQuery().isPresent());
        clickOn(id).write(text);
    }

    private void ok() {
        clickOn(lookup(".dialog-pane .button").match(b -> b instanceof javafx.scene.control.Button bt
                && bt.isDefaultButton() && bt.isVisible() && !bt.isDisabled()).queryButton());
    }

    private void closeMessage(String header) {
        waitUntil("the message " + header, () -> lookup(".dialog-pane").queryAll().stream()
                .anyMatch(p -> header.equals(((DialogPane) p).getHeaderText())));
        DialogPane done = lookup(".dialog-pane").queryAll().stream().map(DialogPane.class::cast)
                .filter(p -> header.equals(p.getHeaderText())).findFirst().orElseThrow();
        clickOn(done.lookupButton(ButtonType.OK));
    }

    @Test
    void backUpRotateAndRestoreFromTheSettings() throws Exception {
        open(dir);
        assertThat(warning().isVisible()).as("not backed up yet").isTrue();
        clickOn("#status-key-backup");
        waitUntil("the settings", () -> lookup("#settings-keys").tryQuery().isPresent());
        waitUntil("the key status", () -> backupStatus().contains("尚未备份"));
        assertThat(lookup("#settings-encryption-key").queryAs(Label.class).getText())
                .matches("([0-9A-F]{4} ){7}[0-9A-F]{4}");
        KeysPane pane = (KeysPane) lookup("#settings-keys").query().getProperties().get(KeysPane.class);

        Path safe = Files.createDirectories(home.resolve("safe"));
        javafx.application.Platform.runLater(() -> pane.backupTo(safe));
        type("#unlock-passphrase", PASSPHRASE);
        ok();
        type("#backup-passphrase", BACKUP);
        type("#backup-passphrase-again", "not the same");
        assertThat(lookup("#passphrase-problem").queryAs(Label.class).getText()).contains("不一致");
        interact(() -> lookup("#backup-passphrase-again").queryAs(javafx.scene.control.PasswordField.class).clear());
        type("#backup-passphrase-again", BACKUP);
        ok();
        closeMessage("密钥已备份");
        waitUntil("the warning gone", () -> !warning().isVisible());
        assertThat(backupStatus()).startsWith("密钥已于");
        Path backup;
        try (Stream<Path> s = Files.list(safe)) {
            backup = s.findFirst().orElseThrow();
        }

        clickOn("#settings-key-rotate");
        waitUntil("the question", () -> lookup("#keys-rotate-question").tryQuery().isPresent());
        DialogPane question = lookup("#keys-rotate-question").queryAs(DialogPane.class);
        assertThat(question.getContentText()).contains("旧密钥继续保留");
        clickOn(question.lookupButton(ButtonType.OK));
        type("#unlock-passphrase", PASSPHRASE);
        ok();
        closeMessage("已更换加密密钥");
        waitUntil("the warning back", () -> warning().isVisible());
        assertThat(lookup("#settings-encryption-key").queryAs(Label.class).getText()).contains("另保留 1 个旧密钥");

        // The keys folder is lost and the passphrase forgotten.
        Workspace ws = shell.current().workspace();
        try (Stream<Path> s = Files.walk(ws.keysDir())) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        javafx.application.Platform.runLater(() -> pane.restoreFrom(backup));
        type("#restore-backup-passphrase", BACKUP);
        type("#restore-passphrase", "a new passphrase");
        type("#restore-passphrase-again", "a new passphrase");
        ok();
        closeMessage("密钥已恢复");
        var back = WorkspaceKeys.unlock(ws, "a new passphrase".toCharArray());
        assertThat(back.keyRing().keyIds()).hasSize(1); // the backup was made before the rotation
        waitUntil("backed up again", () -> !warning().isVisible());
    }
}
