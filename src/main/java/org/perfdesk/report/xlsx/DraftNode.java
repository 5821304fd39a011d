package org.perfdesk.report.xlsx;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node of an office's own form as its rows give it, before its texts are read into a goal node:
 * where it came from, its place, and the raw text of each field (several rows may add to one node,
 * as a score split over ①–④ sub-rows does).
 */
final class DraftNode {
    final String sheet;
    final int row;
    final DraftNode parent;
    /** Which title column made it: 0 for 一级指标 …; -1 for a goal made from a whole sheet. */
    final int level;
    final List<DraftNode> children = new ArrayList<>();
    String title;
    /** The last row that added to it. */
    int lastRow;
    /** Text per field, joined over its rows; the column heading of the first, for notes. */
    final Map<Field, StringBuilder> texts = new LinkedHashMap<>();
    final Map<Field, String> columnOf = new LinkedHashMap<>();
    /** Notes (column heading → text) for 说明. */
    final Map<String, StringBuilder> notes = new LinkedHashMap<>();
    BigDecimal weight;
    String weightColumn;
    int weightRow;
    /** True when its weight was written as a percentage or share. */
    boolean weightPercent;
    /** Cells already counted (field, origin): a merged cell adds once however many rows it spans. */
    private final Set<String> counted = new HashSet<>();
    /** An owner given by its sheet (one goal per department's sheet), for rows that name none. */
    String defaultOwnerText;
    String description;
    /** How many title columns its sheet has; its own is the deepest when level == levelCount - 1. */
    int levelCount;

    DraftNode(String sheet, int row, DraftNode parent, int level, String title) {
        this.sheet = sheet;
        this.row = row;
        this.lastRow = row;
        this.parent = parent;
        this.level = level;
        this.title = title;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    DraftNode lastChild() {
        return children.isEmpty() ? null : children.get(children.size() - 1);
    }

    String text(Field f) {
        StringBuilder b = texts.get(f);
        return b == null || b.isEmpty() ? null : b.toString();
    }

    /** Adds a cell's text to a field, once per cell; texts of several rows are joined by line breaks. */
    void add(Field f, String heading, Grid.Origin origin, String text) {
        if (!firstTime(f, origin)) {
            return;
        }
        StringBuilder b = texts.computeIfAbsent(f, k -> new StringBuilder());
        if (!b.isEmpty()) {
            b.append('\n');
        }
        b.append(text);
        columnOf.putIfAbsent(f, heading);
    }

    /** True the first time a field takes this cell. */
    boolean firstTime(Field f, Grid.Origin origin) {
        return counted.add(f + ":" + origin.row() + ":" + origin.column());
    }

    void note(String heading, String text) {
        StringBuilder b = notes.computeIfAbsent(heading, k -> new StringBuilder());
        if (!b.isEmpty()) {
            b.append('\n');
        }
        b.append(text);
    }

    int depth() {
        int d = 1;
        for (DraftNode p = parent; p != null; p = p.parent) {
            d++;
        }
        return d;
    }
}
