package org.perfdesk.report.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.Appraisal;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.report.DemoOffice;
import org.perfdesk.report.xlsx.AppraisalProblem.Reason;
import org.perfdesk.store.Backups;
import org.perfdesk.store.Workspace;

/** The public-appraisal form on the demo office: written, filled in, checked, imported all or nothing. */
class AppraisalXlsxTest {
    @TempDir
    Path dir;
    private Workspace office;
    private Path form;

    @BeforeEach
    void office() {
        office = Workspace.open(DemoOffice.copyTo(dir.resolve("office")));
        form = dir.resolve("公众评议.xlsx");
        AppraisalXlsx.template(office, 2008, form);
    }

    @AfterEach
    void close() {
        office.close();
    }

    private Path filled(String name, java.util.function.Consumer<XSSFSheet> more) throws IOException {
        return AppraisalSheets.edit(form, dir.resolve(name), s -> {
            AppraisalSheets.fill(s, AppraisalSheets.DEMO);
            more.accept(s);
        });
    }

    @Test
    void theFormHasARowPerUnitAndRoundAndTheSchemesLevels() throws IOException {
        try (InputStream in = Files.newInputStream(form); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheet("公众评议");
            DataFormatter f = new DataFormatter();
            assertThat(f.formatCellValue(sheet.getRow(0).getCell(0))).isEqualTo("2008年度公众评议结果");
            List<String> headers = new java.util.ArrayList<>();
            sheet.getRow(AppraisalSheetWriter.HEADER_ROW).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("单位代码", "单位名称", "轮次", "样本量", "满意", "比较满意", "基本满意",
                    "不满意", "合计", "得分", "填报单位");
            // Who fills each row in: the survey team for the cities, the statistics bureau for the departments.
            assertThat(f.formatCellValue(sheet.getRow(3).getCell(10))).isEqualTo("国家统计局福建调查总队");
            assertThat(f.formatCellValue(sheet.getRow(sheet.getLastRowNum()).getCell(10))).isEqualTo("省统计局");
            assertThat(sheet.getLastRowNum() - AppraisalSheetWriter.HEADER_ROW).isEqualTo(14);
            assertThat(f.formatCellValue(sheet.getRow(3).getCell(1))).isEqualTo("南平市人民政府");
            // The header stays in view and prints on every page.
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("3:3");
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            // The guide gives the formula with a worked example under the year's scheme.
            XSSFSheet guide = wb.getSheet("填写说明");
            StringBuilder text = new StringBuilder();
            guide.forEach(r -> r.forEach(c -> text.append(f.formatCellValue(c)).append('\n')));
            assertThat(text).contains("每轮得分 = Σ（各选项人数 × 该选项分值）÷ 样本量")
                    .contains("（120×100 + 50×80 + 20×60 + 10×0）÷ 200 = 86.00")
                    .contains("各轮得分的平均值").contains("30% × 公众评议得分")
                    .contains("福建省物价局");
        }
    }

    @Test
    void aFilledFormImportsEveryRoundAndTheScoresFollowTheFormula() throws IOException {
        Path file = filled("filled.xlsx", s -> { });
        int audited = office.audit().all().size();

        AppraisalXlsx.Parsed parsed = AppraisalXlsx.parse(office, 2008, file);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).hasSize(14).allSatisfy(l -> assertThat(l.change()).isEqualTo(AppraisalXlsx.Change.ADDED));
        assertThat(parsed.rows()).filteredOn(l -> l.appraisal().unitCode().equals("DSJ"))
                .extracting(l -> l.appraisal().round(), l -> l.score().toPlainString(), AppraisalXlsx.Line::row)
                // (120×100 + 50×80 + 20×60 + 10×0) ÷ 200 and (126×100 + 48×80 + 18×60 + 8×0) ÷ 200
                .containsExactly(tuple(1, "86.00", 8), tuple(2, "87.60", 9));
        assertThat(office.evaluation().appraisals().findByYear(2008)).as("parse writes nothing").isEmpty();

        AppraisalXlsx.Applied applied = AppraisalXlsx.apply(office, parsed);

        assertThat(applied.added()).isEqualTo(14);
        assertThat(applied.backup()).exists();
        assertThat(Backups.of(office).list()).anySatisfy(b -> assertThat(b.reason()).isEqualTo("before-appraisal-import"));
        assertThat(office.evaluation().appraisals().findByUnit("DSJ", 2008)).containsExactly(
                new Appraisal("DSJ", 2008, 1, 200, counts(120, 50, 20, 10)),
                new Appraisal("DSJ", 2008, 2, 200, counts(126, 48, 18, 8)));
        assertThat(office.audit().all()).hasSize(audited + 14);
        assertThat(office.audit().recent(1).get(0).reason()).isEqualTo("公众评议导入：filled.xlsx");
        assertThat(office.audit().check()).isEmpty();
        // The unit's appraisal score is the mean of its rounds: (86.00 + 87.60) ÷ 2.
        Evaluation.UnitResult dsj = new Evaluator(office).evaluate(2008).stream()
                .filter(r -> r.unit().code().equals("DSJ")).findFirst().orElseThrow();
        assertThat(dsj.appraisalScore()).isEqualByComparingTo("86.80");
        assertThat(dsj.notes()).doesNotContain("results.note.noAppraisal");
    }

    @Test
    void importingTheSameFiguresAgainChangesNothingAndTheFormThenCarriesThem() throws IOException {
        Path file = filled("filled.xlsx", s -> { });
        AppraisalXlsx.apply(office, AppraisalXlsx.parse(office, 2008, file));
        int audited = office.audit().all().size();
        int backups = Backups.of(office).list().size();

        AppraisalXlsx.Parsed again = AppraisalXlsx.parse(office, 2008, file);
        assertThat(again.count(AppraisalXlsx.Change.UNCHANGED)).isEqualTo(14);
        assertThat(AppraisalXlsx.apply(office, again)).isEqualTo(new AppraisalXlsx.Applied(0, 0, 14, null));
        assertThat(office.audit().all()).hasSize(audited);
        assertThat(Backups.of(office).list()).hasSize(backups);

        Path export = dir.resolve("export.xlsx");
        AppraisalXlsx.template(office, 2008, export);
        try (InputStream in = Files.newInputStream(export); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet s = wb.getSheet("公众评议");
            int row = AppraisalSheets.rowOf(s, "DSJ", 1);
            Cell satisfied = s.getRow(row - 1).getCell(AppraisalSheets.column(s, "满意"));
            assertThat(satisfied.getNumericCellValue()).isEqualTo(120);
        }
        // A changed figure replaces the stored round.
        Path changed = AppraisalSheets.edit(export, dir.resolve("changed.xlsx"), s -> {
            int row = AppraisalSheets.rowOf(s, "DSJ", 1);
            AppraisalSheets.set(s, row, "满意", 110);
            AppraisalSheets.set(s, row, "不满意", 20);
        });
        AppraisalXlsx.Parsed replaced = AppraisalXlsx.parse(office, 2008, changed);
        assertThat(replaced.count(AppraisalXlsx.Change.REPLACED)).isEqualTo(1);
        assertThat(AppraisalXlsx.apply(office, replaced).replaced()).isEqualTo(1);
        assertThat(office.audit().recent(1).get(0).before()).contains("\"满意\":120");
        assertThat(office.audit().recent(1).get(0).after()).contains("\"满意\":110");
    }

    @Test
    void everyBadRowIsListedWithItsColumnAndNothingIsSaved() throws IOException {
        Path file = filled("bad.xlsx", s -> {
            AppraisalSheets.set(s, 4, "单位代码", "ZZ");
            AppraisalSheets.set(s, 5, "不满意", 10);
            AppraisalSheets.set(s, 6, "满意", -5);
            AppraisalSheets.set(s, 7, "比较满意", null);
            AppraisalSheets.set(s, 9, "轮次", 1);
            AppraisalSheets.set(s, 10, "单位名称", "福建省水利厅");
            AppraisalSheets.set(s, 11, "样本量", "二百");
            AppraisalSheets.set(s, 12, "满意", 96.5);
            AppraisalSheets.set(s, 13, "轮次", 13);
            for (String h : AppraisalSheets.FIGURES) {
                AppraisalSheets.set(s, 14, h, 0);
            }
            AppraisalSheets.set(s, 15, "单位代码", null);
            AppraisalSheets.set(s, 15, "单位名称", null);
        });
        int audited = office.audit().all().size();
        int backups = Backups.of(office).list().size();

        AppraisalXlsx.Parsed parsed = AppraisalXlsx.parse(office, 2008, file);

        assertThat(parsed.refused()).isTrue();
        assertThat(parsed.problems()).extracting(AppraisalProblem::row, AppraisalProblem::column, AppraisalProblem::reason)
                .containsExactly(
                        tuple(4, "单位代码", Reason.UNKNOWN_UNIT),
                        tuple(5, "样本量", Reason.COUNTS_DO_NOT_ADD_UP),
                        tuple(6, "满意", Reason.NEGATIVE),
                        tuple(7, "比较满意", Reason.MISSING),
                        tuple(9, "轮次", Reason.DUPLICATE_ROUND),
                        tuple(10, "单位名称", Reason.NAME_MISMATCH),
                        tuple(11, "样本量", Reason.NOT_A_WHOLE_NUMBER),
                        tuple(12, "满意", Reason.NOT_A_WHOLE_NUMBER),
                        tuple(13, "轮次", Reason.BAD_ROUND),
                        tuple(14, "样本量", Reason.ZERO_SAMPLE),
                        tuple(15, "单位代码", Reason.MISSING_UNIT));
        Texts zh = Texts.of(Texts.CHINESE);
        assertThat(parsed.problems().get(1).describe(zh)).isEqualTo("第 5 行「样本量」：各选项人数合计 301，与样本量 300 不符。");
        assertThat(parsed.problems().get(4).describe(zh))
                .isEqualTo("第 9 行「轮次」：福建省地方税务局第 1 轮与第 8 行重复，同一单位同一轮只能有一行。");
        assertThat(parsed.problems().get(5).describe(zh)).contains("“福建省水利厅”与代码 LYT 不符");
        assertThat(parsed.problems().get(0).describe(Texts.of(java.util.Locale.ENGLISH)))
                .isEqualTo("row 4, column \"单位代码\": \"ZZ\" is not a unit evaluated this year. Use the list of units in the"
                        + " guide sheet.");

        assertThatThrownBy(() -> AppraisalXlsx.apply(office, parsed)).isInstanceOf(IllegalStateException.class);
        assertThat(office.evaluation().appraisals().findByYear(2008)).isEmpty();
        assertThat(office.audit().all()).hasSize(audited);
        assertThat(Backups.of(office).list()).hasSize(backups);
    }

    @Test
    void rowsWithoutFiguresAreSkippedSoOneRoundCanComeFirst() throws IOException {
        Map<String, int[]> first = new LinkedHashMap<>();
        AppraisalSheets.DEMO.forEach((k, v) -> {
            if (k.endsWith(" 1")) {
                first.put(k, v);
            }
        });
        Path file = AppraisalSheets.edit(form, dir.resolve("round1.xlsx"), s -> AppraisalSheets.fill(s, first));

        AppraisalXlsx.Parsed parsed = AppraisalXlsx.parse(office, 2008, file);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).hasSize(7).allSatisfy(l -> assertThat(l.appraisal().round()).isEqualTo(1));
        assertThat(parsed.emptyRows()).isEqualTo(7);
        // A form with no figures at all is refused as a whole.
        assertThatThrownBy(() -> AppraisalXlsx.parse(office, 2008, form))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.key()).isEqualTo("appraisal.import.error.empty"));
    }

    @Test
    void unitsMayBeNamedWithoutCodeAndRoundsWrittenInWords() throws IOException {
        Path file = filled("names.xlsx", s -> {
            AppraisalSheets.set(s, 8, "单位代码", null);
            AppraisalSheets.set(s, 8, "轮次", "第一轮");
            AppraisalSheets.set(s, 9, "轮次", "第2轮");
        });
        AppraisalXlsx.Parsed parsed = AppraisalXlsx.parse(office, 2008, file);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).filteredOn(l -> l.row() == 8 || l.row() == 9)
                .extracting(l -> l.appraisal().unitCode(), l -> l.appraisal().round())
                .containsExactly(tuple("DSJ", 1), tuple("DSJ", 2));
    }

    @Test
    void columnsMustMatchTheSchemesLevels() throws IOException {
        Path renamed = filled("renamed.xlsx", s -> s.getRow(AppraisalSheetWriter.HEADER_ROW)
                .getCell(AppraisalSheets.column(s, "满意")).setCellValue("很满意"));
        AppraisalXlsx.Parsed parsed = AppraisalXlsx.parse(office, 2008, renamed);
        assertThat(parsed.problems()).extracting(AppraisalProblem::row, AppraisalProblem::column, AppraisalProblem::reason)
                .containsExactlyInAnyOrder(tuple(3, "很满意", Reason.UNKNOWN_LEVEL_COLUMN), tuple(3, "满意", Reason.MISSING_COLUMN));
        assertThat(parsed.rows()).isEmpty();

        // Under a scheme with other answers the form has other columns, and an old form no longer fits.
        Evaluator evaluator = new Evaluator(office);
        EvaluationScheme s = evaluator.scheme(2008);
        evaluator.saveScheme(new EvaluationScheme(2008, s.version(), s.indicatorWeight(), s.appraisalWeight(),
                s.inspectionCap(), s.bonusCap(), s.quantitativeCap(), s.latePenalty(), s.spotCheckShare(),
                List.of(new EvaluationScheme.AppraisalLevel("满意", new BigDecimal("100")),
                        new EvaluationScheme.AppraisalLevel("一般", new BigDecimal("60")),
                        new EvaluationScheme.AppraisalLevel("不满意", BigDecimal.ZERO)), ""), "三级满意度");
        Path three = dir.resolve("three.xlsx");
        AppraisalXlsx.template(office, 2008, three);
        try (InputStream in = Files.newInputStream(three); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<String> headers = new java.util.ArrayList<>();
            wb.getSheet("公众评议").getRow(AppraisalSheetWriter.HEADER_ROW).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("单位代码", "单位名称", "轮次", "样本量", "满意", "一般", "不满意", "合计", "得分",
                    "填报单位");
        }
        assertThat(AppraisalXlsx.parse(office, 2008, filled("old.xlsx", x -> { })).problems())
                .extracting(AppraisalProblem::column, AppraisalProblem::reason)
                .contains(tuple("比较满意", Reason.UNKNOWN_LEVEL_COLUMN), tuple("一般", Reason.MISSING_COLUMN));
    }

    /** Found by the fuzz targets: reading a form saved the year's default scheme (and an audit entry). */
    @Test
    void readingAFormSavesNothingNotEvenTheYearsDefaultScheme() throws IOException {
        Path file = filled("filled.xlsx", s -> { });
        try {
            AppraisalXlsx.parse(office, 2009, file);
        } catch (UserError refused) {
            // a form for 2008 read for 2009: refused or not, nothing may be saved
        }
        assertThat(office.evaluation().schemes().latest(2009)).isEmpty();
    }

    @Test
    void aFormTitledForAnotherYearOrNotAWorkbookIsRefusedWhole() throws IOException {
        Path other = filled("2007.xlsx", s -> s.getRow(0).getCell(0).setCellValue("2007年度公众评议结果"));
        assertThatThrownBy(() -> AppraisalXlsx.parse(office, 2008, other))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.key()).isEqualTo("appraisal.import.error.otherYear"));
        Path text = Files.writeString(dir.resolve("not.xlsx"), "单位代码,样本量\nXM,200\n");
        assertThatThrownBy(() -> AppraisalXlsx.parse(office, 2008, text))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.key()).isEqualTo("xlsx.error.notXlsx"));
    }

    @Test
    void theEvaluatorRefusesARoundThatCannotBeScored() {
        Evaluator evaluator = new Evaluator(office);
        assertThatThrownBy(() -> evaluator.saveAppraisals(List.of(
                new Appraisal("XM", 2008, 1, 400, counts(232, 112, 44, 12)),
                new Appraisal("NP", 2008, 1, 300, counts(150, 96, 42, 11))), "手工录入"))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(e.key()).isEqualTo("error.appraisal.invalid");
                    assertThat(e.getMessage()).contains("NP").contains("299");
                });
        assertThatThrownBy(() -> evaluator.saveAppraisals(List.of(
                new Appraisal("XM", 2008, 1, -1, Map.of())), "手工录入")).isInstanceOf(UserError.class);
        assertThat(office.evaluation().appraisals().findByYear(2008)).isEmpty();
    }

    private static Map<String, Integer> counts(int satisfied, int rather, int basic, int not) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("满意", satisfied);
        m.put("比较满意", rather);
        m.put("基本满意", basic);
        m.put("不满意", not);
        return m;
    }
}
