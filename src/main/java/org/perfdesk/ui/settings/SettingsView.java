package org.perfdesk.ui.settings;

import java.util.function.Consumer;

import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.perfdesk.domain.ProgramInfo;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.WorkspaceContext;

/** 设置: language, the workspace's facts, and switching to another workspace. */
public final class SettingsView implements Screen {
    private final VBox root;

    /**
     * @param onLanguage called with "zh" or "en" when the user picks a language
     * @param onSwitch   closes this workspace and shows the first-start choice
     */
    public SettingsView(WorkspaceContext ctx, Consumer<String> onLanguage, Runnable onSwitch) {
        Label title = new Label(Texts.t("nav.settings"));
        title.getStyleClass().add("screen-title");

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
        facts.addRow(row, new Label(Texts.t("settings.version")), new Label(ProgramInfo.version()));

        Button switchWorkspace = new Button(Texts.t("settings.switchWorkspace"));
        switchWorkspace.setId("settings-switch");
        switchWorkspace.setOnAction(e -> onSwitch.run());
        Label later = new Label(Texts.t("settings.later"));
        later.getStyleClass().add("hint");
        later.setWrapText(true);
        root = new VBox(16, title, facts, switchWorkspace, later);
        root.getStyleClass().add("screen");
        root.setId("screen-settings");
    }

    @Override
    public Node view() {
        return root;
    }
}
