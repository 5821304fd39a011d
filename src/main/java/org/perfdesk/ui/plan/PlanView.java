package org.perfdesk.ui.plan;

import java.io.File;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.perfdesk.domain.ManagementSystem;
import org.perfdesk.domain.PlanDocument;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.TypedInput;
import org.perfdesk.ui.common.Mnemonics;
import org.perfdesk.ui.common.Place;
import org.perfdesk.ui.common.RowEditor;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;

/**
 * 工作方案: the sections on the left (those still empty marked), the text of one on the right and, for a 制度,
 * its measures (措施, 责任单位, 完成时限) as a table; 起草 fills the empty sections from the goal tree, the annual
 * work plan can be attached as a file, 报送 goes to 数据交换 where the plan package is written.
 */
public final class PlanView implements Screen {
    private final PlanViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ListView<PlanDocument.Section> list;
    private final TextArea body = new TextArea();
    private final Label sectionTitle = new Label();
    private final Label message = new Label();
    private final TableView<PlanDocument.Measure> measures = new TableView<>();
    private final VBox measuresPane;
    private final RowEditor<String> editor;

    public PlanView(PlanViewModel vm) {
        this.vm = vm;
        editor = new RowEditor<String>(vm.context().edits(), message::setText, key -> current(key)
                .ifPresent(s -> vm.save(s.withText(s.title(), body.getText(), s.measures())))).text(body);
        Label title = Styles.screen(root, "screen-plan", Texts.t("nav.plan"));
        Button draft = Mnemonics.set(new Button(Texts.t("plan.screen.draft")), 'D');
        draft.setId("plan-draft");
        draft.setOnAction(e -> {
            editor.commit();
            vm.saveDrafts();
        });
        Button attach = Mnemonics.set(new Button(Texts.t("plan.screen.attach")), 'W');
        attach.setId("plan-attach");
        attach.setOnAction(e -> attach());
        Button undo = Mnemonics.set(new Button(Texts.t("plan.screen.undo")), 'U');
        undo.setId("plan-undo");
        undo.disableProperty().bind(vm.undoStack().canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        Button send = Mnemonics.set(new Button(Texts.t("plan.screen.send")), 'S');
        send.setId("plan-send");
        send.getStyleClass().add("primary");
        send.setOnAction(e -> {
            editor.commit();
            vm.context().go(Place.EXCHANGE_SEND);
        });
        var bar = org.perfdesk.ui.common.Layouts.toolbar(draft, attach, undo, send);
        Label hint = new Label(Texts.t("plan.screen.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        Label missing = new Label();
        missing.setId("plan-missing");
        missing.setWrapText(true);
        missing.textProperty().bind(vm.missingProperty());
        Label workPlan = new Label();
        workPlan.setId("plan-work-plan-file");
        workPlan.textProperty().bind(vm.workPlanProperty());
        Label answer = new Label();
        answer.setId("plan-answer");
        answer.setWrapText(true);
        answer.textProperty().bind(vm.answerProperty());
        root.setTop(new VBox(4, title, bar, hint, missing, workPlan, answer));
        root.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN).match(e) && !body.isFocused()) {
                e.consume();
                vm.undo();
            }
        });

        list = new ListView<>(vm.sections());
        list.setId("plan-sections");
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(PlanDocument.Section s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.isEmpty() ? Texts.t("plan.screen.emptySection", s.title())
                        : s.title());
            }
        });
        body.setId("plan-body");
        body.setWrapText(true);
        body.setDisable(true);
        sectionTitle.getStyleClass().add("section-title");
        message.getStyleClass().add("field-message");

        measures.setId("plan-measures");
        measures.setEditable(true);
        measures.setPlaceholder(new Label(Texts.t("plan.screen.noMeasures")));
        measures.getColumns().add(column("plan.col.measure", 320, PlanDocument.Measure::text,
                (m, v) -> new PlanDocument.Measure(v, m.owner(), m.due())));
        measures.getColumns().add(column("plan.col.owner", 140, m -> m.owner() == null ? "" : m.owner(),
                (m, v) -> new PlanDocument.Measure(m.text(), v, m.due())));
        measures.getColumns().add(column("plan.col.due", 100, m -> m.due() == null ? "" : m.due().toString(),
                (m, v) -> new PlanDocument.Measure(m.text(), m.owner(), due(v))));
        Button add = Mnemonics.set(new Button(Texts.t("plan.screen.addMeasure")), 'N');
        add.setId("plan-add-measure");
        add.setOnAction(e -> {
            int row = measures.getItems().size();
            saveMeasures(PlanViewModel.withNewMeasure(measures.getItems()));
            measures.requestFocus();
            measures.getSelectionModel().select(row);
            measures.edit(row, measures.getColumns().get(0));
        });
        Button remove = Mnemonics.set(new Button(Texts.t("plan.screen.removeMeasure")), 'X');
        remove.setId("plan-remove-measure");
        remove.disableProperty().bind(measures.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            int i = measures.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                List<PlanDocument.Measure> left = new ArrayList<>(measures.getItems());
                left.remove(i);
                saveMeasures(left);
            }
        });
        Label measuresTitle = new Label(Texts.t("plan.screen.measures"));
        measuresTitle.getStyleClass().add("section-title");
        measuresPane = new VBox(6, measuresTitle, measures, org.perfdesk.ui.common.Layouts.toolbar(add, remove));
        VBox.setVgrow(measures, Priority.ALWAYS);
        measuresPane.managedProperty().bind(measuresPane.visibleProperty());
        measuresPane.setVisible(false);

        VBox editorPane = new VBox(6, sectionTitle, body, message, measuresPane);
        VBox.setVgrow(body, Priority.ALWAYS);
        // The sections keep a width that shows most titles whole; below the text on a very narrow window.
        root.setCenter(org.perfdesk.ui.common.DetailsSplit.listFirst(list, 180, 280, editorPane, 360));

        list.getSelectionModel().selectedItemProperty().addListener((o, old, s) -> show(s));
        vm.sections().addListener((javafx.collections.ListChangeListener<PlanDocument.Section>) c -> {
            // The list is replaced after a save: stay on the same section (its typing is kept).
            String at = editor.key();
            var same = vm.sections().stream().filter(x -> x.key().equals(at)).findFirst();
            if (same.isPresent()) {
                list.getSelectionModel().select(same.get());
                show(same.get());
            } else if (!vm.sections().isEmpty()) {
                list.getSelectionModel().selectFirst();
            }
        });
    }

    private TableColumn<PlanDocument.Measure, String> column(String key, double width,
            Function<PlanDocument.Measure, String> value,
            BiFunction<PlanDocument.Measure, String, PlanDocument.Measure> change) {
        TableColumn<PlanDocument.Measure, String> c = new TableColumn<>(Texts.t(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setCellFactory(TextFieldTableCell.forTableColumn());
        c.setOnEditCommit(e -> {
            int row = e.getTablePosition().getRow();
            if (row < 0 || row >= measures.getItems().size()) {
                return;
            }
            try {
                List<PlanDocument.Measure> changed = new ArrayList<>(measures.getItems());
                changed.set(row, change.apply(changed.get(row), e.getNewValue() == null ? "" : e.getNewValue()));
                message.setText("");
                saveMeasures(changed);
            } catch (org.perfdesk.domain.UserError err) {
                message.setText(err.getLocalizedMessage());
                measures.refresh();
            }
        });
        return c;
    }

    /** The table shows the measures at once; the section (with the text as typed) is saved with them. */
    private void saveMeasures(List<PlanDocument.Measure> changed) {
        current(editor.key()).ifPresent(s -> {
            measures.getItems().setAll(changed);
            vm.save(s.withText(s.title(), body.getText(), changed));
        });
    }

    /** A measure's 完成时限 as clerks type it (2008/9/30, 9月30日 …); blank for none. */
    private LocalDate due(String typed) {
        if (typed.isBlank()) {
            return null;
        }
        return TypedInput.date(typed, vm.context().year())
                .orElseThrow(() -> new org.perfdesk.domain.UserError("plan.screen.badDate", typed.strip()));
    }

    private java.util.Optional<PlanDocument.Section> current(String key) {
        return vm.sections().stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** Shows a section, after saving what was typed into the one shown before. */
    private void show(PlanDocument.Section s) {
        if (s == null) {
            return;
        }
        editor.show(s.key(), () -> {
            sectionTitle.setText(s.title());
            editor.set(body, s.body());
            body.setDisable(false);
            boolean system = ManagementSystem.ofSectionKey(s.key()) != null;
            measuresPane.setVisible(system);
            if (!measures.getItems().equals(s.measures())) {
                measures.getItems().setAll(s.measures()); // a reload of what is shown leaves a cell being edited alone
            }
        });
    }

    private void attach() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.t("plan.screen.attach"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            attach(file.toPath());
        }
    }

    /** Attaches the work plan's file (the chooser's answer; tests call it directly). */
    void attach(java.nio.file.Path file) {
        editor.commit();
        vm.attach(file);
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
