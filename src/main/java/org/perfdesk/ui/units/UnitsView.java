package org.perfdesk.ui.units;


import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.Layouts;

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
        Button group = new Button(Texts.t("units.group") + "…");
        group.setId("units-group");
        javafx.scene.layout.FlowPane actions = Layouts.toolbar(card, revoke, group);
        root.setTop(new VBox(4, title, hint, actions));
        TableView<OrgUnit> table = new TableView<>(vm.units());
        table.setId("units-table");
        // One line per row: a fixed height spares the table measuring rows it does not show.
        table.setFixedCellSize(26);
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
        group.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        group.setVisible(vm.isOffice());
        group.setManaged(vm.isOffice());
        group.setOnAction(e -> changeGroup(table.getSelectionModel().getSelectedItem()));
    }

    /** The office moves a unit to another ranking group, with the reason (audited). */
    private void changeGroup(OrgUnit unit) {
        java.util.List<String> choices = new java.util.ArrayList<>();
        for (org.perfdesk.domain.RankingGroup g : org.perfdesk.domain.RankingGroup.values()) {
            choices.add(Texts.current().of(g));
        }
        choices.add(Texts.t("results.unranked"));
        javafx.scene.control.ChoiceDialog<String> pick = new javafx.scene.control.ChoiceDialog<>(
                unit.group() == null ? choices.get(choices.size() - 1) : Texts.current().of(unit.group()), choices);
        pick.initOwner(root.getScene().getWindow());
        pick.setTitle(Texts.t("units.group"));
        pick.setHeaderText(Texts.t("units.groupHeader", unit.name()));
        pick.showAndWait().ifPresent(choice -> {
            int i = choices.indexOf(choice);
            org.perfdesk.domain.RankingGroup g = i < org.perfdesk.domain.RankingGroup.values().length
                    ? org.perfdesk.domain.RankingGroup.values()[i] : null;
            if (g == unit.group()) {
                return;
            }
            org.perfdesk.ui.common.Dialogs.askReason(root.getScene().getWindow(), "units-group-dialog",
                    Texts.t("units.group"), Texts.t("units.groupReason", unit.name(), choice),
                    Texts.t("inspection.reason")).ifPresent(reason -> vm.setGroup(unit, g, reason));
        });
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
