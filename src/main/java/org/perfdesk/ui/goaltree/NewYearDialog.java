package org.perfdesk.ui.goaltree;

import java.util.List;

import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.domain.YearCopy;
import org.perfdesk.ui.common.WorkspaceContext;

/** 开始新年度: this year's tree from last year's, each node linked to where it came from. */
final class NewYearDialog extends Dialog<Void> {

    NewYearDialog(Window owner, WorkspaceContext ctx) {
        initOwner(owner);
        setTitle(Texts.t("newYear.title"));
        setHeaderText(Texts.t("newYear.header"));
        List<Integer> years = ctx.workspace().years().findAll();
        ComboBox<Integer> from = new ComboBox<>();
        from.getItems().setAll(years);
        from.setValue(ctx.year());
        Spinner<Integer> to = new Spinner<>(2000, 2100, ctx.year() + 1);
        to.setEditable(true);
        from.valueProperty().addListener((o, a, y) -> to.getValueFactory().setValue(y + 1));
        CheckBox keepTargets = new CheckBox(Texts.t("newYear.keepTargets"));
        keepTargets.setSelected(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(Texts.t("newYear.from")), from);
        grid.addRow(1, new Label(Texts.t("newYear.to")), to);
        grid.add(keepTargets, 1, 2);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(button -> {
            if (button == ButtonType.OK && from.getValue() != null) {
                start(ctx, from.getValue(), to.getValue(), keepTargets.isSelected());
            }
            return null;
        });
    }

    private static void start(WorkspaceContext ctx, int from, int to, boolean keepTargets) {
        String unit = ctx.self().code();
        ctx.tasks().run(Texts.t("task.newYear"), () -> {
            if (to == from || ctx.workspace().goals().count(unit, to) > 0) {
                throw new UserError("error.newYear.exists", String.valueOf(to));
            }
            List<GoalNode> copy = YearCopy.copy(ctx.workspace().goals().loadTree(unit, from), to, keepTargets);
            ctx.workspace().database().write(c -> {
                ctx.workspace().years().open(to);
                ctx.workspace().goals().saveAll(copy);
                return null;
            });
            return copy.size();
        }, n -> {
            ctx.saved();
            ctx.yearProperty().set(to);
        });
    }
}
