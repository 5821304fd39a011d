package org.perfdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.control.CheckBox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.exchange.OfficePolicy;
import org.perfdesk.exchange.Workspaces;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.ShellTest;

/** 设置 → 数据交换: the office's "require encrypted packages from units", on for a new office, kept when changed. */
class ExchangePolicyFlowTest extends ShellTest {
    private Path dir;

    @BeforeEach
    void workspace() {
        dir = home.resolve("XNB");
        Workspaces.create(dir, new Workspace.Setup(Role.OFFICE, new OrgUnit("XNB", "福建省效能办", OrgKind.OFFICE, null),
                2008, "test"), "office passphrase".toCharArray()).workspace().close();
    }

    @Test
    void theOfficeSeesAndChangesTheSetting() {
        open(dir);
        clickOn("#nav-settings");
        waitUntil("the setting", () -> lookup("#settings-require-encryption").tryQuery().isPresent());
        CheckBox box = lookup("#settings-require-encryption").queryAs(CheckBox.class);
        assertThat(box.isSelected()).as("on for a new office").isTrue();
        clickOn(box);
        waitUntil("the setting saved", () -> !OfficePolicy.requiresEncryption(shell.current().workspace()));
        assertThat(shell.current().workspace().audit().recent(1).get(0).action()).isEqualTo("policy");
    }
}
