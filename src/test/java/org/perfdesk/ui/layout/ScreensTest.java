package org.perfdesk.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.ShellTest;

/**
 * Writes the user guide's screenshots: every screen of the demo unit and of the demo office, at
 * 1024×600 and 1366×768, in Chinese and in English, into {@code src/site/resources/screens/}.
 * Runs only when asked: {@code mvn -B test -Dtest=ScreensTest -Dperfdesk.writeScreens=true}.
 */
class ScreensTest extends ShellTest {
    /** The guide's sizes, or others for a look (-Dperfdesk.screenSizes=1280x800,910x440). */
    static final List<ScreenTour.Size> SIZES = java.util.Arrays.stream(
            System.getProperty("perfdesk.screenSizes", "1024x600,1366x768").split(","))
            .map(s -> s.strip().split("x"))
            .map(wh -> new ScreenTour.Size(wh[0] + "x" + wh[1], Integer.parseInt(wh[0]), Integer.parseInt(wh[1])))
            .toList();
    private static Path out;

    static {
        // Monocle's headless screen is 1280×800 unless told otherwise, too small for a 1366×768 window.
        // Read when the toolkit starts: this class runs in a JVM of its own (the command above).
        if (System.getProperty("headless.geometry") == null) {
            System.setProperty("headless.geometry", "1920x1200-32");
        }
    }

    @BeforeAll
    static void onlyWhenAsked() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("perfdesk.writeScreens"),
                "screenshots are written with -Dperfdesk.writeScreens=true");
        out = Path.of(System.getProperty("perfdesk.screensDir", "src/site/resources/screens"));
        Files.createDirectories(out);
        // A fixed place, so the paths the screens show are the same in every run.
        ScreenTour.ensureDemoIn(Path.of(System.getProperty("java.io.tmpdir"), "perfdesk-demo"));
    }

    @Test
    void unitInChinese() {
        write("unit", ScreenTour.unitDir(), Texts.CHINESE);
    }

    @Test
    void unitInEnglish() {
        write("unit", ScreenTour.unitDir(), Locale.ENGLISH);
    }

    @Test
    void officeInChinese() {
        write("office", ScreenTour.officeDir(), Texts.CHINESE);
    }

    @Test
    void officeInEnglish() {
        write("office", ScreenTour.officeDir(), Locale.ENGLISH);
    }

    private void write(String role, Path workspace, Locale language) {
        String lang = language.getLanguage();
        List<Path> written = new ArrayList<>();
        ScreenTour.Size before = ScreenTour.sizeOf(stage);
        try {
            if (role.equals("unit")) {
                ScreenTour.welcome(this, stage, language, SIZES, (screen, index, size) ->
                        written.add(snapshot(out.resolve(String.format("%s-%s-%s.png", screen, lang, size.name())))));
            }
            Texts.use(language);
            open(workspace);
            ScreenTour.walk(this, shell, stage, SIZES, (screen, index, size) -> {
                // Named by screen, not by place in the navigation: a screen added later leaves the others' names.
                String name = String.format("%s-%s-%s-%s.png", role, screen.replace("screen-", ""), lang, size.name());
                written.add(snapshot(out.resolve(name)));
            });
        } finally {
            ScreenTour.resize(this, stage, before);
        }
        assertThat(written).isNotEmpty();
        // A screen added to the navigation needs its few lines in the user guide.
        String guide = UserGuideTest.guide();
        assertThat(written.stream().map(p -> p.getFileName().toString()).filter(n -> !guide.contains(n)).toList())
                .as("pictures that src/site/markdown/user-guide.md does not show yet: add a section for each screen")
                .isEmpty();
    }

    private Path snapshot(Path file) {
        WritableImage[] image = new WritableImage[1];
        interact(() -> image[0] = stage.getScene().snapshot(null));
        return save(image[0], file);
    }

    private static Path save(WritableImage image, Path file) {
        BufferedImage argb = SwingFXUtils.fromFXImage(image, null);
        BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(argb, 0, 0, null);
        try {
            Png8.write(rgb, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
