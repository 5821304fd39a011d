package org.perfdesk.ui.shell;

import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;

/** The first-start choice: open the demo, open a workspace, or create one. */
final class WelcomeView {
    private final VBox root;

    /**
     * @param demoUnits   the demo's workspaces (office first) to choose from
     * @param defaultDemo the one preselected
     */
    WelcomeView(List<OrgUnit> demoUnits, OrgUnit defaultDemo, Consumer<OrgUnit> onDemo, Runnable onOpen,
                Runnable onCreate, Consumer<String> onLanguage) {
        Label title = new Label(Texts.t("app.title"));
        title.getStyleClass().add("welcome-title");
        Label subtitle = new Label(Texts.t("welcome.subtitle"));
        subtitle.getStyleClass().add("welcome-subtitle");
        subtitle.setWrapText(true);

        ComboBox<OrgUnit> demoUnit = new ComboBox<>();
        demoUnit.setId("welcome-demo-unit");
        demoUnit.getItems().setAll(demoUnits);
        demoUnit.setValue(defaultDemo);
        demoUnit.setConverter(new StringConverter<>() {
            @Override
            public String toString(OrgUnit u) {
                return u == null ? "" : u.name();
            }

            @Override
            public OrgUnit fromString(String s) {
                return null;
            }
        });
        Button demo = new Button(Texts.t("welcome.demo"));
        demo.setId("welcome-demo");
        demo.setDefaultButton(true);
        demo.getStyleClass().add("primary");
        demo.setOnAction(e -> onDemo.accept(demoUnit.getValue()));
        VBox demoCard = card(Texts.t("welcome.demoText"), new HBox(8, demoUnit, demo));

        Button open = new Button(Texts.t("welcome.open"));
        open.setId("welcome-open");
        open.setOnAction(e -> onOpen.run());
        VBox openCard = card(Texts.t("welcome.openText"), open);

        Button create = new Button(Texts.t("welcome.create"));
        create.setId("welcome-create");
        create.setOnAction(e -> onCreate.run());
        VBox createCard = card(Texts.t("welcome.createText"), create);

        Button chinese = new Button("中文");
        chinese.setId("welcome-chinese");
        chinese.setOnAction(e -> onLanguage.accept("zh"));
        Button english = new Button("English");
        english.setId("welcome-english");
        english.setOnAction(e -> onLanguage.accept("en"));
        HBox language = new HBox(8, new Label(Texts.t("settings.language")), chinese, english);
        language.setAlignment(Pos.CENTER);

        root = new VBox(18, title, subtitle, demoCard, openCard, createCard, language);
        root.setAlignment(Pos.TOP_CENTER);
        root.setId("welcome");
        root.getStyleClass().add("welcome");
    }

    private static VBox card(String text, javafx.scene.Node action) {
        Label label = new Label(text);
        label.setWrapText(true);
        VBox card = new VBox(8, label, action);
        card.getStyleClass().add("welcome-card");
        card.setMaxWidth(620);
        return card;
    }

    Parent root() {
        return root;
    }
}
