package org.perfdesk.ui.reports;

import java.io.File;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.perfdesk.domain.ReportKind;
import org.perfdesk.domain.ReportSection;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.Mnemonics;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.RowEditor;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.DetailsSplit;
import org.perfdesk.ui.common.Layouts;

/** 分析报告: sections on the left, the text of one on the right; export to Word; print. */
public final class ReportsView implements Screen {
    private final ReportsViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ListView<ReportSection> list;
    private final TextArea body = new TextArea();
    private final Label sectionTitle = new Label();
    /** A section of one report: text typed into it is saved there. */
    private record Section(ReportKind kind, String key) {
    }

    private final RowEditor<Section> editor;

    public ReportsView(ReportsViewModel vm) {
        this.vm = vm;
        editor = new RowEditor<Section>(vm.context().edits(), m -> { }, at -> vm.edit(at.kind(), at.key(), body.getText()))
                .text(body);
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
        Button export = Mnemonics.set(new Button(Texts.t("reports.export")), 'E');
        export.setId("reports-export");
        export.getStyleClass().add("primary");
        export.setOnAction(e -> export());
        Button print = Mnemonics.set(new Button(Texts.t("reports.print")), 'P');
        print.setOnAction(e -> print());
        Button redraft = Mnemonics.set(new Button(Texts.t("reports.redraft")), 'D');
        redraft.setOnAction(e -> {
            ReportSection shown = selectedSection();
            if (shown != null) {
                editor.commit();
                vm.redraft(shown);
            }
        });
        javafx.scene.layout.FlowPane bar = Layouts.toolbar(kind, export, print, redraft);
        Label hint = new Label(Texts.t("reports.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        Label warning = new Label();
        warning.setId("reports-data-warning");
        warning.getStyleClass().add("warning");
        warning.setWrapText(true);
        warning.textProperty().bind(vm.dataWarningProperty());
        warning.managedProperty().bind(vm.dataWarningProperty().isNotEmpty());
        warning.visibleProperty().bind(vm.dataWarningProperty().isNotEmpty());
        root.setTop(new VBox(4, title, bar, warning, hint));

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
        VBox editorPane = new VBox(6, sectionTitle, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        // The sections at a width that shows their titles; the text being written takes the rest.
        root.setCenter(DetailsSplit.listFirst(list, 150, 230, editorPane, 300));

        list.getSelectionModel().selectedItemProperty().addListener((o, old, s) -> show(s));
        vm.sections().addListener((javafx.collections.ListChangeListener<ReportSection>) c -> {
            // The list is replaced after a save: stay on the same section (its typing is kept).
            Section at = editor.key();
            if (at != null && at.kind() == vm.kindProperty().get()) {
                vm.sections().stream().filter(x -> x.key().equals(at.key())).findFirst()
                        .ifPresent(x -> list.getSelectionModel().select(x));
            } else if (!vm.sections().isEmpty()) {
                list.getSelectionModel().selectFirst();
            }
        });
    }

    /** Shows a section, after saving what was typed into the one shown before. */
    private void show(ReportSection s) {
        if (s == null) {
            return; // the list is being replaced; the section stays in the editor meanwhile
        }
        editor.show(new Section(s.kind(), s.key()), () -> {
            sectionTitle.setText(s.title());
            editor.set(body, s.body());
            body.setDisable(false);
        });
    }

    private ReportSection selectedSection() {
        return list.getSelectionModel().getSelectedItem();
    }

    private void commit() {
        editor.commit();
    }

    private void export() {
        if (!goalsToReportOn()) {
            return;
        }
        commit();
        var window = root.getScene().getWindow();
        org.perfdesk.ui.common.IssueDialog.ask(window, vm.context(), kindName(), vm.title(), null, issue -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Texts.t("reports.export"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Word (*.docx)", "*.docx"));
            chooser.setInitialFileName(vm.title() + ".docx");
            File file = chooser.showSaveDialog(window);
            if (file != null) {
                exportTo(file.toPath(), issue);
            }
        });
    }

    private String kindName() {
        return vm.kindProperty().get() == ReportKind.MIDYEAR ? org.perfdesk.report.Documents.MIDYEAR
                : org.perfdesk.report.Documents.ANNUAL;
    }

    /** Saves what is being typed and writes the Word document, dated today with the next 文号. */
    void exportTo(java.nio.file.Path file) {
        exportTo(file, null);
    }

    private void exportTo(java.nio.file.Path file, org.perfdesk.report.Issue issue) {
        commit();
        vm.exportDocx(file, issue, path -> Messages.info(root.getScene().getWindow(), Texts.t("reports.exported"),
                path.toAbsolutePath().toString()));
    }

    /**
     * Prints the Word document itself (the same pages officials file), through the program the
     * system uses for .docx; where there is none, says where the document is.
     */
    private void print() {
        if (!goalsToReportOn()) {
            return;
        }
        commit();
        var window = root.getScene().getWindow();
        org.perfdesk.ui.common.IssueDialog.ask(window, vm.context(), kindName(), vm.title(), null, issue -> {
            java.nio.file.Path tmp;
            try {
                tmp = java.nio.file.Files.createTempDirectory("perfdesk-print-").resolve(vm.context().self().code()
                        + "-" + vm.context().year() + "-" + vm.kindProperty().get().name()
                        .toLowerCase(java.util.Locale.ROOT) + ".docx");
            } catch (java.io.IOException e) {
                Messages.error(window, e);
                return;
            }
            vm.exportDocx(tmp, issue, path -> org.perfdesk.ui.common.OpenFiles.print(window, path));
        });
    }

    /** A report is drafted from the year's goal tree: without one, say so before asking where to save. */
    private boolean goalsToReportOn() {
        return org.perfdesk.ui.common.Refusals.clear(root.getScene().getWindow(), vm.context(),
                org.perfdesk.ui.common.Preconditions.goalsOfYear(vm.context().workspace(), vm.context().year()));
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
