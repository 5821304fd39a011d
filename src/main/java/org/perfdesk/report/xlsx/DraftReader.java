package org.perfdesk.report.xlsx;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.perfdesk.domain.Direction;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.TypedDates;
import org.perfdesk.domain.TypedInput;
import org.perfdesk.domain.TypedQuantity;
import org.perfdesk.report.xlsx.RowNote.Kind;
import org.perfdesk.report.xlsx.RowProblem.Reason;

/**
 * Reads the texts of an office's own form's nodes into goal-node fields, as clerks type them:
 * targets with their comparison (≥ → 越高越好, ≤ and 控制在…以内 → 越低越好, 控制在 → 控制在目标值),
 * unit and range; dates and periods (the last date a cell names is the deadline); owners; weights
 * given as shares of their parent (converted to points). Text that is not a number stays text: a
 * qualitative target or a note in 说明. What was interpreted is noted with its row and column.
 */
final class DraftReader {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final int year;
    private final OwnerResolver owners;
    private final boolean createOrg;
    private final List<RowNote> notes;
    private final List<RowProblem> problems;
    private final Map<String, String> deadlineTexts = new HashMap<>();
    /** New organisations already noted: each is noted once, where it is first named. */
    private final java.util.Set<String> notedNew = new java.util.HashSet<>();
    private final List<ParsedRow> rows = new ArrayList<>();

    DraftReader(int year, OwnerResolver owners, boolean createOrg, List<RowNote> notes, List<RowProblem> problems) {
        this.year = year;
        this.owners = owners;
        this.createOrg = createOrg;
        this.notes = notes;
        this.problems = problems;
    }

    /** The rows in reading order, with paths 1, 1.1 … across all sheets' nodes. */
    List<ParsedRow> read(List<DraftNode> tops) {
        shares(tops, null);
        int i = 1;
        for (DraftNode n : tops) {
            walk(n, String.valueOf(i++));
        }
        return rows;
    }

    /** Original deadline texts by path, where the date was read from words (6月底) or several dates. */
    Map<String, String> deadlineTexts() {
        return deadlineTexts;
    }

    private void walk(DraftNode n, String path) {
        rows.add(row(n, path));
        int i = 1;
        for (DraftNode c : n.children) {
            walk(c, path + "." + i++);
        }
    }

    /**
     * Weights written as shares: children that add up to 100 (or to 1) under a parent with other
     * points are its shares, converted to points; top-level weights adding up to 1 are shares of 100.
     */
    private void shares(List<DraftNode> siblings, DraftNode parent) {
        if (!siblings.isEmpty() && siblings.stream().allMatch(s -> s.weight != null)) {
            BigDecimal sum = siblings.stream().map(s -> s.weight).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal whole = parent == null ? HUNDRED : parent.weight;
            boolean ofHundred = sum.compareTo(HUNDRED) == 0 && whole != null && whole.compareTo(HUNDRED) != 0;
            boolean ofOne = sum.compareTo(BigDecimal.ONE) == 0 && whole != null && whole.compareTo(BigDecimal.ONE) != 0;
            if (ofHundred || ofOne) {
                for (DraftNode s : siblings) {
                    s.weight = s.weight.multiply(whole).divide(sum, new MathContext(12, RoundingMode.HALF_UP))
                            .setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
                }
                DraftNode first = siblings.get(0);
                notes.add(RowNote.of(first.sheet, first.weightRow, first.weightColumn, Kind.WEIGHT_SHARES,
                        parent == null ? "" : parent.title, plain(sum), plain(whole),
                        siblings.stream().map(s -> s.title + " " + plain(s.weight)).collect(Collectors.joining("、"))));
            }
        }
        for (DraftNode s : siblings) {
            shares(s.children, s);
        }
    }

    private ParsedRow row(DraftNode n, String path) {
        List<String> description = new ArrayList<>();
        if (n.description != null) {
            description.add(n.description);
        }
        add(description, null, n.text(Field.DESCRIPTION));
        add(description, "评分标准", n.text(Field.SCORING));
        add(description, "配合单位", n.text(Field.CO_OWNER));
        n.notes.forEach((heading, text) -> add(description, heading, text.toString()));
        NodeKind kind = kind(n);
        Measure measure = measure(n, description);
        String owner = owner(n, description);
        LocalDate deadline = deadline(n, path, description);
        String quality = n.text(Field.QUALITY);
        return new ParsedRow(n.row, path, kind, n.title, n.weight, measure, owner, deadline, quality,
                description.isEmpty() ? null : String.join("\n", description), n.sheet);
    }

    private static void add(List<String> lines, String label, String text) {
        if (text != null && !text.isBlank()) {
            lines.add(label == null ? text : label + "：" + text);
        }
    }

    /** The deepest title column gives indicators (四级指标 tasks); the columns above, goals at the top and sub-goals. */
    private NodeKind kind(DraftNode n) {
        int levelColumns = n.levelCount;
        String text = n.text(Field.KIND);
        if (text != null) {
            Optional<NodeKind> k = Labels.parseKind(text);
            if (k.isPresent()) {
                return k.get();
            }
        }
        int depth = n.depth();
        if (n.level >= 0 && n.level == levelColumns - 1 && depth > 1) {
            return depth >= 4 && levelColumns >= 4 ? NodeKind.TASK : NodeKind.INDICATOR;
        }
        return depth == 1 ? NodeKind.GOAL : NodeKind.SUB_GOAL;
    }

    private Measure measure(DraftNode n, List<String> description) {
        String target = n.text(Field.TARGET);
        String unit = n.text(Field.UNIT);
        String baseline = n.text(Field.BASELINE);
        String levels = n.text(Field.LEVELS);
        String targetLevel = n.text(Field.TARGET_LEVEL);
        String milestone = n.text(Field.MILESTONE);
        Optional<Labels.Method> method = Optional.ofNullable(n.text(Field.METHOD)).flatMap(DraftReader::method);
        if (milestone != null || method.orElse(null) == Labels.Method.MILESTONE) {
            String text = milestone != null ? milestone : target;
            Optional<TypedDates> d = text == null ? Optional.empty() : TypedInput.dates(text, year);
            d.ifPresent(x -> noteDates(n, Field.MILESTONE, text, x));
            return new Measure.Milestone(d.map(TypedDates::last).orElse(null));
        }
        if (levels != null || targetLevel != null || method.orElse(null) == Labels.Method.QUALITATIVE) {
            return new Measure.Qualitative(levels == null ? List.of() : Labels.splitLevels(levels),
                    targetLevel != null ? targetLevel : target);
        }
        if (target != null) {
            Optional<TypedQuantity> q = TypedInput.quantity(target);
            if (q.isPresent()) {
                return quantitative(n, q.get(), target, unit, baseline, description);
            }
            Optional<TypedDates> when = TypedInput.dates(target, year);
            if (when.isPresent() && when.get().dates().size() == 1) {
                // 完工时间 | 2026年11月底前: a target that is a date is a milestone
                noteDates(n, Field.TARGET, target, when.get());
                return new Measure.Milestone(when.get().last());
            }
            String t = TypedInput.normalized(target);
            if (t.equals("是") || t.equals("否")) {
                return new Measure.Qualitative(List.of("是", "否"), t);
            }
            notes.add(RowNote.of(n.sheet, n.row, n.columnOf.get(Field.TARGET), Kind.TARGET_TEXT, target));
            return new Measure.Qualitative(List.of(), target);
        }
        if (method.orElse(null) == Labels.Method.QUANTITATIVE || unit != null || baseline != null) {
            return new Measure.Quantitative(null, baselineValue(n, baseline, description), unit, direction(n, null));
        }
        return null;
    }

    private Measure quantitative(DraftNode n, TypedQuantity q, String typed, String unitColumn, String baseline,
                                 List<String> description) {
        String column = n.columnOf.get(Field.TARGET);
        if (!TypedInput.inRange(q.value()) || q.upper() != null && !TypedInput.inRange(q.upper())) {
            problems.add(RowProblem.at(n.sheet, n.row, column, Reason.NUMBER_OUT_OF_RANGE, typed));
            return null;
        }
        BigDecimal target = q.value();
        Direction fromWords = switch (q.comparison()) {
            case AT_LEAST -> Direction.HIGHER_BETTER;
            case AT_MOST -> Direction.LOWER_BETTER;
            case AROUND, RANGE -> Direction.AT_TARGET;
            case NONE -> null;
        };
        String unit = unit(n, q.unit(), unitColumn);
        Direction direction = direction(n, fromWords);
        if (q.comparison() == TypedQuantity.Comparison.RANGE && direction == Direction.AT_TARGET
                && q.upper().compareTo(q.value()) >= 0) {
            // Both ends kept: the scoring rule counts an actual inside the range as met.
            notes.add(RowNote.of(n.sheet, n.row, column, Kind.TARGET_RANGE, typed, plain(q.value()), plain(q.upper())));
            return new Measure.Quantitative(q.value().stripTrailingZeros(), baselineValue(n, baseline, description),
                    unit, direction, q.upper().stripTrailingZeros());
        } else if (q.comparison() == TypedQuantity.Comparison.RANGE) {
            // A range with another direction given beside it: the end that direction is about.
            target = direction == Direction.LOWER_BETTER ? q.upper() : q.value();
            description.add("目标值：" + typed);
            notes.add(RowNote.of(n.sheet, n.row, column, Kind.TARGET_READ, typed, plain(target),
                    unit == null ? "-" : unit, Labels.direction(direction)));
        } else if (q.comparison() != TypedQuantity.Comparison.NONE || q.unit() != null) {
            notes.add(RowNote.of(n.sheet, n.row, column, Kind.TARGET_READ, typed, plain(target),
                    unit == null ? "-" : unit, Labels.direction(direction)));
        }
        return new Measure.Quantitative(target, baselineValue(n, baseline, description), unit, direction);
    }

    /**
     * The value's own unit (95% → %) and the 计量单位 column's: 250万 with 元 is 万元; a multiplier with
     * the column's unit joins it; two different units keep the value's, with a note.
     */
    private String unit(DraftNode n, String own, String column) {
        String c = column == null ? null : TypedInput.normalized(column);
        if (own == null) {
            return c;
        }
        if (c == null || c.equals(own) || c.startsWith(own)) {
            return c == null ? own : c;
        }
        if (own.startsWith(c + "/")) {
            return own; // 张/万人口 with 张: the value says more
        }
        if (own.startsWith("每")) {
            return c + "/" + own.substring(1); // 每万人口≥16 with 标台: 标台/万人口
        }
        if (own.matches("[万亿千百十]+") && !c.matches("^[万亿千百十].*")) {
            return own + c;
        }
        notes.add(RowNote.of(n.sheet, n.row, n.columnOf.get(Field.UNIT), Kind.UNIT_DIFFERS, column, own));
        return own;
    }

    private Direction direction(DraftNode n, Direction fromWords) {
        String text = n.text(Field.DIRECTION);
        if (text != null) {
            String t = TypedInput.normalized(text);
            Optional<Direction> d = Labels.parseDirection(t);
            if (d.isPresent()) {
                return d.get();
            }
            if (t.matches("正向|越大越好|越多越好|≥|不低于")) {
                return Direction.HIGHER_BETTER;
            }
            if (t.matches("逆向|反向|越小越好|越少越好|≤|不高于")) {
                return Direction.LOWER_BETTER;
            }
            if (t.matches("区间|适度|控制")) {
                return Direction.AT_TARGET;
            }
        }
        return fromWords == null ? Direction.HIGHER_BETTER : fromWords;
    }

    private BigDecimal baselineValue(DraftNode n, String baseline, List<String> description) {
        if (baseline == null) {
            return null;
        }
        Optional<TypedQuantity> q = TypedInput.quantity(baseline);
        if (q.isPresent() && q.get().upper() == null && TypedInput.inRange(q.get().value())) {
            return q.get().value();
        }
        description.add(n.columnOf.getOrDefault(Field.BASELINE, "基期值") + "：" + baseline);
        return null;
    }

    private static Optional<Labels.Method> method(String text) {
        String t = TypedInput.normalized(text);
        Optional<Labels.Method> m = Labels.parseMethod(t);
        if (m.isPresent()) {
            return m;
        }
        if (t.contains("定量")) {
            return Optional.of(Labels.Method.QUANTITATIVE);
        }
        if (t.contains("定性")) {
            return Optional.of(Labels.Method.QUALITATIVE);
        }
        return Optional.empty();
    }

    /** The node's owner: its 责任人 when named, else the first organisation of its owner column (or its sheet's). */
    private String owner(DraftNode n, List<String> description) {
        String ownerText = n.text(Field.OWNER);
        // A department's sheet: its goal and the leaves that name no owner are the department's.
        if (ownerText == null && (n.level == -1 || n.children.isEmpty())) {
            for (DraftNode a = n; a != null && ownerText == null; a = a.parent) {
                ownerText = a.defaultOwnerText;
            }
        }
        String column = n.columnOf.getOrDefault(Field.OWNER, "");
        String division = null;
        if (ownerText != null) {
            OwnerResolver.Owners o = owners.owners(ownerText);
            ownerNotes(n, column, ownerText, o, description, column.isEmpty() ? "责任单位" : column);
            division = o.ownerCode();
        }
        String personText = n.text(Field.PERSON);
        if (personText != null) {
            OwnerResolver.Owners p = owners.person(personText, division == null || owners.isPerson(division) ? null : division);
            ownerNotes(n, n.columnOf.get(Field.PERSON), personText, p, description, "责任人");
            if (p.ownerCode() != null) {
                return p.ownerCode();
            }
        }
        return division;
    }

    private void ownerNotes(DraftNode n, String column, String text, OwnerResolver.Owners o, List<String> description,
                            String label) {
        owners.ambiguous().forEach((name, codes) -> problems.add(RowProblem.at(n.sheet, n.row, column,
                Reason.AMBIGUOUS_OWNER, name, String.join("、", codes))));
        if (o.ownerCode() != null && owners.isProposed(o.ownerCode())) {
            if (createOrg && notedNew.add(o.ownerCode())) {
                notes.add(RowNote.of(n.sheet, n.row, column, owners.isPerson(o.ownerCode()) ? Kind.PERSON_NEW
                        : Kind.OWNER_NEW, o.ownerText()));
            } else if (!createOrg && (!column.isEmpty() || notedNew.add(o.ownerCode()))) {
                // a cell names it on each row; an owner the sheet gives its goal is named once
                problems.add(RowProblem.at(n.sheet, n.row, column, Reason.NEW_OWNER_NOT_CREATED, o.ownerText()));
            }
        }
        if (!o.others().isEmpty()) {
            description.add("配合：" + String.join("、", o.others()));
            notes.add(RowNote.of(n.sheet, n.row, column, Kind.OWNER_SPLIT, text, o.ownerText() == null ? "-"
                    : o.ownerText(), String.join("、", o.others())));
        }
        if (!o.nobody().isEmpty()) {
            description.add(label + "：" + String.join("、", o.nobody()));
            notes.add(RowNote.of(n.sheet, n.row, column, Kind.OWNER_NOT_NAME, String.join("、", o.nobody())));
        }
    }

    private LocalDate deadline(DraftNode n, String path, List<String> description) {
        String text = n.text(Field.DEADLINE);
        if (text == null) {
            return null;
        }
        Optional<TypedDates> d = TypedInput.dates(text, year);
        if (d.isEmpty()) {
            description.add(n.columnOf.get(Field.DEADLINE) + "：" + text);
            notes.add(RowNote.of(n.sheet, n.row, n.columnOf.get(Field.DEADLINE), Kind.NO_DATE, text));
            return null;
        }
        if (!d.get().exact()) {
            deadlineTexts.put(path, text);
            if (d.get().dates().size() > 1) {
                description.add(n.columnOf.get(Field.DEADLINE) + "：" + text);
            }
        }
        noteDates(n, Field.DEADLINE, text, d.get());
        return d.get().last();
    }

    private void noteDates(DraftNode n, Field f, String text, TypedDates d) {
        if (d.exact()) {
            return;
        }
        String column = n.columnOf.get(f);
        if (d.dates().size() == 1) {
            notes.add(RowNote.of(n.sheet, n.row, column, Kind.DATE_READ, text, d.last().toString()));
        } else {
            notes.add(RowNote.of(n.sheet, n.row, column, Kind.DATES_SEVERAL, text,
                    d.dates().stream().map(LocalDate::toString).collect(Collectors.joining("、")), d.last().toString()));
        }
    }

    private static String plain(BigDecimal d) {
        return d == null ? "-" : d.stripTrailingZeros().toPlainString();
    }
}
