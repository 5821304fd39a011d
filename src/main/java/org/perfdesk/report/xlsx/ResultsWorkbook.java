package org.perfdesk.report.xlsx;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.SelfAssessment;
import org.perfdesk.domain.SelfScore;
import org.perfdesk.domain.SpotCheck;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.domain.IndicatorRule;
import org.perfdesk.report.IndicatorFacts;
import org.perfdesk.evaluation.InputHashes;
import org.perfdesk.report.ResultsData;
import org.perfdesk.report.ResultsTexts;
import org.perfdesk.report.RuleTexts;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/**
 * The year's results as a workbook to print and pass on (绩效评估结果): 总表 (every unit, its group and
 * rank, the components and total), one sheet per ranking group, 指标明细 (each indicator: self score
 * beside the office's, the difference, where the points come from, whether it was spot-checked),
 * 方案 (the scheme version with its weights and rules) and 说明 (when and how the figures were made,
 * the freeze and its input hashes). Numbers are number cells with two decimals; each table prints
 * on A4 landscape, one page wide, its header row on every page, and keeps its header in view.
 */
public final class ResultsWorkbook {
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final ResultsData data;
    private final Texts t;
    private final ResultsTexts words;
    /**
     * Streamed, with strings written inline: a province's indicator sheet has half a million cells, and
     * the in-memory workbook spent most of its 10 s looking strings up in a shared table and building
     * XML objects for them. Rows are final once the next is begun (TitledTable sizes them then).
     */
    private final SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, false);
    private final SheetStyles styles = new SheetStyles(wb);
    private final CellStyle text;
    private final CellStyle centred;
    private final CellStyle score;
    private final CellStyle scoreBold;
    private final CellStyle scoreMarked;
    private final CellStyle centredMarked;
    private final Map<String, String> names = new HashMap<>();

    private ResultsWorkbook(ResultsData data, Texts texts) {
        this.data = data;
        this.t = texts;
        this.words = new ResultsTexts(texts);
        text = middle(styles.cell(Column.Type.TEXT, false));
        centred = middle(styles.cell(Column.Type.CENTERED, false));
        score = middle(styles.cell(Column.Type.NUMBER, false));
        score.setDataFormat(wb.createDataFormat().getFormat("0.00"));
        scoreBold = middle(styles.cell(Column.Type.NUMBER, true));
        scoreBold.setDataFormat(score.getDataFormat());
        scoreBold.setFillPattern(FillPatternType.NO_FILL);
        scoreMarked = middle(score);
        scoreMarked.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        scoreMarked.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        centredMarked = middle(centred);
        centredMarked.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        centredMarked.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        data.results().forEach(r -> names.put(r.unit().code(), r.unit().name()));
    }

    /** The office's year as it stands, written to {@code out} in the current UI language. */
    public static void export(Workspace ws, int year, Path out) {
        write(ResultsData.load(ws, year, java.time.LocalDate.now()), Texts.current(), out);
    }

    /** Writes the workbook whole or not at all (temporary file, then rename). */
    public static void write(ResultsData data, Texts texts, Path out) {
        byte[] bytes = toBytes(data, texts);
        try {
            SafeFiles.writeAtomically(out, bytes);
        } catch (IOException e) {
            throw new UserError(e, "xlsx.error.cannotWrite", out.toString(), String.valueOf(e.getMessage()));
        }
    }

    public static byte[] toBytes(ResultsData data, Texts texts) {
        ResultsWorkbook w = new ResultsWorkbook(data, texts);
        SXSSFWorkbook wb = w.wb;
        try {
            w.summary();
            for (RankingGroup g : data.groups()) {
                w.group(g);
            }
            w.details();
            w.scheme();
            w.about();
            wb.setActiveSheet(0);
            wb.getXSSFWorkbook().getProperties().getCoreProperties()
                    .setTitle(texts.get("results.workbook.title", String.valueOf(data.year())));
            wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreator(data.office().name());
        } catch (RuntimeException e) {
            NewWorkbooks.discard(wb);
            throw e;
        }
        return NewWorkbooks.bytesAndDiscard(wb);
    }

    // ---- sheets ----------------------------------------------------------------------------

    private void summary() {
        List<String> headers = List.of(col("group"), col("rank"), col("code"), col("unit"), col("indicators"),
                col("appraisal"), col("deductions"), col("bonus"), col("total"), col("remarks"));
        TitledTable table = new TitledTable(wb, styles, t.get("results.workbook.sheet.summary"),
                t.get("results.workbook.title", String.valueOf(data.year())), headers,
                new int[] {12, 8, 10, 28, 11, 11, 11, 9, 11, 36},
                List.of(words.status(data), words.approval(data), formula()));
        for (Evaluation.UnitResult r : data.results()) {
            Row row = table.next();
            text(row, 0, r.group() == null ? t.get("results.unranked") : t.of(r.group()), centred);
            text(row, 1, words.rank(r), centred);
            if (r.rank() != null && r.tiedWith().isEmpty()) {
                row.getCell(1).setCellValue(r.rank());
            }
            text(row, 2, r.unit().code(), text);
            text(row, 3, r.unit().name(), text);
            components(row, 4, r);
            text(row, 9, words.remarks(r, this::name), text);
            row.setHeightInPoints(Math.max(18f, RowHeights.lines(words.remarks(r, this::name), 36) * 15f + 4));
        }
        table.finish(2, t.get("results.workbook.footer"));
    }

    private void group(RankingGroup g) {
        List<String> headers = List.of(col("rank"), col("code"), col("unit"), col("indicators"), col("appraisal"),
                col("deductions"), col("bonus"), col("total"), col("remarks"));
        TitledTable table = new TitledTable(wb, styles, t.of(g), t.get("results.workbook.groupTitle", String.valueOf(data.year()), t.of(g)),
                headers, new int[] {8, 10, 28, 11, 11, 11, 9, 11, 40}, List.of(formula()));
        for (Evaluation.UnitResult r : data.inGroup(g)) {
            Row row = table.next();
            text(row, 0, words.rank(r), centred);
            if (r.rank() != null && r.tiedWith().isEmpty()) {
                row.getCell(0).setCellValue(r.rank());
            }
            text(row, 1, r.unit().code(), text);
            text(row, 2, r.unit().name(), text);
            components(row, 3, r);
            text(row, 8, words.remarks(r, this::name), text);
        }
        table.finish(1, t.get("results.workbook.footer"));
    }

    /** 指标考核, 公众评议, 察访扣分, 加分, 总分 from column {@code first}; "—" where a unit has none (未报送). */
    private void components(Row row, int first, Evaluation.UnitResult r) {
        scoreOrDash(row, first, r.indicatorScore(), score);
        number(row, first + 1, r.appraisalScore(), score);
        number(row, first + 2, r.deductions(), score);
        number(row, first + 3, r.bonus(), score);
        scoreOrDash(row, first + 4, r.total(), scoreBold);
    }

    private void scoreOrDash(Row row, int col, BigDecimal value, CellStyle style) {
        if (value == null) {
            text(row, col, words.score(null), centred);
        } else {
            number(row, col, value, style);
        }
    }

    private void details() {
        List<String> headers = List.of(col("unit"), col("indicator"), col("weight"), col("target"), col("reported"),
                col("verified"), col("completion"), col("claimed"), col("self"), col("office"), col("difference"),
                col("reason"), col("spotChecked"));
        TitledTable table = new TitledTable(wb, styles, t.get("results.workbook.sheet.details"),
                t.get("results.workbook.detailsTitle", String.valueOf(data.year())), headers,
                new int[] {18, 30, 7, 12, 12, 12, 9, 9, 9, 9, 9, 40, 6},
                List.of(t.get("results.workbook.detailsNote", IndicatorFacts.quarterName(data.scheme().period(), t))));
        for (Evaluation.UnitResult r : data.results()) {
            Evaluation.UnitMaterial m = data.material().get(r.unit().code());
            SpotCheck spot = data.spotChecks().get(r.unit().code());
            for (IndicatorRule.Line l : r.indicators()) {
                Row row = table.next();
                text(row, 0, r.unit().name(), text);
                text(row, 1, l.title(), text);
                number(row, 2, l.weight(), centred);
                text(row, 3, words.target(l, data.year()), centred);
                text(row, 4, words.figure(l.reported(), l), centred);
                text(row, 5, words.figure(l.verified(), l), l.differs() ? centredMarked : centred);
                text(row, 6, l.completion() == null ? "" : Numbers.percent(l.completion()), centred);
                text(row, 7, l.claimed() == null ? "" : Numbers.percent(l.claimed()),
                        claimDiffers(l) ? centredMarked : centred);
                BigDecimal self = selfPoints(m, l.nodeId(), data.scheme());
                number(row, 8, self, score);
                number(row, 9, l.points(), score);
                BigDecimal difference = self == null ? null : l.points().subtract(self);
                number(row, 10, difference, difference != null && difference.abs().compareTo(CENT) >= 0 ? scoreMarked : score);
                String why = words.why(l, data.scheme());
                String differs = words.difference(l);
                text(row, 11, differs.isEmpty() ? why : why + "；" + differs, text);
                text(row, 12, spot != null && spot.drawn().contains(l.nodeId())
                        ? t.get("results.workbook.spotChecked") : "", centred);
            }
        }
        table.finish(2, t.get("results.workbook.footer"));
    }

    /** The unit's typed completion is more than a rounding away from the rule's (its claim disagrees). */
    private static boolean claimDiffers(IndicatorRule.Line l) {
        return l.claimed() != null && l.completion() != null
                && l.claimed().subtract(l.completion()).abs().compareTo(new BigDecimal("0.5")) > 0;
    }

    /** The points the unit gave itself, as the self-assessment screen counts them. */
    private static BigDecimal selfPoints(Evaluation.UnitMaterial m, String nodeId, EvaluationScheme scheme) {
        if (m == null) {
            return null;
        }
        SelfAssessment a = m.self().get(nodeId);
        GoalNode n = m.tree().find(nodeId).orElse(null);
        return n == null || a == null ? null : SelfScore.points(n, a, scheme);
    }

    private void scheme() {
        EvaluationScheme s = data.scheme();
        TitledTable table = new TitledTable(wb, styles, t.get("results.workbook.sheet.scheme"),
                t.get("results.workbook.schemeTitle", String.valueOf(s.year()), s.version()),
                List.of(t.get("results.workbook.scheme.item"), t.get("results.workbook.scheme.value")),
                new int[] {30, 90}, List.of());
        pair(table, "year", String.valueOf(s.year()));
        pair(table, "version", String.valueOf(s.version()));
        pair(table, "indicatorWeight", Numbers.plain(s.indicatorWeight()) + "%");
        pair(table, "appraisalWeight", Numbers.plain(s.appraisalWeight()) + "%");
        pair(table, "inspectionCap", Numbers.plain(s.inspectionCap()));
        pair(table, "bonusCap", Numbers.plain(s.bonusCap()));
        pair(table, "quantitativeCap", Numbers.plain(s.quantitativeCap()) + "%");
        pair(table, "latePenalty", Numbers.plain(s.latePenalty()) + "%");
        pair(table, "spotCheckShare", Numbers.plain(s.spotCheckShare()) + "%");
        pair(table, "levels", AppraisalSheetWriter.levelsText(s.appraisalLevels()));
        if (!s.note().isBlank()) {
            pair(table, "note", s.note());
        }
        pair(table, "period", IndicatorFacts.quarterName(s.period(), t));
        pair(table, "levelShares", s.levelSharesText());
        pair(table, "appraisalRounds", String.valueOf(s.appraisalRounds()));
        pair(table, "required", RuleTexts.required(s, t));
        pair(table, "bodies", String.join("；", data.groups().stream()
                .map(g -> t.of(g) + "：" + s.appraisalBody(g)).toList()));
        for (RuleTexts.Rule rule : RuleTexts.of(s, t)) {
            Row row = table.next();
            text(row, 0, rule.label(), styles.guideLabel);
            text(row, 1, rule.text(), styles.guideText);
            row.setHeightInPoints(RowHeights.lines(rule.text(), 90) * 15f + 4);
        }
        table.finish(0, t.get("results.workbook.footer"));
    }

    private void pair(TitledTable table, String key, String value) {
        Row row = table.next();
        text(row, 0, t.get("results.workbook.scheme." + key), styles.guideLabel);
        text(row, 1, value, styles.guideText);
    }

    private void about() {
        TitledTable table = new TitledTable(wb, styles, t.get("results.workbook.sheet.about"), t.get("results.workbook.aboutTitle",
                String.valueOf(data.year())), List.of(t.get("results.workbook.about.unit"),
                t.get("results.workbook.about.component"), t.get("results.workbook.about.hash")),
                new int[] {28, 16, 70}, aboutLines());
        data.frozenHashes().ifPresent(h -> {
            Row row = table.next();
            text(row, 0, "", text);
            text(row, 1, t.get("results.change.scheme"), centred);
            text(row, 2, h.scheme(), text);
            h.units().forEach((key, components) -> {
                String code = key.contains("|") ? key.substring(0, key.indexOf('|')) : key;
                for (String c : InputHashes.COMPONENTS) {
                    if (!components.containsKey(c)) {
                        continue;
                    }
                    Row r = table.next();
                    text(r, 0, name(code), text);
                    text(r, 1, t.get("results.change." + c), centred);
                    text(r, 2, components.getOrDefault(c, ""), text);
                }
            });
        });
        table.finish(0, t.get("results.workbook.footer"));
    }

    private List<String> aboutLines() {
        List<String> lines = new ArrayList<>();
        lines.add(t.get("results.workbook.about.generated", data.date().toString(), data.office().name(),
                String.valueOf(data.scheme().version())));
        lines.add(words.status(data));
        lines.add(words.approval(data));
        data.comparison().ifPresentOrElse(c -> {
            lines.add(t.get("results.workbook.about.frozen", ResultsTexts.when(c.freeze().frozenAt()),
                    String.valueOf(c.freeze().schemeVersion()), c.freeze().inputsHash()));
            lines.add(t.get("results.workbook.about.howToCheck"));
        }, () -> lines.add(t.get("results.workbook.about.noFreeze")));
        return lines;
    }

    /** A copy of the style with its text in the middle of the row's height. */
    private CellStyle middle(CellStyle from) {
        CellStyle s = wb.createCellStyle();
        s.cloneStyleFrom(from);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        return s;
    }

    private String formula() {
        return t.get("results.workbook.formula", Numbers.plain(data.scheme().indicatorWeight()),
                Numbers.plain(data.scheme().appraisalWeight()));
    }

    private String col(String key) {
        return t.get("results.workbook.col." + key);
    }

    private String name(String code) {
        return names.getOrDefault(code, code);
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value == null ? "" : value);
        c.setCellStyle(style);
    }

    private static void number(Row row, int col, BigDecimal value, CellStyle style) {
        Cell c = row.createCell(col);
        if (value != null) {
            c.setCellValue(value.doubleValue());
        }
        c.setCellStyle(style);
    }
}
