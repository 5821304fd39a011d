package org.perfdesk.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.perfdesk.domain.DocumentIdentity;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.report.Documents;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.ShellTest;
import org.perfdesk.ui.common.IssueDialog;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.goaltree.GoalTreeView;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The largest dialog, 从 Excel 导入目标分解 (sheets, column mapping, preview), made as small as a 1024×600
 * screen less its taskbar (what {@code ScreenFit} does with it there) and as a 1366×768 screen at 150 %:
 * at each step its page scrolls and nothing is cut off, its buttons included. The same for the dialog that
 * asks a document's 成文日期 and 文号 and for the new-workspace wizard's first page with an office's choice of
 * algorithms (国密 or international).
 */
class DialogFitTest extends ShellTest {
    private static final Path WORKBOOK = Path.of("src/test/resources/org/perfdesk/report/xlsx/corpus/departments.xlsx");

    @Test
    void theExcelImportFitsASmallScreenAtEveryStep() {
        Path dir = home.resolve("JSJ");
        Workspace.create(dir, new Workspace.Setup(Role.UNIT, new OrgUnit("JSJ", "市交通运输局", OrgKind.DEPARTMENT, "XNB"),
                2026, "test")).close();
        open(dir);
        clickOn("#nav-goals");
        waitUntil("the goal tree", () -> !lookup("#goals-table").queryAll().isEmpty());
        GoalTreeView screen = (GoalTreeView) lookup("#screen-goals").query().getProperties().get(Screen.class);
        interact(() -> screen.importXlsx(WORKBOOK));
        waitUntil("the import dialog", () -> lookup("#xlsx-import").tryQuery().isPresent());
        DialogPane pane = lookup("#xlsx-import").queryAs(DialogPane.class);
        Window dialog = pane.getScene().getWindow();

        List<String> problems = new ArrayList<>();
        check(dialog, "sheets", problems);
        clickOn("#xlsx-next");
        waitUntil("the mapping", () -> lookup("#xlsx-mapping").tryQuery().isPresent());
        check(dialog, "mapping", problems);
        clickOn("#xlsx-next");
        waitUntil("the preview", () -> lookup("#xlsx-preview-tree").tryQuery().isPresent());
        check(dialog, "preview", problems);
        assertThat(problems).as("layout problems of the dialog").isEmpty();
        interact(() -> ((javafx.stage.Stage) dialog).close());
    }

    @Test
    void theIssueDialogFitsASmallScreen() {
        Path dir = home.resolve("JSJ");
        try (Workspace ws = Workspace.create(dir, new Workspace.Setup(Role.UNIT, new OrgUnit("JSJ", "市交通运输局",
                OrgKind.DEPARTMENT, "XNB"), 2026, "test"))) {
            // A 文号 prefix: the dialog shows its number row (prefix, number, 号) as well as the 成文日期.
            ws.documents().saveIdentity(new DocumentIdentity(List.of(new DocumentIdentity.Issuer("厦门市交通运输局",
                    "厦门市交通运输局")), "文件", "厦交", 1, 2026, "市效能办", List.of(), "厦门市交通运输局办公室",
                    "张三"));
        }
        open(dir);
        interact(() -> IssueDialog.ask(stage, shell.current(), Documents.ANNUAL, "厦门市交通运输局2026年度绩效管理工作总结",
                null, issue -> { }));
        waitUntil("the issue dialog", () -> lookup("#issue-dialog").tryQuery().isPresent());
        assertThat(lookup("#issue-number").tryQuery()).as("the 文号 row").isPresent();
        Window dialog = lookup("#issue-dialog").query().getScene().getWindow();
        List<String> problems = new ArrayList<>();
        check(dialog, "issue", problems);
        assertThat(problems).as("layout problems of the dialog").isEmpty();
        interact(() -> ((javafx.stage.Stage) dialog).close());
    }

    @Test
    void theNewWorkspaceWizardWithTheSuiteChoiceFitsASmallScreen() {
        clickOn("#welcome-create");
        waitUntil("the wizard", () -> lookup("#create-role").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Role> role = lookup("#create-role").queryAs(javafx.scene.control.ComboBox.class);
        interact(() -> role.setValue(Role.OFFICE));
        waitUntil("the suite choice", () -> lookup("#create-suite").tryQuery().map(javafx.scene.Node::isVisible)
                .orElse(false));
        Window dialog = role.getScene().getWindow();
        List<String> problems = new ArrayList<>();
        check(dialog, "wizard", problems);
        assertThat(problems).as("layout problems of the wizard").isEmpty();
        interact(() -> ((javafx.stage.Stage) dialog).close());
    }

    private void check(Window dialog, String step, List<String> problems) {
        for (int[] size : new int[][] {{1024, 560}, {910, 440}}) {
            interact(() -> {
                dialog.setWidth(size[0]);
                dialog.setHeight(size[1]);
                dialog.getScene().getRoot().applyCss();
                dialog.getScene().getRoot().layout();
            });
            WaitForAsyncUtils.waitForFxEvents(3);
            interact(() -> problems.addAll(LayoutCheck.problems(dialog.getScene(), step + " " + size[0] + "x" + size[1])));
        }
    }
}
