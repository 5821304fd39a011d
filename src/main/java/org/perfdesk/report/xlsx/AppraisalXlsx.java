package org.perfdesk.report.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfdesk.domain.Appraisal;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.UserError;
import org.perfdesk.evaluation.AppraisalScore;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.store.Backups;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/**
 * The public-appraisal results (公众评议) as the statistics bodies send them: a form per year
 * ({@link #template}), read and checked without writing anything ({@link #parse}), then saved
 * ({@link #apply}). A sheet with any bad row is refused whole, every problem listed.
 *
 * <p>The form (sheet 公众评议): 单位代码, 单位名称, 轮次, 样本量, then one column per satisfaction level
 * of the year's scheme (满意, 比较满意, 基本满意, 不满意 by default), and two columns Excel computes
 * for the reader (合计, 得分) that import ignores. Sheet 填写说明 explains it and gives the formula.
 */
public final class AppraisalXlsx {
    private AppraisalXlsx() {
    }

    /** What importing a row does to the rounds already in the workspace. */
    public enum Change {
        ADDED, REPLACED, UNCHANGED
    }

    /**
     * One good row: the round it holds, the unit's name, the round's score under the scheme, and
     * what saving it changes.
     *
     * @param row the row number Excel shows
     */
    public record Line(int row, Appraisal appraisal, String unitName, BigDecimal score, Change change) {
    }

    /**
     * A read sheet. Refused when {@link #problems()} is not empty; then {@link #rows()} holds the
     * rows that were fine, for reference only, and nothing may be saved.
     *
     * @param emptyRows rows naming a unit and round but with no figures yet (skipped)
     */
    public record Parsed(Path file, int year, EvaluationScheme scheme, List<Line> rows,
                         List<AppraisalProblem> problems, int emptyRows) {
        public Parsed {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }

        public boolean refused() {
            return !problems.isEmpty();
        }

        public List<Appraisal> appraisals() {
            return rows.stream().map(Line::appraisal).toList();
        }

        public int count(Change change) {
            return (int) rows.stream().filter(l -> l.change() == change).count();
        }
    }

    /** What {@link #apply} saved, and the backup made before (null when nothing needed saving). */
    public record Applied(int added, int replaced, int unchanged, Path backup) {
    }

    /**
     * Writes the year's form to {@code out}, whole or not at all: a row per evaluated unit and round,
     * with the figures already in the workspace filled in, so the form is also an export.
     */
    public static void template(Workspace ws, int year, Path out) {
        Evaluator evaluator = new Evaluator(ws);
        EvaluationScheme scheme = evaluator.scheme(year);
        List<OrgUnit> units = sorted(evaluator.units(year));
        List<Appraisal> saved = ws.evaluation().appraisals().findByYear(year);
        Path tmp = SafeFiles.temporaryFor(out);
        XSSFWorkbook wb = AppraisalSheetWriter.write(year, scheme, units, saved, scheme.appraisalRounds());
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
            NewWorkbooks.discard(wb); // closing would save it all once more into a buffer
        }
    }

    /**
     * Reads and checks {@code file} against the year's scheme and evaluated units; writes nothing.
     * Problems with the file as a whole (not an xlsx, too big, no rows, another year's title) are
     * thrown as {@link UserError}; problems in rows come back in {@link Parsed#problems()}.
     */
    public static Parsed parse(Workspace ws, int year, Path file) {
        XlsxSource.SheetData sheet = XlsxSource.read(file, AppraisalSheetWriter.SHEET);
        Evaluator evaluator = new Evaluator(ws);
        EvaluationScheme scheme = evaluator.schemeToRead(year);
        AppraisalSheetParser.Result r = AppraisalSheetParser.parse(sheet, file.toString(), year, scheme,
                evaluator.units(year));
        Map<String, Appraisal> stored = stored(ws, year);
        List<Line> lines = r.rows().stream().map(row -> line(row, scheme, stored)).toList();
        return new Parsed(file, year, scheme, lines, r.problems(), r.emptyRows());
    }

    /**
     * Saves the rounds of a sheet that passed {@link #parse}: first an automatic backup of the
     * workspace, then every new or changed round in one audited transaction (rounds already there
     * with the same figures are left alone). Refuses when the scheme's levels changed since.
     */
    public static Applied apply(Workspace ws, Parsed parsed) {
        if (parsed.refused()) {
            throw new IllegalStateException("a refused appraisal sheet cannot be applied");
        }
        Evaluator evaluator = new Evaluator(ws);
        if (!evaluator.scheme(parsed.year()).appraisalLevels().equals(parsed.scheme().appraisalLevels())) {
            throw new UserError("appraisal.import.error.schemeChanged", parsed.file().toString());
        }
        Map<String, Appraisal> stored = stored(ws, parsed.year());
        List<Line> now = parsed.rows().stream().map(l -> line(new AppraisalSheetParser.Row(l.row(), l.appraisal(),
                l.unitName()), parsed.scheme(), stored)).toList();
        List<Appraisal> toSave = now.stream().filter(l -> l.change() != Change.UNCHANGED).map(Line::appraisal).toList();
        int added = (int) now.stream().filter(l -> l.change() == Change.ADDED).count();
        int replaced = (int) now.stream().filter(l -> l.change() == Change.REPLACED).count();
        if (toSave.isEmpty()) {
            return new Applied(0, 0, now.size(), null);
        }
        Path backup = Backups.of(ws).automatic("before-appraisal-import");
        evaluator.saveAppraisals(toSave, "公众评议导入：" + parsed.file().getFileName());
        return new Applied(added, replaced, now.size() - added - replaced, backup);
    }

    private static Map<String, Appraisal> stored(Workspace ws, int year) {
        Map<String, Appraisal> out = new HashMap<>();
        ws.evaluation().appraisals().findByYear(year).forEach(a -> out.put(key(a), a));
        return out;
    }

    private static Line line(AppraisalSheetParser.Row row, EvaluationScheme scheme, Map<String, Appraisal> stored) {
        Appraisal a = row.appraisal();
        Appraisal was = stored.get(key(a));
        Change change = was == null ? Change.ADDED
                : was.sampleSize() == a.sampleSize() && was.counts().equals(a.counts()) ? Change.UNCHANGED
                : Change.REPLACED;
        return new Line(row.row(), a, row.unitName(), AppraisalScore.of(a, scheme), change);
    }

    private static String key(Appraisal a) {
        return a.unitCode() + "\n" + a.round();
    }

    /** City governments first, then provincial departments, then units not ranked; by code within. */
    static List<OrgUnit> sorted(List<OrgUnit> units) {
        return units.stream().sorted(Comparator.comparing((OrgUnit u) -> u.group() == null ? Integer.MAX_VALUE
                : u.group().ordinal()).thenComparing(OrgUnit::code)).toList();
    }
}
