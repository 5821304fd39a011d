package org.perfdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The window's usual starts skip picocli; everything else is left to it, with its messages. */
class WindowArgsTest {

    @Test
    void theUsualStartsAreReadAsPicocliWouldReadThem() {
        assertThat(WindowArgs.parse(new String[0])).isEqualTo(new WindowArgs(null, false, null, List.of()));
        assertThat(WindowArgs.parse(new String[] {"--workspace", "/data/ws", "--lang", "en"}))
                .isEqualTo(new WindowArgs(Path.of("/data/ws"), false, "en", List.of()));
        assertThat(WindowArgs.parse(new String[] {"--workspace=/data/ws", "--lang=zh"}))
                .isEqualTo(new WindowArgs(Path.of("/data/ws"), false, "zh", List.of()));
        assertThat(WindowArgs.parse(new String[] {"--demo"})).isEqualTo(new WindowArgs(null, true, null, List.of()));
        // A double-clicked package, its name with spaces and Chinese as file managers pass it.
        assertThat(WindowArgs.parse(new String[] {"/media/u盘/SLT-XNB-001-plan-2008 (1).perfpkg"}))
                .isEqualTo(new WindowArgs(null, false, null,
                        List.of(Path.of("/media/u盘/SLT-XNB-001-plan-2008 (1).perfpkg"))));
    }

    @Test
    void anythingElseGoesToPicocli() {
        for (String[] args : List.of(
                new String[] {"--help"}, new String[] {"-h"}, new String[] {"--version"}, new String[] {"info"},
                new String[] {"import", "--workspace", "w", "a.perfpkg"}, new String[] {"--lang", "fr"},
                new String[] {"--lang"}, new String[] {"--workspace"}, new String[] {"--workspace", "--demo"},
                new String[] {"--workspace", "a", "--workspace", "b"}, new String[] {"--demo", "--demo"},
                new String[] {"--demo=true"}, new String[] {"notes.txt"}, new String[] {"/some/folder"},
                new String[] {"--wrokspace", "w"}, new String[] {"-x"}, new String[] {"--", "a.perfpkg"})) {
            assertThat(WindowArgs.parse(args)).as(String.join(" ", args)).isNull();
        }
    }

    @Test
    void theLanguageIsChosenBeforeTheWindowStarts() {
        String[] seen = new String[1];
        int status = WindowArgs.parse(new String[] {"--lang", "en", "--demo"}).start((workspace, demo, packages) -> {
            seen[0] = org.perfdesk.domain.Texts.current().locale().getLanguage() + " " + demo;
            return 0;
        });
        try {
            assertThat(status).isZero();
            assertThat(seen[0]).isEqualTo("en true");
            assertThat(LanguageChoice.chosen()).isEqualTo("en");
        } finally {
            org.perfdesk.domain.Texts.use(org.perfdesk.domain.Texts.localeFor("zh"));
            LanguageChoice.set(null);
        }
    }
}
