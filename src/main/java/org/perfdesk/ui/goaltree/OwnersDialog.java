package org.perfdesk.ui.goaltree;

import java.util.List;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * 处室和责任人: the unit's own divisions and responsible persons, the owners its goals are given to.
 * Sub-units (a city's departments and counties) are registered through enrollment, not here.
 */
final class OwnersDialog extends Dialog<Void> {
    private final WorkspaceContext ctx;
    private final TreeView<OrgUnit> tree = new TreeView<>();
    private boolean changed;

    OwnersDialog(Window owner, WorkspaceContext ctx, Runnable onChange) {
        this.ctx = ctx;
        initOwner(owner);
        setTitle(Texts.t("owners.title"));
        setHeaderText(Texts.t("owners.header"));
        tree.setId("owners-tree");
        tree.setShowRoot(true);
        tree.setCellFactory(tv -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(OrgUnit o, boolean empty) {
                super.updateItem(o, empty);
                setText(empty || o == null ? null : o.name() + "（" + Texts.current().of(o.kind()) + "）");
            }
        });
        Button division = new Button(Texts.t("owners.addDivision"));
        division.setOnAction(e -> add(OrgKind.DIVISION));
        Button person = new Button(Texts.t("owners.addPerson"));
        person.setOnAction(e -> add(OrgKind.PERSON));
        Button rename = new Button(Texts.t("owners.rename"));
        rename.setOnAction(e -> rename());
        Button remove = new Button(Texts.t("owners.remove"));
        remove.setOnAction(e -> remove());
        Button toExcel = new Button(Texts.t("owners.exportXlsx"));
        toExcel.setId("owners-export-xlsx");
        toExcel.setOnAction(e -> exportXlsx());
        Button fromExcel = new Button(Texts.t("owners.importXlsx"));
        fromExcel.setId("owners-import-xlsx");
        fromExcel.setOnAction(e -> chooseAndImport());
        Label hint = new Label(Texts.t("owners.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        getDialogPane().setContent(new VBox(8, new HBox(6, division, person, rename, remove), new HBox(6, toExcel,
                fromExcel), tree, hint));
        getDialogPane().setId("owners-dialog");
        getDialogPane().getProperties().put(OwnersDialog.class, this);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setPrefSize(560, 520);
        setOnHidden(e -> {
            if (changed) {
                onChange.run();
            }
        });
        reload();
    }

    private void exportXlsx() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(Texts.t("owners.exportXlsx"));
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Excel (*.xlsx)", "*.xlsx"));
        chooser.setInitialFileName(ctx.self().name() + Texts.t("owners.fileName") + ".xlsx");
        java.io.File file = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
        if (file != null) {
            ctx.tasks().run(Texts.t("task.exportXlsx"), () -> {
                org.perfdesk.report.xlsx.OrgXlsx.export(ctx.workspace(), ctx.self().code(), file.toPath());
                return file;
            }, f -> Messages.info(getDialogPane().getScene().getWindow(), Texts.t("goals.exported"), f.getAbsolutePath()));
        }
    }

    private void chooseAndImport() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(Texts.t("owners.importXlsx"));
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Excel, WPS (*.xlsx, *.xls, *.csv)",
                "*.xlsx", "*.xls", "*.csv"));
        java.io.File file = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
        if (file != null) {
            importXlsx(file.toPath());
        }
    }

    /** Previews and imports an organisation sheet (what the file chooser, or a test, hands in). */
    void importXlsx(java.nio.file.Path file) {
        org.perfdesk.ui.xlsximport.OrgImportDialog.run(getDialogPane().getScene().getWindow(), ctx, file, () -> {
            changed = true;
            reload();
        });
    }

    private void reload() {
        List<OrgUnit> all = ctx.workspace().orgUnits().findSubtree(ctx.self().code());
        java.util.Map<String, TreeItem<OrgUnit>> items = new java.util.HashMap<>();
        TreeItem<OrgUnit> rootItem = null;
        for (OrgUnit o : all) {
            TreeItem<OrgUnit> item = new TreeItem<>(o);
            item.setExpanded(true);
            items.put(o.code(), item);
            if (o.code().equals(ctx.self().code())) {
                rootItem = item;
            } else if (items.containsKey(o.parentCode())) {
                items.get(o.parentCode()).getChildren().add(item);
            }
        }
        tree.setRoot(rootItem);
    }

    private OrgUnit selected() {
        TreeItem<OrgUnit> item = tree.getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }

    /** A division goes under the unit; a person under the division chosen in the list. */
    private void add(OrgKind kind) {
        OrgUnit chosen = selected();
        if (kind == OrgKind.PERSON && (chosen == null || chosen.kind() != OrgKind.DIVISION)) {
            Messages.info(getDialogPane().getScene().getWindow(), Texts.t("owners.addPerson"),
                    Texts.t("owners.choosePersonParent"));
            return;
        }
        OrgUnit under = kind == OrgKind.DIVISION ? ctx.self() : chosen;
        OrgUnit parent = under;
        TextInputDialog ask = new TextInputDialog();
        ask.initOwner(getDialogPane().getScene().getWindow());
        ask.setHeaderText(Texts.t(kind == OrgKind.DIVISION ? "owners.addDivision" : "owners.addPerson"));
        ask.setContentText(Texts.t(kind == OrgKind.DIVISION ? "owners.divisionName" : "owners.personName"));
        ask.showAndWait().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(name -> {
            String code = nextCode(parent.code());
            ctx.workspace().orgUnits().save(new OrgUnit(code, name, kind, parent.code()));
            changed = true;
            reload();
        });
    }

    /** Codes for new organisations follow the parent's: SLT-01, SLT-01-02 … */
    private String nextCode(String parent) {
        for (int i = 1; ; i++) {
            String code = String.format("%s-%02d", parent, i);
            if (code.length() > 32) {
                code = "ORG-" + Long.toString(System.nanoTime(), 36).toUpperCase();
            }
            if (ctx.workspace().orgUnits().find(code).isEmpty()) {
                return code;
            }
        }
    }

    private void rename() {
        OrgUnit o = selected();
        if (o == null || o.code().equals(ctx.self().code())) {
            return;
        }
        TextInputDialog ask = new TextInputDialog(o.name());
        ask.initOwner(getDialogPane().getScene().getWindow());
        ask.setHeaderText(Texts.t("owners.rename"));
        ask.showAndWait().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(name -> {
            ctx.workspace().orgUnits().save(new OrgUnit(o.code(), name, o.kind(), o.parentCode(), o.group(), o.keyId()));
            changed = true;
            reload();
        });
    }

    private void remove() {
        OrgUnit o = selected();
        if (o == null || o.code().equals(ctx.self().code()) || !o.kind().isInternal()) {
            return;
        }
        if (ctx.workspace().orgUnits().deleteIfUnused(o.code())) {
            changed = true;
            reload();
        } else {
            Messages.info(getDialogPane().getScene().getWindow(), Texts.t("owners.remove"),
                    Texts.t("owners.inUse", o.name()));
        }
    }
}
