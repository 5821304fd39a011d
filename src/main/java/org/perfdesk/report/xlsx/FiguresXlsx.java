package org.perfdesk.report.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.IndicatorRule;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.domain.VerifiedFigure;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.report.IndicatorFacts;
import org.perfdesk.report.ResultsTexts;
import org.perfdesk.store.Backups;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/**
 * Indicator figures verified by an assessing body (指标考核数据表): the plan has 省统计局 aggregate the
 * city governments' indicator results, 考核部门 check the figures of their field, and the office and the
 * cities evaluate the cities jointly (联合评估) in January and February. The office writes a form per
 * body ({@link #template}): every unit's scored indicators with target and reported figure; the body
 * fills in the verified figure, where it comes from and why it differs; the office reads it back and
 * checks every row ({@link #parse}, nothing written), then saves it ({@link #apply}). A verified
 * figure replaces the unit's reported one for scoring; both stay visible.
 */
public final class FiguresXlsx {
    private FiguresXlsx() {
    }

    /** What importing a row does to the verified figure already in the workspace. */
    public enum Change {
        ADDED, REPLACED, UNCHANGED
    }

    /**
     * One good row.
     *
     * @param row      the row number Excel shows
     * @param reported the unit's own figure in words (empty when it reported none)
     * @param differs  the verified figure is not the unit's own
     */
    public record Line(int row, VerifiedFigure figure, String unitName, String title, String reported,
                       String verified, boolean differs, Change change) {
    }

    /**
     * A read sheet. Refused when {@link #problems()} is not empty; then nothing may be saved.
     *
     * @param body      the assessing body the sheet names
     * @param emptyRows rows without a verified figure (not verified by this body; skipped)
     */
    public record Parsed(Path file, int year, String body, List<Line> rows, List<FiguresProblem> problems,
                         int emptyRows) {
        public Parsed {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }

        public boolean refused() {
            return !problems.isEmpty();
        }

        public int count(Change change) {
            return (int) rows.stream().filter(l -> l.change() == change).count();
        }

        public int differing() {
            return (int) rows.stream().filter(Line::differs).count();
        }
    }

    /** What {@link #apply} saved, and the backup made before (null when nothing needed saving). */
    public record Applied(int added, int replaced, int unchanged, Path backup) {
    }

    /**
     * Writes the year's form for {@code body} to {@code out}, whole or not at all: a row per scored
     * indicator of the units of {@code group} (all evaluated units when null), with the figures this body
     * already verified filled in.
     */
    public static void template(Workspace ws, int year, String body, RankingGroup group, Path out) {
        if (body == null || body.isBlank()) {
            throw new UserError("figures.error.noBody");
        }
        Evaluator evaluator = new Evaluator(ws);
        EvaluationScheme scheme = evaluator.schemeToRead(year);
        List<OrgUnit> units = AppraisalXlsx.sorted(evaluator.units(year)).stream()
                .filter(u -> group == null || u.group() == group).toList();
        Map<String, VerifiedFigure> saved = new HashMap<>();
        ws.evaluation().verified().findByYear(year).stream().filter(f -> f.body().equals(body.strip()))
                .forEach(f -> saved.put(f.nodeId(), f));
        Texts t = Texts.of(Texts.CHINESE);
        ResultsTexts words = new ResultsTexts(t);
        List<FiguresSheetWriter.Line> lines = new ArrayList<>();
        for (OrgUnit u : units) {
            Evaluation.UnitMaterial m = evaluator.material(u, year);
            Map<String, String> numbers = numbers(m.tree());
            for (GoalNode n : IndicatorRule.scored(m.tree())) {
                IndicatorRule.Line l = IndicatorRule.score(n, m.progress().getOrDefault(n.id(), List.of()),
                        m.self().get(n.id()), null, null, scheme);
                VerifiedFigure v = saved.get(n.id());
                lines.add(new FiguresSheetWriter.Line(u, numbers.getOrDefault(n.id(), ""), n.title(), type(n),
                        unitColumn(n), words.target(l, year),
                        l.reported() == null ? null : l.reported().actual(), words.figure(l.reported(), l),
                        v == null ? null : v.actual(), v == null ? "" : verifiedText(v),
                        v == null ? "" : v.dataSource(), v == null ? "" : v.note(), n.id()));
            }
        }
        XSSFWorkbook wb = FiguresSheetWriter.write(year, body.strip(), IndicatorFacts.quarterName(scheme.period(), t),
                lines, units);
        Path tmp = SafeFiles.temporaryFor(out);
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (OutputStream os = Files.newOutputStream(tmp)) {
                wb.write(os);
            }
            SafeFiles.commit(tmp, out);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write error is the one to report
            }
            throw new UserError(e, "xlsx.error.cannotWrite", out.toString(), String.valueOf(e.getMessage()));
        } finally {
            NewWorkbooks.discard(wb);
        }
    }

    /**
     * Reads and checks {@code file} against the year's evaluated units and their indicators; writes
     * nothing. Problems with the file as a whole are thrown as {@link UserError}; problems in rows come
     * back in {@link Parsed#problems()}.
     */
    public static Parsed parse(Workspace ws, int year, Path file) {
        XlsxSource.SheetData sheet = XlsxSource.read(file, FiguresSheetWriter.SHEET);
        Evaluator evaluator = new Evaluator(ws);
        EvaluationScheme scheme = evaluator.schemeToRead(year);
        List<FiguresSheetParser.UnitIndicators> units = new ArrayList<>();
        for (OrgUnit u : evaluator.units(year)) {
            Evaluation.UnitMaterial m = evaluator.material(u, year);
            Map<String, IndicatorRule.Figure> reported = new HashMap<>();
            List<GoalNode> scored = IndicatorRule.scored(m.tree());
            for (GoalNode n : scored) {
                IndicatorRule.Figure f = IndicatorRule.reported(n, m.progress().getOrDefault(n.id(), List.of()),
                        m.self().get(n.id()), scheme.period());
                if (f != null) {
                    reported.put(n.id(), f);
                }
            }
            units.add(new FiguresSheetParser.UnitIndicators(u, scored, reported));
        }
        FiguresSheetParser.Result r = FiguresSheetParser.parse(sheet, file.toString(), year, units);
        Map<String, VerifiedFigure> stored = stored(ws, year);
        Texts t = Texts.current();
        ResultsTexts words = new ResultsTexts(t);
        List<Line> lines = new ArrayList<>();
        for (FiguresSheetParser.Row row : r.rows()) {
            GoalNode n = ws.goals().find(row.figure().nodeId()).orElseThrow();
            IndicatorRule.Line l = IndicatorRule.score(n, List.of(), null, null, row.figure(), scheme);
            VerifiedFigure was = stored.get(row.figure().nodeId());
            Change change = was == null ? Change.ADDED : was.equals(row.figure()) ? Change.UNCHANGED : Change.REPLACED;
            lines.add(new Line(row.row(), row.figure(), row.unitName(), row.title(), words.figure(row.reported(), l),
                    words.figure(l.verified(), l), !row.figure().figure(year).sameAs(row.reported()), change));
        }
        return new Parsed(file, year, r.body(), lines, r.problems(), r.emptyRows());
    }

    /**
     * Saves the figures of a sheet that passed {@link #parse}: an automatic backup first, then every new or
     * changed figure in one audited transaction (figures already there and the same are left alone).
     */
    public static Applied apply(Workspace ws, Parsed parsed) {
        if (parsed.refused()) {
            throw new IllegalStateException("a refused figures sheet cannot be applied");
        }
        Map<String, VerifiedFigure> stored = stored(ws, parsed.year());
        List<VerifiedFigure> toSave = parsed.rows().stream().map(Line::figure)
                .filter(f -> !f.equals(stored.get(f.nodeId()))).toList();
        int added = (int) toSave.stream().filter(f -> !stored.containsKey(f.nodeId())).count();
        int replaced = toSave.size() - added;
        if (toSave.isEmpty()) {
            return new Applied(0, 0, parsed.rows().size(), null);
        }
        Path backup = Backups.of(ws).automatic("before-figures-import");
        new Evaluator(ws).saveVerifiedFigures(toSave, "指标考核数据表导入：" + parsed.file().getFileName()
                + "（" + parsed.body() + "）");
        return new Applied(added, replaced, parsed.rows().size() - toSave.size(), backup);
    }

    private static Map<String, VerifiedFigure> stored(Workspace ws, int year) {
        Map<String, VerifiedFigure> out = new HashMap<>();
        ws.evaluation().verified().findByYear(year).forEach(f -> out.put(f.nodeId(), f));
        return out;
    }

    /** The 编号 of every node: 1, 1.2, 1.2.3 by position. */
    static Map<String, String> numbers(GoalTree tree) {
        Map<String, String> out = new HashMap<>();
        List<GoalNode> roots = tree.roots();
        for (int i = 0; i < roots.size(); i++) {
            number(tree, roots.get(i), String.valueOf(i + 1), out);
        }
        return out;
    }

    private static void number(GoalTree tree, GoalNode n, String code, Map<String, String> out) {
        out.put(n.id(), code);
        List<GoalNode> children = tree.children(n.id());
        for (int i = 0; i < children.size(); i++) {
            number(tree, children.get(i), code + "." + (i + 1), out);
        }
    }

    private static String type(GoalNode n) {
        return n.measure() instanceof Measure.Quantitative ? "定量" : n.measure() instanceof Measure.Qualitative
                ? "定性" : "节点";
    }

    /** The unit of measure; for a level, the levels to choose from; for a milestone, that a date is asked. */
    private static String unitColumn(GoalNode n) {
        if (n.measure() instanceof Measure.Quantitative q) {
            return q.unitOfMeasure() == null ? "" : q.unitOfMeasure();
        }
        if (n.measure() instanceof Measure.Qualitative q) {
            return "等级：" + String.join("、", q.levels());
        }
        return "完成日期";
    }

    static String verifiedText(VerifiedFigure v) {
        if (v.actual() != null) {
            return Numbers.plain(v.actual());
        }
        if (v.level() != null) {
            return v.level();
        }
        return v.notDone() ? FiguresSheetWriter.NOT_DONE : String.valueOf(v.doneOn());
    }
}
