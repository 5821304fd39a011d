package org.perfdesk.report.xlsx;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfdesk.domain.Appraisal;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.AppraisalScore;

/**
 * Writes the public-appraisal form (公众评议结果表) of a year: title, the scheme's levels and values,
 * the header, a row per unit and round, and the guide sheet with the formula. Always in Chinese:
 * it is the form the statistics bodies fill in, and import reads its headers.
 */
final class AppraisalSheetWriter {
    static final String SHEET = "公众评议";
    static final String CODE = "单位代码";
    static final String NAME = "单位名称";
    static final String ROUND = "轮次";
    static final String SAMPLE = "样本量";
    /** Columns Excel computes for the reader; import ignores them, and a 备注 column too. */
    static final String SUM = "合计";
    static final String SCORE = "得分";
    static final String REMARK = "备注";
    /** Who fills the row in, as the scheme names the body per ranking group; import ignores it. */
    static final String BODY = "填报单位";
    static final List<String> IGNORED = List.of(SUM, SCORE, REMARK, "说明", BODY);
    static final int HEADER_ROW = 2;
    static final int MAX_ROUND = EvaluationScheme.MAX_ROUNDS;
    /** More people than this in one survey of one unit is a typing error. */
    static final int MAX_SAMPLE = 10_000_000;

    private AppraisalSheetWriter() {
    }

    static XSSFWorkbook write(int year, EvaluationScheme scheme, List<OrgUnit> units, List<Appraisal> saved,
                              int rounds) {
        XSSFWorkbook wb = new XSSFWorkbook();
        SheetStyles styles = new SheetStyles(wb);
        Sheet sheet = wb.createSheet(SHEET);
        List<EvaluationScheme.AppraisalLevel> levels = scheme.appraisalLevels();
        List<String> headers = new ArrayList<>(List.of(CODE, NAME, ROUND, SAMPLE));
        levels.forEach(l -> headers.add(l.name()));
        headers.add(SUM);
        headers.add(SCORE);
        headers.add(BODY);
        int last = headers.size() - 1;
        int firstLevel = 4;
        int lastLevel = firstLevel + levels.size() - 1;

        Row title = sheet.createRow(0);
        title.setHeightInPoints(28);
        cell(title, 0, year + "年度公众评议结果", styles.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
        Row note = sheet.createRow(1);
        String noteText = "满意度选项及分值（" + year + "年度评估方案第 " + scheme.version() + " 版）："
                + levelsText(levels) + "。每行填写一个单位一轮的调查结果，各选项人数之和应等于样本量；"
                + "「合计」「得分」两列由表格自动计算，导入时不读取。" + bodiesText(scheme, units)
                + "详见「填写说明」。";
        cell(note, 0, noteText, styles.note);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
        note.setHeightInPoints(RowHeights.lines(noteText, totalWidth(headers)) * 15f + 4);

        Row header = sheet.createRow(HEADER_ROW);
        for (int i = 0; i <= last; i++) {
            cell(header, i, headers.get(i), styles.header);
            sheet.setColumnWidth(i, width(i, headers.get(i)) * 256);
        }
        header.setHeightInPoints(20);

        CellStyle code = middle(wb, styles.cell(Column.Type.CODE, false));
        CellStyle text = middle(wb, styles.cell(Column.Type.TEXT, false));
        CellStyle centred = middle(wb, styles.cell(Column.Type.CENTERED, false));
        CellStyle number = middle(wb, styles.cell(Column.Type.NUMBER, false));
        CellStyle computed = middle(wb, number);
        computed.setDataFormat(wb.createDataFormat().getFormat("0.00"));
        Map<String, Appraisal> byKey = new HashMap<>();
        saved.forEach(a -> byKey.put(a.unitCode() + "\n" + a.round(), a));
        int r = HEADER_ROW + 1;
        for (OrgUnit u : units) {
            int most = Math.max(rounds, saved.stream().filter(a -> a.unitCode().equals(u.code()))
                    .mapToInt(Appraisal::round).max().orElse(0));
            for (int round = 1; round <= most; round++) {
                Row row = sheet.createRow(r);
                row.setHeightInPoints(20);
                cell(row, 0, u.code(), code);
                cell(row, 1, u.name(), text);
                row.createCell(2).setCellValue(round);
                row.getCell(2).setCellStyle(centred);
                Appraisal a = byKey.get(u.code() + "\n" + round);
                Cell sample = row.createCell(3);
                sample.setCellStyle(number);
                if (a != null) {
                    sample.setCellValue(a.sampleSize());
                }
                for (int i = 0; i < levels.size(); i++) {
                    Cell c = row.createCell(firstLevel + i);
                    c.setCellStyle(number);
                    if (a != null) {
                        c.setCellValue(a.counts().getOrDefault(levels.get(i).name(), 0));
                    }
                }
                String from = ref(r, firstLevel);
                String to = ref(r, lastLevel);
                Cell sum = row.createCell(last - 2);
                sum.setCellStyle(number);
                sum.setCellFormula("IF(COUNT(" + from + ":" + to + ")=0,\"\",SUM(" + from + ":" + to + "))");
                Cell score = row.createCell(last - 1);
                score.setCellStyle(computed);
                score.setCellFormula(scoreFormula(r, levels));
                cell(row, last, scheme.appraisalBody(u.group()), text);
                r++;
            }
        }
        int lastRow = r - 1;
        sheet.createFreezePane(2, HEADER_ROW + 1);
        validations(sheet, HEADER_ROW + 1, Math.max(lastRow, HEADER_ROW + 200), lastLevel);
        PrintLayout.landscape(sheet, PrintSetup.A4_PAPERSIZE, HEADER_ROW, last, lastRow, "第 &P 页，共 &N 页");
        wb.setForceFormulaRecalculation(true);

        guide(wb, styles, year, scheme, units);
        wb.setActiveSheet(0);
        return wb;
    }

    /** "设区市政府的评议结果由国家统计局福建调查总队填写，省直部门的由省统计局填写。" for the groups present. */
    static String bodiesText(EvaluationScheme scheme, List<OrgUnit> units) {
        Texts chinese = Texts.of(Texts.CHINESE);
        List<String> parts = new ArrayList<>();
        for (org.perfdesk.domain.RankingGroup g : org.perfdesk.domain.RankingGroup.values()) {
            if (units.stream().anyMatch(u -> u.group() == g) && !scheme.appraisalBody(g).isBlank()) {
                parts.add(chinese.of(g) + "的评议结果由" + scheme.appraisalBody(g) + "填写");
            }
        }
        return parts.isEmpty() ? "" : String.join("，", parts) + "（见「" + BODY + "」列）。";
    }

    /** =IF(OR(D4="",D4=0),"",ROUND((E4*100+F4*80+G4*60+H4*0)/D4,2)) for the scheme's values. */
    private static String scoreFormula(int r, List<EvaluationScheme.AppraisalLevel> levels) {
        String sample = ref(r, 3);
        String sum = java.util.stream.IntStream.range(0, levels.size())
                .mapToObj(i -> ref(r, 4 + i) + "*" + Numbers.plain(levels.get(i).value()))
                .collect(Collectors.joining("+"));
        return "IF(OR(" + sample + "=\"\"," + sample + "=0),\"\",ROUND((" + sum + ")/" + sample + ",2))";
    }

    private static String ref(int row, int col) {
        return new CellReference(row, col, false, false).formatAsString();
    }

    /** Whole numbers from 0 in the figures, 1 to 12 in 轮次: Excel stops a typing error at once. */
    private static void validations(Sheet sheet, int first, int last, int lastLevel) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint counts = helper.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                "0", String.valueOf(MAX_SAMPLE));
        DataValidation dv = helper.createValidation(counts, new CellRangeAddressList(first, last, 3, lastLevel));
        dv.createErrorBox("人数", "请填写 0 或正整数。");
        dv.setShowErrorBox(true);
        sheet.addValidationData(dv);
        DataValidationConstraint round = helper.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                "1", String.valueOf(MAX_ROUND));
        DataValidation rv = helper.createValidation(round, new CellRangeAddressList(first, last, 2, 2));
        rv.createErrorBox(ROUND, "请填写 1 到 " + MAX_ROUND + " 的整数（7 月一轮为 1，11 月一轮为 2）。");
        rv.setShowErrorBox(true);
        sheet.addValidationData(rv);
    }

    private static void guide(XSSFWorkbook wb, SheetStyles styles, int year, EvaluationScheme scheme,
                              List<OrgUnit> units) {
        GuideSheet g = GuideSheet.start(wb, styles);
        List<GuideSheet.Item> items = new ArrayList<>();
        items.add(new GuideSheet.Item(CODE, "被评议单位的代码，见下方名单。可只填单位名称（名称须与名单一致）；两者都填时必须相符。"));
        items.add(new GuideSheet.Item(NAME, "被评议单位的全称，见下方名单。"));
        items.add(new GuideSheet.Item(ROUND, "第几轮调查：7 月一轮填 1，11 月一轮填 2（1 到 " + MAX_ROUND
                + " 的整数，也可写“第一轮”）。同一单位同一轮只能有一行。"));
        items.add(new GuideSheet.Item(SAMPLE, "本轮调查的有效样本数（正整数）。"));
        for (EvaluationScheme.AppraisalLevel l : scheme.appraisalLevels()) {
            items.add(new GuideSheet.Item(l.name(), "回答“" + l.name() + "”的人数（0 或正整数，没有人选也要填 0）。该选项计 "
                    + Numbers.plain(l.value()) + " 分。"));
        }
        items.add(new GuideSheet.Item(SUM + "、" + SCORE, "由表格自动计算，供核对；导入时不读取。「" + REMARK
                + "」列也可以加上，导入时同样不读取。"));
        items.add(new GuideSheet.Item(BODY, "该行由哪个统计部门填写（按年度评估方案）：" + bodiesText(scheme, units)
                + "导入时不读取。"));
        g.items("列名", "填写要求", items);
        g.rules("计分方法", formula(scheme));
        g.rules("导入规则", List.of(
                "导入前会逐行检查：单位不在名单中、单位名称与代码不符、轮次无效、缺少数字、不是整数、为负数、样本量为 0、"
                        + "各选项人数之和与样本量不符、同一单位同一轮出现两次。",
                "任何一行有问题，整张表都不导入，工作区不作任何改动；所有问题按“第 N 行「列名」：原因”逐条列出，改正后重新导入即可。",
                "样本量和各选项人数都空着的行视为尚未填写，导入时跳过（可先导入第一轮，第二轮留空）。",
                "工作区中已有的同一单位同一轮结果会被替换，数字相同的不作改动；每次改动都记入审计日志，导入前自动备份工作区。",
                "满意度选项和分值以年度评估方案为准。方案中的选项改了之后，请重新生成本表。"));
        List<List<String>> rows = new ArrayList<>();
        Texts chinese = Texts.of(Texts.CHINESE);
        for (OrgUnit u : units) {
            rows.add(List.of(u.name(), u.code(), u.group() == null ? "不排名" : chinese.of(u.group())));
        }
        String range = g.table(List.of("单位名称", "代码", "分组"), rows);
        g.finish();
        if (!rows.isEmpty()) {
            codeList(wb, range, rows.size());
        }
    }

    /** The 单位名称 column offers the names of the guide's list (a warning only: a typed name still goes in). */
    private static void codeList(XSSFWorkbook wb, String range, int count) {
        Sheet sheet = wb.getSheet(SHEET);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation dv = helper.createValidation(helper.createFormulaListConstraint(range),
                new CellRangeAddressList(HEADER_ROW + 1, HEADER_ROW + 200 + count, 1, 1));
        dv.setErrorStyle(DataValidation.ErrorStyle.WARNING);
        dv.createErrorBox(NAME, "该名称不在「填写说明」的单位名单中。");
        dv.setShowErrorBox(true);
        dv.setEmptyCellAllowed(true);
        sheet.addValidationData(dv);
    }

    /** The formula in words, with a worked example under the year's scheme. */
    static List<String> formula(EvaluationScheme scheme) {
        List<EvaluationScheme.AppraisalLevel> levels = scheme.appraisalLevels();
        int[] example = exampleCounts(levels.size());
        int sample = java.util.Arrays.stream(example).sum();
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        StringBuilder terms = new StringBuilder();
        StringBuilder given = new StringBuilder();
        for (int i = 0; i < levels.size(); i++) {
            counts.put(levels.get(i).name(), example[i]);
            terms.append(i == 0 ? "" : " + ").append(example[i]).append("×").append(Numbers.plain(levels.get(i).value()));
            given.append(i == 0 ? "" : "、").append(levels.get(i).name()).append(" ").append(example[i]);
        }
        BigDecimal score = AppraisalScore.of(new Appraisal("X", scheme.year(), 1, sample, counts), scheme);
        return List.of(
                "每轮得分 = Σ（各选项人数 × 该选项分值）÷ 样本量，四舍五入保留两位小数，满分 100。分值："
                        + levelsText(levels) + "。",
                "例：样本量 " + sample + "，" + given + "，得分 = （" + terms + "）÷ " + sample + " = "
                        + score.toPlainString() + "。",
                "一个单位全年的公众评议得分 = 各轮得分的平均值（保留两位小数）；没有任何一轮结果的单位按 0 分计，并在结果中注明。",
                "计入总分时乘以公众评议权重：总分 = " + Numbers.plain(scheme.indicatorWeight()) + "% × 指标考核得分 + "
                        + Numbers.plain(scheme.appraisalWeight()) + "% × 公众评议得分 − 察访扣分 + 加分。");
    }

    /** 120, 50, 20, 10 for the usual four answers; otherwise a sample of 200 spread over the levels. */
    private static int[] exampleCounts(int n) {
        if (n == 4) {
            return new int[] {120, 50, 20, 10};
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = 200 / n;
        }
        if (n > 0) {
            out[0] += 200 - 200 / n * n;
        }
        return out;
    }

    static String levelsText(List<EvaluationScheme.AppraisalLevel> levels) {
        return levels.stream().map(l -> l.name() + " " + Numbers.plain(l.value()) + " 分").collect(Collectors.joining("、"));
    }

    private static int width(int column, String header) {
        return switch (column) {
            case 0 -> 12;
            case 1 -> 30;
            case 2 -> 8;
            default -> BODY.equals(header) ? 26 : Math.max(10, RowHeights.width(header) + 4);
        };
    }

    private static int totalWidth(List<String> headers) {
        int sum = 0;
        for (int i = 0; i < headers.size(); i++) {
            sum += width(i, headers.get(i));
        }
        return sum;
    }

    private static CellStyle middle(XSSFWorkbook wb, CellStyle from) {
        CellStyle s = wb.createCellStyle();
        s.cloneStyleFrom(from);
        s.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.CENTER);
        return s;
    }

    private static void cell(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }
}
