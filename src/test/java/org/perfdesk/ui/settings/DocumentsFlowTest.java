package org.perfdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfdesk.domain.DocumentIdentity;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.exchange.Workspaces;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.ShellTest;

/** 公文: the office sets its 文号 prefix once; the preview shows the 版头 it gives; a bad start number is named, not saved. */
class DocumentsFlowTest extends ShellTest {
    private Path dir;

    @BeforeEach
    void workspace() {
        dir = home.resolve("XNB");
        Workspaces.create(dir, new Workspace.Setup(Role.OFFICE, new OrgUnit("XNB", "福建省机关效能建设领导小组办公室",
                OrgKind.OFFICE, null), 2008, "test"), "office passphrase".toCharArray()).workspace().close();
    }

    @Test
    void theOfficeSetsItsNumberPrefixAndSeesTheLetterheadItGives() {
        open(dir);
        clickOn("#nav-documents");
        waitUntil("the form", () -> lookup("#docs-prefix").tryQuery().isPresent()
                && !lookup("#docs-printed-by").queryAs(TextField.class).getText().isEmpty());
        Label preview = lookup("#docs-preview").queryAs(Label.class);
        assertThat(preview.getText()).as("no prefix yet: no 版头").contains("不带版头");

        TextField next = lookup("#docs-next").queryAs(TextField.class);
        interact(() -> next.setText("第三"));
        @SuppressWarnings("unchecked")
        ListView<String> problems = lookup("#docs-problems").queryAs(ListView.class);
        interact(() -> lookup("#docs-prefix").queryAs(TextField.class).setText("闽效"));
        waitUntil("the bad number named", () -> problems.getItems().stream().anyMatch(s -> s.contains("第三")));
        assertThat(shell.current().workspace().documents().identity()).as("not saved while wrong").isEmpty();

        interact(() -> next.setText("３"));
        waitUntil("saved", () -> shell.current().workspace().documents().identity()
                .map(DocumentIdentity::numberPrefix).orElse("").equals("闽效"));
        DocumentIdentity saved = shell.current().workspace().documents().identity().orElseThrow();
        assertThat(saved.firstNumber(java.time.LocalDate.now().getYear())).isEqualTo(3);
        assertThat(saved.copyTo()).contains("省委组织部");
        assertThat(preview.getText()).contains("福建省机关效能建设领导小组办公室文件").contains("闽效〔")
                .contains("〕3号");
    }
}
