package org.perfdesk.ui.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.ManagementSystem;
import org.perfdesk.domain.PlanDocument;
import org.perfdesk.exchange.Exporter;
import org.perfdesk.exchange.demo.DemoBuilder;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.ShellTest;
import org.perfdesk.ui.common.Screen;

/**
 * A department writes its 方案 in the window: the expected results in its own words, a measure of the
 * 运行跟踪监控 system (undone once and written again), the annual work plan attached, the empty parts drafted;
 * the screen then says the plan is complete, 报送 opens the exchange's send tab, and the plan package carries
 * what was written.
 */
class PlanFlowTest extends ShellTest {
    @TempDir
    static Path demoDir;
    private static DemoBuilder demo;

    @BeforeAll
    static void buildDemo() {
        demo = DemoBuilder.bundled();
        demo.build(demoDir, "test");
    }

    @Test
    void writeTheSectionsAndMeasuresAttachTheWorkPlanAndSend() throws Exception {
        open(demo.folderOf(demoDir, "SLT"));
        clickOn("#nav-plan");
        @SuppressWarnings("unchecked")
        ListView<PlanDocument.Section> sections = lookup("#plan-sections").queryAs(ListView.class);
        waitUntil("the sections", () -> sections.getItems().size() == PlanDocument.keys().size());
        Label missing = lookup("#plan-missing").queryAs(Label.class);
        waitUntil("what is missing", () -> missing.getText().startsWith("报送前还需补充"));
        assertThat(missing.getText()).contains("年度工作计划");
        Workspace ws = shell.current().workspace();

        // The expected results, in the department's own words, saved when another section is shown.
        interact(() -> sections.getSelectionModel().select(0));
        TextArea body = lookup("#plan-body").queryAs(TextArea.class);
        assertThat(body.getText()).as("the draft from the goal tree").isNotBlank();
        interact(() -> body.setText("全年水利投资完成 120 亿元，各项指标全面完成。"));
        int monitoring = PlanDocument.keys().indexOf(ManagementSystem.MONITORING.sectionKey());
        interact(() -> sections.getSelectionModel().select(monitoring));
        waitUntil("the expected results saved", () -> ws.planStage().plans().find("SLT", 2008)
                .section(PlanDocument.TARGETS).map(s -> s.body().startsWith("全年水利投资完成 120 亿元")).orElse(false));

        // A measure of the 运行跟踪监控 system: typed into the table, undone, written again.
        @SuppressWarnings("unchecked")
        TableView<PlanDocument.Measure> measures = lookup("#plan-measures").queryAs(TableView.class);
        assertThat(measures.isVisible()).isTrue();
        int before = measures.getItems().size();
        clickOn("#plan-add-measure");
        waitUntil("the new measure's row", () -> measures.getItems().size() == before + 1
                && measures.getEditingCell() != null);
        write("每季度末厅务会听取一次绩效汇报").type(KeyCode.ENTER);
        waitUntil("the measure saved", () -> savedMeasures(ws).contains("每季度末厅务会听取一次绩效汇报"));
        clickOn("#plan-undo");
        waitUntil("the measure undone", () -> !savedMeasures(ws).contains("每季度末厅务会听取一次绩效汇报"));
        clickOn("#plan-undo");
        waitUntil("the empty measure undone too", () -> measures.getItems().size() == before);

        // The annual work plan attached, the other parts drafted: nothing is missing any more.
        Path workPlan = Files.writeString(home.resolve("2008年度工作计划.docx"), "not really Word",
                StandardCharsets.UTF_8);
        PlanView view = (PlanView) lookup("#screen-plan").query().getProperties().get(Screen.class);
        interact(() -> view.attach(workPlan));
        waitUntil("the work plan's file", () -> lookup("#plan-work-plan-file").queryAs(Label.class).getText()
                .contains("2008年度工作计划.docx"));
        clickOn("#plan-draft");
        waitUntil("the plan complete", () -> missing.getText().equals("方案各部分已齐全，可以报送。"));
        assertThat(ws.planStage().plans().find("SLT", 2008).section(PlanDocument.TARGETS).orElseThrow().body())
                .as("what was written stays after drafting").startsWith("全年水利投资完成 120 亿元");

        // 报送 opens the exchange's send tab; the plan package carries the plan as written.
        clickOn("#plan-send");
        waitUntil("the exchange screen", () -> !lookup("#exchange-tabs").queryAll().isEmpty());
        assertThat(lookup("#exchange-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedIndex()).isZero();
        var signer = shell.current().unlock(DemoBuilder.PASSPHRASE.toCharArray());
        Path out = Files.createDirectories(demoDir.resolve("out"));
        new Exporter(ws, signer).exportUnitPackage(PackageKind.PLAN, 2008, out, p -> { }, true);
        Path file;
        try (Stream<Path> s = Files.list(out)) {
            file = s.filter(p -> p.toString().endsWith(".perfpkg")).findFirst().orElseThrow();
        }
        String doc = new String(PackageReader.readWithoutSignature(file, Limits.DEFAULT)
                .entry(EntryNames.PLAN_DOCUMENT), StandardCharsets.UTF_8);
        assertThat(doc).contains("全年水利投资完成 120 亿元").contains("2008年度工作计划.docx");
    }

    private static String savedMeasures(Workspace ws) {
        return ws.planStage().plans().find("SLT", 2008).section(ManagementSystem.MONITORING.sectionKey())
                .map(s -> s.measures().toString()).orElse("");
    }
}
