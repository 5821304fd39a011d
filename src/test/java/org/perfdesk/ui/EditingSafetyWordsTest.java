package org.perfdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.YearCopy;
import org.perfdesk.evaluation.Rectifications;
import org.perfdesk.exchange.Exporter;
import org.perfdesk.exchange.Feedbacks;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.Signer;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.Workspaces;
import org.perfdesk.exchange.demo.DemoBuilder;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.store.Folders;
import org.perfdesk.store.Workspace;

/**
 * Issue 17, "refuse early, in plain words", through the window: refusals before any chooser or
 * passphrase with a button to the place that fixes them, encrypted packages waiting for the passphrase
 * rather than refused, enrollment requests of registered units, the offer of a year the workspace lacks,
 * lateness from the signed date, and F1. (To be folded into {@code EditingSafetyTest}.)
 */
class EditingSafetyWordsTest extends ShellTest {
    private static final String PASSPHRASE = DemoBuilder.PASSPHRASE;
    @TempDir
    static Path demoDir;
    private static DemoBuilder demo;

    @BeforeAll
    static void buildDemo() {
        demo = DemoBuilder.bundled();
        demo.build(demoDir, "test");
    }

    private Path office() {
        return demo.folderOf(demoDir, demo.office().code());
    }

    /** A unit made with the wizard's "skip" on the office's key file: it knows its office's code only. */
    private static Path unitWithoutKeyFile(Path dir) {
        OrgUnit self = new OrgUnit("TST", "福建省测试厅", OrgKind.DEPARTMENT, demo.office().code(),
                RankingGroup.PROVINCIAL_DEPARTMENTS, null);
        Workspaces.create(dir, new Workspace.Setup(Role.UNIT, self, 2008, "test"), PASSPHRASE.toCharArray())
                .workspace().close();
        return dir;
    }

    @Test
    void withoutTheOfficesKeyFileExportEnrollmentAndImportAreRefusedBeforeAnyChooserOrPassphrase(
            @TempDir Path dir) {
        open(unitWithoutKeyFile(dir.resolve("TST")));
        clickOn("#nav-exchange");
        TabPane tabs = lookup("#exchange-tabs").queryAs(TabPane.class);
        // Said beside the button before it is clicked, too.
        waitUntil("the note on the send tab", () -> lookup("#export-blocked").query().isVisible());
        assertThat(lookup("#export-blocked-go").queryAs(javafx.scene.control.Hyperlink.class).getText())
                .isEqualTo("前往“数据交换 → 登记与密钥”");
        for (String button : List.of("#export-button", "#exchange-request", "#import-files")) {
            String tab = button.equals("#export-button") ? "报送" : button.equals("#import-files") ? "导入答复" : "登记与密钥";
            interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> t.getText().equals(tab)).findFirst().orElseThrow()));
            clickOn(button);
            waitUntil("the refusal of " + button, () -> !lookup("#refusal").queryAll().isEmpty());
            // Refused at once: no folder or file was asked for, no passphrase.
            assertThat(lookup("#unlock-passphrase").queryAll()).isEmpty();
            assertThat(javafx.stage.Window.getWindows()).hasSize(2);
            assertThat(refusalText()).contains("还没有导入效能办的密钥文件").contains("数据交换 → 登记与密钥");
            Button go = lookup("#refusal-go").queryButton();
            assertThat(go.getText()).isEqualTo("前往“数据交换 → 登记与密钥”");
            interact(() -> tabs.getSelectionModel().select(0));
            clickOn(go);
            waitUntil("the refusal closed", () -> lookup("#refusal").queryAll().isEmpty());
            assertThat(lookup("#screen-exchange").query().isVisible()).isTrue();
            assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("登记与密钥");
        }
    }

    @Test
    void anUnexpectedErrorKeepsTheSystemsOwnWordsOutOfTheMessage() {
        interact(() -> org.perfdesk.ui.common.Messages.error(stage,
                new UnsupportedOperationException("Failed to show URI:file:/tmp/x.docx")).getDialogPane().setId("oops"));
        javafx.scene.control.DialogPane pane = (javafx.scene.control.DialogPane) lookup("#oops").query();
        assertThat(pane.getContentText()).doesNotContain("Failed to show URI").doesNotContain("Exception")
                .contains("刚才的操作没有完成");
        // For support, it is all in the details.
        assertThat(((javafx.scene.control.TextArea) pane.getExpandableContent()).getText())
                .contains("Failed to show URI");
    }

    private String refusalText() {
        return ((javafx.scene.control.DialogPane) lookup("#refusal").query()).getContentText();
    }

    @Test
    void theOfficeSeesEncryptedPackagesWaitingForThePassphraseAndEnrollmentRequestsAsWhatTheyAre(
            @TempDir Path stick, @TempDir Path other) throws Exception {
        // On the stick: a unit's sealed plan, a registered unit's new enrollment request, and the request of
        // a unit the office has not registered yet.
        Files.copy(usbFile("XM-", "-plan-"), stick.resolve(usbFile("XM-", "-plan-").getFileName()));
        try (Workspace xm = Workspace.open(demo.folderOf(demoDir, "XM"))) {
            new Exporter(xm, WorkspaceKeys.unlock(xm, PASSPHRASE.toCharArray()))
                    .exportUnitPackage(PackageKind.ENROLLMENT, 2008, stick, null);
        }
        Path tst = unitWithoutKeyFile(other.resolve("TST"));
        try (Workspace ws = Workspace.open(tst)) {
            new Exporter(ws, WorkspaceKeys.unlock(ws, PASSPHRASE.toCharArray()))
                    .exportUnitPackage(PackageKind.ENROLLMENT, 2008, stick, null);
        }

        open(office());
        clickOn("#nav-inbox");
        waitUntil("the inbox", () -> !lookup("#import-panel").queryAll().isEmpty());
        TableView<ImportReport> table = importTable();
        receive("#screen-inbox", stick);
        // The passphrase is asked for after the list shows why.
        waitUntil("the passphrase dialog", () -> !lookup("#unlock-passphrase").queryAll().isEmpty());
        waitUntil("the preview", () -> table.getItems().size() == 3);
        assertThat(verdicts(table)).containsExactlyInAnyOrder("待解密（需输入口令）", "已登记", "待登记")
                .doesNotContain("拒收");
        assertThat(summary()).contains("0 个拒收").contains("1 个已加密").contains("1 份登记申请待登记")
                .contains("1 份登记申请的单位已登记");

        clickOn("#unlock-passphrase").write(PASSPHRASE);
        clickOn(defaultButton());
        waitUntil("the preview with the keys", () -> verdicts(table).contains("可接收"));
        assertThat(verdicts(table)).containsExactlyInAnyOrder("可接收", "已登记", "待登记");
    }

    @Test
    void aUnitSeesTheOfficesEncryptedAnswerWaitingForThePassphrase(@TempDir Path stick) {
        try (Workspace ws = Workspace.open(office())) {
            Signer signer = WorkspaceKeys.unlock(ws, PASSPHRASE.toCharArray());
            new Rectifications(ws).add("XM", 2008, "半年报告逾期报送", "建立报送提醒", null);
            Feedbacks.send(ws, signer, "XM", 2008, "", stick);
        }
        open(demo.folderOf(demoDir, "XM"));
        clickOn("#nav-exchange");
        waitUntil("the exchange screen", () -> !lookup("#import-panel").queryAll().isEmpty());
        receive("#screen-exchange", stick);
        TableView<ImportReport> table = importTable();
        waitUntil("the passphrase dialog", () -> !lookup("#unlock-passphrase").queryAll().isEmpty());
        waitUntil("the preview", () -> table.getItems().size() == 1);
        assertThat(verdicts(table)).containsExactly("待解密（需输入口令）");
        clickOn("#unlock-passphrase").write(PASSPHRASE);
        clickOn(defaultButton());
        waitUntil("the preview with the keys", () -> verdicts(table).equals(List.of("可接收")));
    }

    @Test
    void aPlanForAYearTheOfficeLacksOffersTheYearWhichThenShowsInTheSwitcherAndTheReview(@TempDir Path copy,
                                                                                       @TempDir Path stick)
            throws Exception {
        // 省物价局 starts 2026 from its 2008 tree and sends the plan; the office (a copy) holds only 2008.
        try (Workspace wjj = Workspace.open(demo.folderOf(demoDir, "WJJ"))) {
            List<GoalNode> next = YearCopy.copy(wjj.goals().loadTree("WJJ", 2008), 2026, true);
            wjj.goals().saveAll(next);
            wjj.years().open(2026);
            new Exporter(wjj, WorkspaceKeys.unlock(wjj, PASSPHRASE.toCharArray()))
                    .exportUnitPackage(PackageKind.PLAN, 2026, stick, null);
        }
        Path officeCopy = copy.resolve("office");
        Folders.copyWorkspace(office(), officeCopy);

        open(officeCopy);
        clickOn("#nav-inbox");
        waitUntil("the inbox", () -> !lookup("#import-panel").queryAll().isEmpty());
        TableView<ImportReport> table = importTable();
        receive("#screen-inbox", stick);
        waitUntil("the passphrase dialog", () -> !lookup("#unlock-passphrase").queryAll().isEmpty());
        clickOn("#unlock-passphrase").write(PASSPHRASE);
        clickOn(defaultButton());
        waitUntil("the preview", () -> verdicts(table).equals(List.of("可接收")));
        assertThat(summary()).contains("2026 年度的材料");
        clickOn("#import-commit");
        waitUntil("the offer of the year", () -> !lookup("#import-new-year").queryAll().isEmpty());
        assertThat(((javafx.scene.control.DialogPane) lookup("#import-new-year").query()).getHeaderText())
                .isEqualTo("本工作区还没有 2026 年度");
        clickOn("#import-new-year-add");
        @SuppressWarnings("unchecked")
        ComboBox<Integer> year = lookup("#header-year").queryAs(ComboBox.class);
        waitUntil("the year 2026 shown", () -> Integer.valueOf(2026).equals(year.getValue()));
        assertThat(year.getItems()).containsExactly(2008, 2026);
        assertThat(shell.current().workspace().years().findAll()).contains(2026);

        clickOn("#nav-review");
        @SuppressWarnings("unchecked")
        TableView<org.perfdesk.ui.evaluation.ReviewViewModel.Row> review = lookup("#review-table")
                .queryAs(TableView.class);
        waitUntil("the 2026 plan under review", () -> review.getItems().stream()
                .anyMatch(r -> r.unit().code().equals("WJJ") && !r.plans().isEmpty()));
    }

    @Test
    void submissionsCountFromTheDateTheUnitSignedSoTheDemoReadsSensibly(@TempDir Path copy) throws Exception {
        Path officeCopy = copy.resolve("office");
        Folders.copyWorkspace(office(), officeCopy);
        try (Workspace ws = Workspace.open(officeCopy)) {
            new Importer(ws, WorkspaceKeys.unlock(ws, PASSPHRASE.toCharArray()))
                    .importAll(List.of(demoDir.resolve(DemoBuilder.USB_FOLDER)), false);
        }
        open(officeCopy);
        clickOn("#nav-tracker");
        @SuppressWarnings("unchecked")
        TableView<org.perfdesk.evaluation.SubmissionTracker.Line> tracker = lookup("#tracker-table")
                .queryAs(TableView.class);
        waitUntil("the submissions", () -> tracker.getItems().size() == 7);
        waitUntil("the cells drawn", () -> !lookup(".tracker-late").queryAll().isEmpty());
        List<String> cells = lookup(".table-cell").queryAll().stream()
                .filter(n -> n.getStyleClass().stream().anyMatch(c -> c.startsWith("tracker-")))
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).toList();
        // 南平市 signed its plan on 18 July, three days after the deadline; 厦门市 on 10 July.
        assertThat(cells).contains("2008-07-18 逾期 3 天", "2008-07-10 按时", "未报（截止 2008-08-31）");
        assertThat(cells).noneMatch(t -> t.matches(".*逾期 \\d{3,} 天.*"));
    }

    @Test
    void f1OpensTheShortcutsAndTheGlossary() {
        open(demo.folderOf(demoDir, "SLT"));
        press(KeyCode.F1).release(KeyCode.F1);
        waitUntil("the help", () -> !lookup("#help").queryAll().isEmpty());
        TabPane tabs = lookup("#help-tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(javafx.scene.control.Tab::getText).containsExactly("快捷键", "术语说明");
        List<String> keys = texts(".help-key");
        assertThat(keys).contains("F1", "F6", "Enter", "Esc", "Alt+→ / Alt+←", "Alt+↑ / Alt+↓", "Insert",
                "Ctrl+Insert", "Delete", "Ctrl+Z / Ctrl+Y", "Ctrl+F", "Ctrl+1 … Ctrl+9");
        interact(() -> tabs.getSelectionModel().select(1));
        assertThat(texts(".help-term")).contains("单位", "效能办", "数据包", "目标分解", "指标", "自评", "评估", "整改",
                "核对码", "加密、待解密", "密钥文件");
        // Escape closes it, as it closes a dialog.
        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil("the help closed", () -> lookup("#help").queryAll().isEmpty());
    }

    private List<String> texts(String styleClass) {
        return lookup(styleClass).queryAll().stream().map(n -> ((Label) n).getText()).toList();
    }

    private static Path usbFile(String prefix, String kind) throws Exception {
        try (Stream<Path> usb = Files.list(demoDir.resolve(DemoBuilder.USB_FOLDER))) {
            return usb.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().contains(kind)).findFirst().orElseThrow();
        }
    }

    @SuppressWarnings("unchecked")
    private TableView<ImportReport> importTable() {
        return lookup("#import-table").queryAs(TableView.class);
    }

    /** What the verdict column shows, row by row. */
    private static List<String> verdicts(TableView<ImportReport> table) {
        @SuppressWarnings("unchecked")
        TableColumn<ImportReport, String> verdict = (TableColumn<ImportReport, String>) table.getColumns().stream()
                .filter(c -> "import-verdict".equals(c.getId())).findFirst().orElseThrow();
        return table.getItems().stream().map(r -> verdict.getCellObservableValue(r).getValue()).toList();
    }

    private String summary() {
        return lookup("#import-summary").queryAs(Label.class).getText();
    }

    /** Hands a folder to the screen as a double-clicked package would be (the screen's own preview). */
    private void receive(String screen, Path folder) {
        interact(() -> ((org.perfdesk.ui.common.PackageReceiver) lookup(screen).query().getProperties()
                .get(org.perfdesk.ui.common.Screen.class)).preview(List.of(folder)));
    }

    private Button defaultButton() {
        return lookup(".dialog-pane .button").match(b -> b instanceof Button bt && bt.isDefaultButton()).queryButton();
    }
}
