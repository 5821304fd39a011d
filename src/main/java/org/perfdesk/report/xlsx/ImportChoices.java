package org.perfdesk.report.xlsx;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the user chose for an import of a workbook: the sheets to read, how each sheet of an
 * office's own form is read (its {@link SheetMapping}), whether each sheet is one goal (null: when
 * several sheets are read, or the sheet names a project), and whether the organisations the
 * workbook names and the workspace lacks are created with the tree.
 */
public record ImportChoices(List<String> sheets, Map<String, SheetMapping> mappings, Boolean oneGoalPerSheet,
                            boolean createOrg) {

    public ImportChoices {
        sheets = List.copyOf(sheets);
        mappings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mappings));
    }

    public ImportChoices withSheets(List<String> chosen) {
        return new ImportChoices(chosen, mappings, oneGoalPerSheet, createOrg);
    }

    public ImportChoices withMapping(String sheet, SheetMapping mapping) {
        Map<String, SheetMapping> m = new LinkedHashMap<>(mappings);
        m.put(sheet, mapping);
        return new ImportChoices(sheets, m, oneGoalPerSheet, createOrg);
    }

    public ImportChoices withOneGoalPerSheet(Boolean value) {
        return new ImportChoices(sheets, mappings, value, createOrg);
    }

    public ImportChoices withCreateOrg(boolean value) {
        return new ImportChoices(sheets, mappings, oneGoalPerSheet, value);
    }
}
