package org.perfdesk.ui.units;


import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;

/** 单位与密钥 / 下级单位: who reports here, their group, and whether their key is registered. */
public final class UnitsView implements Screen {
    private final UnitsViewModel vm;
    private final BorderPane root = new BorderPane();

    public UnitsView(UnitsViewModel vm, String titleKey) {
        this.vm = vm;
        Label title = Styles.screen(root, "screen-units", Texts.t(titleKey));
        Label hint = new Label(Texts.t("units.keysLater"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        Button card = new Button(Texts.t("units.exportCard"));
        card.setId("units-card");
        Button revoke = new Button(Texts.t("units.revoke"));
        revoke.setId("units-revoke");
        HBox actions = new HBox(8, card, revoke);
        actions.getStyleClass().add("toolbar");
        root.setTop(new VBox(4, title, hint, actions));
        TableView<OrgUnit> table = new TableView<>(vm.units());
        table.setId("units-table");
        table.setPlaceholder(new Label(Texts.t("units.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Columns.text("units.col.code", 90, OrgUnit::code));
        table.getColumns().add(Columns.text("units.col.name", 260, OrgUnit::name));
        table.getColumns().add(Columns.text("units.col.kind", 120, o -> Texts.current().of(o.kind())));
        table.getColumns().add(Columns.text("units.col.group", 120, o -> Texts.current().of(o.group())));
        table.getColumns().add(Columns.text("units.col.key", 260, vm::keyText));
        root.setCenter(table);
        revoke.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        card.setOnAction(e -> exportCard());
        revoke.setOnAction(e -> revoke(table.getSelectionModel().getSelectedItem()));
    }


    private void exportCard() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(Texts.t("units.exportCard"));
        chooser.setInitialFileName("card.json");
        java.io.File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        Runnable write = () -> vm.exportCard(file.toPath(), fp -> Messages.info(root.getScene().getWindow(),
                Texts.t("units.cardWritten"), Texts.t("units.cardText", file.getAbsolutePath(), fp)));
        if (vm.cardNeedsUnlock()) {
            // A workspace from before encryption makes its encryption key, which the card carries, at the first unlock.
            org.perfdesk.ui.common.Dialogs.withSigner(root.getScene().getWindow(), vm.context(), s -> write.run());
        } else {
            write.run();
        }
    }

    private void revoke(OrgUnit unit) {
        javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog();
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle(Texts.t("units.revoke"));
        dialog.setHeaderText(Texts.t("units.revokeHeader", unit.name()));
        dialog.setContentText(Texts.t("units.revokeReason"));
        dialog.showAndWait().filter(r -> !r.isBlank()).ifPresent(reason -> vm.revoke(unit, reason, () -> { }));
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
