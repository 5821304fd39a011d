package org.perfdesk.ui.rectification;

import java.io.File;
import java.time.LocalDate;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RectificationItem;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.evaluation.Rectifications;
import org.perfdesk.ui.common.Mnemonics;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Converters;
import org.perfdesk.ui.common.Forms;
import org.perfdesk.ui.common.DatePickers;
import org.perfdesk.ui.common.OpenFiles;
import org.perfdesk.ui.common.RowEditor;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.WorkspaceContext;
import org.perfdesk.ui.common.DetailsSplit;
import org.perfdesk.ui.common.Layouts;

/**
 * 整改 (unit): the office's rectification items from its feedback, and the unit's answer to each —
 * measure, responsible division or person, date, status, note and evidence files. Sent back as the
 * rectification plan from 数据交换 (kind 整改方案).
 */
public final class RectificationView implements Screen {
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final WorkspaceContext ctx;
    private final BorderPane root = new BorderPane();
    private final ObservableList<RectificationItem> items = FXCollections.observableArrayList();
    private final TableView<RectificationItem> table = new TableView<>(items);
    private final Label office = new Label();
    private final TextArea measure = new TextArea();
    private final ComboBox<String> owner = new ComboBox<>();
    private final DatePicker planned;
    private final ComboBox<RectificationItem.Status> status = new ComboBox<>();
    private final TextArea note = new TextArea();
    private final ListView<String> evidence = new ListView<>();
    private final Button save = Mnemonics.set(new Button(Texts.t("rectification.save")), 'S');
    private final Button attach = Mnemonics.set(new Button(Texts.t("rectification.attach") + "…"), 'A');
    private final Label problem = new Label();
    /** The answer is typed for one item and saved on it, whatever is clicked next. */
    private final RowEditor<String> answer;

    public RectificationView(WorkspaceContext ctx) {
        this.ctx = ctx;
        planned = DatePickers.typed(ctx::year);
        answer = new RowEditor<String>(ctx.edits(), problem::setText, this::saveAnswer)
                .text(measure, owner.getEditor(), note)
                .choice(status)
                .date(planned);
        // A name picked from the list: the field's text follows the pick just after this.
        owner.valueProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(answer::commit));
        Label title = Styles.screen(root, "screen-rectification", Texts.t("nav.rectification"));
        Label hint = new Label(Texts.t("rectification.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        root.setTop(new VBox(4, title, hint));

        table.setId("rectification-items");
        table.setPlaceholder(new Label(Texts.t("rectification.empty")));
        table.getColumns().add(Columns.text("feedback.col.number", 40, i -> String.valueOf(i.number())));
        table.getColumns().add(Columns.text("feedback.col.finding", 220, RectificationItem::finding));
        table.getColumns().add(Columns.wholeDates(Columns.text("feedback.col.due", 86,
                i -> i.due() == null ? "" : i.due().toString())));
        table.getColumns().add(Columns.text("rectification.col.status", 70,
                i -> i.closed() ? Texts.t("rectification.closed") : Texts.t("feedback.status." + i.status().name())));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, i) -> show(i));

        office.setId("rectification-office");
        office.setWrapText(true);
        measure.setId("rectification-measure");
        measure.setPrefRowCount(3);
        measure.setWrapText(true);
        owner.setId("rectification-owner");
        owner.setEditable(true);
        status.setId("rectification-status");
        status.getItems().setAll(RectificationItem.Status.values());
        status.setConverter(Converters.showing((RectificationItem.Status s) -> s == null ? ""
                : Texts.t("feedback.status." + s.name())));
        note.setId("rectification-note");
        note.setPrefRowCount(2);
        note.setWrapText(true);
        evidence.setId("rectification-evidence");
        evidence.setPrefHeight(90);
        save.setId("rectification-save");
        save.setOnAction(e -> answer.commit());
        attach.setId("rectification-attach");
        attach.setOnAction(e -> chooseEvidence());
        Button open = Mnemonics.set(new Button(Texts.t("self.open")), 'O');
        open.disableProperty().bind(evidence.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> openEvidence());
        GridPane form = Forms.grid();
        form.addRow(0, new Label(Texts.t("feedback.col.measure")), measure);
        form.addRow(1, new Label(Texts.t("feedback.col.owner")), owner);
        form.addRow(2, new Label(Texts.t("rectification.planned")), planned);
        form.addRow(3, new Label(Texts.t("rectification.col.status")), status);
        form.addRow(4, new Label(Texts.t("rectification.note")), note);
        form.addRow(5, new Label(Texts.t("feedback.col.evidence")), new VBox(4, evidence, Layouts.toolbar(attach, open)));
        problem.setId("rectification-problem");
        problem.getStyleClass().add("validation");
        problem.setWrapText(true);
        VBox right = new VBox(8, office, form, problem, save);
        right.setPadding(new javafx.geometry.Insets(4, 4, 4, 10));
        owner.setPrefWidth(260);
        owner.setMinWidth(120);
        right.setDisable(true);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, i) -> right.setDisable(i == null));
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (SAVE.match(e) && !right.isDisabled()) {
                e.consume();
                answer.commit();
            }
        });
        // The items and the answer to the chosen one beside them (below them when narrow); the form scrolls.
        root.setCenter(DetailsSplit.of(table, 300, Layouts.form(right), 320, 420));
    }

    /** Shows an item's answer, after saving what was typed for the item shown before. */
    private void show(RectificationItem i) {
        if (!answer.show(i == null ? null : i.id(), () -> fill(i))) {
            // What was typed cannot be saved: stay on its item (the reason is shown).
            String back = answer.key();
            javafx.application.Platform.runLater(() -> items.stream().filter(x -> x.id().equals(back)).findFirst()
                    .ifPresent(x -> table.getSelectionModel().select(x)));
        }
    }

    private void fill(RectificationItem i) {
        if (i == null) {
            office.setText("");
            return;
        }
        StringBuilder b = new StringBuilder(Texts.t("rectification.officeText", i.number(), i.finding(),
                i.requirement().isBlank() ? "—" : i.requirement(), i.due() == null ? "—" : i.due().toString()));
        if (i.closedReason() != null) {
            b.append('\n').append(i.closed()
                    ? Texts.t("feedback.closedOn", i.closedAt().atZone(java.time.ZoneId.systemDefault()).toLocalDate()
                    .toString(), i.closedReason())
                    : Texts.t("feedback.reopened", i.closedReason()));
        }
        office.setText(b.toString());
        answer.set(measure, i.measure());
        if (!answer.isChanged()) {
            owner.setValue(i.owner());
        }
        answer.set(owner.getEditor(), i.owner());
        answer.set(planned, i.planned());
        answer.set(status, i.status());
        answer.set(note, i.note());
        evidence.getItems().setAll(i.evidence().stream()
                .map(sha -> ctx.workspace().evidence().fileName(sha).orElse(sha)).toList());
    }

    private void load() {
        int year = ctx.year();
        String self = ctx.self().code();
        String was = selectedId();
        ctx.tasks().run(Texts.t("task.loadFeedback"), () -> {
            List<String> owners = ctx.workspace().orgUnits().findSubtree(self).stream()
                    .filter(o -> o.kind().isInternal()).map(OrgUnit::name).toList();
            return new Object[] {new Rectifications(ctx.workspace()).of(self, year), owners};
        }, r -> {
            @SuppressWarnings("unchecked")
            List<RectificationItem> loaded = (List<RectificationItem>) r[0];
            @SuppressWarnings("unchecked")
            List<String> owners = (List<String>) r[1];
            owner.getItems().setAll(owners);
            items.setAll(loaded);
            loaded.stream().filter(i -> i.id().equals(was)).findFirst()
                    .ifPresent(i -> table.getSelectionModel().select(i));
        });
    }

    private String selectedId() {
        RectificationItem i = table.getSelectionModel().getSelectedItem();
        return i == null ? null : i.id();
    }

    /** Saves the answer typed for item {@code id} (one item per save). */
    private void saveAnswer(String id) {
        RectificationItem i = items.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
        if (i == null) {
            return;
        }
        String m = measure.getText();
        String o = owner.getEditor().getText();
        LocalDate p;
        try {
            p = DatePickers.value(planned, Texts.t("rectification.planned"));
        } catch (UserError e) {
            throw new RowEditor.Refusal(planned, e);
        }
        var s = status.getValue();
        String n = note.getText();
        ctx.tasks().run(Texts.t("task.saveFeedback"), () -> new Rectifications(ctx.workspace()).answer(i, m, o, p, s, n),
                x -> {
                    ctx.saved();
                    load();
                });
    }

    private void chooseEvidence() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.t("rectification.attach"));
        File f = chooser.showOpenDialog(root.getScene().getWindow());
        if (f != null) {
            attach(f.toPath());
        }
    }

    /** Attaches a file to the selected item (what the file chooser, a drop or a test hands in). */
    void attach(java.nio.file.Path file) {
        RectificationItem i = table.getSelectionModel().getSelectedItem();
        if (i == null) {
            return;
        }
        ctx.tasks().run(Texts.t("task.attach"), () -> new Rectifications(ctx.workspace()).attach(i, file), x -> {
            ctx.saved();
            load();
        });
    }

    private void openEvidence() {
        RectificationItem i = table.getSelectionModel().getSelectedItem();
        int at = evidence.getSelectionModel().getSelectedIndex();
        if (i == null || at < 0 || at >= i.evidence().size()) {
            return;
        }
        String sha = i.evidence().get(at);
        OpenFiles.openCopy(root.getScene().getWindow(), evidence.getItems().get(at),
                () -> ctx.workspace().evidence().openableCopy(sha));
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void refresh() {
        load();
    }
}
