package org.perfdesk.ui.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.Appraisal;
import org.perfdesk.domain.Inspection;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.DemoOffice;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.store.ReleaseFixtures;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.ShellTest;
import org.perfdesk.ui.common.Screen;

/**
 * The audit log screen reads as sentences in the interface language (units by name, who as the office,
 * no raw JSON, ids, seeds or operating-system logins), exports what it shows, and its check finds a row
 * edited behind the program's back.
 */
class AuditFlowTest extends ShellTest {
    @TempDir
    static Path demoDir;
    @TempDir
    Path copy;

    @SuppressWarnings("unchecked")
    private TableView<AuditView.Row> auditTable() {
        clickOn("#nav-audit");
        waitUntil("the audit screen", () -> !lookup("#audit-table").queryAll().isEmpty());
        return lookup("#audit-table").queryAs(TableView.class);
    }

    @Test
    void theCheckNamesTheEntryThatWasEditedInTheDatabase() throws Exception {
        Path office = DemoOffice.evaluatedCopy(demoDir, copy);
        try (Workspace ws = Workspace.open(office)) {
            Evaluator e = new Evaluator(ws);
            e.saveInspection(new Inspection("i1", "XM", 2008, LocalDate.of(2008, 9, 3), Inspection.Kind.OPEN,
                    "窗口服务不规范", new BigDecimal("0.5"), null), "明查");
            e.saveInspection(new Inspection("i2", "NP", 2008, LocalDate.of(2008, 9, 4), Inspection.Kind.UNANNOUNCED,
                    "工作时间脱岗", new BigDecimal("1"), null), "暗访");
            e.approve(2008, LocalDate.of(2009, 3, 10), "第十四次会议", "省机关效能建设领导小组", "");
            e.freeze(2008, "领导小组审定");
        }

        open(office);
        TableView<AuditView.Row> table = auditTable();
        waitUntil("the entries", () -> table.getItems().size() >= 3);
        // Newest first: the freeze, the approval it rests on, then the two inspections.
        assertThat(table.getItems().get(0).kind()).isEqualTo("冻结结果");
        assertThat(table.getItems().get(0).sentence())
                .isEqualTo("冻结 2008 年评估结果（按评估方案第 1 版，依据第十四次会议），理由：领导小组审定");
        assertThat(table.getItems().get(1).kind()).isEqualTo("领导小组审定");
        assertThat(table.getItems().get(1).sentence())
                .isEqualTo("记录 2008 年评估结果的领导小组审定：2009-03-10，第十四次会议，省机关效能建设领导小组");
        clickOn("#audit-search").write("脱岗");
        waitUntil("the search", () -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).sentence())
                .isEqualTo("记录南平市人民政府的暗访（2008-09-04）：工作时间脱岗，扣 1 分，理由：暗访");

        clickOn("#audit-check");
        waitUntil("the verdict", () -> !lookup("#audit-verdict").queryAs(Label.class).getText().isEmpty());
        assertThat(lookup("#audit-verdict").queryAs(Label.class).getText()).startsWith("审计日志完整");
        long tampered = table.getItems().get(0).entry().seq();

        // Someone edits the NP record's text with an SQLite tool, beside the running program.
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + office.resolve("perfdesk.db"));
             var ps = c.prepareStatement("UPDATE audit_log SET after = replace(after, '工作时间脱岗', '无'), "
                     + "detail = replace(detail, '工作时间脱岗', '无') WHERE seq = ?")) {
            ps.setLong(1, tampered);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        clickOn("#audit-check");
        waitUntil("the verdict", () -> lookup("#audit-verdict").queryAs(Label.class).getText().startsWith("⚠"));
        assertThat(lookup("#audit-verdict").queryAs(Label.class).getText()).isEqualTo("⚠ 审计日志第 " + tampered
                + " 条记录在写入后被改动过（内容与记录时的校验码不符）。请保留本工作区原样，并从备份中查找原记录。");
        assertThat(table.getSelectionModel().getSelectedItem().entry().seq()).isEqualTo(tampered);
    }

    /** The office of release 0.1.0 (24 entries of every kind), upgraded, with two entries of today's code. */
    private Path upgradedOffice() throws Exception {
        Path office = ReleaseFixtures.officeV6(copy.resolve("v6"));
        try (Workspace ws = Workspace.open(office)) {
            Evaluator e = new Evaluator(ws);
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put("满意", 140);
            counts.put("比较满意", 40);
            counts.put("基本满意", 20);
            counts.put("不满意", 0);
            e.saveAppraisals(List.of(new Appraisal("XM", 2008, 2, 200, counts)), "公众评议导入：第二轮更正.xlsx");
            e.saveBonus(new org.perfdesk.domain.Bonus("b2", "XM", 2008, new BigDecimal("0.5"), "获省政府表彰"));
        }
        return office;
    }

    /** Every text the table holds and every cell it shows. */
    private List<String> shownTexts(TableView<AuditView.Row> table) {
        List<String> texts = new ArrayList<>();
        for (AuditView.Row r : table.getItems()) {
            texts.addAll(List.of(r.time(), r.who(), r.kind(), r.sentence()));
        }
        for (Node cell : lookup("#audit-table .table-cell").queryAll()) {
            if (cell instanceof Labeled l && l.getText() != null) {
                texts.add(l.getText());
            }
        }
        return texts;
    }

    /** No raw texts of the entries: JSON, "XM 2008 round 2", "seed=…", "RETURNED plan=…", "1 items, package …". */
    private static void assertNoRawData(List<String> texts) {
        String login = System.getProperty("user.name", "");
        for (String t : texts) {
            assertThat(t).doesNotContain("{").doesNotContain("}").doesNotContain("|").doesNotContain("2008 round")
                    .doesNotContain("seed=").doesNotContain("plan=").doesNotContain("items, package")
                    .doesNotContain("RETURNED").doesNotContain("APPROVED").doesNotContain("null")
                    .doesNotContain("理由：默认评估方案").doesNotContain("公众评议导入：");
            if (login.length() >= 3) {
                assertThat(t).as("the operating system's login").doesNotContain(login);
            }
        }
    }

    @Test
    void everyEntryReadsAsAChineseSentence() throws Exception {
        open(upgradedOffice());
        TableView<AuditView.Row> table = auditTable();
        waitUntil("the entries", () -> table.getItems().size() == 26);
        List<String> sentences = table.getItems().stream().map(AuditView.Row::sentence).toList();
        assertThat(sentences).contains(
                "为厦门市 2008 年加 0.5 分：获省政府表彰",
                "将厦门市 2008 年第 2 轮公众评议由 91.00 分改为 92.00 分（样本 200 人），由公众评议结果表“第二轮更正.xlsx”导入",
                "将厦门市 2008 年第 2 轮公众评议由 86.00 分改为 91.00 分（样本 200 人），由公众评议结果表“appraisal-2008-fixed.xlsx”导入",
                "将厦门市“行政审批事项办结率”的考核得分由 8.5 分改为 9 分，理由：复核后补齐台账",
                "将福建省水利厅的排名分组由“不参加排名”改为“省直部门”，理由：纳入省直部门考核",
                "将厦门市 2008 年绩效目标方案退回修改，理由：指标值偏低，请按省定标准修改",
                "向厦门市发出 2008 年评估结果反馈（含整改事项 1 项）",
                "保存 2008 年默认评估方案（第 1 版）",
                "修改 2008 年评估方案（第 1 版）：指标考核权重由 70 改为 75；公众评议权重由 30 改为 25，理由：领导小组会议决定调整权重");
        assertThat(table.getItems()).allSatisfy(r -> assertThat(r.who()).isEqualTo("福建省效能办"));
        assertNoRawData(shownTexts(table));
        assertThat(shownTexts(table)).noneMatch(t -> t.contains("round"));

        // The raw entry stays available for support, folded away below the table.
        clickOn("#audit-details-pane");
        interact(() -> table.getSelectionModel().select(0));
        waitUntil("the details", () -> !lookup("#audit-details").queryTextInputControl().getText().isEmpty());
        assertThat(lookup("#audit-details").queryTextInputControl().getText()).contains("系统登录名：")
                .contains("\"points\":\"0.5\"");

        clickOn("#audit-check");
        waitUntil("the verdict", () -> !lookup("#audit-verdict").queryAs(Label.class).getText().isEmpty());
        assertThat(lookup("#audit-verdict").queryAs(Label.class).getText())
                .startsWith("审计日志完整：共 26 条记录，没有被改动、删除或调换的。第 1–24 条是升级前的记录，按原来的规则核对；第 25 条起用本工作区的审计密钥核对。");
    }

    @Test
    void everyEntryReadsAsAnEnglishSentenceInTheEnglishWindow() throws Exception {
        Path office = upgradedOffice();
        Texts.use(Locale.ENGLISH);
        try {
            open(office);
            TableView<AuditView.Row> table = auditTable();
            waitUntil("the entries", () -> table.getItems().size() == 26);
            List<String> sentences = table.getItems().stream().map(AuditView.Row::sentence).toList();
            assertThat(sentences).contains(
                    "Added 0.5 bonus points for 厦门市 in 2008: 获省政府表彰",
                    "Changed round 2 of the public appraisal of 厦门市 for 2008 from 86.00 to 91.00 points (sample of 200), "
                            + "imported from the form \"appraisal-2008-fixed.xlsx\"",
                    "Returned the 2008 work plan of 厦门市 for revision; reason: 指标值偏低，请按省定标准修改",
                    "Sent the 2008 results feedback to 厦门市 with 1 rectification item(s)",
                    "Saved the default evaluation scheme for 2008 (version 1)");
            assertThat(table.getItems()).extracting(AuditView.Row::kind).contains("Appraisal", "Bonus", "Plan review");
            assertNoRawData(shownTexts(table));
        } finally {
            Texts.use(Texts.CHINESE);
        }
    }

    @Test
    void theExportedWorkbookHoldsTheSentencesAndTheCheck() throws Exception {
        open(upgradedOffice());
        TableView<AuditView.Row> table = auditTable();
        waitUntil("the entries", () -> table.getItems().size() == 26);
        Path file = copy.resolve("审计日志.xlsx");
        AuditView view = (AuditView) lookup("#screen-audit").query().getProperties().get(Screen.class);
        interact(() -> view.export(file.toFile()));
        waitUntil("the workbook", () -> Files.exists(file));
        waitUntil("the verdict", () -> !lookup("#audit-verdict").queryAs(Label.class).getText().isEmpty());

        List<String> cells = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                row.forEach(c -> cells.add(c.getStringCellValue()));
            }
        }
        assertThat(cells).contains("福建省效能办审计日志", "保存 2008 年默认评估方案（第 1 版）", "为厦门市 2008 年加 0.5 分：获省政府表彰");
        assertThat(cells).anyMatch(c -> c.startsWith("审计日志完整：共 26 条记录") && c.contains("最后一条（第 26 条）的校验码："));
        assertThat(cells.stream().filter(c -> c.equals("福建省效能办")).count()).isEqualTo(26);
    }
}
