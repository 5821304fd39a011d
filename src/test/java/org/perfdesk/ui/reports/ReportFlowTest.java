package org.perfdesk.ui.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.ReportKind;
import org.perfdesk.domain.ReportSection;
import org.perfdesk.exchange.demo.DemoBuilder;
import org.perfdesk.ui.ShellTest;
import org.perfdesk.ui.common.Screen;

/** A unit edits its half-year report and exports it to Word; the document holds what was written. */
class ReportFlowTest extends ShellTest {
    @TempDir
    static Path demoDir;
    private static DemoBuilder demo;

    @BeforeAll
    static void buildDemo() {
        demo = DemoBuilder.bundled();
        demo.build(demoDir, "test");
    }

    @Test
    void editTheOverviewAndExport() throws Exception {
        open(demo.folderOf(demoDir, "SLT"));
        clickOn("#nav-reports");
        @SuppressWarnings("unchecked")
        ListView<ReportSection> sections = lookup("#reports-sections").queryAs(ListView.class);
        waitUntil("the drafted sections", () -> sections.getItems().size() >= 3);
        assertThat(sections.getItems().get(0).key()).isEqualTo(ReportSection.OVERVIEW);
        interact(() -> sections.getSelectionModel().select(0));

        TextArea body = lookup("#reports-body").queryAs(TextArea.class);
        assertThat(body.getText()).isNotBlank(); // the draft
        interact(() -> body.setText("上半年全厅上下齐心协力，各项目标总体进展顺利。"));
        Node screenNode = lookup("#screen-reports").query();
        ReportsView view = (ReportsView) screenNode.getProperties().get(Screen.class);
        Path out = home.resolve("半年报告.docx");
        interact(() -> view.exportTo(out));
        waitUntil("the document", () -> Files.exists(out));

        try (InputStream in = Files.newInputStream(out); XWPFDocument doc = new XWPFDocument(in)) {
            String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(text).contains("福建省水利厅").contains("上半年全厅上下齐心协力，各项目标总体进展顺利。");
            assertThat(doc.getTables()).isNotEmpty();
        }
        // What was written is kept: the next look at the report shows it, not a fresh draft.
        waitUntil("the text saved", () -> shell.current().workspace().reports()
                .find("SLT", 2008, ReportKind.MIDYEAR).stream()
                .anyMatch(s -> s.body().startsWith("上半年全厅上下齐心协力")));
    }
}
