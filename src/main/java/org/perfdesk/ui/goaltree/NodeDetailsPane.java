package org.perfdesk.ui.goaltree;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.perfdesk.domain.Direction;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.ui.common.DatePickers;
import org.perfdesk.ui.common.RowEditor;
import org.perfdesk.ui.common.Typed;

/**
 * Every field of the selected node. What is typed is saved on that node (one undoable edit) when
 * the user leaves the field, presses Enter, picks another node or screen, or closes the window
 * ({@link RowEditor}); there is no Save button to forget.
 */
final class NodeDetailsPane extends ScrollPane {
    /** How the node is measured, as the form offers it. */
    enum MeasureType { NONE, QUANTITATIVE, QUALITATIVE, MILESTONE }

    private final GoalTreeViewModel vm;
    private final Consumer<String> message;
    private final ComboBox<NodeKind> kind = new ComboBox<>();
    private final TextField title = new TextField();
    private final TextArea description = area();
    private final ComboBox<OrgUnit> owner = new ComboBox<>();
    private final TextArea quality = area();
    private final DatePicker deadline;
    private final TextField weight = new TextField();
    private final ComboBox<MeasureType> measure = new ComboBox<>();
    private final TextField target = new TextField();
    private final TextField baseline = new TextField();
    private final TextField unit = new TextField();
    private final ComboBox<Direction> direction = new ComboBox<>();
    private final TextField levels = new TextField();
    private final TextField targetLevel = new TextField();
    private final DatePicker due;
    private final VBox form;
    private final Label none = new Label(Texts.t("details.none"));
    private final RowEditor<String> editor;

    NodeDetailsPane(GoalTreeViewModel vm, Consumer<String> message) {
        this.vm = vm;
        this.message = message;
        deadline = DatePickers.typed(vm.context()::year);
        due = DatePickers.typed(vm.context()::year);
        setId("goals-details");
        setFitToWidth(true);
        kind.getItems().setAll(NodeKind.values());
        kind.setConverter(enumConverter());
        measure.getItems().setAll(MeasureType.values());
        measure.setConverter(new StringConverter<>() {
            @Override
            public String toString(MeasureType t) {
                return t == null ? "" : Texts.t("details.measure." + t.name());
            }

            @Override
            public MeasureType fromString(String s) {
                return null;
            }
        });
        direction.getItems().setAll(Direction.values());
        direction.setConverter(enumConverter());
        direction.setId("details-direction");
        owner.setItems(vm.owners());
        owner.setConverter(new StringConverter<>() {
            @Override
            public String toString(OrgUnit o) {
                return o == null ? "" : o.name();
            }

            @Override
            public OrgUnit fromString(String s) {
                return vm.ownerNamed(s);
            }
        });
        levels.setPromptText(Texts.t("details.levelsPrompt"));
        title.setId("details-title");
        weight.setId("details-weight");
        description.setId("details-description");
        quality.setId("details-quality");
        deadline.setId("details-deadline");
        target.setId("details-target");

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int r = 0;
        r = row(grid, r, "details.kind", kind);
        r = row(grid, r, "goals.col.title", title);
        r = row(grid, r, "details.description", description);
        r = row(grid, r, "goals.col.owner", owner);
        r = row(grid, r, "goals.col.quality", quality);
        r = row(grid, r, "goals.col.deadline", deadline);
        r = row(grid, r, "goals.col.weight", weight);
        r = row(grid, r, "details.measure", measure);
        r = row(grid, r, "details.target", target);
        r = row(grid, r, "details.baseline", baseline);
        r = row(grid, r, "details.unit", unit);
        r = row(grid, r, "details.direction", direction);
        r = row(grid, r, "details.levels", levels);
        r = row(grid, r, "details.targetLevel", targetLevel);
        row(grid, r, "details.due", due);
        Label heading = new Label(Texts.t("details.title"));
        heading.getStyleClass().add("section-title");
        form = new VBox(8, heading, grid);
        form.getStyleClass().add("details-pane");
        none.setWrapText(true);
        none.getStyleClass().add("hint");
        setContent(none);

        editor = new RowEditor<>(vm.context().edits(), message, this::save)
                .text(title, description, quality, weight, target, baseline, unit, levels, targetLevel)
                .choice(kind, owner, measure, direction)
                .date(deadline, due);
        measure.valueProperty().addListener((o, a, t) -> enableMeasureFields(t));
        vm.selectedIdProperty().addListener((o, a, id) -> fill());
        vm.treeProperty().addListener((o, a, t) -> fill());
    }

    private static TextArea area() {
        TextArea a = new TextArea();
        a.setPrefRowCount(2);
        a.setWrapText(true);
        return a;
    }

    private static int row(GridPane grid, int row, String key, javafx.scene.Node field) {
        // Long labels (责任单位 / 责任人, English ones) wrap between words instead of being cut to "责任单…".
        Label label = org.perfdesk.ui.common.Forms.wrappingLabel(Texts.t(key), 72);
        grid.add(label, 0, row);
        grid.add(field, 1, row);
        GridPane.setHgrow(field, Priority.ALWAYS);
        if (field instanceof javafx.scene.control.Control c) {
            c.setMaxWidth(Double.MAX_VALUE);
        }
        return row + 1;
    }

    private static <E extends Enum<E>> StringConverter<E> enumConverter() {
        return new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : Texts.current().of(value);
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        };
    }

    /**
     * Shows the selected node's fields. What was typed for the node shown until now is saved on that
     * node first; when it cannot be saved, the selection goes back to it (the reason is shown).
     */
    private void fill() {
        String id = vm.selectedIdProperty().get();
        GoalNode n = id == null ? null : vm.treeProperty().get().find(id).orElse(null);
        if (!editor.show(n == null ? null : n.id(), () -> {
            if (n != null) {
                fillFields(n);
            }
        })) {
            String back = editor.key();
            javafx.application.Platform.runLater(() -> vm.selectedIdProperty().set(back));
            return;
        }
        setContent(n == null ? none : form);
    }

    private void fillFields(GoalNode n) {
        editor.set(kind, n.kind());
        editor.set(title, n.title());
        editor.set(description, text(n.description()));
        editor.set(owner, n.ownerCode() == null ? null : vm.owners().stream()
                .filter(o -> o.code().equals(n.ownerCode())).findFirst().orElse(null));
        editor.set(quality, text(n.qualityRequirement()));
        editor.set(deadline, n.deadline());
        editor.set(weight, Numbers.plain(n.weight()));
        Measure m = n.measure();
        editor.set(measure, m instanceof Measure.Quantitative ? MeasureType.QUANTITATIVE
                : m instanceof Measure.Qualitative ? MeasureType.QUALITATIVE
                : m instanceof Measure.Milestone ? MeasureType.MILESTONE : MeasureType.NONE);
        Measure.Quantitative q = m instanceof Measure.Quantitative x ? x : null;
        editor.set(target, q == null ? "" : q.targetHigh() == null ? Numbers.plain(q.target())
                : Numbers.plain(q.target()) + "-" + Numbers.plain(q.targetHigh()));
        editor.set(baseline, q == null ? "" : Numbers.plain(q.baseline()));
        editor.set(unit, q == null || q.unitOfMeasure() == null ? "" : q.unitOfMeasure());
        editor.set(direction, q == null ? null : q.direction());
        Measure.Qualitative ql = m instanceof Measure.Qualitative x ? x : null;
        editor.set(levels, ql == null ? "" : String.join("，", ql.levels()));
        editor.set(targetLevel, ql == null || ql.targetLevel() == null ? "" : ql.targetLevel());
        editor.set(due, m instanceof Measure.Milestone ms ? ms.due() : null);
        enableMeasureFields(measure.getValue());
    }

    private void enableMeasureFields(MeasureType t) {
        boolean quantitative = t == MeasureType.QUANTITATIVE;
        target.setDisable(!quantitative);
        baseline.setDisable(!quantitative);
        unit.setDisable(!quantitative);
        direction.setDisable(!quantitative);
        levels.setDisable(t != MeasureType.QUALITATIVE);
        targetLevel.setDisable(t != MeasureType.QUALITATIVE);
        due.setDisable(t != MeasureType.MILESTONE);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String orNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * Builds node {@code id} from the form and saves it (one undoable edit) when something changed;
     * a field that cannot be read refuses the whole form, with the reason at that field.
     */
    private void save(String id) {
        GoalNode n = vm.treeProperty().get().find(id).orElse(null);
        if (n == null) {
            return; // removed meanwhile (undo of its adding): nothing to save it on
        }
        if (title.getText().isBlank()) {
            throw new RowEditor.Refusal(title, Texts.t("goals.titleRequired"));
        }
        BigDecimal w = read(weight, () -> Typed.points(weight.getText(), Texts.t("goals.col.weight")));
        // Under 等于目标值（或在区间内） the target may be a range: 3-5.
        BigDecimal[] t = read(target, () -> Typed.target(target.getText(),
                direction.getValue() == org.perfdesk.domain.Direction.AT_TARGET, Texts.t("details.target")));
        BigDecimal b = read(baseline, () -> Typed.number(baseline.getText(), Texts.t("details.baseline")));
        LocalDate d = read(deadline, () -> DatePickers.value(deadline, Texts.t("goals.col.deadline")));
        Measure m = switch (measure.getValue() == null ? MeasureType.NONE : measure.getValue()) {
            case NONE -> null;
            case QUANTITATIVE -> new Measure.Quantitative(t[0], b, orNull(unit.getText()), direction.getValue(), t[1]);
            case QUALITATIVE -> new Measure.Qualitative(Arrays.stream(levels.getText().split("[,，、\\s]+"))
                    .map(String::strip).filter(x -> !x.isEmpty()).toList(), orNull(targetLevel.getText()));
            case MILESTONE -> new Measure.Milestone(read(due, () -> DatePickers.value(due, Texts.t("details.due"))));
        };
        GoalNode changed = new GoalNode(n.id(), n.unitCode(), n.year(), n.parentId(), n.position(),
                kind.getValue() == null ? n.kind() : kind.getValue(), title.getText().strip(),
                orNull(description.getText()), owner.getValue() == null ? n.ownerCode() : owner.getValue().code(),
                orNull(quality.getText()), d, w, m, n.originId(), n.revision(), n.deleted(), n.systemCode());
        vm.update(changed);
    }

    /** Reads one field; what cannot be read is refused at that field. */
    private static <T> T read(javafx.scene.Node field, java.util.function.Supplier<T> reading) {
        try {
            return reading.get();
        } catch (UserError e) {
            throw new RowEditor.Refusal(field, e);
        }
    }
}
