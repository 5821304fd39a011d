package org.perfdesk.report.xlsx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.perfdesk.domain.Direction;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.TypedInput;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.UserError;
import org.perfdesk.report.xlsx.RowProblem.Reason;

/**
 * Turns the rows of the sheet 目标分解 into {@link ParsedRow}s, collecting every problem rather
 * than stopping at the first, so staff can fix a sheet in one pass.
 */
final class TreeSheetParser {
    /** The header must be among the first rows with values (the title row comes before it). */
    private static final int HEADER_SEARCH_ROWS = 10;
    private static final Set<Column> QUANTITATIVE_ONLY =
            Set.of(Column.UNIT_OF_MEASURE, Column.TARGET, Column.BASELINE, Column.DIRECTION);
    private static final Set<Column> QUALITATIVE_ONLY = Set.of(Column.LEVELS, Column.TARGET_LEVEL);
    private static final Set<Column> MILESTONE_ONLY = Set.of(Column.MILESTONE);
    private static final List<Column> MEASURE_COLUMNS = Arrays.stream(Column.values())
            .filter(c -> QUANTITATIVE_ONLY.contains(c) || QUALITATIVE_ONLY.contains(c) || MILESTONE_ONLY.contains(c))
            .toList();

    record Result(List<ParsedRow> rows, List<RowProblem> problems) {
    }

    private final OwnerNames owners;
    private final int year;
    private final Set<String> notCreated;
    private final List<RowNote> notes;
    private final List<RowProblem> problems = new ArrayList<>();
    private final Map<Column, Integer> index = new EnumMap<>(Column.class);
    private String sheetName = "";

    private TreeSheetParser(OwnerNames owners, int year, Set<String> notCreated, List<RowNote> notes) {
        this.owners = owners;
        this.year = year;
        this.notCreated = notCreated;
        this.notes = notes;
    }

    /**
     * @param owners     the unit's organisations, and those of the sheet 组织机构 the workspace lacks
     * @param notCreated codes of those the import will not create: naming one is a problem
     * @param notes      what was read from words (a date such as 6月底) is added here
     */
    static Result parse(XlsxSource.SheetData sheet, String fileName, OwnerNames owners, int year,
                        Set<String> notCreated, List<RowNote> notes) {
        return new TreeSheetParser(owners, year, notCreated, notes).parse(sheet, fileName);
    }

    private Result parse(XlsxSource.SheetData sheet, String fileName) {
        sheetName = sheet.name();
        List<SheetRow> rows = sheet.rows();
        if (rows.isEmpty()) {
            throw new UserError("xlsx.error.empty", fileName, sheet.name());
        }
        int header = findHeader(rows);
        if (header < 0) {
            problems.add(RowProblem.of(rows.get(0).number(), Column.CODE, Reason.NO_HEADER, allHeaders()));
            return new Result(List.of(), problems);
        }
        readHeader(rows.get(header));
        if (!problems.isEmpty()) {
            return new Result(List.of(), problems);
        }
        List<SheetRow> data = rows.subList(header + 1, rows.size());
        if (data.isEmpty()) {
            throw new UserError("xlsx.error.empty", fileName, sheet.name());
        }
        List<ParsedRow> parsed = new ArrayList<>();
        for (SheetRow row : data) {
            row(row).ifPresent(parsed::add);
        }
        checkStructure(parsed);
        return new Result(parsed, problems);
    }

    private static int findHeader(List<SheetRow> rows) {
        for (int i = 0; i < Math.min(HEADER_SEARCH_ROWS, rows.size()); i++) {
            if (rows.get(i).cells().values().stream().anyMatch(v -> headerKey(v).equals(Column.CODE.header()))) {
                return i;
            }
        }
        return -1;
    }

    private void readHeader(SheetRow row) {
        Map<String, Column> byHeader = new HashMap<>();
        for (Column c : Column.values()) {
            byHeader.put(headerKey(c.header()), c);
        }
        row.cells().forEach((col, text) -> {
            Column c = byHeader.get(headerKey(text));
            if (c != null && index.putIfAbsent(c, col) != null) {
                problems.add(RowProblem.of(row.number(), c, Reason.DUPLICATE_COLUMN));
            }
        });
        for (Column c : Column.values()) {
            if (!index.containsKey(c)) {
                problems.add(RowProblem.of(row.number(), c, Reason.MISSING_COLUMN));
            }
        }
    }

    /** Headers compare without spaces or line breaks, which staff add to make them fit. */
    private static String headerKey(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static String allHeaders() {
        return String.join("、", Arrays.stream(Column.values()).map(Column::header).toList());
    }

    private Optional<ParsedRow> row(SheetRow row) {
        Cells cells = new Cells(row);
        if (!cells.hasAnyValue()) {
            return Optional.empty();
        }
        String rawCode = cells.text(Column.CODE);
        Optional<String> path = rawCode == null ? Optional.empty() : CellValues.code(rawCode);
        if (rawCode == null) {
            cells.problem(Column.CODE, Reason.MISSING_CODE);
        } else if (path.isEmpty()) {
            cells.problem(Column.CODE, Reason.BAD_CODE, rawCode);
        }
        // Without a 编号 the row has no place, but its cells are still checked: one pass finds all.
        int depth = path.map(TreePaths::depth).orElse(1);
        String title = path.isEmpty() ? null : title(cells, path.get(), depth);
        NodeKind kind = kind(cells, depth);
        BigDecimal weight = cells.number(Column.WEIGHT);
        if (weight != null && weight.signum() < 0) {
            cells.problem(Column.WEIGHT, Reason.NEGATIVE, Numbers.plain(weight));
        }
        Measure measure = measure(cells);
        String owner = owner(cells);
        LocalDate deadline = cells.date(Column.DEADLINE);
        return path.map(p -> new ParsedRow(row.number(), p, kind, title, weight, measure, owner, deadline,
                cells.text(Column.QUALITY), cells.text(Column.DESCRIPTION), sheetName));
    }

    private String title(Cells cells, String path, int depth) {
        Column expected = Column.forDepth(depth);
        List<Column> filled = Column.LEVELS_IN_ORDER.stream().filter(c -> cells.text(c) != null).toList();
        if (filled.isEmpty()) {
            cells.problem(expected, Reason.MISSING_TITLE);
            return "";
        }
        if (filled.size() > 1) {
            cells.problem(filled.get(1), Reason.TWO_TITLES);
        } else if (filled.get(0) != expected) {
            cells.problem(filled.get(0), Reason.TITLE_IN_WRONG_COLUMN, path, String.valueOf(depth), expected.header());
        }
        return cells.text(filled.get(0));
    }

    private static NodeKind kind(Cells cells, int depth) {
        String text = cells.text(Column.KIND);
        if (text == null) {
            return Labels.defaultKind(depth);
        }
        Optional<NodeKind> kind = Labels.parseKind(text);
        if (kind.isEmpty()) {
            cells.problem(Column.KIND, Reason.BAD_CHOICE, text, String.join("、", Labels.kinds()));
        }
        return kind.orElse(Labels.defaultKind(depth));
    }

    private Measure measure(Cells cells) {
        String text = cells.text(Column.METHOD);
        if (text == null) {
            for (Column c : MEASURE_COLUMNS) {
                if (cells.text(c) != null) {
                    cells.problem(Column.METHOD, Reason.METHOD_MISSING, c.header());
                    return null;
                }
            }
            return null;
        }
        Optional<Labels.Method> method = Labels.parseMethod(text);
        if (method.isEmpty()) {
            cells.problem(Column.METHOD, Reason.BAD_CHOICE, text, String.join("、", Labels.methods()));
            return null;
        }
        Set<Column> own = switch (method.get()) {
            case QUANTITATIVE -> QUANTITATIVE_ONLY;
            case QUALITATIVE -> QUALITATIVE_ONLY;
            case MILESTONE -> MILESTONE_ONLY;
        };
        for (Column c : MEASURE_COLUMNS) {
            if (!own.contains(c) && cells.text(c) != null) {
                cells.problem(c, Reason.NOT_FOR_METHOD, text);
            }
        }
        return switch (method.get()) {
            case QUANTITATIVE -> quantitative(cells);
            case QUALITATIVE -> qualitative(cells);
            case MILESTONE -> new Measure.Milestone(cells.date(Column.MILESTONE));
        };
    }

    /** A target, or for 等于目标值（或区间） a range written 3-5 (both ends kept, as the rule scores it). */
    private static Measure.Quantitative quantitative(Cells cells) {
        Direction direction = direction(cells);
        String typed = cells.text(Column.TARGET);
        if (direction == Direction.AT_TARGET && typed != null) {
            Optional<org.perfdesk.domain.TypedQuantity> q = TypedInput.quantity(typed);
            if (q.isPresent() && q.get().comparison() == org.perfdesk.domain.TypedQuantity.Comparison.RANGE) {
                if (!CellValues.inRange(q.get().value()) || !CellValues.inRange(q.get().upper())
                        || q.get().upper().compareTo(q.get().value()) < 0) {
                    cells.problem(Column.TARGET, Reason.NUMBER_OUT_OF_RANGE, typed);
                    return new Measure.Quantitative(null, cells.number(Column.BASELINE),
                            cells.text(Column.UNIT_OF_MEASURE), direction);
                }
                return new Measure.Quantitative(q.get().value().stripTrailingZeros(), cells.number(Column.BASELINE),
                        cells.text(Column.UNIT_OF_MEASURE), direction, q.get().upper().stripTrailingZeros());
            }
        }
        return new Measure.Quantitative(cells.number(Column.TARGET), cells.number(Column.BASELINE),
                cells.text(Column.UNIT_OF_MEASURE), direction);
    }

    private static Direction direction(Cells cells) {
        String text = cells.text(Column.DIRECTION);
        if (text == null) {
            return Direction.HIGHER_BETTER;
        }
        Optional<Direction> d = Labels.parseDirection(text);
        if (d.isEmpty()) {
            cells.problem(Column.DIRECTION, Reason.BAD_CHOICE, text, String.join("、", Labels.directions()));
        }
        return d.orElse(Direction.HIGHER_BETTER);
    }

    private static Measure qualitative(Cells cells) {
        String levelsText = cells.text(Column.LEVELS);
        List<String> levels = levelsText == null ? List.of() : Labels.splitLevels(levelsText);
        String target = cells.text(Column.TARGET_LEVEL);
        if (target != null && !levels.isEmpty() && !levels.contains(target)) {
            cells.problem(Column.TARGET_LEVEL, Reason.TARGET_LEVEL_NOT_LISTED, target,
                    String.join(Labels.LEVEL_SEPARATOR, levels));
        }
        return new Measure.Qualitative(levels, target);
    }

    private String owner(Cells cells) {
        String text = cells.text(Column.OWNER);
        if (text == null) {
            return null;
        }
        OwnerNames.Match match = owners.resolve(text);
        if (match instanceof OwnerNames.Found f) {
            if (notCreated.contains(f.code())) {
                cells.problem(Column.OWNER, Reason.ORG_NOT_CREATED, text);
                return null;
            }
            return f.code();
        }
        if (match instanceof OwnerNames.Ambiguous a) {
            cells.problem(Column.OWNER, Reason.AMBIGUOUS_OWNER, text, String.join("、", a.codes()));
        } else {
            cells.problem(Column.OWNER, Reason.UNKNOWN_OWNER, text);
        }
        return null;
    }

    /**
     * Unique 编号 and parents present. A leaf without an owner is not refused: the rules warn about
     * it, as they do in the window, so a unit's own export always reads back.
     */
    private void checkStructure(List<ParsedRow> rows) {
        Map<String, Integer> firstRow = new HashMap<>();
        for (ParsedRow r : rows) {
            Integer earlier = firstRow.putIfAbsent(r.path(), r.row());
            if (earlier != null) {
                problems.add(RowProblem.of(r.row(), Column.CODE, Reason.DUPLICATE_CODE, r.path(), String.valueOf(earlier)));
            }
        }
        for (ParsedRow r : rows) {
            if (r.parentPath() != null && !firstRow.containsKey(r.parentPath())) {
                problems.add(RowProblem.of(r.row(), Column.CODE, Reason.MISSING_PARENT, r.path(), r.parentPath()));
            }
        }
        // As staff read the sheet: top to bottom, left to right.
        Map<String, Integer> order = new HashMap<>();
        for (Column c : Column.values()) {
            order.put(c.header(), c.ordinal());
        }
        problems.sort(Comparator.comparingInt(RowProblem::row).thenComparingInt(p -> order.get(p.column())));
    }

    /** The cells of one row by column, reporting what cannot be read. */
    private final class Cells {
        private final SheetRow row;

        Cells(SheetRow row) {
            this.row = row;
        }

        boolean hasAnyValue() {
            return index.values().stream().anyMatch(i -> CellValues.text(row.text(i)) != null);
        }

        String text(Column c) {
            return CellValues.text(row.text(index.get(c)));
        }

        BigDecimal number(Column c) {
            String t = text(c);
            if (t == null) {
                return null;
            }
            Optional<BigDecimal> n = CellValues.number(t);
            if (n.isEmpty()) {
                problem(c, Reason.NOT_A_NUMBER, t);
                return null;
            }
            if (!CellValues.inRange(n.get())) {
                problem(c, Reason.NUMBER_OUT_OF_RANGE, t);
                return null;
            }
            BigDecimal plain = n.get().stripTrailingZeros();
            return plain.scale() < 0 ? plain.setScale(0, RoundingMode.UNNECESSARY) : plain;
        }

        /** A date as clerks type it (2008-12-31, 6月底, 三季度末): the last one the cell names, noted when read from words. */
        LocalDate date(Column c) {
            String t = text(c);
            if (t == null) {
                return null;
            }
            Optional<org.perfdesk.domain.TypedDates> d = org.perfdesk.domain.TypedInput.dates(t, year);
            if (d.isEmpty()) {
                problem(c, Reason.BAD_DATE, t);
                return null;
            }
            if (!d.get().exact()) {
                notes.add(d.get().dates().size() == 1
                        ? RowNote.of(sheetName, row.number(), c.header(), RowNote.Kind.DATE_READ, t, d.get().last().toString())
                        : RowNote.of(sheetName, row.number(), c.header(), RowNote.Kind.DATES_SEVERAL, t,
                                String.join("、", d.get().dates().stream().map(LocalDate::toString).toList()),
                                d.get().last().toString()));
            }
            return d.get().last();
        }

        void problem(Column c, Reason reason, Object... args) {
            problems.add(RowProblem.of(row.number(), c, reason, args));
        }
    }
}
