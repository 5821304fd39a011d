package org.perfdesk.report.xlsx;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The block above a form's header: a title, and key/value cells about the unit or project
 * (单位名称：…, 项目名称 | …, 年度总体目标 | …, 资金情况 …). A key's value is the rest of its cell
 * after a colon, else the next cell to its right that is not a key itself.
 */
final class KeyValues {
    private static final Set<String> NAMES = Set.of("项目名称", "部门名称", "单位名称", "处室名称", "预算单位", "填报单位");
    private static final Set<String> KEYS = Set.of("项目名称", "部门名称", "单位名称", "处室名称", "预算单位", "填报单位", "主管部门",
            "实施单位", "年度总体目标", "总体目标", "年度目标", "年度绩效目标", "资金情况", "资金总额", "年度资金总额", "项目资金",
            "资金来源", "项目负责人", "项目属性", "项目期限", "其中:财政拨款", "财政拨款", "其他资金", "中长期目标", "实施期目标");

    final String title;
    /** Key → value, in the order the sheet gives them. */
    final Map<String, String> values;

    private KeyValues(String title, Map<String, String> values) {
        this.title = title;
        this.values = values;
    }

    static KeyValues read(Grid grid, int headerFirst) {
        String title = null;
        Map<String, String> values = new LinkedHashMap<>();
        for (SheetRow row : grid.rows()) {
            if (row.number() >= headerFirst) {
                break;
            }
            List<Map.Entry<Integer, String>> cells = List.copyOf(row.cells().entrySet());
            boolean any = false;
            for (int i = 0; i < cells.size(); i++) {
                String text = CellValues.text(cells.get(i).getValue());
                if (text == null) {
                    continue;
                }
                String[] kv = KEYS.contains(key(text)) ? new String[] {text} : text.split("[:：]", 2);
                String key = key(kv[0]);
                if (!KEYS.contains(key)) {
                    continue;
                }
                any = true;
                String value = kv.length > 1 ? CellValues.text(kv[1]) : null;
                for (int j = i + 1; value == null && j < cells.size(); j++) {
                    String next = CellValues.text(cells.get(j).getValue());
                    if (next != null && !KEYS.contains(key(next.split("[:：]", 2)[0]))) {
                        value = next;
                        i = j;
                    } else if (next != null) {
                        break;
                    }
                }
                if (value != null) {
                    // keyed as written (其中：财政拨款), so the goal's 说明 reads as the form does
                    values.putIfAbsent(kv[0].strip().replaceAll("[:：]+$", ""), value);
                }
            }
            if (!any && title == null && row.cells().size() == 1) {
                String t = CellValues.text(row.cells().values().iterator().next());
                if (t != null && t.length() >= 4 && t.length() <= 60) {
                    title = t.replaceAll("\\s+", " ");
                }
            }
        }
        return new KeyValues(title, values);
    }

    private static String key(String text) {
        return HeadingWords.key(text);
    }

    /** The project's or department's name, when the block gives one. */
    String name() {
        for (String k : List.of("项目名称", "处室名称", "部门名称")) {
            String v = value(k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Who carries it out: 实施单位, or the division or department the sheet is for. */
    String owner() {
        for (String k : List.of("实施单位", "处室名称", "部门名称")) {
            String v = value(k);
            if (v != null && OwnerResolver.looksLikeOrganisation(v)) {
                return v;
            }
        }
        return null;
    }

    boolean namesProject() {
        return value("项目名称") != null;
    }

    /** The value of a key however the form wrote it (项目名称, 项目名称：, 项目名称 ). */
    private String value(String key) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (key(e.getKey()).equals(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The lines that are not names, for the goal's 说明: 年度总体目标：…, 资金情况：… */
    String description() {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> {
            if (!NAMES.contains(key(k))) {
                if (!b.isEmpty()) {
                    b.append('\n');
                }
                b.append(k).append('：').append(v);
            }
        });
        return b.isEmpty() ? null : b.toString();
    }
}
