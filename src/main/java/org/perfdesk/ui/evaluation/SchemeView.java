package org.perfdesk.ui.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.ReviewMode;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.ui.common.Dialogs;
import org.perfdesk.ui.common.Forms;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.PendingEdits;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.WorkspaceContext;
import org.perfdesk.ui.common.Layouts;
import org.perfdesk.ui.common.SideBySide;

/**
 * 评估方案: the year's weights, caps and survey levels, checked as they are typed (every problem named,
 * saving refused while there is one); a save needs a reason, and after results were frozen it makes a
 * new version so the frozen results keep theirs. Earlier versions are listed beside.
 */
public final class SchemeView implements Screen {
    /** A survey answer being edited (name and value as typed). */
    private static final class LevelRow {
        String name;
        String value;

        LevelRow(String name, String value) {
            this.name = name;
            this.value = value;
        }
    }

    private final WorkspaceContext ctx;
    private final BorderPane root = new BorderPane();
    private final TextField indicatorWeight = field("scheme-indicator-weight");
    private final TextField appraisalWeight = field("scheme-appraisal-weight");
    private final TextField inspectionCap = field("scheme-inspection-cap");
    private final TextField bonusCap = field("scheme-bonus-cap");
    private final TextField quantitativeCap = field("scheme-quantitative-cap");
    private final TextField latePenalty = field("scheme-late-penalty");
    private final TextField spotCheckShare = field("scheme-spot-share");
    private final TextField period = field("scheme-period");
    private final TextField levelShares = field("scheme-level-shares");
    private final TextField appraisalRounds = field("scheme-appraisal-rounds");
    private final TextField grades = field("scheme-grades");
    private final TextField rectificationDays = field("scheme-rectification-days");
    private final java.util.Map<org.perfdesk.domain.RankingGroup, javafx.scene.control.ComboBox<ReviewMode>> modes =
            new java.util.EnumMap<>(org.perfdesk.domain.RankingGroup.class);
    private final java.util.Map<EvaluationScheme.Material, javafx.scene.control.CheckBox> required =
            new java.util.EnumMap<>(EvaluationScheme.Material.class);
    private final java.util.Map<org.perfdesk.domain.RankingGroup, TextField> bodies =
            new java.util.EnumMap<>(org.perfdesk.domain.RankingGroup.class);
    private final TextArea note = new TextArea();
    private final ObservableList<LevelRow> levels = FXCollections.observableArrayList();
    private final TableView<LevelRow> levelTable = new TableView<>(levels);
    private final Label version = new Label();
    private final ListView<String> problems = new ListView<>();
    private final ListView<String> history = new ListView<>();
    private final Button save = new Button(Texts.t("scheme.save") + "…");
    private EvaluationScheme loaded;
    /** The form as last shown from the workspace; typed changes differ from it until saved or reverted. */
    private List<String> shownForm = List.of();
    /** Holds the typed scheme across screens; asks before the year or workspace is left with it unsaved. */
    private final PendingEdits.Editor unsaved = new PendingEdits.Editor() {
        @Override
        public boolean commit() {
            return true; // saved on purpose, with a reason: kept while other screens are visited
        }

        @Override
        public boolean release() {
            return !changed();
        }

        @Override
        public String refusal() {
            return changed() ? Texts.t("scheme.unsaved") : null;
        }

        @Override
        public Node where() {
            return save;
        }

        @Override
        public void focusRefused() {
            save.requestFocus();
        }
    };

    public SchemeView(WorkspaceContext ctx) {
        this.ctx = ctx;
        ctx.edits().register(unsaved);
        Label title = Styles.screen(root, "screen-scheme", Texts.t("nav.scheme"));
        version.setId("scheme-version");
        version.setWrapText(true);
        save.setId("scheme-save");
        save.setOnAction(e -> save());
        Button revert = new Button(Texts.t("scheme.revert"));
        revert.setOnAction(e -> show(loaded));
        Button defaults = new Button(Texts.t("scheme.defaults"));
        defaults.setOnAction(e -> show(EvaluationScheme.defaults(ctx.year())));
        javafx.scene.layout.FlowPane actions = Layouts.toolbar(save, revert, defaults);
        root.setTop(new VBox(4, title, version, actions));

        GridPane form = Forms.grid();
        int row = 0;
        form.addRow(row++, new Label(Texts.t("scheme.label.indicatorWeight")), indicatorWeight, unit("%"));
        form.addRow(row++, new Label(Texts.t("scheme.label.appraisalWeight")), appraisalWeight, unit("%"));
        form.addRow(row++, new Label(Texts.t("scheme.field.inspectionCap")), inspectionCap, unit(Texts.t("scheme.points")));
        form.addRow(row++, new Label(Texts.t("scheme.field.bonusCap")), bonusCap, unit(Texts.t("scheme.points")));
        form.addRow(row++, new Label(Texts.t("scheme.label.quantitativeCap")), quantitativeCap, unit("%"));
        form.addRow(row++, new Label(Texts.t("scheme.field.latePenalty")), latePenalty, unit("%"));
        form.addRow(row++, new Label(Texts.t("scheme.field.spotCheckShare")), spotCheckShare, unit("%"));
        form.addRow(row++, new Label(Texts.t("scheme.field.period")), period, unit(Texts.t("scheme.periodUnit")));
        form.addRow(row++, new Label(Texts.t("scheme.field.levelShares")), levelShares, unit("%"));
        form.addRow(row++, new Label(Texts.t("scheme.field.appraisalRounds")), appraisalRounds,
                unit(Texts.t("scheme.roundsUnit")));
        // The 等次 the 通报 gives by total, and how the plan stage answers each group's plans.
        grades.setPrefColumnCount(10);
        form.add(new Label(Texts.t("scheme.field.grades")), 0, row);
        form.add(grades, 1, row++, 2, 1);
        form.addRow(row++, new Label(Texts.t("scheme.field.rectificationDays")), rectificationDays,
                unit(Texts.t("scheme.daysUnit")));
        for (org.perfdesk.domain.RankingGroup g : org.perfdesk.domain.RankingGroup.values()) {
            javafx.scene.control.ComboBox<ReviewMode> mode = new javafx.scene.control.ComboBox<>(
                    FXCollections.observableArrayList(ReviewMode.values()));
            mode.setId("scheme-mode-" + g.name());
            mode.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // 批复 / 备案 never cut to "..."
            mode.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(ReviewMode m) {
                    return m == null ? "" : Texts.current().of(m);
                }

                @Override
                public ReviewMode fromString(String text) {
                    return null;
                }
            });
            mode.valueProperty().addListener((o, a, b) -> check());
            modes.put(g, mode);
            // Across both field columns, so the choice's width does not widen the numbers' column.
            form.add(new Label(Texts.t("scheme.field.reviewMode", Texts.current().of(g))), 0, row);
            form.add(mode, 1, row++, 2, 1);
        }
        VBox requiredBoxes = new VBox(4);
        for (EvaluationScheme.Material m : EvaluationScheme.Material.values()) {
            javafx.scene.control.CheckBox box = new javafx.scene.control.CheckBox(Texts.t("scheme.material." + m.name()));
            box.setId("scheme-required-" + m.name());
            box.selectedProperty().addListener((o, a, b) -> check());
            required.put(m, box);
            requiredBoxes.getChildren().add(box);
        }
        Label requiredLabel = new Label(Texts.t("scheme.field.required"));
        GridPane.setValignment(requiredLabel, javafx.geometry.VPos.TOP);
        form.add(requiredLabel, 0, row);
        form.add(requiredBoxes, 1, row++, 2, 1);
        levelShares.setPrefColumnCount(10);
        for (org.perfdesk.domain.RankingGroup g : org.perfdesk.domain.RankingGroup.values()) {
            TextField body = new TextField();
            body.setId("scheme-body-" + g.name());
            body.setPrefColumnCount(16);
            body.textProperty().addListener((o, a, b) -> check());
            bodies.put(g, body);
            form.add(new Label(Texts.t("scheme.field.body", Texts.current().of(g))), 0, row);
            form.add(body, 1, row++, 2, 1);
        }

        levelTable.setId("scheme-levels");
        levelTable.setEditable(true);
        levelTable.setPrefHeight(170);
        TableColumn<LevelRow, String> name = new TableColumn<>(Texts.t("scheme.level.name"));
        name.setPrefWidth(140);
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name));
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setOnEditCommit(e -> {
            e.getRowValue().name = e.getNewValue();
            check();
        });
        TableColumn<LevelRow, String> value = new TableColumn<>(Texts.t("scheme.level.value"));
        value.setPrefWidth(80);
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value));
        value.setCellFactory(TextFieldTableCell.forTableColumn());
        value.setOnEditCommit(e -> {
            e.getRowValue().value = e.getNewValue();
            check();
        });
        levelTable.getColumns().add(name);
        levelTable.getColumns().add(value);
        Button addLevel = new Button(Texts.t("scheme.level.add"));
        addLevel.setOnAction(e -> {
            levels.add(new LevelRow(Texts.t("scheme.level.new"), "0"));
            check();
        });
        Button removeLevel = new Button(Texts.t("scheme.level.remove"));
        removeLevel.disableProperty().bind(levelTable.getSelectionModel().selectedItemProperty().isNull());
        removeLevel.setOnAction(e -> {
            levels.remove(levelTable.getSelectionModel().getSelectedItem());
            check();
        });
        note.setId("scheme-note");
        note.setPrefRowCount(3);
        note.setWrapText(true);
        note.textProperty().addListener((o, a, b) -> check());

        Label levelsTitle = new Label(Texts.t("scheme.levels"));
        levelsTitle.getStyleClass().add("section-title");
        Label formula = new Label(Texts.t("scheme.formula"));
        formula.setWrapText(true);
        formula.getStyleClass().add("hint");
        VBox left = new VBox(10, form, levelsTitle, levelTable, Layouts.toolbar(addLevel, removeLevel),
                new Label(Texts.t("scheme.note")), note, formula);
        left.setPrefWidth(560);
        left.setMinWidth(360);

        problems.setId("scheme-problems");
        problems.setPrefHeight(150);
        history.setId("scheme-history");
        Label problemsTitle = new Label(Texts.t("scheme.problems"));
        problemsTitle.getStyleClass().add("section-title");
        Label historyTitle = new Label(Texts.t("scheme.history"));
        historyTitle.getStyleClass().add("section-title");
        VBox right = new VBox(8, problemsTitle, problems, historyTitle, history);
        right.setPrefWidth(420);
        right.setMinWidth(260);
        // The form and its check side by side, one under the other on a narrow window; the form scrolls.
        root.setCenter(Layouts.form(new SideBySide(24, left, right)));
        for (TextField f : fields()) {
            f.textProperty().addListener((o, a, b) -> check());
        }
    }

    private List<TextField> fields() {
        return List.of(indicatorWeight, appraisalWeight, inspectionCap, bonusCap, quantitativeCap, latePenalty,
                spotCheckShare, period, levelShares, appraisalRounds, grades, rectificationDays);
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(6);
        return f;
    }

    private static Label unit(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        return l;
    }

    private void load() {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.loadScheme"), () -> {
            Evaluator e = new Evaluator(ctx.workspace());
            EvaluationScheme s = e.scheme(year);
            List<EvaluationScheme> versions = ctx.workspace().evaluation().schemes().versions(year);
            List<Integer> frozen = ctx.workspace().evaluation().freezes().all(year).stream()
                    .map(f -> f.schemeVersion()).distinct().toList();
            return new Object[] {s, versions, frozen};
        }, r -> {
            loaded = (EvaluationScheme) r[0];
            @SuppressWarnings("unchecked")
            List<EvaluationScheme> versions = (List<EvaluationScheme>) r[1];
            @SuppressWarnings("unchecked")
            List<Integer> frozen = (List<Integer>) r[2];
            version.setText(Texts.t(frozen.contains(loaded.version()) ? "scheme.versionFrozen" : "scheme.version",
                    String.valueOf(loaded.year()), loaded.version()));
            history.getItems().setAll(versions.stream().map(v -> Texts.t("scheme.historyLine", v.version(),
                    Numbers.plain(v.indicatorWeight()), Numbers.plain(v.appraisalWeight()),
                    frozen.contains(v.version()) ? Texts.t("scheme.frozenMark") : "", v.note())).toList());
            if (!changed() || shownYear != loaded.year()) {
                show(loaded); // typed changes of this year's scheme stay in the form after a reload
            } else {
                check();
            }
        });
    }

    private int shownYear;

    /** The form's content, to tell typed changes from what was shown. */
    private List<String> form() {
        List<String> out = new ArrayList<>();
        fields().forEach(f -> out.add(f.getText()));
        levels.forEach(l -> out.add(l.name + "=" + l.value));
        modes.forEach((g, m) -> out.add(g + "=" + m.getValue()));
        out.add(note.getText());
        return out;
    }

    private boolean changed() {
        return !shownForm.isEmpty() && !form().equals(shownForm);
    }

    private void show(EvaluationScheme s) {
        if (s == null) {
            return;
        }
        indicatorWeight.setText(Numbers.plain(s.indicatorWeight()));
        appraisalWeight.setText(Numbers.plain(s.appraisalWeight()));
        inspectionCap.setText(Numbers.plain(s.inspectionCap()));
        bonusCap.setText(Numbers.plain(s.bonusCap()));
        quantitativeCap.setText(Numbers.plain(s.quantitativeCap()));
        latePenalty.setText(Numbers.plain(s.latePenalty()));
        spotCheckShare.setText(Numbers.plain(s.spotCheckShare()));
        period.setText(String.valueOf(s.period()));
        levelShares.setText(s.levelSharesText());
        appraisalRounds.setText(String.valueOf(s.appraisalRounds()));
        grades.setText(s.gradesText());
        rectificationDays.setText(String.valueOf(s.rectificationDays()));
        modes.forEach((g, m) -> m.setValue(s.reviewMode(g)));
        required.forEach((m, box) -> box.setSelected(s.required().contains(m)));
        bodies.forEach((g, field) -> field.setText(s.appraisalBody(g)));
        levels.setAll(s.appraisalLevels().stream().map(l -> new LevelRow(l.name(), Numbers.plain(l.value()))).toList());
        note.setText(s.note());
        if (s == loaded) {
            shownForm = form();
            shownYear = s.year();
        }
        check();
    }

    /** The scheme as typed; a field that is not a number becomes null, which problems() names. */
    private EvaluationScheme edited() {
        List<EvaluationScheme.AppraisalLevel> ls = new ArrayList<>();
        for (LevelRow r : levels) {
            ls.add(new EvaluationScheme.AppraisalLevel(r.name == null ? "" : r.name.strip(),
                    InspectionDialog.typedNumber(r.value)));
        }
        java.util.Set<EvaluationScheme.Material> needed = java.util.EnumSet.noneOf(EvaluationScheme.Material.class);
        required.forEach((m, box) -> {
            if (box.isSelected()) {
                needed.add(m);
            }
        });
        java.util.Map<org.perfdesk.domain.RankingGroup, String> who = new java.util.EnumMap<>(
                org.perfdesk.domain.RankingGroup.class);
        bodies.forEach((g, field) -> who.put(g, field.getText().strip()));
        return new EvaluationScheme(ctx.year(), loaded == null ? 1 : loaded.version(), num(indicatorWeight),
                num(appraisalWeight), num(inspectionCap), num(bonusCap), num(quantitativeCap), num(latePenalty),
                num(spotCheckShare), ls, note.getText(), whole(period), shares(levelShares.getText()),
                whole(appraisalRounds), needed, who, EvaluationScheme.parseGrades(grades.getText()), chosenModes(),
                whole(rectificationDays));
    }

    private java.util.Map<org.perfdesk.domain.RankingGroup, ReviewMode> chosenModes() {
        java.util.Map<org.perfdesk.domain.RankingGroup, ReviewMode> out = new java.util.EnumMap<>(
                org.perfdesk.domain.RankingGroup.class);
        modes.forEach((g, m) -> {
            if (m.getValue() != null) {
                out.put(g, m.getValue());
            }
        });
        return out;
    }

    /** A whole number as typed, or −1 (which the scheme's problems name) when it is not one. */
    private static int whole(TextField f) {
        BigDecimal v = InspectionDialog.typedNumber(f.getText());
        return v == null || v.stripTrailingZeros().scale() > 0 ? -1 : v.intValue();
    }

    /** "60、30、0" (or with commas or spaces); a part that is not a number becomes null, which problems() names. */
    private static List<BigDecimal> shares(String text) {
        List<BigDecimal> out = new ArrayList<>();
        for (String part : text.split("[、,，;；\\s]+")) {
            if (!part.isBlank()) {
                out.add(InspectionDialog.typedNumber(part));
            }
        }
        return out;
    }

    private static BigDecimal num(TextField f) {
        return InspectionDialog.typedNumber(f.getText());
    }

    private void check() {
        if (loaded == null) {
            return;
        }
        List<String> found = edited().problems().stream().map(Evaluator::describe).collect(Collectors.toList());
        problems.getItems().setAll(found.isEmpty() ? List.of(Texts.t("scheme.ok")) : found);
        save.setDisable(!found.isEmpty());
    }

    private void save() {
        EvaluationScheme s = edited();
        Dialogs.askReason(root.getScene().getWindow(), "scheme-save-dialog", Texts.t("scheme.save"),
                Texts.t("scheme.saveHeader"), Texts.t("inspection.reason")).ifPresent(reason ->
                ctx.tasks().run(Texts.t("task.saveScheme"), () -> new Evaluator(ctx.workspace()).saveScheme(s, reason),
                        saved -> {
                            ctx.saved();
                            shownForm = List.of(); // saved: the reload shows the new version
                            load();
                            Messages.info(root.getScene().getWindow(), Texts.t("scheme.saved"),
                                    Texts.t("scheme.savedText", saved.version()));
                        }));
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
