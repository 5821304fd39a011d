package org.perfdesk.report.xlsx;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfdesk.domain.Direction;
import org.perfdesk.domain.IndicatorSystem;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.TypedInput;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.SafeFiles;

/**
 * The indicator system (指标体系) as a spreadsheet, so an office can keep it in Excel and read it in: the
 * program's own form (sheet 指标体系: 编码 | 指标名称 | 级别 | 上级编码 | 权重 | 方向 | 计量单位 | 数据来源 | 说明), and the
 * usual three-level table offices already have (一级指标 | 二级指标 | 三级指标, with 权重 or 分值 beside, merged
 * or blank cells meaning "the same as above"), whose codes are then made from the levels (C1, C1.2 …).
 * Reading collects every problem with its row and column and writes nothing.
 */
public final class IndicatorSystemXlsx {
    static final String SHEET = "指标体系";
    private static final int HEADER_SEARCH_ROWS = 10;
    private static final List<String> HEADERS = List.of("编码", "指标名称", "级别", "上级编码", "权重", "方向", "计量单位",
            "数据来源", "说明");

    private IndicatorSystemXlsx() {
    }

    /** A problem of a row: the row number Excel shows, the column's header, what is wrong. */
    public record Problem(int row, String column, String text) {
        public String describe(Texts t) {
            return t.get("xlsx.problem.at", String.valueOf(row), column, text);
        }
    }

    /** What was read: the system, or every problem (then the system is null). */
    public record Read(IndicatorSystem system, List<Problem> problems, List<IndicatorSystem.Problem> notes) {
        public boolean refused() {
            return !problems.isEmpty();
        }
    }

    /** Writes the system (or an empty form for the group) to {@code out}, whole or not at all. */
    public static void write(IndicatorSystem system, Path out) {
        XSSFWorkbook wb = new XSSFWorkbook();
        try {
            SheetStyles styles = new SheetStyles(wb);
            TitledTable table = new TitledTable(wb, styles, SHEET, Texts.t("system.xlsx.title",
                    String.valueOf(system.year()), Texts.current().of(system.group())), HEADERS,
                    new int[] {10, 30, 6, 10, 7, 12, 10, 18, 24}, List.of(Texts.t("system.xlsx.note")));
            for (IndicatorSystem.Item i : system.indicators()) {
                Row row = table.next();
                TitledTable.text(row, 0, i.code(), styles.guideText);
                TitledTable.text(row, 1, i.name(), i.level() == 1 ? styles.guideLabel : styles.guideText);
                TitledTable.text(row, 2, String.valueOf(i.level()), styles.guideText);
                TitledTable.text(row, 3, i.parentCode(), styles.guideText);
                TitledTable.text(row, 4, i.weight() == null ? "" : Numbers.plain(i.weight()), styles.guideText);
                TitledTable.text(row, 5, direction(i.direction()), styles.guideText);
                TitledTable.text(row, 6, i.unitOfMeasure(), styles.guideText);
                TitledTable.text(row, 7, i.dataSource(), styles.guideText);
                TitledTable.text(row, 8, i.note(), styles.guideText);
            }
            table.finish(2, Texts.t("system.xlsx.title", String.valueOf(system.year()),
                    Texts.current().of(system.group())));
            SafeFiles.writeAtomically(out, NewWorkbooks.bytesAndDiscard(wb));
        } catch (IOException e) {
            throw new UserError(e, "xlsx.error.cannotWrite", out.toString(), String.valueOf(e.getMessage()));
        }
    }

    /** The direction as the form writes it: ≥, ≤, =. */
    static String direction(Direction d) {
        if (d == null) {
            return "";
        }
        return switch (d) {
            case HIGHER_BETTER -> "≥";
            case LOWER_BETTER -> "≤";
            case AT_TARGET -> "=";
        };
    }

    /** Reads the form (or an office's three-level table) as the group's system for the year; writes nothing. */
    public static Read read(Path file, int year, RankingGroup group) {
        XlsxSource.SheetData sheet = XlsxSource.read(file, SHEET);
        List<SheetRow> rows = sheet.rows();
        List<Problem> problems = new ArrayList<>();
        int header = -1;
        Map<String, Integer> col = new LinkedHashMap<>();
        for (int r = 0; r < Math.min(HEADER_SEARCH_ROWS, rows.size()) && header < 0; r++) {
            Map<String, Integer> found = headers(rows.get(r));
            if (found.containsKey("编码") && found.containsKey("指标名称") || found.containsKey("一级指标")) {
                header = r;
                col = found;
            }
        }
        if (header < 0) {
            problems.add(new Problem(rows.isEmpty() ? 1 : rows.get(0).number(), "编码",
                    Texts.t("system.xlsx.noHeader")));
            return new Read(null, problems, List.of());
        }
        List<IndicatorSystem.Item> items = col.containsKey("编码")
                ? ownForm(rows.subList(header + 1, rows.size()), col, problems)
                : levelTable(rows.subList(header + 1, rows.size()), col, group, problems);
        if (items.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(rows.get(header).number(), "编码", Texts.t("system.xlsx.empty")));
        }
        IndicatorSystem system = new IndicatorSystem(year, group, items);
        for (IndicatorSystem.Problem p : system.problems()) {
            problems.add(new Problem(rows.get(header).number(), "编码", p.text()));
        }
        return problems.isEmpty() ? new Read(system, List.of(), system.notes()) : new Read(null, problems, List.of());
    }

    /** Header text → column, by the form's words and the usual synonyms. */
    private static Map<String, Integer> headers(SheetRow row) {
        Map<String, Integer> out = new LinkedHashMap<>();
        row.cells().forEach((i, raw) -> {
            String h = raw.replaceAll("\\s", "");
            String key = switch (h) {
                case "编码", "指标编码", "代码", "编号" -> "编码";
                case "指标名称", "名称", "指标" -> "指标名称";
                case "级别", "层级" -> "级别";
                case "上级编码", "上级" -> "上级编码";
                case "权重", "分值", "权重/分值", "分值（权重）" -> "权重";
                case "方向", "指标方向" -> "方向";
                case "计量单位", "单位" -> "计量单位";
                case "数据来源", "数据提供单位", "考核部门" -> "数据来源";
                case "说明", "备注" -> "说明";
                case "一级指标" -> "一级指标";
                case "二级指标" -> "二级指标";
                case "三级指标" -> "三级指标";
                default -> null;
            };
            if (key != null) {
                out.putIfAbsent(key, i);
            }
        });
        return out;
    }

    private static List<IndicatorSystem.Item> ownForm(List<SheetRow> rows, Map<String, Integer> col,
                                                      List<Problem> problems) {
        List<IndicatorSystem.Item> out = new ArrayList<>();
        Map<String, Integer> levels = new HashMap<>();
        for (SheetRow row : rows) {
            String code = cell(row, col, "编码");
            String name = cell(row, col, "指标名称");
            if (code.isEmpty() && name.isEmpty()) {
                continue;
            }
            if (code.isEmpty()) {
                problems.add(new Problem(row.number(), "编码", Texts.t("system.xlsx.noCode", name)));
                continue;
            }
            String parent = cell(row, col, "上级编码");
            if (parent.isEmpty() && code.contains(".")) {
                parent = code.substring(0, code.lastIndexOf('.')); // C1.2 sits under C1
            }
            String levelText = cell(row, col, "级别");
            int level;
            if (!levelText.isEmpty()) {
                BigDecimal l = number(levelText);
                if (l == null || l.stripTrailingZeros().scale() > 0 || l.intValue() < 1 || l.intValue() > 9) {
                    problems.add(new Problem(row.number(), "级别", Texts.t("system.xlsx.badLevel", levelText)));
                    continue;
                }
                level = l.intValue();
            } else {
                level = parent.isEmpty() ? 1 : levels.getOrDefault(parent.toUpperCase(Locale.ROOT), 0) + 1;
            }
            levels.put(code.toUpperCase(Locale.ROOT), level);
            IndicatorSystem.Item item = item(row, col, code, name, level, parent.isEmpty() ? null : parent, problems);
            if (item != null) {
                out.add(item);
            }
        }
        return out;
    }

    /**
     * The usual table: a name in 一级指标 starts a first-level indicator, in 二级指标 a second-level one under
     * it, in 三级指标 a third-level one; a blank (or merged) cell continues the one above. Codes: C1, C1.2, …
     * (D for the departments' system).
     */
    private static List<IndicatorSystem.Item> levelTable(List<SheetRow> rows, Map<String, Integer> col,
                                                         RankingGroup group, List<Problem> problems) {
        String prefix = group == RankingGroup.CITY_GOVERNMENTS ? "C" : "D";
        List<IndicatorSystem.Item> out = new ArrayList<>();
        String[] names = new String[3];
        String[] codes = new String[3];
        int[] counts = new int[3];
        List<String> levelColumns = List.of("一级指标", "二级指标", "三级指标");
        for (SheetRow row : rows) {
            for (int l = 0; l < 3; l++) {
                String name = col.containsKey(levelColumns.get(l)) ? cell(row, col, levelColumns.get(l)) : "";
                if (!name.isEmpty() && !name.equals(names[l])) {
                    if (l > 0 && codes[l - 1] == null) {
                        problems.add(new Problem(row.number(), levelColumns.get(l),
                                Texts.t("system.xlsx.noParentRow", name)));
                        break;
                    }
                    names[l] = name;
                    counts[l]++;
                    codes[l] = l == 0 ? prefix + counts[0] : codes[l - 1] + "." + counts[l];
                    for (int below = l + 1; below < 3; below++) {
                        names[below] = null;
                        codes[below] = null;
                        counts[below] = 0;
                    }
                    // The row's other columns (weight, unit …) belong to its deepest indicator; a shallower one
                    // named on the same row gets only its name.
                    boolean last = true;
                    for (int d = l + 1; d < 3; d++) {
                        if (col.containsKey(levelColumns.get(d)) && !cell(row, col, levelColumns.get(d)).isEmpty()) {
                            last = false;
                        }
                    }
                    IndicatorSystem.Item item = last ? item(row, col, codes[l], name, l + 1, l == 0 ? null : codes[l - 1],
                            problems) : new IndicatorSystem.Item(codes[l], name, l + 1, l == 0 ? null : codes[l - 1], null,
                            null, null, null, null);
                    if (item != null) {
                        out.add(item);
                    }
                }
            }
        }
        return out;
    }

    private static IndicatorSystem.Item item(SheetRow row, Map<String, Integer> col, String code, String name,
                                             int level, String parent, List<Problem> problems) {
        String weightText = cell(row, col, "权重");
        BigDecimal weight = null;
        if (!weightText.isEmpty()) {
            weight = number(weightText.replace("分", ""));
            if (weight == null) {
                problems.add(new Problem(row.number(), "权重", Texts.t("system.xlsx.badNumber", weightText)));
                return null;
            }
        }
        String directionText = cell(row, col, "方向");
        Direction direction = directionText.isEmpty() ? null : parseDirection(directionText);
        if (!directionText.isEmpty() && direction == null) {
            problems.add(new Problem(row.number(), "方向", Texts.t("system.xlsx.badDirection", directionText)));
            return null;
        }
        return new IndicatorSystem.Item(code, name, level, parent, weight, direction, cell(row, col, "计量单位"),
                cell(row, col, "数据来源"), cell(row, col, "说明"));
    }

    static Direction parseDirection(String text) {
        String t = text.replaceAll("\\s", "");
        if (t.startsWith("≥") || t.startsWith(">=") || t.contains("越高") || t.contains("不低于") || t.contains("以上")) {
            return Direction.HIGHER_BETTER;
        }
        if (t.startsWith("≤") || t.startsWith("<=") || t.contains("越低") || t.contains("控制") || t.contains("不高于")
                || t.contains("以内")) {
            return Direction.LOWER_BETTER;
        }
        if (t.startsWith("=") || t.contains("等于") || t.contains("区间")) {
            return Direction.AT_TARGET;
        }
        return null;
    }

    private static BigDecimal number(String text) {
        return TypedInput.number(text).orElse(null);
    }

    private static String cell(SheetRow row, Map<String, Integer> col, String key) {
        Integer i = col.get(key);
        return i == null ? "" : row.text(i).strip();
    }
}
