package org.perfdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.Direction;
import org.perfdesk.domain.FeedbackResult;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.ReportKind;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.DemoOffice;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.report.docx.FeedbackDocx;
import org.perfdesk.report.docx.NoticeDocx;
import org.perfdesk.report.docx.ReportDocx;
import org.perfdesk.report.xlsx.ResultsWorkbook;
import org.perfdesk.store.Workspace;

/**
 * No document the demo produces holds figures that contradict each other: every sentence, table row and
 * cell of every unit's half-year analysis and annual summary, of the results workbook, of the notice and
 * of every unit's feedback is read back as a person would read it, and wherever it states figures that
 * depend on each other — a target, an actual value and a completion; "完成年度目标的 53%" beside the
 * amount; "达到年度目标" beside the year's value; a total beside its parts; the points beside the
 * completion; the rank in the text beside the rank in the table — they are checked against each other
 * (with the formula as the 方案 sheet states it, computed here, not by PerfDesk's code).
 */
class DemoDocumentsConsistencyTest {
    private static final String NUM = "(-?\\d+(?:\\.\\d+)?)";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern INDICATOR_LINE = Pattern.compile("^\\d+\\. (.+?)：(.*)$");
    private static final Pattern TARGET_ACTUAL_COMPLETION = Pattern.compile(
            "目标(≤)?" + NUM + "(?:–" + NUM + ")?[^，]*，完成" + NUM + "[^，]*，完成率" + NUM + "%");
    private static final Pattern SHARE_OF_TARGET = Pattern.compile(
            "(?:完成年度(?:目标|任务)的|为年度目标的|占年度任务的|占全年控制指标的)" + NUM + "%");
    private static final Pattern MET = Pattern.compile("全年为" + NUM + "[^，]*，(未)?达到年度目标（(≥|≤)?" + NUM);
    private static final Pattern NOT_MET = Pattern.compile("全年为" + NUM + "[^，]*，未达到年度目标" + NUM);
    private static final Pattern POINTS_BELOW = Pattern.compile(NUM + "%，低于年度目标" + NUM + "个百分点");
    private static final Pattern NOTICE_UNIT = Pattern.compile("^(.+?)：总分" + NUM + "分，(.+?)。其中，指标考核得分" + NUM
            + "分（(\\d+)项指标），公众评议得分" + NUM + "分（(\\d+)轮调查），察访核验扣" + NUM + "分（(\\d+)条记录），加分" + NUM + "分。");
    private static final Pattern FEEDBACK_SUMMARY = Pattern.compile("总分" + NUM + "分，(.+?)。其中，指标考核得分" + NUM
            + "分（权重" + NUM + "%），公众评议得分" + NUM + "分（权重" + NUM + "%），察访核验扣" + NUM + "分，加分" + NUM + "分。");
    private static final Pattern WHY_COMPLETION = Pattern.compile("^完成率 " + NUM + "%(?:，按 " + NUM + "% 计)?");

    @TempDir
    static Path demo;
    @TempDir
    Path dir;

    private final List<String> contradictions = new ArrayList<>();
    private int checked;
    private int sentences;

    @Test
    void everySentenceOfTheDemosDocumentsAgreesWithItself() throws Exception {
        Path officeDir = DemoOffice.approvedCopy(demo, dir);
        Texts t = Texts.of(Texts.CHINESE);
        try (Workspace office = Workspace.open(officeDir)) {
            Evaluator evaluator = new Evaluator(office);
            List<OrgUnit> units = evaluator.units(2008);
            for (OrgUnit u : units) {
                Map<String, GoalNode> nodes = new HashMap<>();
                office.goals().loadTree(u.code(), 2008).inOrder().forEach(n -> nodes.put(n.title(), n));
                for (ReportKind kind : List.of(ReportKind.MIDYEAR, ReportKind.ANNUAL)) {
                    Path file = dir.resolve(u.code() + "-" + kind + ".docx");
                    ReportDocx.export(office, u.code(), 2008, kind, LocalDate.of(2009, 1, 8), file);
                    try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(file))) {
                        report(u.code() + " " + kind, doc, nodes);
                    }
                }
            }
            ResultsData data = ResultsData.load(office, 2008, LocalDate.of(2009, 3, 20));
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(ResultsWorkbook.toBytes(data, t)))) {
                workbook(wb);
            }
            Map<String, String> noticeRanks = new HashMap<>();
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(NoticeDocx.toBytes(data, t)))) {
                notice(doc, noticeRanks);
            }
            for (OrgUnit u : units) {
                FeedbackResult r = FeedbackResults.of(data, u.code(), t).orElseThrow();
                try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(FeedbackDocx.toBytes(r, List.of(),
                        office.self().name(), LocalDate.of(2009, 3, 25), t)))) {
                    feedback(u.name(), doc, noticeRanks);
                }
            }
        }
        assertThat(contradictions).as("figures that contradict each other").isEmpty();
        // Not a check that cannot fail: most of what was read stated figures that were compared.
        assertThat(sentences).isGreaterThan(1000);
        assertThat(checked).as("statements checked").isGreaterThan(600);
    }

    // ---- the units' reports ----------------------------------------------------------------

    private void report(String where, XWPFDocument doc, Map<String, GoalNode> nodes) {
        for (XWPFParagraph p : doc.getParagraphs()) {
            String text = p.getText().strip();
            Matcher line = INDICATOR_LINE.matcher(text);
            GoalNode node = line.matches() ? nodes.get(line.group(1)) : null;
            for (String sentence : sentences(text)) {
                sentences++;
                if (node != null && node.measure() instanceof Measure.Quantitative q) {
                    indicatorSentence(where + " " + node.title(), sentence, q);
                }
            }
        }
        for (XWPFTable table : doc.getTables()) {
            for (XWPFTableRow row : table.getRows()) {
                sentences++;
                GoalNode node = nodes.get(row.getCell(0).getText().strip());
                if (node == null || !(node.measure() instanceof Measure.Quantitative q)
                        || row.getCell(3).getText().isBlank()) {
                    continue;
                }
                String target = row.getCell(2).getText();
                BigDecimal actual = first(row.getCell(3).getText());
                BigDecimal completion = first(row.getCell(4).getText());
                expectCompletion(where + " table " + node.title(), q.direction(), target, actual, completion);
            }
        }
    }

    private void indicatorSentence(String where, String s, Measure.Quantitative q) {
        Matcher m = TARGET_ACTUAL_COMPLETION.matcher(s);
        if (m.find()) {
            Direction d = m.group(1) != null ? Direction.LOWER_BETTER : q.direction();
            BigDecimal target = new BigDecimal(m.group(2));
            same(where + " target", target, q.target());
            BigDecimal high = m.group(3) == null ? null : new BigDecimal(m.group(3));
            expect(where + ": " + s, completion(d, target, high, new BigDecimal(m.group(4))), new BigDecimal(m.group(5)));
        }
        Matcher share = SHARE_OF_TARGET.matcher(s);
        if (share.find()) {
            BigDecimal amount = amountBefore(s, share.start(), q.unitOfMeasure());
            if (amount != null) {
                BigDecimal stated = new BigDecimal(share.group(1));
                BigDecimal tolerance = stated.scale() == 0 ? new BigDecimal("0.5") : new BigDecimal("0.051");
                checked++;
                BigDecimal ratio = amount.multiply(HUNDRED).divide(q.target(), MathContext.DECIMAL64);
                if (ratio.subtract(stated).abs().compareTo(tolerance) > 0) {
                    contradictions.add(where + ": " + s + " (" + amount + " of " + q.target() + " is "
                            + ratio.setScale(1, RoundingMode.HALF_UP) + "%)");
                }
            }
        }
        Matcher met = MET.matcher(s);
        if (met.find()) {
            BigDecimal value = new BigDecimal(met.group(1));
            boolean saysMet = met.group(2) == null;
            BigDecimal target = new BigDecimal(met.group(4));
            same(where + " target", target, q.target());
            boolean isMet = completion(q.direction(), target, q.targetHigh(), value).compareTo(HUNDRED) >= 0;
            checked++;
            if (saysMet != isMet) {
                contradictions.add(where + ": " + s);
            }
        }
        Matcher notMet = NOT_MET.matcher(s);
        if (notMet.find()) {
            checked++;
            if (completion(q.direction(), new BigDecimal(notMet.group(2)), q.targetHigh(),
                    new BigDecimal(notMet.group(1))).compareTo(HUNDRED) >= 0) {
                contradictions.add(where + ": " + s);
            }
        }
        Matcher below = POINTS_BELOW.matcher(s);
        if (below.find()) {
            checked++;
            if (q.target().subtract(new BigDecimal(below.group(1))).compareTo(new BigDecimal(below.group(2))) != 0) {
                contradictions.add(where + ": " + s);
            }
        }
    }

    // ---- the results workbook --------------------------------------------------------------

    private void workbook(XSSFWorkbook wb) {
        DataFormatter f = new DataFormatter();
        for (Row row : wb.getSheet("指标明细")) {
            sentences++;
            if (row.getLastCellNum() < 12 || row.getCell(2) == null || row.getCell(2).getCellType() != CellType.NUMERIC) {
                continue;
            }
            String where = "workbook " + f.formatCellValue(row.getCell(0)) + " " + f.formatCellValue(row.getCell(1));
            BigDecimal weight = num(row.getCell(2));
            String target = f.formatCellValue(row.getCell(3));
            String reported = f.formatCellValue(row.getCell(4));
            String verified = f.formatCellValue(row.getCell(5));
            BigDecimal completion = first(f.formatCellValue(row.getCell(6)));
            BigDecimal self = num(row.getCell(8));
            BigDecimal points = num(row.getCell(9));
            BigDecimal difference = num(row.getCell(10));
            String why = f.formatCellValue(row.getCell(11));
            if (completion != null && isQuantitativeTarget(target)) {
                BigDecimal actual = first(verified.isBlank() ? reported : verified);
                expectCompletion(where, null, target, actual, completion);
            }
            Matcher w = WHY_COMPLETION.matcher(why);
            if (w.find()) {
                expect(where + " why", completion, new BigDecimal(w.group(1)));
                BigDecimal counted = w.group(2) != null ? new BigDecimal(w.group(2)) : completion;
                expect(where + " points", weight.multiply(counted).divide(HUNDRED, MathContext.DECIMAL64)
                        .setScale(2, RoundingMode.HALF_UP), points);
            }
            if (self != null && difference != null) {
                expect(where + " difference", points.subtract(self), difference);
            }
        }
        for (Row row : wb.getSheet("总表")) {
            sentences++;
            if (row.getCell(8) == null || row.getCell(8).getCellType() != CellType.NUMERIC
                    || row.getCell(4).getCellType() != CellType.NUMERIC) {
                continue;
            }
            expect("workbook total " + f.formatCellValue(row.getCell(3)), total(num(row.getCell(4)), num(row.getCell(5)),
                    num(row.getCell(6)), num(row.getCell(7)), HUNDRED.multiply(new BigDecimal("0.7")),
                    HUNDRED.multiply(new BigDecimal("0.3"))), num(row.getCell(8)));
        }
    }

    // ---- the notice ------------------------------------------------------------------------

    private void notice(XWPFDocument doc, Map<String, String> ranks) {
        for (XWPFTable table : doc.getTables()) {
            for (XWPFTableRow row : table.getRows().subList(1, table.getRows().size())) {
                sentences++;
                ranks.put(row.getCell(1).getText(), row.getCell(0).getText());
                expect("notice table " + row.getCell(1).getText(), total(first(row.getCell(2).getText()),
                        first(row.getCell(3).getText()), first(row.getCell(4).getText()),
                        first(row.getCell(5).getText()), new BigDecimal("70"), new BigDecimal("30")),
                        first(row.getCell(6).getText()));
            }
        }
        for (XWPFParagraph p : doc.getParagraphs()) {
            sentences += sentences(p.getText()).size();
            Matcher m = NOTICE_UNIT.matcher(p.getText().strip());
            if (m.find()) {
                String name = m.group(1);
                expect("notice " + name, total(new BigDecimal(m.group(4)), new BigDecimal(m.group(6)),
                        new BigDecimal(m.group(8)), new BigDecimal(m.group(10)), new BigDecimal("70"),
                        new BigDecimal("30")), new BigDecimal(m.group(2)));
                String rank = ranks.get(name);
                checked++;
                String standing = m.group(3);
                if (rank == null || !(rank.startsWith("并列") ? standing.contains("并列第" + rank.substring(3))
                        : standing.contains("排名第" + rank))) {
                    contradictions.add("notice " + name + ": " + standing + " but the table says " + rank);
                }
            }
        }
    }

    // ---- the feedback ----------------------------------------------------------------------

    private void feedback(String unit, XWPFDocument doc, Map<String, String> noticeRanks) {
        BigDecimal indicatorScore = null;
        BigDecimal total = null;
        for (XWPFParagraph p : doc.getParagraphs()) {
            String text = p.getText();
            sentences += sentences(text).size();
            Matcher m = FEEDBACK_SUMMARY.matcher(text);
            if (m.find()) {
                total = new BigDecimal(m.group(1));
                indicatorScore = new BigDecimal(m.group(3));
                expect("feedback " + unit + " total", total(indicatorScore, new BigDecimal(m.group(5)),
                        new BigDecimal(m.group(7)), new BigDecimal(m.group(8)), new BigDecimal(m.group(4)),
                        new BigDecimal(m.group(6))), total);
                String rank = noticeRanks.get(unit);
                checked++;
                if (rank == null || !m.group(2).contains("排名：" + rank)) {
                    contradictions.add("feedback " + unit + ": " + m.group(2) + " but the notice says " + rank);
                }
            }
        }
        XWPFTable indicators = doc.getTables().get(0);
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal available = BigDecimal.ZERO;
        for (XWPFTableRow row : indicators.getRows().subList(1, indicators.getRows().size())) {
            sentences++;
            String where = "feedback " + unit + " " + row.getCell(0).getText();
            BigDecimal weight = new BigDecimal(row.getCell(1).getText());
            BigDecimal points = new BigDecimal(row.getCell(6).getText());
            earned = earned.add(points);
            available = available.add(weight);
            String target = row.getCell(2).getText();
            BigDecimal completion = first(row.getCell(5).getText());
            if (completion != null && isQuantitativeTarget(target)) {
                String used = row.getCell(4).getText().isBlank() ? row.getCell(3).getText() : row.getCell(4).getText();
                expectCompletion(where, null, target, first(used), completion);
            }
            Matcher w = WHY_COMPLETION.matcher(row.getCell(7).getText());
            if (w.find()) {
                BigDecimal counted = w.group(2) != null ? new BigDecimal(w.group(2)) : completion;
                expect(where + " points", weight.multiply(counted).divide(HUNDRED, MathContext.DECIMAL64)
                        .setScale(2, RoundingMode.HALF_UP), points);
            }
        }
        if (indicatorScore != null && available.signum() > 0) {
            expect("feedback " + unit + " indicator score", earned.multiply(HUNDRED)
                    .divide(available, MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_UP), indicatorScore);
        }
        assertThat(total).as("the feedback of %s states its total", unit).isNotNull();
    }

    // ---- the formula, as the 方案 sheet writes it -------------------------------------------

    /** Completion as the 方案 sheet states it, from the target as printed (≥, ≤, =, a–b). */
    private void expectCompletion(String where, Direction known, String target, BigDecimal actual, BigDecimal stated) {
        if (actual == null || stated == null) {
            return;
        }
        Matcher range = Pattern.compile(NUM + "–" + NUM).matcher(target);
        Direction d = target.startsWith("≤") ? Direction.LOWER_BETTER : target.startsWith("=") || range.find()
                ? Direction.AT_TARGET : known == null ? Direction.HIGHER_BETTER : known;
        BigDecimal high = range.find(0) ? new BigDecimal(range.group(2)) : null;
        expect(where, completion(d, first(target), high, actual), stated);
    }

    private static BigDecimal completion(Direction d, BigDecimal t, BigDecimal high, BigDecimal a) {
        BigDecimal pct;
        if (d == Direction.LOWER_BETTER) {
            pct = a.compareTo(t) <= 0 ? HUNDRED : t.signum() <= 0 ? BigDecimal.ZERO
                    : t.multiply(HUNDRED).divide(a, MathContext.DECIMAL64);
        } else if (d == Direction.AT_TARGET && high != null) {
            pct = a.compareTo(t) >= 0 && a.compareTo(high) <= 0 ? HUNDRED : a.compareTo(t) < 0
                    ? a.multiply(HUNDRED).divide(t, MathContext.DECIMAL64) : high.multiply(HUNDRED)
                    .divide(a, MathContext.DECIMAL64);
        } else if (d == Direction.AT_TARGET) {
            pct = t.signum() == 0 ? (a.signum() == 0 ? HUNDRED : BigDecimal.ZERO)
                    : HUNDRED.subtract(a.subtract(t).abs().multiply(HUNDRED).divide(t.abs(), MathContext.DECIMAL64));
        } else {
            pct = t.signum() <= 0 ? (a.compareTo(t) >= 0 ? HUNDRED : BigDecimal.ZERO)
                    : a.multiply(HUNDRED).divide(t, MathContext.DECIMAL64);
        }
        return pct.max(BigDecimal.ZERO).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal total(BigDecimal indicators, BigDecimal appraisal, BigDecimal deductions, BigDecimal bonus,
                                    BigDecimal iw, BigDecimal aw) {
        return iw.multiply(indicators).add(aw.multiply(appraisal)).divide(HUNDRED, MathContext.DECIMAL64)
                .setScale(2, RoundingMode.HALF_UP).subtract(deductions).add(bonus);
    }

    private static boolean isQuantitativeTarget(String target) {
        return target.matches("^[≥≤=]?-?\\d.*");
    }

    private void expect(String where, BigDecimal computed, BigDecimal stated) {
        if (computed == null || stated == null) {
            return;
        }
        checked++;
        if (computed.compareTo(stated) != 0) {
            contradictions.add(where + ": states " + stated + ", its figures make " + computed);
        }
    }

    private void same(String where, BigDecimal printed, BigDecimal stored) {
        checked++;
        if (stored == null || printed.compareTo(stored) != 0) {
            contradictions.add(where + ": printed " + printed + ", the tree holds " + stored);
        }
    }

    /** The amount with the indicator's unit of measure closest before {@code end} in the sentence. */
    private static BigDecimal amountBefore(String s, int end, String unit) {
        if (unit == null) {
            return null;
        }
        Matcher m = Pattern.compile(NUM + Pattern.quote(unit)).matcher(s.substring(0, end));
        BigDecimal last = null;
        while (m.find()) {
            last = new BigDecimal(m.group(1));
        }
        return last;
    }

    private static BigDecimal first(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = Pattern.compile(NUM).matcher(text);
        return m.find() ? new BigDecimal(m.group(1)) : null;
    }

    private static BigDecimal num(Cell c) {
        return c == null || c.getCellType() != CellType.NUMERIC ? null
                : BigDecimal.valueOf(c.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP);
    }

    private static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split("(?<=[。；！？])")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
