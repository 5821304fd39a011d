package org.perfdesk.ui.goaltree;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
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
import org.perfdesk.ui.common.DatePickers;

/**
 * Every field of the selected node. A field is saved when the user leaves it or presses Enter, as
 * one undoable edit; there is no Save button to forget.
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
    private final DatePicker deadline = DatePickers.iso();
    private final TextField weight = new TextField();
    private final ComboBox<MeasureType> measure = new ComboBox<>();
    private final TextField target = new TextField();
    private final TextField baseline = new TextField();
    private final TextField unit = new TextField();
    private final ComboBox<Direction> direction = new ComboBox<>();
    private final TextField levels = new TextField();
    private final TextField targetLevel = new TextField();
    private final DatePicker due = DatePickers.iso();
    private final VBox form;
    private final Label none = new Label(Texts.t("details.none"));
    private GoalNode shown;
    private boolean filling;

    NodeDetailsPane(GoalTreeViewModel vm, Consumer<String> message) {
        this.vm = vm;
        this.message = message;
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
        setContent(none);

        for (TextInputControl t : List.of(title, description, quality, weight, target, baseline, unit, levels,
                targetLevel)) {
            t.focusedProperty().addListener((o, had, has) -> {
                if (!has) {
                    commit();
                }
            });
            if (t instanceof TextField f) {
                f.setOnAction(e -> commit());
            }
        }
        for (ComboBox<?> c : List.of(kind, owner, measure, direction)) {
            c.valueProperty().addListener((o, a, b) -> commit());
        }
        for (DatePicker d : List.of(deadline, due)) {
            d.valueProperty().addListener((o, a, b) -> commit());
        }
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
        Label label = new Label(Texts.t(key));
        // Long labels (责任单位 / 责任人, English ones) wrap instead of being cut to "责任单…".
        label.setWrapText(true);
        label.setMinWidth(72);
        label.setPrefWidth(72);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
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

    /** Shows the selected node's fields (without treating the filling as an edit). */
    private void fill() {
        String id = vm.selectedIdProperty().get();
        GoalNode n = id == null ? null : vm.treeProperty().get().find(id).orElse(null);
        if (n == null) {
            shown = null;
            setContent(none);
            return;
        }
        if (n.equals(shown)) {
            return;
        }
        shown = n;
        filling = true;
        try {
            kind.setValue(n.kind());
            title.setText(n.title());
            description.setText(text(n.description()));
            owner.setValue(n.ownerCode() == null ? null : vm.owners().stream()
                    .filter(o -> o.code().equals(n.ownerCode())).findFirst().orElse(null));
            quality.setText(text(n.qualityRequirement()));
            deadline.setValue(n.deadline());
            weight.setText(Numbers.plain(n.weight()));
            Measure m = n.measure();
            measure.setValue(m instanceof Measure.Quantitative ? MeasureType.QUANTITATIVE
                    : m instanceof Measure.Qualitative ? MeasureType.QUALITATIVE
                    : m instanceof Measure.Milestone ? MeasureType.MILESTONE : MeasureType.NONE);
            Measure.Quantitative q = m instanceof Measure.Quantitative x ? x : null;
            target.setText(q == null ? "" : Numbers.plain(q.target()));
            baseline.setText(q == null ? "" : Numbers.plain(q.baseline()));
            unit.setText(q == null || q.unitOfMeasure() == null ? "" : q.unitOfMeasure());
            direction.setValue(q == null ? null : q.direction());
            Measure.Qualitative ql = m instanceof Measure.Qualitative x ? x : null;
            levels.setText(ql == null ? "" : String.join("，", ql.levels()));
            targetLevel.setText(ql == null || ql.targetLevel() == null ? "" : ql.targetLevel());
            due.setValue(m instanceof Measure.Milestone ms ? ms.due() : null);
            enableMeasureFields(measure.getValue());
        } finally {
            filling = false;
        }
        setContent(form);
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

    /** Builds the node from the form and saves it when something changed and everything parses. */
    private void commit() {
        if (filling || shown == null) {
            return;
        }
        if (title.getText().isBlank()) {
            message.accept(Texts.t("goals.titleRequired"));
            return;
        }
        BigDecimal w;
        BigDecimal t;
        BigDecimal b;
        try {
            w = Numbers.parse(weight.getText().replace(",", ""));
            t = Numbers.parse(target.getText().replace(",", ""));
            b = Numbers.parse(baseline.getText().replace(",", ""));
        } catch (NumberFormatException e) {
            message.accept(Texts.t("details.badNumber"));
            return;
        }
        Measure m = switch (measure.getValue() == null ? MeasureType.NONE : measure.getValue()) {
            case NONE -> null;
            case QUANTITATIVE -> new Measure.Quantitative(t, b, orNull(unit.getText()), direction.getValue());
            case QUALITATIVE -> new Measure.Qualitative(Arrays.stream(levels.getText().split("[,，、\\s]+"))
                    .map(String::strip).filter(x -> !x.isEmpty()).toList(), orNull(targetLevel.getText()));
            case MILESTONE -> new Measure.Milestone(due.getValue());
        };
        GoalNode n = shown;
        GoalNode changed = new GoalNode(n.id(), n.unitCode(), n.year(), n.parentId(), n.position(),
                kind.getValue() == null ? n.kind() : kind.getValue(), title.getText().strip(),
                orNull(description.getText()), owner.getValue() == null ? n.ownerCode() : owner.getValue().code(),
                orNull(quality.getText()), deadline.getValue(), w, m, n.originId(), n.revision(), n.deleted());
        message.accept("");
        vm.update(changed);
    }
}
