package org.perfdesk.ui.settings;

import java.io.File;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.perfdesk.domain.Texts;
import org.perfdesk.store.Backups;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Layouts;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * 备份与恢复: the automatic backups (newest first), a backup by hand to a chosen folder (a USB stick),
 * and restoring one, which the shell does with the workspace closed.
 */
final class BackupsPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final WorkspaceContext ctx;
    private final ObservableList<Backups.Backup> rows = FXCollections.observableArrayList();
    private final TableView<Backups.Backup> table = new TableView<>(rows);
    private final VBox root;

    /** @param onRestore closes the workspace, puts the chosen backup in place and opens it again */
    BackupsPane(WorkspaceContext ctx, Consumer<Path> onRestore) {
        this.ctx = ctx;
        table.setId("backups-table");
        table.setPlaceholder(new Label(Texts.t("backups.none")));
        table.setPrefHeight(220);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Backups.Backup, String> when = Columns.text("backups.col.when", 170, b -> WHEN.format(b.made()));
        TableColumn<Backups.Backup, String> why = Columns.text("backups.col.reason", 260, BackupsPane::reason);
        TableColumn<Backups.Backup, String> size = Columns.text("backups.col.size", 90,
                b -> String.format("%.1f MB", b.size() / 1_048_576.0));
        table.getColumns().setAll(List.of(when, why, size));

        Button now = new Button(Texts.t("backups.copyTo"));
        now.setId("backups-copy");
        now.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(Texts.t("backups.copyTo"));
            File dir = chooser.showDialog(table.getScene().getWindow());
            if (dir != null) {
                copyTo(dir.toPath());
            }
        });
        Button restore = new Button(Texts.t("backups.restore"));
        restore.setId("backups-restore");
        restore.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        restore.setOnAction(e -> {
            Backups.Backup chosen = table.getSelectionModel().getSelectedItem();
            if (chosen != null && confirmRestore(chosen)) {
                onRestore.accept(chosen.file());
            }
        });
        Label title = new Label(Texts.t("backups.title"));
        title.getStyleClass().add("section-title");
        Label hint = new Label(Texts.t("backups.hint", Backups.KEEP_AUTOMATIC));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        root = new VBox(8, title, hint, table, Layouts.toolbar(now, restore));
        load();
    }

    private static String reason(Backups.Backup b) {
        String r = b.reason();
        if (b.beforeMigration()) {
            return Texts.t("backups.reason.migration", r.substring("before-v".length()));
        }
        String key = "backups.reason." + r;
        String text = Texts.t(key);
        return text.startsWith("!") ? r : text;
    }

    void load() {
        ctx.tasks().run(Texts.t("task.listBackups"), () -> Backups.of(ctx.workspace()).list(), rows::setAll);
    }

    /** A whole copy of the workspace into {@code folder}; says where it went. */
    void copyTo(Path folder) {
        ctx.tasks().run(Texts.t("task.backup"), () -> Backups.of(ctx.workspace()).copyTo(folder),
                copy -> Messages.info(table.getScene().getWindow(), Texts.t("backups.copied.header"),
                        Texts.t("backups.copied.text", copy.toString())));
    }

    private boolean confirmRestore(Backups.Backup b) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, Texts.t("backups.restoreQuestion", WHEN.format(b.made())),
                ButtonType.OK, ButtonType.CANCEL);
        ask.initOwner(table.getScene().getWindow());
        ask.setHeaderText(Texts.t("backups.restore"));
        ask.getDialogPane().setId("backups-restore-question");
        return ask.showAndWait().filter(t -> t == ButtonType.OK).isPresent();
    }

    VBox view() {
        return root;
    }
}
