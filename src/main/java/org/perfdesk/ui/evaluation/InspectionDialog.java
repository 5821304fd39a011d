package org.perfdesk.ui.evaluation;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.perfdesk.domain.Inspection;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.Converters;
import org.perfdesk.ui.common.DatePickers;
import org.perfdesk.ui.common.Drafts;
import org.perfdesk.ui.common.Forms;

/**
 * One inspection record (察访记录): unit, date, open or unannounced, the finding, the points deducted,
 * an evidence file, and — when an existing record is changed — why, for the audit log. OK stays
 * disabled while the form has a problem, and the problem is named under the form.
 */
final class InspectionDialog extends Dialog<InspectionViewModel.Draft> {
    private final ComboBox<OrgUnit> unit = new ComboBox<>();
    private final DatePicker date;
    private final ComboBox<Inspection.Kind> kind = new ComboBox<>();
    private final TextArea finding = new TextArea();
    private final TextField deduction = new TextField();
    private final Label evidence = new Label();
    private final TextField reason = new TextField();
    private final Label problem = new Label();
    private Path newEvidence;
    private final int year;
    private final Inspection editing;

    InspectionDialog(Window owner, List<OrgUnit> units, int year, Inspection editing, String evidenceName) {
        this.year = year;
        this.editing = editing;
        this.date = DatePickers.typed(() -> year);
        initOwner(owner);
        setTitle(Texts.t(editing == null ? "inspection.add" : "inspection.edit"));
        setHeaderText(Texts.t("inspection.header", String.valueOf(year)));
        getDialogPane().setId("inspection-dialog");
        getDialogPane().getProperties().put(InspectionDialog.class, this);

        unit.setId("inspection-unit");
        unit.getItems().setAll(units);
        unit.setConverter(Converters.showing((OrgUnit u) -> u == null ? "" : u.name()));
        date.setId("inspection-date");
        kind.setId("inspection-kind");
        kind.getItems().setAll(Inspection.Kind.values());
        kind.setConverter(Converters.showing((Inspection.Kind k) -> k == null ? "" : Texts.current().of(k)));
        finding.setId("inspection-finding");
        finding.setPrefRowCount(4);
        finding.setWrapText(true);
        deduction.setId("inspection-deduction");
        deduction.setPromptText("0.5");
        reason.setId("inspection-reason");
        reason.setPromptText(Texts.t(editing == null ? "inspection.reasonOptional" : "inspection.reasonRequired"));
        evidence.setId("inspection-evidence");
        Button choose = new Button(Texts.t("inspection.chooseEvidence"));
        choose.setOnAction(e -> chooseEvidence());

        if (editing != null) {
            units.stream().filter(u -> u.code().equals(editing.unitCode())).findFirst().ifPresent(unit::setValue);
            date.setValue(editing.date());
            kind.setValue(editing.kind());
            finding.setText(editing.finding());
            deduction.setText(Numbers.plain(editing.deduction()));
            evidence.setText(evidenceName == null || evidenceName.isEmpty() ? Texts.t("inspection.noEvidence")
                    : evidenceName);
        } else {
            LocalDate today = LocalDate.now();
            date.setValue(today.getYear() == year ? today : LocalDate.of(year, 12, 31));
            kind.setValue(Inspection.Kind.OPEN);
            evidence.setText(Texts.t("inspection.noEvidence"));
        }

        GridPane form = Forms.grid();
        int row = 0;
        form.addRow(row++, new Label(Texts.t("inspection.col.unit")), unit);
        form.addRow(row++, new Label(Texts.t("inspection.col.date")), date);
        form.addRow(row++, new Label(Texts.t("inspection.col.kind")), kind);
        form.addRow(row++, new Label(Texts.t("inspection.col.finding")), finding);
        form.addRow(row++, new Label(Texts.t("inspection.col.deduction")), deduction);
        form.addRow(row++, new Label(Texts.t("inspection.col.evidence")), new HBox(8, choose, evidence));
        form.addRow(row++, new Label(Texts.t("inspection.reason")), reason);
        problem.setId("inspection-problem");
        problem.getStyleClass().add("warning");
        problem.setWrapText(true);
        form.add(problem, 0, row, 2, 1);
        getDialogPane().setContent(form);
        getDialogPane().setPrefWidth(560);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);

        StringBinding problemText = Bindings.createStringBinding(this::problem, unit.valueProperty(),
                date.valueProperty(), date.getEditor().textProperty(), kind.valueProperty(), finding.textProperty(), deduction.textProperty(),
                reason.textProperty());
        problem.textProperty().bind(problemText);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(problemText.isNotEmpty());
        setOnShown(e -> (editing == null ? unit : deduction).requestFocus());
        setResultConverter(b -> b == ButtonType.OK ? draft() : null);
    }

    /**
     * Brings back what was typed the last time this record's dialog closed unsaved, and keeps what
     * is typed now when it closes, until the record is saved ({@link Drafts#done}).
     */
    void keepDrafts(Drafts drafts, String key) {
        if (drafts.restore(key, finding, deduction, reason)) {
            setHeaderText(getHeaderText() + "\n" + Texts.t("drafts.restored"));
        }
        setOnHidden(e -> drafts.keep(key, finding, deduction, reason));
    }

    /** Starts a new record on this unit (the one the screen is filtered to). */
    void preselect(OrgUnit u) {
        unit.setValue(u);
    }

    /** What keeps the form from being saved, in words; empty when it can be. */
    private String problem() {
        if (unit.getValue() == null) {
            return Texts.t("inspection.problem.unit");
        }
        if (!DatePickers.readable(date)) {
            return Texts.t("typed.badDate", Texts.t("inspection.col.date"), DatePickers.typedText(date));
        }
        LocalDate typedDate = DatePickers.value(date, Texts.t("inspection.col.date"));
        if (typedDate == null || typedDate.getYear() != year) {
            return Texts.t("inspection.problem.date", String.valueOf(year));
        }
        if (finding.getText().isBlank()) {
            return Texts.t("inspection.problem.finding");
        }
        BigDecimal points = typedNumber(deduction.getText());
        if (points == null || points.signum() < 0) {
            return Texts.t("inspection.problem.deduction");
        }
        if (editing != null && reason.getText().isBlank()) {
            return Texts.t("inspection.problem.reason");
        }
        return "";
    }

    /** A typed number, or null; the full-width point a Chinese input method may type is accepted. */
    static BigDecimal typedNumber(String text) {
        return org.perfdesk.domain.TypedInput.number(text).filter(org.perfdesk.domain.TypedInput::inRange)
                .orElse(null);
    }

    private void chooseEvidence() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.t("inspection.chooseEvidence"));
        File f = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
        if (f != null) {
            chosen(f.toPath());
        }
    }

    /** The evidence file to store with the record (also what a test or a drop hands in). */
    void chosen(Path file) {
        newEvidence = file;
        evidence.setText(file.getFileName().toString());
    }

    private InspectionViewModel.Draft draft() {
        String why = reason.getText().isBlank() ? Texts.t("inspection.reasonDefault") : reason.getText().strip();
        return new InspectionViewModel.Draft(editing == null ? null : editing.id(), unit.getValue().code(),
                DatePickers.value(date, Texts.t("inspection.col.date")), kind.getValue(), finding.getText(), typedNumber(deduction.getText()),
                editing == null ? null : editing.evidenceSha256(), newEvidence, why);
    }
}
