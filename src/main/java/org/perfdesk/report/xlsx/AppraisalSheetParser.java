package org.perfdesk.report.xlsx;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.perfdesk.domain.Appraisal;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.UserError;
import org.perfdesk.report.xlsx.AppraisalProblem.Reason;

/**
 * Turns the rows of a public-appraisal sheet into rounds, collecting every problem with its row
 * and column rather than stopping at the first, so the statistics staff can fix a sheet in one pass.
 */
final class AppraisalSheetParser {
    private static final int HEADER_SEARCH_ROWS = 10;
    private static final Pattern TITLE_YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    private static final Pattern ROUND = Pattern.compile("第?\\s*([0-9]+|[一二三四五六七八九十]|十[一二])\\s*轮?");
    private static final String CHINESE_DIGITS = "一二三四五六七八九十";

    /** A good row: the round, and the unit's name as the workspace knows it. */
    record Row(int row, Appraisal appraisal, String unitName) {
    }

    record Result(List<Row> rows, List<AppraisalProblem> problems, int emptyRows) {
    }

    private final int year;
    private final List<EvaluationScheme.AppraisalLevel> levels;
    private final Map<String, OrgUnit> byCode = new HashMap<>();
    private final Map<String, List<OrgUnit>> byName = new HashMap<>();
    private final List<AppraisalProblem> problems = new ArrayList<>();
    /** Header (as written in the scheme or the form) → column index. */
    private final Map<String, Integer> index = new LinkedHashMap<>();

    private AppraisalSheetParser(int year, EvaluationScheme scheme, List<OrgUnit> units) {
        this.year = year;
        this.levels = scheme.appraisalLevels();
        for (OrgUnit u : units) {
            byCode.put(u.code().toUpperCase(Locale.ROOT), u);
            byName.computeIfAbsent(nameKey(u.name()), k -> new ArrayList<>()).add(u);
        }
    }

    static Result parse(XlsxSource.SheetData sheet, String fileName, int year, EvaluationScheme scheme,
                        List<OrgUnit> units) {
        return new AppraisalSheetParser(year, scheme, units).parse(sheet, fileName);
    }

    private Result parse(XlsxSource.SheetData sheet, String fileName) {
        List<SheetRow> rows = sheet.rows();
        if (rows.isEmpty()) {
            throw new UserError("appraisal.import.error.empty", fileName, sheet.name());
        }
        int header = findHeader(rows);
        if (header < 0) {
            problems.add(AppraisalProblem.of(rows.get(0).number(), AppraisalSheetWriter.SAMPLE, Reason.NO_HEADER,
                    String.join("、", expectedHeaders())));
            return new Result(List.of(), problems, 0);
        }
        checkTitleYear(rows.subList(0, header), fileName);
        readHeader(rows.get(header));
        if (!problems.isEmpty()) {
            return new Result(List.of(), problems, 0);
        }
        List<Row> parsed = new ArrayList<>();
        int empty = 0;
        for (SheetRow row : rows.subList(header + 1, rows.size())) {
            Cells cells = new Cells(row);
            if (!cells.hasFigures()) {
                empty++;
                continue;
            }
            row(cells).ifPresent(parsed::add);
        }
        if (parsed.isEmpty() && problems.isEmpty()) {
            throw new UserError("appraisal.import.error.empty", fileName, sheet.name());
        }
        duplicates(parsed);
        Map<String, Integer> order = new HashMap<>();
        index.forEach((h, c) -> order.put(h, c));
        problems.sort(Comparator.comparingInt(AppraisalProblem::row)
                .thenComparingInt(p -> order.getOrDefault(p.column(), Integer.MAX_VALUE)));
        return new Result(parsed, problems, empty);
    }

    private List<String> expectedHeaders() {
        List<String> out = new ArrayList<>(List.of(AppraisalSheetWriter.CODE, AppraisalSheetWriter.NAME,
                AppraisalSheetWriter.ROUND, AppraisalSheetWriter.SAMPLE));
        levels.forEach(l -> out.add(l.name()));
        return out;
    }

    private static int findHeader(List<SheetRow> rows) {
        for (int i = 0; i < Math.min(HEADER_SEARCH_ROWS, rows.size()); i++) {
            if (rows.get(i).cells().values().stream().anyMatch(v -> headerKey(v).equals(AppraisalSheetWriter.SAMPLE))) {
                return i;
            }
        }
        return -1;
    }

    /** A title such as "2007年度公众评议结果" above the header must name the year being imported. */
    private void checkTitleYear(List<SheetRow> above, String fileName) {
        for (SheetRow r : above) {
            for (String v : r.cells().values()) {
                Matcher m = TITLE_YEAR.matcher(Normalizer.normalize(v, Normalizer.Form.NFKC));
                if (m.find() && Integer.parseInt(m.group(1)) != year) {
                    throw new UserError("appraisal.import.error.otherYear", fileName, m.group(1), String.valueOf(year));
                }
            }
        }
    }

    private void readHeader(SheetRow row) {
        Map<String, String> known = new HashMap<>();
        for (String h : expectedHeaders()) {
            known.put(headerKey(h), h);
        }
        row.cells().forEach((col, text) -> {
            String key = headerKey(text);
            if (key.isEmpty()) {
                return;
            }
            String h = known.get(key);
            if (h == null) {
                if (!AppraisalSheetWriter.IGNORED.contains(key)) {
                    problems.add(AppraisalProblem.of(row.number(), text.strip(), Reason.UNKNOWN_LEVEL_COLUMN,
                            AppraisalSheetWriter.levelsText(levels), String.join("、", AppraisalSheetWriter.IGNORED)));
                }
            } else if (index.putIfAbsent(h, col) != null) {
                problems.add(AppraisalProblem.of(row.number(), h, Reason.DUPLICATE_COLUMN));
            }
        });
        boolean unitColumn = index.containsKey(AppraisalSheetWriter.CODE) || index.containsKey(AppraisalSheetWriter.NAME);
        if (!unitColumn) {
            problems.add(AppraisalProblem.of(row.number(), AppraisalSheetWriter.CODE, Reason.MISSING_COLUMN));
        }
        for (String h : expectedHeaders().subList(2, expectedHeaders().size())) {
            if (!index.containsKey(h)) {
                problems.add(AppraisalProblem.of(row.number(), h, Reason.MISSING_COLUMN));
            }
        }
    }

    /** Headers compare without spaces or line breaks, which staff add to make them fit. */
    private static String headerKey(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private static String nameKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private Optional<Row> row(Cells cells) {
        int before = problems.size();
        OrgUnit unit = unit(cells);
        Integer round = round(cells);
        Integer sample = cells.whole(AppraisalSheetWriter.SAMPLE);
        if (sample != null && sample == 0) {
            cells.problem(AppraisalSheetWriter.SAMPLE, Reason.ZERO_SAMPLE);
            sample = null;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        boolean allCounts = true;
        long sum = 0;
        for (EvaluationScheme.AppraisalLevel l : levels) {
            Integer n = cells.whole(l.name());
            if (n == null) {
                allCounts = false;
            } else {
                counts.put(l.name(), n);
                sum += n;
            }
        }
        if (sample != null && allCounts && sum != sample) {
            cells.problem(AppraisalSheetWriter.SAMPLE, Reason.COUNTS_DO_NOT_ADD_UP, String.valueOf(sum),
                    String.valueOf(sample));
        }
        if (problems.size() > before || unit == null || round == null || sample == null || !allCounts) {
            return Optional.empty();
        }
        return Optional.of(new Row(cells.row.number(), new Appraisal(unit.code(), year, round, sample, counts),
                unit.name()));
    }

    private OrgUnit unit(Cells cells) {
        String code = cells.text(AppraisalSheetWriter.CODE);
        String name = cells.text(AppraisalSheetWriter.NAME);
        String codeColumn = index.containsKey(AppraisalSheetWriter.CODE) ? AppraisalSheetWriter.CODE
                : AppraisalSheetWriter.NAME;
        if (code == null && name == null) {
            cells.problem(codeColumn, Reason.MISSING_UNIT);
            return null;
        }
        if (code != null) {
            OrgUnit u = byCode.get(Normalizer.normalize(code, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT));
            if (u == null) {
                cells.problem(AppraisalSheetWriter.CODE, Reason.UNKNOWN_UNIT, code);
                return null;
            }
            if (name != null && !nameKey(name).equals(nameKey(u.name()))) {
                cells.problem(AppraisalSheetWriter.NAME, Reason.NAME_MISMATCH, name, u.code(), u.name());
                return null;
            }
            return u;
        }
        List<OrgUnit> named = byName.getOrDefault(nameKey(name), List.of());
        if (named.isEmpty()) {
            cells.problem(AppraisalSheetWriter.NAME, Reason.UNKNOWN_UNIT, name);
            return null;
        }
        if (named.size() > 1) {
            cells.problem(AppraisalSheetWriter.NAME, Reason.AMBIGUOUS_NAME, name,
                    String.join("、", named.stream().map(OrgUnit::code).toList()));
            return null;
        }
        return named.get(0);
    }

    private static Integer round(Cells cells) {
        String text = cells.text(AppraisalSheetWriter.ROUND);
        if (text == null) {
            cells.problem(AppraisalSheetWriter.ROUND, Reason.MISSING);
            return null;
        }
        Optional<BigDecimal> n = CellValues.number(text);
        Integer round = null;
        if (n.isPresent()) {
            BigDecimal v = n.get().stripTrailingZeros();
            if (v.scale() <= 0 && v.compareTo(BigDecimal.ONE) >= 0
                    && v.compareTo(BigDecimal.valueOf(AppraisalSheetWriter.MAX_ROUND)) <= 0) {
                round = v.intValueExact();
            }
        } else {
            Matcher m = ROUND.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).strip());
            if (m.matches()) {
                String g = m.group(1);
                int v = g.chars().allMatch(Character::isDigit) ? Integer.parseInt(g)
                        : g.length() == 1 ? CHINESE_DIGITS.indexOf(g) + 1 : 10 + CHINESE_DIGITS.indexOf(g.charAt(1)) + 1;
                round = v >= 1 && v <= AppraisalSheetWriter.MAX_ROUND ? v : null;
            }
        }
        if (round == null) {
            cells.problem(AppraisalSheetWriter.ROUND, Reason.BAD_ROUND, text, String.valueOf(AppraisalSheetWriter.MAX_ROUND));
        }
        return round;
    }

    /** The same unit and round twice: every later row names the first. */
    private void duplicates(List<Row> rows) {
        Map<String, Integer> first = new HashMap<>();
        for (Row r : rows) {
            Integer earlier = first.putIfAbsent(r.appraisal().unitCode() + "\n" + r.appraisal().round(), r.row());
            if (earlier != null) {
                problems.add(AppraisalProblem.of(r.row(), AppraisalSheetWriter.ROUND, Reason.DUPLICATE_ROUND,
                        r.unitName(), String.valueOf(r.appraisal().round()), String.valueOf(earlier)));
            }
        }
    }

    /** The cells of one row by header, reporting what cannot be read. */
    private final class Cells {
        private final SheetRow row;

        Cells(SheetRow row) {
            this.row = row;
        }

        /** Any figure typed: the sample size or a count. A row with only its unit and round is not filled in yet. */
        boolean hasFigures() {
            if (text(AppraisalSheetWriter.SAMPLE) != null) {
                return true;
            }
            return levels.stream().anyMatch(l -> text(l.name()) != null);
        }

        String text(String header) {
            Integer col = index.get(header);
            return col == null ? null : CellValues.text(row.text(col));
        }

        /** A whole number from 0 up to the limit, or null with the problem recorded. */
        Integer whole(String header) {
            String t = text(header);
            if (t == null) {
                problem(header, Reason.MISSING);
                return null;
            }
            Optional<BigDecimal> n = CellValues.number(t);
            if (n.isEmpty() || !CellValues.inRange(n.get()) || n.get().stripTrailingZeros().scale() > 0) {
                problem(header, Reason.NOT_A_WHOLE_NUMBER, t);
                return null;
            }
            if (n.get().signum() < 0) {
                problem(header, Reason.NEGATIVE, t);
                return null;
            }
            if (n.get().compareTo(BigDecimal.valueOf(AppraisalSheetWriter.MAX_SAMPLE)) > 0) {
                problem(header, Reason.TOO_LARGE, t, String.valueOf(AppraisalSheetWriter.MAX_SAMPLE));
                return null;
            }
            return n.get().intValueExact();
        }

        void problem(String header, Reason reason, Object... args) {
            problems.add(AppraisalProblem.of(row.number(), header, reason, args));
        }
    }
}
