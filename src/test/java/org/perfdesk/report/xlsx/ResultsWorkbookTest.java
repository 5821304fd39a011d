package org.perfdesk.report.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.Inspection;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.SelfAssessment;
import org.perfdesk.domain.SpotCheck;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.report.DemoOffice;
import org.perfdesk.report.ResultsData;
import org.perfdesk.store.Workspace;

/** The results workbook of the demo year, read back cell by cell as a reader would check it. */
class ResultsWorkbookTest {
    private static final DataFormatter FORMAT = new DataFormatter();

    @TempDir
    Path dir;
    private Workspace office;
    private Evaluator evaluator;
    private GoalNode scored;
    private SpotCheck spot;

    @BeforeEach
    void evaluatedYear() {
        office = Workspace.open(DemoOffice.copyTo(dir.resolve("office")));
        evaluator = new Evaluator(office);
        AppraisalXlsx.apply(office, AppraisalXlsx.parse(office, 2008, AppraisalSampleTest.SAMPLE));
        evaluator.saveInspection(new Inspection("i1", "NYT", 2008, LocalDate.of(2008, 11, 12),
                Inspection.Kind.UNANNOUNCED, "窗口工作人员上班时间离岗", new BigDecimal("2"), null), "暗访");
        scored = Evaluation.scoredIndicators(office.goals().loadTree("SLT", 2008)).get(0);
        office.selfAssessments().save(new SelfAssessment(scored.id(), scored.weight(), null, "全面完成"));
        evaluator.setScore(scored.id(), BigDecimal.ONE, "抽查：台账不全");
        spot = evaluator.drawSpotCheck("SLT", 2008, 20080101L);
    }

    @AfterEach
    void close() {
        office.close();
    }

    private XSSFWorkbook workbook() throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(ResultsWorkbook.toBytes(
                ResultsData.load(office, 2008, LocalDate.of(2009, 3, 15)), Texts.of(Texts.CHINESE))));
    }

    /** The data rows under the header row (the one whose first cell is {@code firstHeader}). */
    private static List<Row> rows(XSSFSheet sheet, String firstHeader) {
        List<Row> out = new ArrayList<>();
        boolean below = false;
        for (Row r : sheet) {
            if (below) {
                out.add(r);
            } else if (r.getCell(0) != null && firstHeader.equals(FORMAT.formatCellValue(r.getCell(0)))) {
                below = true;
            }
        }
        return out;
    }

    private static String text(Row r, int col) {
        Cell c = r.getCell(col);
        return c == null ? "" : FORMAT.formatCellValue(c);
    }

    private static String everything(XSSFSheet sheet) {
        StringBuilder b = new StringBuilder();
        sheet.forEach(r -> r.forEach(c -> b.append(FORMAT.formatCellValue(c)).append('\n')));
        return b.toString();
    }

    @Test
    void theSummaryHasEveryUnitWithTheEvaluatorsComponentsRankAndTotal() throws IOException {
        List<Evaluation.UnitResult> results = evaluator.evaluate(2008);
        try (XSSFWorkbook wb = workbook()) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("总表", "设区市政府", "省直部门", "指标明细", "方案", "说明");

            XSSFSheet summary = wb.getSheet("总表");
            assertThat(everything(summary)).contains("2008年度绩效评估结果总表")
                    .contains("总分 = 70% × 指标考核 + 30% × 公众评议 − 察访扣分 + 加分");
            List<Row> rows = rows(summary, "分组");
            assertThat(rows).hasSize(7);
            for (int i = 0; i < results.size(); i++) {
                Evaluation.UnitResult r = results.get(i);
                Row row = rows.get(i);
                assertThat(text(row, 2)).isEqualTo(r.unit().code());
                assertThat(text(row, 3)).isEqualTo(r.unit().name());
                assertThat(text(row, 0)).isEqualTo(r.group() == RankingGroup.CITY_GOVERNMENTS ? "设区市政府" : "省直部门");
                assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(r.rank().doubleValue());
                assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(r.indicatorScore().doubleValue());
                assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(r.appraisalScore().doubleValue());
                assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(r.deductions().doubleValue());
                assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(r.bonus().doubleValue());
                assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(r.total().doubleValue());
                // Printed with two decimals, as the evaluator rounds them.
                assertThat(text(row, 8)).isEqualTo(r.total().toPlainString());
            }
            // The inspection shows as NYT's deduction.
            assertThat(rows).filteredOn(r -> text(r, 2).equals("NYT")).singleElement()
                    .satisfies(r -> assertThat(text(r, 6)).isEqualTo("2.00"));
        }
    }

    @Test
    void eachGroupHasItsSheetInRankOrder() throws IOException {
        try (XSSFWorkbook wb = workbook()) {
            for (RankingGroup g : RankingGroup.values()) {
                XSSFSheet sheet = wb.getSheet(Texts.of(Texts.CHINESE).of(g));
                List<Row> rows = rows(sheet, "排名");
                List<Evaluation.UnitResult> members = evaluator.evaluate(2008).stream().filter(r -> r.group() == g).toList();
                assertThat(rows).extracting(r -> text(r, 1))
                        .containsExactlyElementsOf(members.stream().map(r -> r.unit().code()).toList());
                assertThat(rows).extracting(r -> r.getCell(0).getNumericCellValue())
                        .isSorted().first().isEqualTo(1.0);
                assertThat(rows).extracting(r -> r.getCell(7).getNumericCellValue())
                        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
            }
            assertThat(rows(wb.getSheet("设区市政府"), "排名")).hasSize(2);
            assertThat(rows(wb.getSheet("省直部门"), "排名")).hasSize(5);
        }
    }

    @Test
    void theIndicatorSheetSetsTheSelfScoreBesideTheOfficesWithReasonAndSpotCheck() throws IOException {
        List<Evaluation.UnitResult> results = evaluator.evaluate(2008);
        try (XSSFWorkbook wb = workbook()) {
            List<Row> rows = rows(wb.getSheet("指标明细"), "单位名称");
            assertThat(rows).hasSize(results.stream().mapToInt(r -> r.indicators().size()).sum());
            Row row = rows.stream().filter(r -> text(r, 0).equals("福建省水利厅") && text(r, 1).equals(scored.title()))
                    .findFirst().orElseThrow();
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(scored.weight().doubleValue());
            assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(scored.weight().doubleValue());
            assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(1.0);
            assertThat(row.getCell(10).getNumericCellValue()).isEqualTo(1.0 - scored.weight().doubleValue());
            // A difference is marked with a fill; equal scores are not.
            assertThat(row.getCell(10).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(row.getCell(9).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
            assertThat(text(row, 11)).isEqualTo("效能办评分：抽查：台账不全");
            // XM's growth: target, the figure it reported, the completion the rule computed beside its claim.
            Row gdp = rows.stream().filter(r -> text(r, 0).equals("厦门市人民政府") && text(r, 1).equals("地区生产总值增长率"))
                    .findFirst().orElseThrow();
            assertThat(text(gdp, 3)).isEqualTo("≥13%");
            assertThat(text(gdp, 4)).isEqualTo("11.1%");
            assertThat(text(gdp, 5)).isEmpty();
            assertThat(text(gdp, 6)).isEqualTo("85.4%");
            assertThat(text(gdp, 7)).isEqualTo("85.4%");
            assertThat(gdp.getCell(9).getNumericCellValue()).isEqualTo(5.12);
            assertThat(text(gdp, 11)).isEqualTo("完成率 85.4%");
            assertThat(rows).filteredOn(r -> text(r, 0).equals("福建省水利厅") && text(r, 12).equals("抽查"))
                    .hasSize(spot.drawn().size());
            assertThat(rows).filteredOn(r -> !text(r, 0).equals("福建省水利厅"))
                    .allSatisfy(r -> assertThat(text(r, 12)).isEmpty());
            assertThat(rows).filteredOn(r -> text(r, 6).endsWith("%"))
                    .allSatisfy(r -> assertThat(text(r, 11)).startsWith("完成率 "));
        }
    }

    @Test
    void theSchemeAndTheFreezeAreWrittenDown() throws IOException {
        try (XSSFWorkbook wb = workbook()) {
            String scheme = everything(wb.getSheet("方案"));
            assertThat(scheme).contains("2008年度评估方案（第 1 版）").contains("指标考核权重\n70%").contains("公众评议权重\n30%")
                    .contains("满意 100 分、比较满意 80 分、基本满意 60 分、不满意 0 分")
                    .contains("Σ（各选项人数 × 该选项分值）÷ 样本量");
            assertThat(everything(wb.getSheet("说明"))).contains("结果尚未冻结");
        }

        evaluator.approve(2008, LocalDate.of(2009, 3, 10), "省机关效能建设领导小组第十四次会议", "省机关效能建设领导小组", "");
        var freeze = evaluator.freeze(2008, "领导小组审定");
        try (XSSFWorkbook wb = workbook()) {
            String about = everything(wb.getSheet("说明"));
            assertThat(about).contains(freeze.inputsHash()).contains("此后数据没有变化").contains("2009-03-15");
            // The scheme's hash, then four inputs for each of the seven units (none has a ranking decision).
            assertThat(rows(wb.getSheet("说明"), "单位")).hasSize(1 + 7 * 4);
            assertThat(about).contains("结果已于 2009-03-10 经省机关效能建设领导小组审定（省机关效能建设领导小组第十四次会议）");
            assertThat(everything(wb.getSheet("总表"))).contains("此后数据没有变化");
        }

        evaluator.saveInspection(new Inspection("i2", "XM", 2008, LocalDate.of(2008, 12, 2),
                Inspection.Kind.OPEN, "办事指南未公开", BigDecimal.ONE, null), "明查");
        try (XSSFWorkbook wb = workbook()) {
            assertThat(everything(wb.getSheet("总表"))).contains("此后这些数据有变化：厦门市人民政府（察访核验）");
        }
    }

    @Test
    void everySheetPrintsOnA4LandscapeOnePageWideWithItsHeaderRepeatedAndFrozen() throws IOException {
        try (XSSFWorkbook wb = workbook()) {
            for (org.apache.poi.ss.usermodel.Sheet s : wb) {
                XSSFSheet sheet = (XSSFSheet) s;
                PrintSetup ps = sheet.getPrintSetup();
                assertThat(ps.getLandscape()).as(sheet.getSheetName()).isTrue();
                assertThat(ps.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(ps.getFitWidth()).isEqualTo((short) 1);
                assertThat(ps.getFitHeight()).isEqualTo((short) 0);
                assertThat(sheet.getFitToPage()).isTrue();
                assertThat(sheet.getRepeatingRows()).as(sheet.getSheetName()).isNotNull();
                int header = sheet.getRepeatingRows().getFirstRow();
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) (header + 1));
            }
        }
    }

    @Test
    void theFileIsWrittenWholeWhereAsked() throws IOException {
        Path out = dir.resolve("out/结果.xlsx");
        ResultsWorkbook.export(office, 2008, out);
        assertThat(out).exists();
        assertThat(Files.list(out.getParent())).containsExactly(out);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(6);
        }
    }

    @Test
    void theWorkbookFromTheNodesAScoreDependsOnIsTheWorkbookOfTheWholeTrees() throws IOException {
        // Without an indicator system to compare with, the results read only the nodes a score can depend on.
        EvaluationScheme scheme = evaluator.scheme(2008);
        java.util.Map<String, SpotCheck> spots = java.util.Map.of(spot.unitCode(), spot);
        List<String> sheets = new ArrayList<>();
        for (List<Evaluation.UnitMaterial> material : List.of(evaluator.material(2008), evaluator.scoringMaterial(2008))) {
            java.util.Map<String, Evaluation.UnitMaterial> byUnit = new java.util.LinkedHashMap<>();
            material.forEach(m -> byUnit.put(m.unit().code(), m));
            ResultsData data = new ResultsData(2008, office.self(), scheme, Evaluation.evaluate(scheme, material), byUnit,
                    spots, java.util.Optional.empty(), LocalDate.of(2009, 3, 15));
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                    ResultsWorkbook.toBytes(data, Texts.of(Texts.CHINESE))))) {
                StringBuilder b = new StringBuilder();
                wb.forEach(sheet -> b.append(sheet.getSheetName()).append('\n').append(everything((XSSFSheet) sheet)));
                sheets.add(b.toString());
            }
        }
        assertThat(evaluator.scoringMaterial(2008)).allSatisfy(m -> assertThat(m.tree().size())
                .isLessThan(evaluator.material(2008).stream().filter(w -> w.unit().equals(m.unit())).findFirst()
                        .orElseThrow().tree().size()));
        assertThat(sheets.get(1)).isEqualTo(sheets.get(0)).contains("抽查：台账不全");
    }
}
