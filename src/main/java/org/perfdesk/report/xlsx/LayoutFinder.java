package org.perfdesk.report.xlsx;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the header of an office's own form anywhere in its first rows: the row (or pair of rows,
 * for a header of two rows with merged cells) whose headings name the most known fields, at least
 * one of them a level or a name. A title, a block about the unit or project and blank rows may
 * come first.
 */
final class LayoutFinder {
    /** How far down a header may be; key/value blocks above it are a dozen rows at most. */
    static final int SEARCH_ROWS = 40;

    private LayoutFinder() {
    }

    /** The best header, or empty when no row looks like one. */
    static Optional<SheetMapping> find(Grid grid) {
        List<SheetRow> rows = grid.rows();
        SheetMapping best = null;
        double bestScore = 0;
        for (int i = 0; i < Math.min(SEARCH_ROWS, rows.size()); i++) {
            int row = rows.get(i).number();
            SheetMapping single = at(grid, row, false);
            double s = score(single);
            if (s > bestScore) {
                best = single;
                bestScore = s;
            }
            if (i > 0 && rows.get(i - 1).number() == row - 1) {
                SheetMapping pair = at(grid, row, true);
                double p = score(pair);
                if (p > bestScore && p > score(at(grid, row - 1, false))) {
                    best = pair;
                    bestScore = p;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The mapping a header at {@code headerRow} gives (with the row above as its first row when
     * {@code twoRows}): every column's heading and the field it names.
     */
    static SheetMapping at(Grid grid, int headerRow, boolean twoRows) {
        Map<Integer, Field> fields = new TreeMap<>();
        Map<Integer, String> headings = new TreeMap<>();
        Set<Field> taken = new HashSet<>();
        for (int col = 0; col <= grid.lastColumn(); col++) {
            String bottom = grid.value(headerRow, col);
            String top = twoRows ? grid.value(headerRow - 1, col) : null;
            Optional<Field> f = HeadingWords.match(bottom);
            if (f.isEmpty() && top != null) {
                f = HeadingWords.match(top);
            }
            String heading = top != null && bottom != null && !top.equals(bottom) ? top + "/" + bottom
                    : bottom != null ? bottom : top;
            if (heading != null) {
                headings.put(col, heading);
            }
            if (f.isPresent() && f.get() != Field.IGNORE) {
                Field field = f.get();
                if (!field.repeatable() && !taken.add(field)) {
                    continue; // a second 目标值 column: not read unless the user says so
                }
                fields.put(col, field);
            }
        }
        return new SheetMapping(twoRows ? headerRow - 1 : headerRow, headerRow, fields, headings);
    }

    /** Distinct fields named; nothing unless a level or name is among them and two fields at least. */
    static double score(SheetMapping m) {
        if (!m.hasTitleColumn()) {
            return 0;
        }
        Set<Field> distinct = new HashSet<>(m.columns().values());
        // A recognised column that is not read (序号, 得分) still says "this is the header".
        long known = m.headings().values().stream().filter(h -> HeadingWords.match(h).isPresent()).count();
        if (distinct.size() < 2 && known < 2) {
            return 0;
        }
        return distinct.size() + 0.25 * known;
    }

    /** Weight columns: which level each belongs to, by the nearest level column on its left (-1: the row's own node). */
    static Map<Integer, Integer> weightLevels(SheetMapping m) {
        List<Integer> levelCols = levelColumns(m);
        Map<Integer, Integer> out = new HashMap<>();
        for (int col : m.columnsOf(Field.WEIGHT)) {
            int level = -1;
            for (int i = 0; i < levelCols.size(); i++) {
                if (levelCols.get(i) < col) {
                    level = i;
                }
            }
            // After the deepest level: the weight of whatever node the row makes.
            out.put(col, level == levelCols.size() - 1 ? -1 : level);
        }
        return out;
    }

    /** The columns of the tree's levels in order: 一级…四级, then 指标名称 below them. */
    static List<Integer> levelColumns(SheetMapping m) {
        List<Integer> out = new java.util.ArrayList<>();
        for (Field f : Field.LEVELS_IN_ORDER) {
            m.columnsOf(f).stream().findFirst().ifPresent(out::add);
        }
        m.columnsOf(Field.NAME).stream().findFirst().ifPresent(out::add);
        return out;
    }
}
