package org.perfdesk.ui.xlsximport;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.perfdesk.report.xlsx.Field;
import org.perfdesk.report.xlsx.GoalTreeXlsx;
import org.perfdesk.report.xlsx.ImportChoices;
import org.perfdesk.report.xlsx.SheetMapping;
import org.perfdesk.report.xlsx.TreeWorkbook;
import org.perfdesk.report.xlsx.XlsxImport;
import org.perfdesk.store.Backups;
import org.perfdesk.store.Workspace;

/**
 * The steps of importing a workbook into the goal tree: which sheets (when there is a choice), how
 * the columns of an office's own form are read (when there is such a sheet), the tree and the
 * organisations it will make, then the result. The window confirms; the organisations the
 * workbook names and the workspace lacks are created with the tree.
 */
public final class TreeImportViewModel {
    /** The pages of the dialog, in order. */
    public enum Step { SHEETS, MAPPING, PREVIEW, RESULT }

    /** A sheet offered in the first step. */
    public static final class SheetChoice {
        private final TreeWorkbook.SheetInfo info;
        private final BooleanProperty chosen = new SimpleBooleanProperty();

        SheetChoice(TreeWorkbook.SheetInfo info, boolean chosen) {
            this.info = info;
            this.chosen.set(chosen);
        }

        public TreeWorkbook.SheetInfo info() {
            return info;
        }

        public BooleanProperty chosenProperty() {
            return chosen;
        }

        /** Only forms can be read as a tree. */
        public boolean choosable() {
            return info.kind() == TreeWorkbook.SheetKind.FORM || info.kind() == TreeWorkbook.SheetKind.NATIVE;
        }
    }

    /** A column in the mapping step, with what it is read as. */
    public static final class ColumnChoice {
        private final TreeWorkbook.ColumnInfo info;
        private final ObjectProperty<Field> field = new SimpleObjectProperty<>();

        ColumnChoice(TreeWorkbook.ColumnInfo info) {
            this.info = info;
            this.field.set(info.field());
        }

        public TreeWorkbook.ColumnInfo info() {
            return info;
        }

        public ObjectProperty<Field> fieldProperty() {
            return field;
        }
    }

    private final Workspace workspace;
    private final String unitCode;
    private final int year;
    private final TreeWorkbook workbook;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>();
    private final ObservableList<SheetChoice> sheets = FXCollections.observableArrayList();
    private final BooleanProperty oneGoalPerSheet = new SimpleBooleanProperty();
    private boolean oneGoalChosen;
    private final StringProperty mappingSheet = new SimpleStringProperty();
    private final ObjectProperty<Integer> headerRow = new SimpleObjectProperty<>();
    private final ObservableList<ColumnChoice> columns = FXCollections.observableArrayList();
    private final ObjectProperty<XlsxImport> preview = new SimpleObjectProperty<>();
    private final ObjectProperty<XlsxImport.Counts> result = new SimpleObjectProperty<>();
    private ImportChoices choices;
    private boolean loadingColumns;

    public TreeImportViewModel(Workspace workspace, String unitCode, int year, TreeWorkbook workbook) {
        this.workspace = workspace;
        this.unitCode = unitCode;
        this.year = year;
        this.workbook = workbook;
        this.choices = workbook.defaults().withCreateOrg(true);
        for (TreeWorkbook.SheetInfo i : workbook.sheets()) {
            sheets.add(new SheetChoice(i, choices.sheets().contains(i.name())));
        }
        sheets.forEach(s -> s.chosenProperty().addListener((o, a, b) -> sheetsChanged()));
        oneGoalPerSheet.set(chosenNames().size() > 1);
        oneGoalPerSheet.addListener((o, a, b) -> {
            oneGoalChosen = true;
            choices = choices.withOneGoalPerSheet(b);
        });
        mappingSheet.addListener((o, a, b) -> loadColumns());
        headerRow.addListener((o, a, b) -> {
            if (!loadingColumns && b != null && mappingSheet.get() != null) {
                choices = choices.withMapping(mappingSheet.get(), workbook.headerAt(mappingSheet.get(), b));
                loadColumns();
            }
        });
        step.set(needsSheets() ? Step.SHEETS : needsMapping() ? Step.MAPPING : Step.PREVIEW);
        if (step.get() == Step.MAPPING) {
            mappingSheet.set(formSheets().get(0));
        }
    }

    public TreeWorkbook workbook() {
        return workbook;
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public ObservableList<SheetChoice> sheets() {
        return sheets;
    }

    public BooleanProperty oneGoalPerSheetProperty() {
        return oneGoalPerSheet;
    }

    public StringProperty mappingSheetProperty() {
        return mappingSheet;
    }

    public ObjectProperty<Integer> headerRowProperty() {
        return headerRow;
    }

    public ObservableList<ColumnChoice> columns() {
        return columns;
    }

    public ObjectProperty<XlsxImport> previewProperty() {
        return preview;
    }

    public ObjectProperty<XlsxImport.Counts> resultProperty() {
        return result;
    }

    public ImportChoices choices() {
        return choices;
    }

    /** A choice of sheets is offered when more than one could be read. */
    public boolean needsSheets() {
        return sheets.stream().filter(SheetChoice::choosable).count() > 1;
    }

    /** The mapping step is shown when a chosen sheet is an office's own form (the program's own needs none). */
    public boolean needsMapping() {
        return !formSheets().isEmpty();
    }

    /** The chosen sheets that are read through a mapping. */
    public List<String> formSheets() {
        List<String> out = new ArrayList<>();
        for (String name : choices.sheets()) {
            if (workbook.sheet(name).kind() == TreeWorkbook.SheetKind.FORM) {
                out.add(name);
            }
        }
        return out;
    }

    /** Rows the header may be moved to: the sheet's first rows with values. */
    public List<Integer> headerRows() {
        return mappingSheet.get() == null ? List.of() : workbook.rowNumbers(mappingSheet.get(), 40);
    }

    public boolean canGoBack() {
        return step.get() == Step.MAPPING && needsSheets() || step.get() == Step.PREVIEW && (needsMapping() || needsSheets());
    }

    /** Next page; PREVIEW is reached through {@link #computePreview} in the background. Returns the step to show. */
    public Step next() {
        Step s = step.get();
        if (s == Step.SHEETS && needsMapping()) {
            mappingSheet.set(null);
            mappingSheet.set(formSheets().get(0));
            step.set(Step.MAPPING);
            return Step.MAPPING;
        }
        return Step.PREVIEW;
    }

    public void back() {
        Step s = step.get();
        if (s == Step.PREVIEW && needsMapping()) {
            step.set(Step.MAPPING);
        } else if (needsSheets()) {
            step.set(Step.SHEETS);
        }
        preview.set(null);
    }

    /** What the import would do with the choices made; runs off the FX thread, writes nothing. */
    public XlsxImport computePreview() {
        return GoalTreeXlsx.read(workspace, unitCode, year, workbook, choices);
    }

    public void showPreview(XlsxImport p) {
        preview.set(p);
        step.set(Step.PREVIEW);
    }

    /** The import itself, after a backup; off the FX thread. */
    public XlsxImport.Counts apply() {
        Backups.of(workspace).automatic("before-xlsx-import");
        return GoalTreeXlsx.apply(workspace, preview.get());
    }

    public void showResult(XlsxImport.Counts counts) {
        result.set(counts);
        step.set(Step.RESULT);
    }

    private List<String> chosenNames() {
        return sheets.stream().filter(s -> s.chosenProperty().get() && s.choosable()).map(s -> s.info().name()).toList();
    }

    private void sheetsChanged() {
        List<String> chosen = chosenNames();
        choices = choices.withSheets(chosen);
        if (!oneGoalChosen) {
            oneGoalPerSheet.set(chosen.size() > 1);
            oneGoalChosen = false;
            choices = choices.withOneGoalPerSheet(null);
        }
    }

    private void loadColumns() {
        String sheet = mappingSheet.get();
        columns.clear();
        if (sheet == null) {
            return;
        }
        SheetMapping m = choices.mappings().get(sheet);
        if (m == null) {
            m = workbook.mapping(sheet);
        }
        loadingColumns = true;
        try {
            headerRow.set(m == null ? null : m.headerRow());
        } finally {
            loadingColumns = false;
        }
        if (m == null) {
            return;
        }
        final SheetMapping mapping = m;
        for (TreeWorkbook.ColumnInfo c : workbook.columns(sheet, mapping)) {
            ColumnChoice choice = new ColumnChoice(c);
            choice.fieldProperty().addListener((o, a, b) -> {
                SheetMapping now = choices.mappings().getOrDefault(sheet, mapping);
                choices = choices.withMapping(sheet, now.with(c.index(), b == null ? Field.IGNORE : b));
            });
            columns.add(choice);
        }
        choices = choices.withMapping(sheet, mapping);
    }
}
