package org.perfdesk.ui.goaltree;

import java.nio.file.Path;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.perfdesk.domain.Texts;
import org.perfdesk.report.xlsx.GoalTreeXlsx;
import org.perfdesk.report.xlsx.XlsxImport;
import org.perfdesk.store.Backups;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * 从 Excel 导入: what the sheet would do, before anything is written. A refused sheet lists every bad
 * row and column; an acceptable one shows the counts and the rule warnings and asks to go ahead.
 * The workspace is backed up first: the import replaces the year's tree.
 */
final class XlsxImportDialog extends Dialog<Boolean> {
    private static final ButtonType IMPORT = new ButtonType(Texts.t("xlsx.ui.import"), ButtonBar.ButtonData.OK_DONE);

    XlsxImportDialog(Window owner, XlsxImport preview) {
        initOwner(owner);
        setTitle(Texts.t("xlsx.ui.title"));
        Texts t = Texts.current();
        ListView<String> lines = new ListView<>();
        lines.setId("xlsx-lines");
        lines.setPrefSize(640, 320);
        if (preview.refused()) {
            setHeaderText(t.get("xlsx.ui.refused", preview.problems().size()));
            preview.problems().stream().map(p -> p.describe(t)).forEach(lines.getItems()::add);
            getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        } else {
            XlsxImport.Counts c = preview.counts();
            setHeaderText(t.get("xlsx.ui.ready", c.added(), c.changed(), c.unchanged(), c.removed()));
            preview.warnings().stream().map(w -> w.describe(t)).forEach(lines.getItems()::add);
            lines.setPlaceholder(new Label(t.get("xlsx.ui.noWarnings")));
            getDialogPane().getButtonTypes().addAll(IMPORT, ButtonType.CANCEL);
        }
        Label hint = new Label(preview.refused() ? t.get("xlsx.ui.refusedHint") : t.get("xlsx.ui.readyHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        getDialogPane().setContent(new VBox(8, lines, hint));
        setResultConverter(b -> b == IMPORT);
    }

    /** Reads the sheet in the background, shows what it would do, and imports when the user agrees. */
    static void run(Window owner, WorkspaceContext ctx, Path file, Runnable afterImport) {
        String unit = ctx.self().code();
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.readXlsx"), () -> GoalTreeXlsx.read(ctx.workspace(), unit, year, file),
                preview -> new XlsxImportDialog(owner, preview).showAndWait().filter(Boolean::booleanValue)
                        .ifPresent(go -> ctx.tasks().run(Texts.t("task.importXlsx"), () -> {
                            Backups.of(ctx.workspace()).automatic("before-xlsx-import");
                            return GoalTreeXlsx.apply(ctx.workspace(), preview);
                        }, counts -> {
                            ctx.saved();
                            afterImport.run();
                        })));
    }
}
