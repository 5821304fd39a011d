package org.perfdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.TrustedKey;
import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.Workspaces;
import org.perfdesk.exchange.crypto.Ed25519;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.store.Workspace;

/** A unit's first start: the wizard, with the office's card checked by its fingerprint, to a working workspace. */
class CreateWorkspaceWizardTest extends ShellTest {
    private Path cardFile;
    private Payloads.Card card;

    @BeforeEach
    void officeHandsOutItsCard() {
        try (Workspace office = Workspaces.create(home.resolve("office"), new Workspace.Setup(Role.OFFICE,
                new OrgUnit("XNB", "省效能办", OrgKind.OFFICE, null), 2008, "test"), "office-pass".toCharArray())
                .workspace()) {
            card = KeyRegistry.card(office);
            cardFile = home.resolve("XNB-card.json");
            KeyRegistry.writeCard(card, cardFile);
        }
    }

    private String problem() {
        return lookup("#create-problem").queryAs(Label.class).getText();
    }

    private boolean enabled(String id) {
        Button b = lookup(id).queryAs(Button.class);
        return b.isVisible() && !b.isDisabled();
    }

    private void replaceText(String id, String text) {
        TextField f = lookup(id).queryAs(TextField.class);
        clickOn(f);
        interact(f::clear);
        write(text);
    }

    /** Paths are pasted or come from the file chooser, not typed. */
    private void paste(String id, String text) {
        TextField f = lookup(id).queryAs(TextField.class);
        clickOn(f);
        interact(() -> f.setText(text));
    }

    @Test
    void aUnitIsCreatedWithTheOfficesCardPinnedAndIsToldItsFingerprint() {
        clickOn("#welcome-create");
        waitUntil("the wizard", () -> lookup("#create-code").tryQuery().isPresent());
        assertThat(enabled("#create-next")).isFalse();
        assertThat(problem()).isEqualTo("请填写单位代码。");

        replaceText("#create-code", "TEST");
        replaceText("#create-name", "测试厅");
        assertThat(problem()).isEmpty();
        clickOn("#create-next");

        // The card: read from its file, then the fingerprint as read out by phone.
        waitUntil("the card page", () -> lookup("#create-card-file").tryQuery().isPresent());
        assertThat(enabled("#create-next")).as("the card may be skipped").isTrue();
        paste("#create-card-file", cardFile.toString());
        type(KeyCode.ENTER);
        waitUntil("the card read", () -> card.fingerprint().equals(
                lookup("#create-card-fingerprint").queryAs(Label.class).getText()));
        assertThat(lookup("#create-card-who").queryAs(Label.class).getText()).contains("省效能办");
        assertThat(enabled("#create-next")).as("a card without the fingerprint read out").isFalse();
        replaceText("#create-card-typed", "0000 0000 0000 0000 0000 0000 0000 0000");
        assertThat(problem()).startsWith("核对码不一致");
        assertThat(enabled("#create-next")).isFalse();
        replaceText("#create-card-typed", card.fingerprint().toLowerCase().replace(" ", ""));
        assertThat(problem()).isEmpty();
        clickOn("#create-next");

        waitUntil("the folder page", () -> lookup("#create-folder").tryQuery().isPresent());
        paste("#create-folder", home.resolve("TEST").toString());
        assertThat(lookup("#create-location-warning").queryAs(Label.class).getText()).isEmpty();
        // Back keeps what was entered.
        clickOn("#create-back");
        waitUntil("the card page again", () -> lookup("#create-card-fingerprint").tryQuery().isPresent());
        assertThat(lookup("#create-card-fingerprint").queryAs(Label.class).getText()).isEqualTo(card.fingerprint());
        clickOn("#create-next");
        waitUntil("the folder page again", () -> lookup("#create-folder").tryQuery().isPresent());
        clickOn("#create-next");

        waitUntil("the passphrase page", () -> lookup("#create-passphrase").tryQuery().isPresent());
        replaceText("#create-passphrase", "abc");
        assertThat(lookup("#create-strength").queryAs(Label.class).getText()).isEqualTo("口令强度：太短");
        assertThat(enabled("#create-finish")).isFalse();
        replaceText("#create-passphrase", "Shuili-2008-fangxun");
        assertThat(lookup("#create-strength").queryAs(Label.class).getText()).isEqualTo("口令强度：强");
        replaceText("#create-passphrase-again", "Shuili-2008-fangxun");
        assertThat(enabled("#create-finish")).isTrue();
        clickOn("#create-finish");

        waitUntil("the new workspace's window", () -> shell.current() != null
                && lookup("#create-done").tryQuery().isPresent());
        Workspace ws = shell.current().workspace();
        assertThat(ws.dir()).isEqualTo(home.resolve("TEST"));
        assertThat(ws.self().parentCode()).isEqualTo("XNB");
        assertThat(ws.trustedKeys().findByUnit("XNB")).extracting(TrustedKey::source)
                .containsExactly(TrustedKey.Source.PINNED);
        String own = Ed25519.fingerprint(WorkspaceKeys.publicKey(ws));
        assertThat(lookup("#create-done").queryAs(DialogPane.class).getContentText()).contains(own).contains("省效能办");
        // The unit asked nothing about algorithms: it took the office's (international) from the card.
        assertThat(org.perfdesk.exchange.SuitePlan.forYear(ws, 2008))
                .isEqualTo(org.perfdesk.exchange.crypto.Suite.INTL);
    }

    @Test
    void anOfficeChoosesItsAlgorithmsAndGmIsTheChineseDefault() {
        clickOn("#welcome-create");
        waitUntil("the wizard", () -> lookup("#create-code").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Role> role = lookup("#create-role").queryAs(javafx.scene.control.ComboBox.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.perfdesk.exchange.crypto.Suite> suite =
                lookup("#create-suite").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(suite.isVisible()).as("a unit takes its office's algorithms").isFalse();
        interact(() -> role.setValue(Role.OFFICE));
        waitUntil("the office's first page", () -> lookup("#create-suite").tryQuery().isPresent()
                && lookup("#create-suite").query().isVisible());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.perfdesk.exchange.crypto.Suite> officeSuite =
                lookup("#create-suite").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(officeSuite.getValue()).isEqualTo(org.perfdesk.exchange.crypto.Suite.GM);
        assertThat(officeSuite.getItems()).containsExactly(org.perfdesk.exchange.crypto.Suite.GM,
                org.perfdesk.exchange.crypto.Suite.INTL);
        assertThat(lookup("#create-suite-hint").queryAs(Label.class).getText()).contains("国密");
        replaceText("#create-code", "FJXNB");
        replaceText("#create-name", "福建省效能办");
        clickOn("#create-next");
        waitUntil("the folder page", () -> lookup("#create-folder").tryQuery().isPresent());
        paste("#create-folder", home.resolve("FJXNB").toString());
        clickOn("#create-next");
        waitUntil("the passphrase page", () -> lookup("#create-passphrase").tryQuery().isPresent());
        replaceText("#create-passphrase", "Xiaoneng-2008-guomi");
        replaceText("#create-passphrase-again", "Xiaoneng-2008-guomi");
        clickOn("#create-finish");

        waitUntil("the new workspace's window", () -> shell.current() != null);
        Workspace ws = shell.current().workspace();
        assertThat(org.perfdesk.exchange.SuitePlan.forYear(ws, ws.currentYear()))
                .isEqualTo(org.perfdesk.exchange.crypto.Suite.GM);
        assertThat(org.perfdesk.exchange.crypto.Suite.ofKey(WorkspaceKeys.publicKey(ws)))
                .isEqualTo(org.perfdesk.exchange.crypto.Suite.GM);
    }
}
