package org.perfdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfdesk.domain.UserError;

/** Opening evidence: only documents, and a plain answer when no viewer can open them. */
class OpenFilesTest {
    @Test
    void programsAndUnknownTypesAreRefusedWithAMessage() {
        UserError exe = OpenFiles.refusal("report.pdf\u202Egpj.exe");
        assertThat(exe.key()).isEqualTo("open.refusedProgram");
        assertThat(exe.getMessage()).contains("report.pdfgpj.exe").doesNotContain("\u202E");
        assertThat(OpenFiles.refusal("page.html").key()).isEqualTo("open.refusedType");
        assertThat(OpenFiles.refusal("验收报告.pdf")).isNull();
    }

    @Test
    void aViewerThatCannotStartMeansThereIsNone() {
        List<Path> opened = new ArrayList<>();
        OpenFiles.Viewer failing = new OpenFiles.Viewer() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public void open(Path file) throws IOException {
                throw new IOException("Failed to show URI:file:" + file);
            }
        };
        OpenFiles.Viewer working = new OpenFiles.Viewer() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public void open(Path file) {
                opened.add(file);
            }
        };
        OpenFiles.Viewer none = new OpenFiles.Viewer() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public void open(Path file) {
                throw new AssertionError("not asked");
            }
        };
        Path copy = Path.of("/tmp/perfdesk-evidence-1/验收报告.pdf");
        assertThat(OpenFiles.open(failing, copy)).isEqualTo(OpenFiles.Result.NO_VIEWER);
        assertThat(OpenFiles.open(none, copy)).isEqualTo(OpenFiles.Result.NO_VIEWER);
        assertThat(OpenFiles.open(working, copy)).isEqualTo(OpenFiles.Result.OPENED);
        assertThat(opened).containsExactly(copy);
    }
}
