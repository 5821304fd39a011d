package org.perfdesk.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.perfdesk.ui.common.DetailsSplit;
import org.perfdesk.ui.common.Layouts;
import org.perfdesk.ui.common.NarrowColumns;
import org.perfdesk.ui.common.SideBySide;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.TextFit;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** The shared layout rules every screen inherits, each in a window of its own. */
class LayoutRulesTest extends ApplicationTest {
    private static final String LONG = "厦门市发展和改革委员会固定资产投资处";
    private Stage stage;
    private double[] before;
    private Scene beforeScene;
    private final StackPane root = new StackPane();

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        before = new double[] {stage.getWidth(), stage.getHeight(), stage.getMinWidth(), stage.getMinHeight()};
        beforeScene = stage.getScene();
        // The test toolkit's one stage may come from a window test, with the main window's minimum.
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        Scene scene = new Scene(root, 600, 400);
        Styles.apply(scene);
        TextFit.attach(scene);
        stage.setScene(scene);
        stage.show();
    }

    /** The toolkit's one stage goes back as the window tests that follow expect it. */
    @org.junit.jupiter.api.AfterEach
    void restoreStage() {
        interact(() -> {
            stage.setScene(beforeScene);
            stage.setMinWidth(before[2]);
            stage.setMinHeight(before[3]);
            if (!Double.isNaN(before[0])) {
                stage.setWidth(before[0]);
                stage.setHeight(before[1]);
            }
        });
    }

    private void show(Node content, double width, double height) {
        interact(() -> {
            root.getChildren().setAll(content);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        settle();
    }

    private void resize(double width) {
        interact(() -> stage.setWidth(width));
        settle();
    }

    private static void settle() {
        // A layout, then TextFit after it, then the layout its changes ask for.
        WaitForAsyncUtils.waitForFxEvents(6);
    }

    private static Bounds sceneBounds(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    @Test
    void aTextCutShortGetsItsWholeTextAsTooltipAndLosesItWhenItFits() {
        Label label = new Label(LONG);
        label.setMinWidth(0);
        Label own = new Label(LONG);
        own.setMinWidth(0);
        own.setTooltip(new Tooltip("自己的说明"));
        HBox row = new HBox(8, label, own);
        label.setMaxWidth(80);
        own.setMaxWidth(80);
        show(row, 400, 200);
        assertThat(label.getTooltip()).isNotNull();
        assertThat(label.getTooltip().getText()).isEqualTo(LONG);
        assertThat(own.getTooltip().getText()).as("a screen's own tooltip stays").isEqualTo("自己的说明");

        interact(() -> label.setMaxWidth(Region.USE_PREF_SIZE));
        settle();
        assertThat(label.getTooltip()).as("the whole text shows: no tooltip needed").isNull();
    }

    @Test
    void aButtonKeepsItsWordsAndItsRowWraps() {
        List<Button> buttons = List.of(new Button("Back up keys…"), new Button("Restore keys from a backup…"),
                new Button("New encryption key…"));
        FlowPane bar = Layouts.toolbar(buttons.toArray(Node[]::new));
        show(new VBox(bar), 260, 300);
        for (Button b : buttons) {
            assertThat(LayoutCheck.displayed(b)).isEqualTo(b.getText());
            assertThat(b.getWidth()).isGreaterThanOrEqualTo(b.prefWidth(-1) - 0.5);
        }
        assertThat(bar.getHeight()).as("three rows of buttons").isGreaterThan(2.5 * buttons.get(0).getHeight());

        // An HBox of buttons cannot squeeze them either: it grows past its place (and the screen scrolls).
        Button a = new Button("Approve and freeze the results…");
        HBox tight = new HBox(a);
        tight.setMaxWidth(60);
        show(new VBox(tight), 260, 300);
        assertThat(LayoutCheck.displayed(a)).isEqualTo(a.getText());
    }

    @Test
    void aColumnIsNeverNarrowerThanItsHeader() {
        TableView<String> table = new TableView<>();
        TableColumn<String, String> wide = new TableColumn<>("Goal / indicator");
        wide.setPrefWidth(300);
        TableColumn<String, String> narrow = new TableColumn<>("Indicator assessment");
        narrow.setPrefWidth(20);
        table.getColumns().setAll(List.of(wide, narrow));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        show(table, 500, 300);
        Label header = (Label) table.lookupAll(".column-header .label").stream()
                .filter(n -> n instanceof Label l && "Indicator assessment".equals(l.getText())).findFirst().orElseThrow();
        assertThat(LayoutCheck.displayed(header)).isEqualTo("Indicator assessment");
        assertThat(narrow.getMinWidth()).isGreaterThan(60);
    }

    @Test
    void theFormStandsBesideTheTableAtItsWidthAndGoesBelowItWhenNarrow() {
        TableView<String> table = new TableView<>();
        VBox form = new VBox(new Label("说明"));
        SplitPane split = DetailsSplit.of(table, 360, Layouts.form(form), 280, 300);
        show(split, 900, 500);
        assertThat(DetailsSplit.stacked(split)).isFalse();
        Bounds t = sceneBounds(table);
        Bounds f = sceneBounds(split.getItems().get(1));
        assertThat(f.getMinX()).as("beside the table").isGreaterThan(t.getMaxX() - 1);
        assertThat(f.getWidth()).isBetween(290.0, 310.0);

        resize(1300);
        assertThat(sceneBounds(split.getItems().get(1)).getWidth()).as("the form keeps its width; the table grows")
                .isBetween(290.0, 310.0);
        assertThat(sceneBounds(table).getWidth()).isGreaterThan(900);

        resize(560);
        assertThat(DetailsSplit.stacked(split)).isTrue();
        assertThat(sceneBounds(split.getItems().get(1)).getMinY()).as("below the table")
                .isGreaterThan(sceneBounds(table).getMaxY() - 1);
        assertThat(sceneBounds(split.getItems().get(1)).getWidth()).isGreaterThan(500);

        resize(900);
        assertThat(DetailsSplit.stacked(split)).as("beside it again when there is room").isFalse();
    }

    @Test
    void aListOfUnitsStartsAtItsWidthAndKeepsItsShareAsTheWindowGrows() {
        TableView<String> list = new TableView<>();
        TableView<String> work = new TableView<>();
        SplitPane split = DetailsSplit.listFirst(list, 170, 280, work, 380);
        show(split, 900, 500);
        double narrow = sceneBounds(list).getWidth();
        assertThat(narrow).as("the list at its width").isBetween(270.0, 290.0);

        resize(1300);
        assertThat(sceneBounds(list).getWidth()).as("the list grows with the window, its names whole")
                .isGreaterThan(narrow + 80);
        assertThat(sceneBounds(work).getMinX()).as("the work beside it").isGreaterThan(sceneBounds(list).getMaxX() - 1);
    }

    @Test
    void columnsStandSideBySideWhenTheyFitAndOneUnderTheOtherWhenNot() {
        Region left = new Region();
        left.setMinWidth(300);
        left.setPrefSize(400, 100);
        Region right = new Region();
        right.setMinWidth(250);
        right.setPrefSize(400, 100);
        SideBySide columns = new SideBySide(20, left, right);
        show(new VBox(columns), 700, 400);
        assertThat(sceneBounds(right).getMinX()).isGreaterThan(sceneBounds(left).getMaxX());
        assertThat(sceneBounds(left).getWidth()).isGreaterThanOrEqualTo(300);

        resize(500);
        assertThat(sceneBounds(right).getMinY()).isGreaterThanOrEqualTo(sceneBounds(left).getMaxY());
        assertThat(sceneBounds(right).getWidth()).isEqualTo(sceneBounds(left).getWidth());
    }

    @Test
    void aNarrowTableHidesTheColumnsItCanDoWithoutAndShowsThemAgain() {
        TableView<String> table = new TableView<>();
        TableColumn<String, String> title = column("Title", 200);
        TableColumn<String, String> owner = column("Owner", 100);
        TableColumn<String, String> target = column("Target", 100);
        TableColumn<String, String> quality = column("Quality", 100);
        table.getColumns().setAll(List.of(title, owner, target, quality));
        NarrowColumns.install(table, table.getColumns(), List.of(quality, target));
        show(table, 600, 300);
        assertThat(table.getVisibleLeafColumns()).containsExactly(title, owner, target, quality);
        resize(450);
        assertThat(table.getVisibleLeafColumns()).containsExactly(title, owner, target);
        resize(340);
        assertThat(table.getVisibleLeafColumns()).containsExactly(title, owner);
        resize(200);
        assertThat(table.getVisibleLeafColumns()).as("only the columns it may drop").containsExactly(title, owner);
        resize(600);
        assertThat(table.getVisibleLeafColumns()).containsExactly(title, owner, target, quality);
    }

    private static TableColumn<String, String> column(String name, double width) {
        TableColumn<String, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(v.getValue()));
        return c;
    }
}
