package org.perfdesk.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.perfdesk.domain.Texts;

/**
 * A screen the navigation already names but that a later version brings. It says so plainly and
 * what it will do, rather than showing controls that do nothing.
 */
public final class PlannedScreen implements Screen {
    private final VBox root;

    public PlannedScreen(String id, String titleKey) {
        Label title = new Label(Texts.t(titleKey));
        title.getStyleClass().add("screen-title");
        Label what = new Label(Texts.t(titleKey + ".planned"));
        what.setWrapText(true);
        what.getStyleClass().add("planned-text");
        Label later = new Label(Texts.t("screen.planned"));
        later.getStyleClass().addAll("hint", "planned-text");
        later.setWrapText(true);
        root = new VBox(12, title, what, later);
        root.getStyleClass().addAll("screen", "planned-screen");
        root.setId("screen-" + id);
    }

    @Override
    public Node view() {
        return root;
    }
}
