package org.perfdesk.ui.evaluation;

import java.time.LocalDate;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.DatePickers;
import org.perfdesk.ui.common.Forms;

/**
 * Asks for the leading group's approval (领导小组审定) of the results: the date, the meeting or document,
 * who decided, and a note. OK stays disabled until the first three are given.
 */
final class ApprovalDialog {
    /** What was typed. */
    record Answer(LocalDate on, String reference, String by, String note) {
    }

    private ApprovalDialog() {
    }

    static Optional<Answer> ask(Window owner, String header) {
        Dialog<Answer> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Texts.t("results.approve"));
        dialog.setHeaderText(header);
        dialog.getDialogPane().setId("results-approve-dialog");
        DatePicker on = DatePickers.typed(() -> LocalDate.now().getYear());
        on.setId("approve-date");
        on.setValue(LocalDate.now());
        TextField reference = new TextField();
        reference.setId("approve-reference");
        reference.setPromptText(Texts.t("results.approve.referencePrompt"));
        reference.setPrefColumnCount(30);
        TextField by = new TextField(Texts.t("results.approve.byDefault"));
        by.setId("approve-by");
        TextArea note = new TextArea();
        note.setId("approve-note");
        note.setPrefRowCount(2);
        note.setWrapText(true);
        GridPane form = Forms.grid();
        form.addRow(0, new Label(Texts.t("results.approve.date")), on);
        form.addRow(1, new Label(Texts.t("results.approve.reference")), reference);
        form.addRow(2, new Label(Texts.t("results.approve.by")), by);
        form.addRow(3, new Label(Texts.t("results.approve.note")), note);
        Label hint = new Label(Texts.t("results.approve.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        dialog.getDialogPane().setContent(new VBox(8, form, hint));
        dialog.getDialogPane().setPrefWidth(560);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(Bindings.createBooleanBinding(
                () -> on.getValue() == null || reference.getText().isBlank() || by.getText().isBlank(),
                on.valueProperty(), reference.textProperty(), by.textProperty()));
        dialog.setOnShown(e -> reference.requestFocus());
        dialog.setResultConverter(b -> b == ButtonType.OK
                ? new Answer(typedOr(on), reference.getText().strip(), by.getText().strip(), note.getText().strip())
                : null);
        return dialog.showAndWait();
    }

    /** The date as typed, even when the field still has the keyboard (its text not yet taken as its value). */
    private static LocalDate typedOr(DatePicker on) {
        return DatePickers.readable(on) && DatePickers.value(on, "") != null ? DatePickers.value(on, "") : on.getValue();
    }
}
