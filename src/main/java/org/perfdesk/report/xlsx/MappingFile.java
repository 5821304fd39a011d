package org.perfdesk.report.xlsx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.util.CellReference;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.SafeFiles;

/**
 * A column mapping as a file a person can read and correct ({@code tree import-xlsx --mapping},
 * {@code --save-mapping}), and as the workspace remembers it:
 * <pre>
 * {"sheets": ["指标"], "oneGoalPerSheet": false,
 *  "mappings": {"指标": {"headerRow": 6, "headerFirst": 5,
 *                        "columns": {"B": "一级指标", "C": "二级指标", "E": "分值", "F": "目标值"}}}}
 * </pre>
 * Fields are named by the form's words (as the mapping step shows them) or by their constant's
 * name; a sheet named {@code *} applies to every sheet not named. Columns not listed are not read.
 */
public final class MappingFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_BYTES = 256 * 1024;

    private MappingFile() {
    }

    /** The choices the file makes, on top of the workbook's defaults. */
    public static ImportChoices read(Path file, TreeWorkbook wb, ImportChoices base) {
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UserError("xlsx.mapping.error.bad", file.toString(), "> 256 KB");
            }
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UserError(e, "xlsx.mapping.error.bad", file.toString(), String.valueOf(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new UserError("xlsx.mapping.error.bad", file.toString(), "{…}");
        }
        ImportChoices c = base;
        if (root.has("sheets")) {
            List<String> sheets = new ArrayList<>();
            root.get("sheets").forEach(n -> sheets.add(n.asText()));
            for (String s : sheets) {
                if (wb.sheet(s) == null) {
                    throw new UserError("xlsx.mapping.error.sheet", file.toString(), s);
                }
            }
            c = c.withSheets(sheets);
        }
        if (root.has("oneGoalPerSheet") && !root.get("oneGoalPerSheet").isNull()) {
            c = c.withOneGoalPerSheet(root.get("oneGoalPerSheet").asBoolean());
        }
        JsonNode mappings = root.get("mappings");
        if (mappings != null && mappings.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = mappings.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> targets = e.getKey().equals("*") ? c.sheets() : List.of(e.getKey());
                for (String sheet : targets) {
                    if (wb.sheet(sheet) == null) {
                        throw new UserError("xlsx.mapping.error.sheet", file.toString(), sheet);
                    }
                    c = c.withMapping(sheet, sheetMapping(e.getValue(), wb, sheet, file.toString()));
                }
            }
        }
        return c;
    }

    /** Writes the choices' mappings for the chosen sheets. */
    public static void write(Path file, ImportChoices choices) {
        ObjectNode root = JSON.createObjectNode();
        choices.sheets().forEach(root.putArray("sheets")::add);
        if (choices.oneGoalPerSheet() != null) {
            root.put("oneGoalPerSheet", choices.oneGoalPerSheet());
        }
        ObjectNode mappings = root.putObject("mappings");
        for (String sheet : choices.sheets()) {
            SheetMapping m = choices.mappings().get(sheet);
            if (m != null) {
                mappings.set(sheet, toJson(m));
            }
        }
        try {
            SafeFiles.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UserError(e, "xlsx.error.cannotWrite", file.toString(), String.valueOf(e.getMessage()));
        }
    }

    static ObjectNode toJson(SheetMapping m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("headerRow", m.headerRow());
        n.put("headerFirst", m.headerFirst());
        ObjectNode cols = n.putObject("columns");
        m.columns().forEach((col, f) -> cols.put(CellReference.convertNumToColString(col), f.label()));
        return n;
    }

    static String toJsonText(SheetMapping m) {
        return toJson(m).toString();
    }

    /** A remembered mapping; empty when it no longer fits the sheet. */
    static Optional<SheetMapping> sheetMapping(String json, TreeWorkbook wb, String sheet) {
        try {
            return Optional.of(sheetMapping(JSON.readTree(json), wb, sheet, "-"));
        } catch (IOException | UserError e) {
            return Optional.empty();
        }
    }

    private static SheetMapping sheetMapping(JsonNode n, TreeWorkbook wb, String sheet, String file) {
        SheetMapping base = wb.mapping(sheet);
        int headerRow = n.has("headerRow") ? n.get("headerRow").asInt() : base == null ? 0 : base.headerRow();
        if (headerRow < 1) {
            throw new UserError("xlsx.mapping.error.header", file, sheet);
        }
        SheetMapping at = base != null && base.headerRow() == headerRow ? base : wb.headerAt(sheet, headerRow);
        int first = n.has("headerFirst") ? n.get("headerFirst").asInt() : at.headerFirst();
        if (first > headerRow || first < headerRow - 1) {
            first = at.headerFirst();
        }
        if (first != at.headerFirst()) {
            at = new SheetMapping(first, headerRow, at.columns(), at.headings());
        }
        JsonNode cols = n.get("columns");
        if (cols == null || !cols.isObject()) {
            return at;
        }
        Map<Integer, Field> columns = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = cols.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            int col;
            try {
                col = CellReference.convertColStringToIndex(e.getKey().strip().toUpperCase(java.util.Locale.ROOT));
            } catch (RuntimeException ex) {
                col = -1;
            }
            if (col < 0 || col >= XlsxSource.MAX_COLUMNS) {
                throw new UserError("xlsx.mapping.error.column", file, e.getKey());
            }
            Optional<Field> f = Field.parse(e.getValue().asText());
            if (f.isEmpty()) {
                throw new UserError("xlsx.mapping.error.field", file, e.getValue().asText(), fieldNames());
            }
            if (f.get() != Field.IGNORE) {
                columns.put(col, f.get());
            }
        }
        return new SheetMapping(at.headerFirst(), headerRow, columns, at.headings());
    }

    private static String fieldNames() {
        List<String> names = new ArrayList<>();
        for (Field f : Field.values()) {
            names.add(f.label());
        }
        return String.join("、", names);
    }

    /** Remembered mappings as the workspace keeps them: key → JSON. */
    static Map<String, String> rememberable(TreeWorkbook wb, ImportChoices choices) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String sheet : choices.sheets()) {
            String key = wb.rememberKey(sheet);
            SheetMapping m = choices.mappings().get(sheet);
            if (key != null && m != null) {
                out.put(key, toJsonText(m));
            }
        }
        return out;
    }
}
