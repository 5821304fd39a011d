package org.perfdesk.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The user guide and its pictures agree: every picture it shows is committed, and every committed
 * picture is shown (ScreensTest writes them; a stale one from a renamed screen would mislead).
 */
class UserGuideTest {
    static final Path GUIDE = Path.of("src/site/markdown/user-guide.md");
    static final Path SCREENS = Path.of("src/site/resources/screens");
    private static final Pattern PICTURE = Pattern.compile("\\(\\.\\./resources/screens/([^)]+\\.png)\\)");
    /** The tour's pictures (role-screen-language-size); other pictures there (arm64-window.png) are not the guide's. */
    private static final Pattern TOUR = Pattern.compile("(welcome|(unit|office)-[a-z]+)-(zh|en)-\\d+x\\d+\\.png");

    static String guide() {
        try {
            return Files.readString(GUIDE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyPictureShownExistsAndEveryPictureIsShown() throws IOException {
        List<String> shown = PICTURE.matcher(guide()).results().map(m -> m.group(1)).distinct().toList();
        assertThat(shown).as("pictures in the guide").hasSizeGreaterThanOrEqualTo(4 * 24);
        List<String> committed;
        try (Stream<Path> files = Files.list(SCREENS)) {
            committed = files.map(p -> p.getFileName().toString()).filter(n -> TOUR.matcher(n).matches()).toList();
        }
        assertThat(committed).as("pictures the guide shows").containsAll(shown);
        assertThat(shown).as("committed pictures").containsAll(committed);
    }

    @Test
    void thePicturesStaySmall() throws IOException {
        long total;
        try (Stream<Path> files = Files.list(SCREENS)) {
            total = files.mapToLong(p -> p.toFile().length()).sum();
        }
        assertThat(total).as("bytes of pictures in the repository").isLessThan(10L * 1024 * 1024);
    }
}
