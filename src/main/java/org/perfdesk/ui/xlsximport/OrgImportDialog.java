package org.perfdesk.ui.xlsximport;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;
import org.perfdesk.report.xlsx.OrgImport;
import org.perfdesk.report.xlsx.OrgXlsx;
import org.perfdesk.store.Backups;
import org.perfdesk.ui.common.Layouts;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * 从 Excel 导入组织机构: the organisations a sheet (组织机构) adds to the unit, previewed before anything
 * is written; a sheet with a problem lists every bad row and column. Existing organisations are never
 * renamed or removed.
 */
public final class OrgImportDialog extends Dialog<Boolean> {
    private static final ButtonType IMPORT = new ButtonType(Texts.t("xlsx.ui.import"), ButtonBar.ButtonData.OK_DONE);

    private OrgImportDialog(Window owner, OrgImport preview, Map<String, String> names) {
        initOwner(owner);
        setTitle(Texts.t("owners.importTitle"));
        Texts t = Texts.current();
        getDialogPane().setId("org-import");
        ListView<String> lines = new ListView<>();
        lines.setId("org-import-lines");
        lines.setPrefSize(600, 320);
        if (preview.refused()) {
            setHeaderText(t.get("xlsx.ui.refused", preview.problems().size()));
            preview.problems().forEach(p -> lines.getItems().add(p.describe(t)));
            getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        } else {
            setHeaderText(t.get("owners.importReady", preview.toCreate().size(), preview.unchanged()));
            for (OrgUnit o : preview.toCreate()) {
                names.put(o.code(), o.name());
                lines.getItems().add(t.get("xlsx.ui.org", t.of(o.kind()), o.name(), names.getOrDefault(o.parentCode(),
                        o.parentCode())));
            }
            preview.notes().forEach(n -> lines.getItems().add(n.describe(t, false)));
            lines.setPlaceholder(new Label(t.get("xlsx.ui.noNewOrgs")));
            getDialogPane().getButtonTypes().addAll(IMPORT, ButtonType.CANCEL);
            getDialogPane().lookupButton(IMPORT).setDisable(preview.toCreate().isEmpty());
        }
        Label hint = new Label(preview.refused() ? t.get("xlsx.ui.refusedHint") : t.get("owners.importHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        getDialogPane().setContent(Layouts.fitOrScroll(new VBox(8, lines, hint)));
        setResultConverter(b -> b == IMPORT);
    }

    /** Reads the sheet in the background, previews it, and imports on confirmation. */
    public static void run(Window owner, WorkspaceContext ctx, Path file, Runnable afterImport) {
        String unit = ctx.self().code();
        ctx.tasks().run(Texts.t("task.readXlsx"), () -> OrgXlsx.read(ctx.workspace(), unit, file), preview -> {
            Map<String, String> names = new HashMap<>();
            ctx.workspace().orgUnits().findAll().forEach(o -> names.put(o.code(), o.name()));
            new OrgImportDialog(owner, preview, names).showAndWait().filter(Boolean::booleanValue)
                    .ifPresent(go -> ctx.tasks().run(Texts.t("task.importXlsx"), () -> {
                        Backups.of(ctx.workspace()).automatic("before-org-import");
                        return OrgXlsx.apply(ctx.workspace(), preview);
                    }, created -> {
                        ctx.saved();
                        afterImport.run();
                        Messages.info(owner, Texts.t("owners.importDone"), Texts.t("owners.imported", created));
                    }));
        });
    }
}
