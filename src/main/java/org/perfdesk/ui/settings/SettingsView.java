package org.perfdesk.ui.settings;

import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.perfdesk.domain.ProgramInfo;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.OfficePolicy;
import org.perfdesk.store.WorkspaceLocation;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.SideBySide;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.WorkspaceContext;

/** 设置: language, the workspace's facts and where it lies, its keys, backups and restore, switching workspace. */
public final class SettingsView implements Screen {
    private final VBox root;
    private final javafx.scene.control.ScrollPane scroll;
    private final BackupsPane backups;
    private final KeysPane keys;

    /**
     * What settings ask of the shell.
     *
     * @param language        called with "zh" or "en" when the user picks a language
     * @param switchWorkspace closes this workspace and shows the first-start choice
     * @param restore         closes this workspace, restores the given backup and opens it again
     */
    public record Actions(Consumer<String> language, Runnable switchWorkspace, Consumer<Path> restore) {
    }

    public SettingsView(WorkspaceContext ctx, Actions actions) {
        Consumer<String> onLanguage = actions.language();
        root = new VBox(16);
        Label title = Styles.screen(root, "screen-settings", Texts.t("nav.settings"));

        ComboBox<String> language = new ComboBox<>();
        language.setId("settings-language");
        language.getItems().addAll("中文", "English");
        boolean english = Texts.current().locale().getLanguage().equals("en");
        language.getSelectionModel().select(english ? 1 : 0);
        language.getSelectionModel().selectedIndexProperty().addListener((obs, old, i) ->
                onLanguage.accept(i.intValue() == 1 ? "en" : "zh"));

        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "工作区" whole; a long path is cut instead
        facts.getColumnConstraints().add(labels);
        int row = 0;
        facts.addRow(row++, new Label(Texts.t("settings.language")), language);
        facts.addRow(row++, new Label(Texts.t("settings.workspace")),
                new Label(ctx.workspace().dir().toAbsolutePath().toString()));
        facts.addRow(row++, new Label(Texts.t("settings.unit")),
                new Label(ctx.self().code() + "  " + ctx.self().name()));
        facts.addRow(row++, new Label(Texts.t("settings.role")), new Label(Texts.current().of(ctx.role())));
        facts.addRow(row++, new Label(Texts.t("settings.schema")),
                new Label(String.valueOf(ctx.workspace().database().schemaVersion())));
        facts.addRow(row++, new Label(Texts.t("settings.version")), new Label(ProgramInfo.version()));
        if (ctx.role() == Role.OFFICE) {
            facts.addRow(row, new Label(Texts.t("settings.exchange")), requireEncryption(ctx));
        }

        Button switchWorkspace = new Button(Texts.t("settings.switchWorkspace"));
        switchWorkspace.setId("settings-switch");
        switchWorkspace.setOnAction(e -> actions.switchWorkspace().run());
        Label where = new Label();
        where.setId("settings-location-warning");
        where.getStyleClass().add("warning");
        where.setWrapText(true);
        WorkspaceLocation location = WorkspaceLocation.of(ctx.workspace().dir());
        where.setText(location == WorkspaceLocation.LOCAL ? "" : Texts.t("location.warning." + location.name()));
        where.setManaged(location != WorkspaceLocation.LOCAL);
        backups = new BackupsPane(ctx, actions.restore());
        // Two columns where the width holds them (1366×768 shows everything without scrolling), one under
        // the other on a narrow window; a scroll bar only when the screen is taller than the window.
        keys = new KeysPane(ctx);
        VBox workspace = new VBox(16, facts, where, switchWorkspace, keys.view());
        workspace.setMinWidth(340);
        workspace.setPrefWidth(440);
        backups.view().setMinWidth(300);
        SideBySide columns = new SideBySide(32, workspace, backups.view());
        root.getChildren().setAll(title, columns);
        scroll = new javafx.scene.control.ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("plain-scroll");
    }

    /** 要求下级单位加密报送: a unit's package in the clear is then refused, with a message naming this setting. */
    private static Node requireEncryption(WorkspaceContext ctx) {
        CheckBox box = new CheckBox(Texts.t("settings.requireEncryption"));
        box.setId("settings-require-encryption");
        box.setSelected(OfficePolicy.requiresEncryption(ctx.workspace()));
        box.selectedProperty().addListener((o, old, on) -> ctx.tasks().run(Texts.t("task.savePolicy"), () -> {
            OfficePolicy.setRequiresEncryption(ctx.workspace(), on);
            return null;
        }, done -> ctx.saved()));
        Label hint = new Label(Texts.t("settings.requireEncryption.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        return new VBox(4, box, hint);
    }

    @Override
    public void refresh() {
        backups.load();
        keys.load();
    }

    @Override
    public Node view() {
        return scroll;
    }
}
