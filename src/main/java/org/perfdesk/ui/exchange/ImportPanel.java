package org.perfdesk.ui.exchange;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Button;
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
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Dialogs;
import org.perfdesk.ui.common.WorkspaceContext;

/** Choose or drop packages, see what each would do, confirm, see what was done. */
final class ImportPanel extends BorderPane {
    private final ImportViewModel vm;
    private final WorkspaceContext ctx;

    ImportPanel(ImportViewModel vm, WorkspaceContext ctx) {
        this.vm = vm;
        this.ctx = ctx;
        setId("import-panel");
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
        TableColumn<ImportReport, String> verdict = Columns.text("import.col.verdict", 90, ImportPanel::verdict);
        verdict.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().removeIf(s -> s.startsWith("status-"));
                ImportReport r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                if (r != null) {
                    getStyleClass().add(switch (r.status()) {
                        case ACCEPTED -> "status-on_track";
                        case ALREADY_IMPORTED -> "status-none";
                        case REJECTED -> "status-behind";
                    });
                }
            }
        });
        table.getColumns().add(Columns.text("import.col.file", 180, ImportReport::file));
        table.getColumns().add(verdict);
        table.getColumns().add(Columns.text("import.col.sender", 80, r -> r.sender() == null ? "" : r.sender()));
        table.getColumns().add(Columns.text("import.col.kind", 110,
                r -> r.kind() == null ? "" : Texts.t("kind." + r.kind())));
        table.getColumns().add(Columns.text("import.col.sequence", 50,
                r -> r.sequence() == null ? "" : String.valueOf(r.sequence())));
        table.getColumns().add(Columns.text("import.col.counts", 240, ImportPanel::counts));
        table.getColumns().add(Columns.text("import.col.message", 300, ImportReport::message));

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
        // Sealed packages are shown as waiting for the passphrase, which is then asked for.
        vm.preview(files, () -> Dialogs.withSigner(getScene().getWindow(), ctx, s -> vm.preview(files)));
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.t("import.chooseFiles"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.t("import.filter"), "*.perfpkg"));
        List<File> chosen = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (chosen != null) {
            preview(chosen.stream().map(File::toPath).toList());
        }
    }

    private void chooseFolder() {
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

    private static String verdict(ImportReport r) {
        String base = Texts.t("import.status." + r.status().name());
        return r.dryRun() && r.status() == ImportReport.Status.ACCEPTED ? Texts.t("import.status.WOULD") : base;
    }

    private static String counts(ImportReport r) {
        if (r.counts() == null || r.status() != ImportReport.Status.ACCEPTED) {
            return "";
        }
        ImportReport.Counts c = r.counts();
        return Texts.t("import.countsShort", c.added(), c.changed(), c.removed(), c.flagged());
    }

}
