package org.perfdesk.report.xlsx;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.perfdesk.domain.TypedInput;
import org.perfdesk.domain.TypedQuantity;
import org.perfdesk.report.xlsx.RowNote.Kind;
import org.perfdesk.report.xlsx.RowProblem.Reason;

/**
 * Builds the tree an office's own form gives, from its level columns: each row makes a node at the
 * deepest level it names itself, under the nodes named to its left (a blank level cell means the
 * one above; a merged one is its area's value). A row naming no level adds to the node above (a
 * score split over ①–④ sub-rows). Hidden rows, repeated headers, 合计/总分 rows, footers (审核意见,
 * 填表人 …) and 填表说明 lines are left out, each with a note.
 */
final class FormSheetReader {
    private static final Set<String> TOTALS = Set.of("合计", "总计", "总分", "小计", "得分合计", "分值合计", "合计得分", "总得分",
            "总体得分", "合计分值", "总分值");
    private static final Pattern FOOTER = Pattern.compile(
            "^(审核意见|审核人|填表人|填报人|制表人|制表|单位负责人|部门负责人|财务负责人|主要负责人|负责人|联系电话|联系人|填表日期|填报日期|"
                    + "分管领导|单位\\(盖章\\)|单位盖章|盖章|签字|审核单位|复核人).*");
    private static final Pattern NOTES_START = Pattern.compile("^(填表说明|填报说明|说明[:：]|注[:：]|备注[:：]|附注|注\\d|注释).*");
    /** 一、 （一） (1) 1. 1、 ① at the start of a title: the form's numbering, not part of the name. */
    private static final Pattern OUTLINE = Pattern.compile(
            "^\\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\\d]+[）)]|\\d+(?:\\.\\d+)*[、.．](?!\\d)|[①-⑳])\\s*");
    /** A weight written into a name: 经济发展（45%）, 经济发展(30分). */
    private static final Pattern WEIGHT_IN_NAME = Pattern.compile("^(.*?)\\s*[（(]\\s*(\\d+(?:\\.\\d+)?)\\s*(%|分)?\\s*[）)]\\s*$");

    private final Grid grid;
    private final SheetMapping mapping;
    private final String sheet;
    private final List<RowNote> notes;
    private final List<RowProblem> problems;
    private final List<Integer> levelCols;
    private final Map<Integer, Integer> weightLevels;
    private final List<Integer> ignoredWeights = new ArrayList<>();
    private final List<Integer> hiddenRows = new ArrayList<>();
    private final List<Integer> repeatedHeaders = new ArrayList<>();
    private final List<Integer> totalRows = new ArrayList<>();
    private DraftNode current;

    FormSheetReader(Grid grid, SheetMapping mapping, List<RowNote> notes, List<RowProblem> problems) {
        this.grid = grid;
        this.mapping = mapping;
        this.sheet = grid.sheet().name();
        this.notes = notes;
        this.problems = problems;
        this.levelCols = LayoutFinder.levelColumns(mapping);
        this.weightLevels = new java.util.HashMap<>(LayoutFinder.weightLevels(mapping));
        // Several weight columns for the row's own node (权重（市直）, 权重（县区）): the first counts.
        List<Integer> own = weightLevels.entrySet().stream().filter(e -> e.getValue() == -1).map(Map.Entry::getKey)
                .sorted().toList();
        for (int i = 1; i < own.size(); i++) {
            weightLevels.remove(own.get(i));
            ignoredWeights.add(own.get(i));
        }
        if (!ignoredWeights.isEmpty()) {
            notes.add(RowNote.of(sheet, mapping.headerRow(), heading(own.get(0)), Kind.WEIGHT_COLUMNS,
                    String.join("、", own.stream().map(this::heading).toList()), heading(own.get(0))));
        }
    }

    /** The sheet's nodes, under {@code root} when the sheet is one goal (else as top-level nodes). */
    List<DraftNode> read(DraftNode root) {
        List<DraftNode> tops = new ArrayList<>();
        int levels = levelCols.size();
        for (SheetRow row : grid.rows()) {
            int r = row.number();
            if (r <= mapping.headerRow()) {
                continue;
            }
            if (grid.sheet().hiddenRows().contains(r)) {
                hiddenRows.add(r);
                continue;
            }
            String first = firstOwnText(row);
            if (first == null) {
                continue;
            }
            String firstKey = HeadingWords.key(first);
            if (NOTES_START.matcher(firstKey).matches()) {
                notes.add(RowNote.of(sheet, r, "", Kind.NOTES_ROW));
                break;
            }
            if (FOOTER.matcher(firstKey).matches()) {
                notes.add(RowNote.of(sheet, r, "", Kind.FOOTER_ROW, first));
                break;
            }
            if (isRepeatedHeader(r)) {
                repeatedHeaders.add(r);
                continue;
            }
            if (isTotal(row)) {
                totalRows.add(r);
                continue;
            }
            int deepest = -1;
            String[] texts = new String[levels];
            for (int i = 0; i < levels; i++) {
                texts[i] = levelText(r, i);
                if (texts[i] != null && ownRow(r, levelCols.get(i))) {
                    deepest = i;
                }
            }
            if (deepest < 0) {
                if (!hasOwnFields(r)) {
                    continue; // a placeholder row: only 序号, or nothing read
                }
                if (current == null) {
                    notes.add(RowNote.of(sheet, r, "", Kind.NO_NAME_ROW));
                    continue;
                }
                if (current.lastRow == current.row) {
                    notes.add(RowNote.of(sheet, r, "", Kind.CONTINUATION, current.title));
                }
                fill(current, r, true);
                continue;
            }
            DraftNode parent = root;
            List<DraftNode> siblings = root == null ? tops : root.children;
            for (int i = 0; i < deepest; i++) {
                DraftNode last = siblings.isEmpty() ? null : siblings.get(siblings.size() - 1);
                DraftNode node;
                if (texts[i] != null) {
                    String title = titleOf(texts[i]);
                    node = last != null && last.level == i && last.title.equals(title) ? last
                            : find(siblings, i, title);
                    if (node == null) {
                        node = named(r, parent, i, texts[i], levelCols.get(i));
                        if (parent == null) {
                            tops.add(node);
                        }
                    }
                } else if (last != null && last.level == i) {
                    node = last; // blank: the one above
                } else {
                    notes.add(RowNote.of(sheet, r, heading(levelCols.get(i)), Kind.LEVEL_SKIPPED));
                    continue;
                }
                parent = node;
                siblings = node.children;
            }
            String title = titleOf(texts[deepest]);
            DraftNode node;
            if (current != null && current.parent == parent && current.level == deepest && current.title.equals(title)
                    && current.lastRow == r - 1) {
                node = current; // the same name again on the next row: one node over several rows
                if (current.lastRow == current.row) {
                    notes.add(RowNote.of(sheet, r, "", Kind.CONTINUATION, current.title));
                }
            } else {
                node = named(r, parent, deepest, texts[deepest], levelCols.get(deepest));
                if (parent == null) {
                    tops.add(node);
                }
            }
            fill(node, r, node == current);
            current = node;
        }
        grouped(hiddenRows, Kind.HIDDEN_ROW);
        grouped(repeatedHeaders, Kind.REPEATED_HEADER);
        grouped(totalRows, Kind.TOTAL_ROW);
        return root == null ? tops : List.of(root);
    }

    private void grouped(List<Integer> rows, Kind kind) {
        if (!rows.isEmpty()) {
            notes.add(RowNote.of(sheet, 0, "", kind, String.join("、", rows.stream().map(String::valueOf).toList())));
        }
    }

    private DraftNode find(List<DraftNode> siblings, int level, String title) {
        for (int i = siblings.size() - 1; i >= 0; i--) {
            DraftNode n = siblings.get(i);
            if (n.level == level && n.title.equals(title)) {
                return n;
            }
        }
        return null;
    }

    /** A new node; a weight written into its name becomes its weight. */
    private DraftNode named(int row, DraftNode parent, int level, String text, int column) {
        String title = clean(text);
        Matcher w = WEIGHT_IN_NAME.matcher(title);
        BigDecimal weight = null;
        boolean percent = false;
        if (w.matches() && !w.group(1).isBlank()) {
            Optional<BigDecimal> n = TypedInput.number(w.group(2));
            if (n.isPresent() && TypedInput.inRange(n.get())) {
                weight = n.get();
                percent = "%".equals(w.group(3));
                title = w.group(1).strip();
                notes.add(RowNote.of(sheet, row, heading(column), Kind.WEIGHT_IN_NAME, text, plain(weight)));
            }
        }
        DraftNode node = new DraftNode(sheet, row, parent, level, title);
        node.levelCount = levelCols.size();
        if (weight != null) {
            node.weight = weight;
            node.weightPercent = percent;
            node.weightColumn = heading(column);
            node.weightRow = row;
        }
        return node;
    }

    /** Takes the row's fields into the node (a continuation row adds its texts and its weight). */
    private void fill(DraftNode node, int r, boolean continuation) {
        node.lastRow = r;
        for (Map.Entry<Integer, Field> e : mapping.columns().entrySet()) {
            int col = e.getKey();
            Field f = e.getValue();
            if (f.isLevel() || f == Field.NAME || f == Field.IGNORE || ignoredWeights.contains(col)) {
                continue;
            }
            String text = grid.value(r, col);
            if (text == null) {
                continue;
            }
            Grid.Origin origin = grid.origin(r, col);
            if (f == Field.WEIGHT) {
                weight(node, r, col, text, origin, continuation);
            } else if (f == Field.NOTE) {
                if (node.firstTime(f, origin)) {
                    node.note(heading(col), text);
                }
            } else {
                node.add(f, heading(col), origin, text);
            }
        }
    }

    private void weight(DraftNode node, int r, int col, String text, Grid.Origin origin, boolean continuation) {
        int level = weightLevels.getOrDefault(col, -1);
        DraftNode target = level >= 0 ? atLevel(node, level) : spanMatch(node, r, col);
        if (target == null || !target.firstTime(Field.WEIGHT, origin)) {
            return;
        }
        Optional<TypedQuantity> q = TypedInput.quantity(text);
        if (q.isEmpty() || q.get().upper() != null || !TypedInput.inRange(q.get().value())) {
            problems.add(RowProblem.at(sheet, origin.row(), heading(col), Reason.NOT_A_NUMBER, text));
            return;
        }
        BigDecimal value = q.get().value();
        boolean percent = "%".equals(q.get().unit()) || HeadingWords.percentQualifier(mapping.headings().get(col));
        if (value.signum() < 0) {
            problems.add(RowProblem.at(sheet, origin.row(), heading(col), Reason.NEGATIVE, text));
            return;
        }
        if (target.weight == null) {
            target.weight = value;
            target.weightPercent = percent;
            target.weightColumn = heading(col);
            target.weightRow = origin.row();
        } else if (continuation && target == node) {
            target.weight = target.weight.add(value); // one score split over sub-rows
        }
    }

    /** The node on the row's path at a level column (itself when it is at that level). */
    private static DraftNode atLevel(DraftNode node, int level) {
        for (DraftNode n = node; n != null; n = n.parent) {
            if (n.level == level) {
                return n;
            }
        }
        return null;
    }

    /** A weight merged over exactly the rows of a level's merged cell belongs to that level's node. */
    private DraftNode spanMatch(DraftNode node, int r, int col) {
        CellArea area = grid.area(r, col);
        if (area == null || area.firstRow() == area.lastRow()) {
            return node;
        }
        for (int i = levelCols.size() - 1; i >= 0; i--) {
            CellArea la = grid.area(r, levelCols.get(i));
            if (la != null && la.firstRow() == area.firstRow() && la.lastRow() == area.lastRow()) {
                DraftNode n = atLevel(node, i);
                if (n != null) {
                    return n;
                }
            }
        }
        return node;
    }

    /**
     * The text of a level cell: its area's value, but a cell merged across several level columns
     * (a section row spanning the table) counts once, in the first of them.
     */
    private String levelText(int r, int i) {
        int col = levelCols.get(i);
        CellArea a = grid.area(r, col);
        if (a != null && a.firstColumn() < col) {
            for (int j = 0; j < i; j++) {
                int other = levelCols.get(j);
                if (other >= a.firstColumn() && other <= a.lastColumn()) {
                    return null;
                }
            }
        }
        return grid.value(r, col);
    }

    /** The row holds the cell's value itself (not a later row of a merged area). */
    private boolean ownRow(int r, int col) {
        CellArea a = grid.area(r, col);
        return a == null || a.firstRow() == r;
    }

    private boolean hasOwnFields(int r) {
        for (Map.Entry<Integer, Field> e : mapping.columns().entrySet()) {
            Field f = e.getValue();
            if (!f.isLevel() && f != Field.NAME && f != Field.IGNORE && grid.value(r, e.getKey()) != null
                    && ownRow(r, e.getKey())) {
                return true;
            }
        }
        return false;
    }

    private String firstOwnText(SheetRow row) {
        for (Map.Entry<Integer, String> e : row.cells().entrySet()) {
            String t = CellValues.text(e.getValue());
            if (t != null) {
                return t;
            }
        }
        // Only merged cells from above: the row still counts (a continuation) when a mapped column shows a value.
        for (int col : mapping.columns().keySet()) {
            String t = grid.value(row.number(), col);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** The header again (before each 一级指标): two or more cells read as their column's heading. */
    private boolean isRepeatedHeader(int r) {
        int same = 0;
        int filled = 0;
        for (Map.Entry<Integer, String> h : mapping.headings().entrySet()) {
            String v = grid.value(r, h.getKey());
            if (v == null || !ownRow(r, h.getKey())) {
                continue;
            }
            filled++;
            String heading = h.getValue();
            String key = HeadingWords.key(v);
            for (String part : heading.split("/")) {
                if (key.equals(HeadingWords.key(part)) || key.equals(HeadingWords.key(heading))) {
                    same++;
                    break;
                }
            }
        }
        return same >= 2 && same * 2 >= filled;
    }

    private boolean isTotal(SheetRow row) {
        for (String v : row.cells().values()) {
            String key = HeadingWords.key(v);
            if (TOTALS.contains(key) || key.startsWith("合计") && key.length() <= 6 || key.startsWith("总计") && key.length() <= 6) {
                return true;
            }
        }
        return false;
    }

    private String heading(int col) {
        String h = mapping.headings().get(col);
        return h != null ? h : org.apache.poi.ss.util.CellReference.convertNumToColString(col) + "列";
    }

    /** The title a level cell gives: without numbering in front or a weight in brackets behind. */
    static String titleOf(String text) {
        String title = clean(text);
        Matcher w = WEIGHT_IN_NAME.matcher(title);
        return w.matches() && !w.group(1).isBlank() ? w.group(1).strip() : title;
    }

    /** A title without the form's numbering in front of it. */
    static String clean(String text) {
        String s = OUTLINE.matcher(text.strip()).replaceFirst("").strip();
        return s.isEmpty() ? text.strip() : s.replaceAll("\\s*\\n\\s*", "");
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
