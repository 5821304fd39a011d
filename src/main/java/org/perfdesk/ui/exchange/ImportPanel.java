package org.perfdesk.ui.exchange;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.ui.common.Blocker;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Dialogs;
import org.perfdesk.ui.common.KindNames;
import org.perfdesk.ui.common.Refusals;
import org.perfdesk.ui.common.WorkspaceContext;

/** Choose or drop packages, see what each would do, confirm, see what was done. */
final class ImportPanel extends BorderPane {
    private final ImportViewModel vm;
    private final WorkspaceContext ctx;
    /** What importing here needs first (a unit: the office's key file), checked before any chooser. */
    private final Supplier<Optional<Blocker>> before;

    ImportPanel(ImportViewModel vm, WorkspaceContext ctx, Supplier<Optional<Blocker>> before) {
        this.vm = vm;
        this.ctx = ctx;
        this.before = before;
        setId("import-panel");
        vm.setOnNewYears(this::offerYears);
        Button files = new Button(Texts.t("import.chooseFiles"));
        files.setId("import-files");
        files.setOnAction(e -> chooseFiles());
        Button folder = new Button(Texts.t("import.chooseFolder"));
        folder.setId("import-folder");
        folder.setOnAction(e -> chooseFolder());
        Button commit = new Button(Texts.t("import.commit"));
        commit.setId("import-commit");
        commit.getStyleClass().add("primary");
        commit.disableProperty().bind(vm.canCommitProperty().not());
        commit.setOnAction(e -> commit());
        Button clear = new Button(Texts.t("import.clear"));
        clear.setOnAction(e -> vm.clear());
        Label hint = new Label(Texts.t("import.dropHint"));
        hint.getStyleClass().add("hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, files, folder, hint, spacer, clear, commit);
        bar.getStyleClass().add("toolbar");
        Label summary = new Label();
        summary.setId("import-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setWrapText(true);
        setTop(new VBox(4, bar, summary));

        TableView<ImportReport> table = new TableView<>(vm.reports());
        table.setId("import-table");
        table.setPlaceholder(new Label(Texts.t("import.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // One line per package and per detail: rows of a fixed height are laid out without measuring each
        // (the first preview of a province's 100 packages held the window for a seventh of a second).
        table.setFixedCellSize(26);
        // The importer's verdict in the clerk's words: a sealed package waits for the passphrase (待解密)
        // and an enrollment request for 登记单位, neither is a red 拒收.
        TableColumn<ImportReport, String> verdict = Columns.text("import.col.verdict", 180,
                r -> Texts.t(vm.verdictOf(r).textKey()));
        verdict.setId("import-verdict");
        verdict.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().removeIf(s -> s.startsWith("status-"));
                ImportReport r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                if (r != null) {
                    getStyleClass().add(vm.verdictOf(r).styleClass());
                }
            }
        });
        table.getColumns().add(Columns.text("import.col.file", 180, ImportReport::file));
        table.getColumns().add(verdict);
        table.getColumns().add(Columns.text("import.col.sender", 80, r -> r.sender() == null ? "" : r.sender()));
        table.getColumns().add(Columns.text("import.col.kind", 110,
                r -> r.kind() == null ? "" : KindNames.label(r.kind())));
        table.getColumns().add(Columns.text("import.col.sequence", 50,
                r -> r.sequence() == null ? "" : String.valueOf(r.sequence())));
        table.getColumns().add(Columns.text("import.col.counts", 200, ImportPanel::counts));
        table.getColumns().add(Columns.text("import.col.message", 240, vm::messageOf));

        ListView<String> details = new ListView<>();
        details.setId("import-details");
        details.setFixedCellSize(24);
        details.setPlaceholder(new Label(Texts.t("import.detailsHint")));
        table.getSelectionModel().selectedItemProperty().addListener((o, old, r) ->
                details.getItems().setAll(vm.detailsOf(r)));
        vm.reports().addListener((javafx.collections.ListChangeListener<ImportReport>) c -> {
            if (!vm.reports().isEmpty()) {
                table.getSelectionModel().selectFirst();
            } else {
                details.getItems().clear();
            }
        });
        SplitPane split = new SplitPane(table, details);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        setCenter(split);

        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> dropped = e.getDragboard().getFiles();
            preview(dropped.stream().map(File::toPath).toList());
            e.setDropCompleted(true);
            e.consume();
        });
    }

    /** Previews packages chosen elsewhere (e.g. double-clicked files); visible for tests too. */
    void preview(List<Path> files) {
        if (!Refusals.clear(owner(), ctx, before.get())) {
            return;
        }
        // Sealed packages are shown as waiting for the passphrase, which is then asked for.
        vm.preview(files, () -> Dialogs.withSigner(getScene().getWindow(), ctx, s -> vm.preview(files)));
    }

    /** The window, or null while the panel is not shown yet (a double-clicked file at start-up). */
    private javafx.stage.Window owner() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /**
     * Accepted packages for a year the workspace lacks are stored but shown nowhere: offer to add the
     * year (it then joins the year switcher and is shown).
     */
    private void offerYears(List<Integer> years) {
        for (int year : years) {
            ButtonType add = new ButtonType(Texts.t("import.newYear.add", String.valueOf(year)),
                    ButtonBar.ButtonData.OK_DONE);
            ButtonType later = new ButtonType(Texts.t("import.newYear.later"), ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, Texts.t("import.newYear.text", String.valueOf(year)),
                    add, later);
            alert.initOwner(owner());
            alert.setTitle(Texts.t("app.title"));
            alert.setHeaderText(Texts.t("import.newYear.header", String.valueOf(year)));
            alert.getDialogPane().setId("import-new-year");
            alert.getDialogPane().lookupButton(add).setId("import-new-year-add");
            alert.setOnHidden(e -> {
                if (alert.getResult() == add) {
                    vm.addYear(year);
                }
            });
            alert.show();
        }
    }

    private void chooseFiles() {
        if (!Refusals.clear(owner(), ctx, before.get())) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.t("import.chooseFiles"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.t("import.filter"), "*.perfpkg"));
        List<File> chosen = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (chosen != null) {
            preview(chosen.stream().map(File::toPath).toList());
        }
    }

    private void chooseFolder() {
        if (!Refusals.clear(owner(), ctx, before.get())) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Texts.t("import.chooseFolder"));
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            preview(List.of(dir.toPath()));
        }
    }

    private void commit() {
        if (vm.needsSigner()) {
            Dialogs.withSigner(getScene().getWindow(), ctx, s -> vm.commit());
        } else {
            vm.commit();
        }
    }

    private static String counts(ImportReport r) {
        if (r.counts() == null || r.status() != ImportReport.Status.ACCEPTED) {
            return "";
        }
        ImportReport.Counts c = r.counts();
        return Texts.t("import.countsShort", c.added(), c.changed(), c.removed(), c.flagged());
    }

}
