package org.perfdesk.ui.reports;

import java.io.File;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.perfdesk.domain.ReportKind;
import org.perfdesk.domain.ReportSection;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;

/** 分析报告: sections on the left, the text of one on the right; export to Word; print. */
public final class ReportsView implements Screen {
    private final ReportsViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ListView<ReportSection> list;
    private final TextArea body = new TextArea();
    private final Label sectionTitle = new Label();
    private ReportSection shown;

    public ReportsView(ReportsViewModel vm) {
        this.vm = vm;
        Label title = Styles.screen(root, "screen-reports", Texts.t("nav.reports"));
        ComboBox<ReportKind> kind = new ComboBox<>();
        kind.setId("reports-kind");
        kind.getItems().setAll(ReportKind.MIDYEAR, ReportKind.ANNUAL);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReportKind k) {
                return k == null ? "" : Texts.current().of(k);
            }

            @Override
            public ReportKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        Button export = new Button(Texts.t("reports.export"));
        export.setId("reports-export");
        export.getStyleClass().add("primary");
        export.setOnAction(e -> export());
        Button print = new Button(Texts.t("reports.print"));
        print.setOnAction(e -> print());
        Button redraft = new Button(Texts.t("reports.redraft"));
        redraft.setOnAction(e -> {
            if (shown != null) {
                vm.redraft(shown);
            }
        });
        HBox bar = new HBox(8, kind, export, print, redraft);
        bar.getStyleClass().add("toolbar");
        Label hint = new Label(Texts.t("reports.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        root.setTop(new VBox(4, title, bar, hint));

        list = new ListView<>(vm.sections());
        list.setId("reports-sections");
        list.setPlaceholder(new Label(Texts.t("reports.empty")));
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(ReportSection s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.title());
            }
        });
        body.setId("reports-body");
        body.setWrapText(true);
        body.setDisable(true);
        sectionTitle.getStyleClass().add("section-title");
        VBox editor = new VBox(6, sectionTitle, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        SplitPane split = new SplitPane(list, editor);
        split.setDividerPositions(0.28);
        root.setCenter(split);

        list.getSelectionModel().selectedItemProperty().addListener((o, old, s) -> {
            commit();
            if (s != null) {
                shown = s;
                sectionTitle.setText(s.title());
                body.setText(s.body());
                body.setDisable(false);
            }
        });
        vm.sections().addListener((javafx.collections.ListChangeListener<ReportSection>) c -> {
            // The list is replaced after a save: stay on the same section, keep what is being typed.
            if (shown != null) {
                vm.sections().stream().filter(x -> x.key().equals(shown.key())).findFirst().ifPresent(x -> {
                    shown = x;
                    if (!body.isFocused()) {
                        body.setText(x.body());
                    }
                    list.getSelectionModel().select(x);
                });
            } else if (!vm.sections().isEmpty()) {
                list.getSelectionModel().selectFirst();
            }
        });
        body.focusedProperty().addListener((o, had, has) -> {
            if (!has) {
                commit();
            }
        });
    }

    private void commit() {
        if (shown != null && !body.isDisabled()) {
            vm.edit(shown, body.getText());
        }
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.t("reports.export"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Word (*.docx)", "*.docx"));
        chooser.setInitialFileName(vm.context().self().name() + vm.context().year()
                + Texts.current().of(vm.kindProperty().get()) + ".docx");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            exportTo(file.toPath());
        }
    }

    /** Saves what is being typed and writes the Word document. */
    void exportTo(java.nio.file.Path file) {
        commit();
        vm.exportDocx(file, path -> Messages.info(root.getScene().getWindow(), Texts.t("reports.exported"),
                path.toAbsolutePath().toString()));
    }

    /**
     * Prints the Word document itself (the same pages officials file), through the program the
     * system uses for .docx; where there is none, says where the document is.
     */
    private void print() {
        commit();
        var window = root.getScene().getWindow();
        java.nio.file.Path tmp;
        try {
            tmp = java.nio.file.Files.createTempDirectory("perfdesk-print-").resolve(vm.context().self().code() + "-"
                    + vm.context().year() + "-" + vm.kindProperty().get().name().toLowerCase(java.util.Locale.ROOT)
                    + ".docx");
        } catch (java.io.IOException e) {
            Messages.error(window, e);
            return;
        }
        vm.exportDocx(tmp, path -> org.perfdesk.ui.common.OpenFiles.print(window, path));
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void refresh() {
        vm.load();
    }
}
