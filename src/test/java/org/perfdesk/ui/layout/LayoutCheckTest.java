package org.perfdesk.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

/**
 * The clipping test is only as good as its check: each thing it must find, made on purpose, is found,
 * and the same thing done right is not. The scenes are laid out by hand, without a window, so nothing
 * (such as {@code TextFit}) mends them first.
 */
class LayoutCheckTest extends ApplicationTest {
    private static final String LONG = "Back up the keys to a USB stick";

    @Override
    public void start(Stage stage) {
        // No window of our own: each test lays out a scene by itself.
    }

    private List<String> check(Region root, double width, double height) {
        List<String> problems = new ArrayList<>();
        interact(() -> {
            Scene scene = new Scene(root, width, height);
            for (int pass = 0; pass < 3; pass++) { // a split pane places its divider on a later pass
                root.applyCss();
                root.layout();
            }
            problems.addAll(LayoutCheck.problems(scene, "test"));
        });
        return problems;
    }

    @Test
    void aButtonCutShortIsFoundTooltipOrNot() {
        Button cut = new Button(LONG);
        cut.setMinWidth(0);
        cut.setTooltip(new Tooltip(LONG));
        assertThat(check(new HBox(cut), 90, 40)).singleElement().asString()
                .contains("button").contains("instead of \"" + LONG + "\"");

        assertThat(check(new HBox(new Button(LONG)), 400, 40)).isEmpty();
    }

    @Test
    void aLabelCutShortNeedsATooltipWithAllOfIt() {
        Label bare = new Label(LONG);
        bare.setMinWidth(0);
        assertThat(check(new HBox(bare), 90, 40)).singleElement().asString().contains("has no tooltip");

        Label explained = new Label(LONG);
        explained.setMinWidth(0);
        explained.setTooltip(new Tooltip(LONG));
        assertThat(check(new HBox(explained), 90, 40)).isEmpty();

        Label other = new Label(LONG);
        other.setMinWidth(0);
        other.setTooltip(new Tooltip("something else"));
        assertThat(check(new HBox(other), 90, 40)).hasSize(1);
    }

    @Test
    void aLabelCutDownToItsDotsIsFoundEvenWithATooltip() {
        Label dots = new Label(LONG);
        dots.setMinWidth(0);
        dots.setMaxWidth(14);
        dots.setTooltip(new Tooltip(LONG));
        assertThat(check(new HBox(dots), 300, 40)).singleElement().asString().contains("cut down to");
    }

    @Test
    void aControlOutsideTheWindowIsFoundUnlessItCanBeScrolledTo() {
        TextField far = new TextField("far");
        far.relocate(500, 10);
        assertThat(check(new Pane(far), 300, 100)).anySatisfy(p -> assertThat(p).contains("outside the visible area"));

        TextField reachable = new TextField("far");
        reachable.relocate(500, 10);
        ScrollPane scroll = new ScrollPane(new Pane(reachable));
        assertThat(check(new VBox(scroll), 300, 100)).isEmpty();
    }

    @Test
    void aControlStickingOutOfItsRowOrCutOffByASplitPaneSideIsFound() {
        Button a = new Button(LONG);
        Button b = new Button(LONG);
        a.setMinWidth(Region.USE_PREF_SIZE);
        b.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, a, b);
        // Given less than it needs, as a fixed-width column would give it.
        row.setManaged(false);
        row.resize(200, 40);
        assertThat(check(new Pane(row), 600, 100)).anySatisfy(p -> assertThat(p).contains("sticks out of its HBox"));

        TextField wide = new TextField();
        wide.setMinWidth(300);
        // A plain pane claims no minimum, so the split pane gives it 100 px and cuts off the rest.
        SplitPane split = new SplitPane(new Pane(wide), new Pane());
        split.setDividerPositions(0.2);
        assertThat(check(new VBox(split), 500, 100)).anySatisfy(p -> assertThat(p).contains("outside the visible area"));
    }

    @Test
    void aTableSqueezedToAStripIsFound() {
        TableView<String> table = new TableView<>();
        table.setMinHeight(0);
        table.setMaxHeight(30);
        assertThat(check(new VBox(table), 400, 300)).singleElement().asString().contains("table").contains("squeezed");
    }
}
