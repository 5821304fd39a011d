package org.perfdesk.report.xlsx;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
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

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.IndicatorRule;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.UserError;
import org.perfdesk.domain.VerifiedFigure;
import org.perfdesk.report.xlsx.FiguresProblem.Reason;

/**
 * Turns the rows of a 指标考核数据表 into verified figures, collecting every problem with its row and
 * column rather than stopping at the first, as the public-appraisal form does.
 */
final class FiguresSheetParser {
    private static final int HEADER_SEARCH_ROWS = 10;
    private static final Pattern TITLE_YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    private static final List<String> NOT_DONE = List.of(FiguresSheetWriter.NOT_DONE, "未完", "否", "没有完成");

    /** What the parser needs to know of one evaluated unit: its scored indicators and reported figures. */
    record UnitIndicators(OrgUnit unit, List<GoalNode> indicators, Map<String, IndicatorRule.Figure> reported) {
    }

    /** A good row: the verified figure, the unit's name, the indicator's title and the unit's figure. */
    record Row(int row, VerifiedFigure figure, String unitName, String title, IndicatorRule.Figure reported) {
    }

    record Result(String body, List<Row> rows, List<FiguresProblem> problems, int emptyRows) {
    }

    private final int year;
    private final Map<String, UnitIndicators> byCode = new HashMap<>();
    private final Map<String, List<UnitIndicators>> byName = new HashMap<>();
    private final List<FiguresProblem> problems = new ArrayList<>();
    private final Map<String, Integer> index = new LinkedHashMap<>();

    private FiguresSheetParser(int year, List<UnitIndicators> units) {
        this.year = year;
        for (UnitIndicators u : units) {
            byCode.put(u.unit().code().toUpperCase(Locale.ROOT), u);
            byName.computeIfAbsent(key(u.unit().name()), k -> new ArrayList<>()).add(u);
        }
    }

    static Result parse(XlsxSource.SheetData sheet, String fileName, int year, List<UnitIndicators> units) {
        return new FiguresSheetParser(year, units).parse(sheet, fileName);
    }

    private Result parse(XlsxSource.SheetData sheet, String fileName) {
        List<SheetRow> rows = sheet.rows();
        if (rows.isEmpty()) {
            throw new UserError("figures.import.error.empty", fileName, sheet.name());
        }
        int header = findHeader(rows);
        if (header < 0) {
            problems.add(FiguresProblem.of(rows.get(0).number(), FiguresSheetWriter.VERIFIED, Reason.NO_HEADER,
                    String.join("、", FiguresSheetWriter.HEADERS)));
            return new Result(null, List.of(), problems, 0);
        }
        String body = body(rows.subList(0, header), fileName);
        readHeader(rows.get(header));
        if (!problems.isEmpty()) {
            return new Result(body, List.of(), problems, 0);
        }
        List<Row> parsed = new ArrayList<>();
        int empty = 0;
        for (SheetRow row : rows.subList(header + 1, rows.size())) {
            Cells cells = new Cells(row);
            if (cells.text(FiguresSheetWriter.VERIFIED) == null) {
                empty++;
                continue;
            }
            row(cells, body).ifPresent(parsed::add);
        }
        if (parsed.isEmpty() && problems.isEmpty()) {
            throw new UserError("figures.import.error.empty", fileName, sheet.name());
        }
        Map<String, Integer> first = new HashMap<>();
        for (Row r : parsed) {
            Integer earlier = first.putIfAbsent(r.figure().nodeId(), r.row());
            if (earlier != null) {
                problems.add(FiguresProblem.of(r.row(), FiguresSheetWriter.INDICATOR, Reason.DUPLICATE_INDICATOR,
                        r.title(), String.valueOf(earlier)));
            }
        }
        problems.sort(Comparator.comparingInt(FiguresProblem::row)
                .thenComparingInt(p -> index.getOrDefault(p.column(), Integer.MAX_VALUE)));
        return new Result(body, parsed, problems, empty);
    }

    private static int findHeader(List<SheetRow> rows) {
        for (int i = 0; i < Math.min(HEADER_SEARCH_ROWS, rows.size()); i++) {
            if (rows.get(i).cells().values().stream().anyMatch(v -> key(v).equals(FiguresSheetWriter.VERIFIED))) {
                return i;
            }
        }
        return -1;
    }

    /** The body named beside 核定单位 above the header; a title naming another year refuses the file. */
    private String body(List<SheetRow> above, String fileName) {
        String body = null;
        for (SheetRow r : above) {
            List<String> values = new ArrayList<>(r.cells().values());
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                if (key(v).equals(FiguresSheetWriter.BODY_LABEL) && i + 1 < values.size()) {
                    body = CellValues.text(values.get(i + 1));
                }
                Matcher m = TITLE_YEAR.matcher(Normalizer.normalize(v, Normalizer.Form.NFKC));
                if (m.find() && Integer.parseInt(m.group(1)) != year) {
                    throw new UserError("figures.import.error.otherYear", fileName, m.group(1), String.valueOf(year));
                }
            }
        }
        if (body == null) {
            throw new UserError("figures.import.error.noBody", fileName, FiguresSheetWriter.BODY_LABEL);
        }
        return body;
    }

    private void readHeader(SheetRow row) {
        row.cells().forEach((col, text) -> {
            String k = key(text);
            if (k.isEmpty()) {
                return;
            }
            String h = FiguresSheetWriter.HEADERS.stream().filter(x -> x.equals(k)).findFirst().orElse(null);
            if (h != null && index.putIfAbsent(h, col) != null) {
                problems.add(FiguresProblem.of(row.number(), h, Reason.DUPLICATE_COLUMN));
            }
        });
        if (!index.containsKey(FiguresSheetWriter.CODE) && !index.containsKey(FiguresSheetWriter.NAME)) {
            problems.add(FiguresProblem.of(row.number(), FiguresSheetWriter.CODE, Reason.MISSING_COLUMN));
        }
        for (String h : List.of(FiguresSheetWriter.INDICATOR, FiguresSheetWriter.VERIFIED, FiguresSheetWriter.SOURCE,
                FiguresSheetWriter.NOTE)) {
            if (!index.containsKey(h)) {
                problems.add(FiguresProblem.of(row.number(), h, Reason.MISSING_COLUMN));
            }
        }
    }

    /** Headers and names compare without spaces or line breaks, which staff add to make them fit. */
    private static String key(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private Optional<Row> row(Cells cells, String body) {
        int before = problems.size();
        UnitIndicators unit = unit(cells);
        GoalNode node = unit == null ? null : indicator(cells, unit);
        if (node == null) {
            return Optional.empty();
        }
        String raw = cells.text(FiguresSheetWriter.VERIFIED);
        VerifiedFigure f = figure(cells, node, unit, body, raw);
        if (f == null) {
            return Optional.empty();
        }
        IndicatorRule.Figure reported = unit.reported().get(node.id());
        if (f.dataSource().isEmpty()) {
            cells.problem(FiguresSheetWriter.SOURCE, Reason.MISSING_SOURCE);
        }
        if (!f.figure(year).sameAs(reported) && f.note().isEmpty()) {
            cells.problem(FiguresSheetWriter.NOTE, Reason.MISSING_NOTE, raw);
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Row(cells.row.number(), f, unit.unit().name(), node.title(), reported));
    }

    private VerifiedFigure figure(Cells cells, GoalNode node, UnitIndicators unit, String body, String raw) {
        String source = cells.text(FiguresSheetWriter.SOURCE);
        String note = cells.text(FiguresSheetWriter.NOTE);
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        if (node.measure() instanceof Measure.Quantitative q) {
            String bare = q.unitOfMeasure() != null && text.endsWith(q.unitOfMeasure())
                    ? text.substring(0, text.length() - q.unitOfMeasure().length()).strip() : text;
            Optional<BigDecimal> n = CellValues.number(bare.endsWith("%") ? bare.substring(0, bare.length() - 1) : bare);
            if (n.isEmpty() || !CellValues.inRange(n.get())) {
                cells.problem(FiguresSheetWriter.VERIFIED, Reason.NOT_A_NUMBER, raw);
                return null;
            }
            return new VerifiedFigure(node.id(), unit.unit().code(), year, body, n.get(), null, null, false, source,
                    note);
        }
        if (node.measure() instanceof Measure.Qualitative q) {
            if (!q.levels().contains(text)) {
                cells.problem(FiguresSheetWriter.VERIFIED, Reason.UNKNOWN_LEVEL, raw, String.join("、", q.levels()));
                return null;
            }
            return new VerifiedFigure(node.id(), unit.unit().code(), year, body, null, text, null, false, source, note);
        }
        if (NOT_DONE.contains(text)) {
            return new VerifiedFigure(node.id(), unit.unit().code(), year, body, null, null, null, true, source, note);
        }
        Optional<LocalDate> date = CellValues.date(text);
        if (date.isEmpty()) {
            cells.problem(FiguresSheetWriter.VERIFIED, Reason.BAD_DATE, raw, FiguresSheetWriter.NOT_DONE);
            return null;
        }
        return new VerifiedFigure(node.id(), unit.unit().code(), year, body, null, null, date.get(), false, source,
                note);
    }

    private UnitIndicators unit(Cells cells) {
        String code = cells.text(FiguresSheetWriter.CODE);
        String name = cells.text(FiguresSheetWriter.NAME);
        String column = index.containsKey(FiguresSheetWriter.CODE) ? FiguresSheetWriter.CODE : FiguresSheetWriter.NAME;
        if (code == null && name == null) {
            cells.problem(column, Reason.MISSING_UNIT);
            return null;
        }
        if (code != null) {
            UnitIndicators u = byCode.get(Normalizer.normalize(code, Normalizer.Form.NFKC).strip()
                    .toUpperCase(Locale.ROOT));
            if (u == null) {
                cells.problem(FiguresSheetWriter.CODE, Reason.UNKNOWN_UNIT, code);
                return null;
            }
            if (name != null && !key(name).equals(key(u.unit().name()))) {
                cells.problem(FiguresSheetWriter.NAME, Reason.NAME_MISMATCH, name, u.unit().code(), u.unit().name());
                return null;
            }
            return u;
        }
        List<UnitIndicators> named = byName.getOrDefault(key(name), List.of());
        if (named.size() != 1) {
            cells.problem(FiguresSheetWriter.NAME, named.isEmpty() ? Reason.UNKNOWN_UNIT : Reason.AMBIGUOUS_NAME, name,
                    String.join("、", named.stream().map(u -> u.unit().code()).toList()));
            return null;
        }
        return named.get(0);
    }

    /** By 指标标识 when given (and the name must agree); else by the name among the unit's indicators. */
    private GoalNode indicator(Cells cells, UnitIndicators unit) {
        String id = cells.text(FiguresSheetWriter.ID);
        String title = cells.text(FiguresSheetWriter.INDICATOR);
        if (id != null) {
            GoalNode n = unit.indicators().stream().filter(x -> x.id().equals(id.strip())).findFirst().orElse(null);
            if (n == null) {
                cells.problem(FiguresSheetWriter.ID, Reason.UNKNOWN_INDICATOR, id, unit.unit().name());
                return null;
            }
            if (title != null && !key(title).equals(key(n.title()))) {
                cells.problem(FiguresSheetWriter.INDICATOR, Reason.INDICATOR_MISMATCH, title, n.title());
                return null;
            }
            return n;
        }
        if (title == null) {
            cells.problem(FiguresSheetWriter.INDICATOR, Reason.MISSING_INDICATOR);
            return null;
        }
        List<GoalNode> named = unit.indicators().stream().filter(x -> key(x.title()).equals(key(title))).toList();
        if (named.size() != 1) {
            cells.problem(FiguresSheetWriter.INDICATOR, named.isEmpty() ? Reason.UNKNOWN_INDICATOR
                    : Reason.AMBIGUOUS_INDICATOR, title, unit.unit().name());
            return null;
        }
        return named.get(0);
    }

    private final class Cells {
        private final SheetRow row;

        Cells(SheetRow row) {
            this.row = row;
        }

        String text(String header) {
            Integer col = index.get(header);
            return col == null ? null : CellValues.text(row.text(col));
        }

        void problem(String header, Reason reason, Object... args) {
            problems.add(FiguresProblem.of(row.number(), header, reason, args));
        }
    }
}
