package org.perfdesk.ui.exchange;

import java.util.Optional;

import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.SafeText;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.intake.EnrollmentHandler;

/** 登记单位: fingerprint, parent, ranking group and, for a unit registered before, the key replacement. */
final class EnrollDialog {
    private EnrollDialog() {
    }

    static Optional<EnrollmentHandler.Decision> ask(Window owner, EnrollViewModel vm) {
        Dialog<EnrollmentHandler.Decision> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Texts.t("inbox.enroll"));
        dialog.setHeaderText(vm.who());
        dialog.getDialogPane().setId("enroll-dialog");
        Label shown = new Label(vm.fingerprintInFile());
        shown.setId("fingerprint-in-file");
        shown.getStyleClass().add("fingerprint");
        TextField typed = new TextField();
        typed.setId("fingerprint-typed");
        typed.setPromptText("XXXX XXXX XXXX XXXX XXXX XXXX XXXX XXXX");
        typed.textProperty().bindBidirectional(vm.typedFingerprint());
        Label hint = new Label(Texts.t("fingerprint.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");

        ComboBox<OrgUnit> parent = new ComboBox<>(FXCollections.observableArrayList(vm.parents()));
        parent.setId("enroll-parent");
        parent.setConverter(new StringConverter<>() {
            @Override
            public String toString(OrgUnit u) {
                return u == null ? "" : u.code() + "  " + SafeText.escaped(u.name());
            }

            @Override
            public OrgUnit fromString(String s) {
                return null;
            }
        });
        parent.valueProperty().bindBidirectional(vm.parent());
        ComboBox<EnrollViewModel.GroupChoice> group = new ComboBox<>(FXCollections.observableArrayList(vm.groups()));
        group.setId("enroll-group");
        group.valueProperty().bindBidirectional(vm.group());
        GridPane place = new GridPane();
        place.setHgap(8);
        place.setVgap(8);
        place.addRow(0, new Label(Texts.t("enroll.parent")), parent);
        place.addRow(1, new Label(Texts.t("enroll.group")), group);

        VBox content = new VBox(8, new Label(Texts.t("fingerprint.inFile")), shown,
                new Label(Texts.t("fingerprint.readOut")), typed, hint, place);
        if (vm.replacesKey()) {
            Label replace = new Label(vm.replaceText().get());
            replace.setWrapText(true);
            replace.getStyleClass().add("warning");
            CheckBox confirm = new CheckBox(Texts.t("enroll.confirmReplace"));
            confirm.setId("enroll-replace-key");
            confirm.selectedProperty().bindBidirectional(vm.replaceKey());
            content.getChildren().addAll(replace, confirm);
        }
        if (!vm.note().get().isEmpty()) {
            Label note = new Label(vm.note().get());
            note.setWrapText(true);
            note.getStyleClass().add("hint");
            content.getChildren().add(note);
        }
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(vm.ready().not());
        dialog.getDialogPane().setPrefWidth(560);
        dialog.setResultConverter(b -> b == ButtonType.OK ? vm.decision() : null);
        return dialog.showAndWait();
    }
}
