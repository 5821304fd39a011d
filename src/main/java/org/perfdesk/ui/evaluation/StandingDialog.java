package org.perfdesk.ui.evaluation;

import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.perfdesk.domain.StandingDecision;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.Evaluation;

/**
 * The office's decision on a unit 未报送 or 材料不全: rank it with what it has (missing figures earn
 * nothing), or list it without a rank; with the reason the audit log keeps.
 */
final class StandingDialog {
    record Answer(StandingDecision.Decision decision, String reason) {
    }

    private StandingDialog() {
    }

    static Optional<Answer> ask(Window owner, Evaluation.UnitResult r) {
        Dialog<Answer> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Texts.t("results.decide"));
        dialog.setHeaderText(Texts.t("results.decide.header", r.unit().name(),
                Texts.t("results.standing." + r.standing().name()), EvaluationTexts.missing(r)));
        dialog.getDialogPane().setId("results-decide-dialog");
        ToggleGroup choice = new ToggleGroup();
        RadioButton rank = new RadioButton(Texts.t("results.decide.RANK"));
        rank.setId("decide-rank");
        rank.setToggleGroup(choice);
        RadioButton unranked = new RadioButton(Texts.t("results.decide.UNRANKED",
                Texts.t("results.standing." + r.standing().name())));
        unranked.setId("decide-unranked");
        unranked.setToggleGroup(choice);
        (r.decision() != null && r.decision().decision() == StandingDecision.Decision.RANK ? rank : unranked)
                .setSelected(true);
        TextField reason = new TextField();
        reason.setId("decide-reason");
        reason.setPrefColumnCount(36);
        dialog.getDialogPane().setContent(new VBox(8, rank, unranked, new Label(Texts.t("inspection.reason")), reason));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(Bindings.createBooleanBinding(
                () -> reason.getText().isBlank(), reason.textProperty()));
        dialog.setOnShown(e -> reason.requestFocus());
        dialog.setResultConverter(b -> b == ButtonType.OK ? new Answer(rank.isSelected()
                ? StandingDecision.Decision.RANK : StandingDecision.Decision.UNRANKED, reason.getText().strip()) : null);
        return dialog.showAndWait();
    }
}
