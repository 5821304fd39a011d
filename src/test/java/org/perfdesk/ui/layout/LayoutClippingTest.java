package org.perfdesk.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.ShellTest;

/**
 * Every screen of the demo unit (a city that collects from its counties) and of the demo office, and
 * the first-start choice, in Chinese and in English, at the smallest window the program is made for:
 * <ul>
 * <li>1024×600 (the window's content): each screen fits without scrolling as a whole, and nothing is
 * cut off;</li>
 * <li>910×440, a maximised window on a 1366×768 panel at 150 % (910×512 logical pixels, less the
 * taskbar and the title bar): the screen may scroll as a whole, but nothing is cut off.</li>
 * </ul>
 * "Cut off" is what {@link LayoutCheck} finds: a button not showing all its words, another text cut
 * short without a tooltip holding all of it, a control outside the window or outside a parent that
 * cuts it off without a scroll bar, a field or table squeezed to a strip.
 */
class LayoutClippingTest extends ShellTest {
    static final ScreenTour.Size WINDOW = new ScreenTour.Size("1024x600", 1024, 600);
    static final ScreenTour.Size SCALED = new ScreenTour.Size("910x440", 910, 440);

    @BeforeAll
    static void demo() {
        ScreenTour.ensureDemo();
    }

    @Test
    void unitInChinese() {
        check(ScreenTour.unitDir(), Texts.CHINESE, 15, true);
    }

    @Test
    void unitInEnglish() {
        check(ScreenTour.unitDir(), Locale.ENGLISH, 15, true);
    }

    @Test
    void officeInChinese() {
        check(ScreenTour.officeDir(), Texts.CHINESE, 15, false);
    }

    @Test
    void officeInEnglish() {
        check(ScreenTour.officeDir(), Locale.ENGLISH, 15, false);
    }

    /** @param welcome also the first-start choice, before the workspace is opened */
    private void check(Path workspace, Locale language, int screens, boolean welcome) {
        List<String> problems = new ArrayList<>();
        ScreenTour.Size before = ScreenTour.sizeOf(stage);
        List<String> seen;
        try {
            if (welcome) {
                ScreenTour.welcome(this, stage, language, List.of(WINDOW, SCALED), (screen, index, size) ->
                        problems.addAll(LayoutCheck.problems(stage.getScene(), language.getLanguage() + " " + size.name()
                                + " " + screen)));
            }
            Texts.use(language);
            open(workspace);
            seen = ScreenTour.walk(this, shell, stage, List.of(WINDOW, SCALED), (screen, index, size) -> {
                String where = language.getLanguage() + " " + size.name() + " " + screen;
                double width = stage.getScene().getWidth();
                double height = stage.getScene().getHeight();
                if (width != size.width() || height != size.height()) {
                    problems.add(where + ": the window cannot be made " + size.name() + " (it stays "
                            + Math.round(width) + "x" + Math.round(height) + ")");
                }
                problems.addAll(LayoutCheck.problems(stage.getScene(), where));
                if (size == WINDOW) {
                    screenScroll().ifPresent(scroll -> problems.add(where + ": the screen does not fit; it scrolls as a"
                            + " whole (" + scroll + ")"));
                }
            });
        } finally {
            // The test toolkit's one window goes back to its size for the tests that follow.
            ScreenTour.resize(this, stage, before);
        }
        assertThat(problems).as("layout problems").isEmpty();
        assertThat(seen).as("screens visited").hasSize(screens).doesNotHaveDuplicates();
    }

    /** The whole screen scrolls (the window's safety net) when its content is larger than the centre. */
    private java.util.Optional<String> screenScroll() {
        return lookup("#centre-scroll").tryQueryAs(ScrollPane.class).flatMap(scroll -> {
            var content = scroll.getContent().getLayoutBounds();
            var view = scroll.getViewportBounds();
            boolean scrolls = content.getWidth() > view.getWidth() + 1 || content.getHeight() > view.getHeight() + 1;
            return scrolls ? java.util.Optional.of(Math.round(content.getWidth()) + "×" + Math.round(content.getHeight())
                    + " in " + Math.round(view.getWidth()) + "×" + Math.round(view.getHeight())) : java.util.Optional.empty();
        });
    }
}
