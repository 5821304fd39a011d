package org.perfdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.ReportKind;
import org.perfdesk.domain.ReportSection;
import org.perfdesk.domain.Texts;
import org.perfdesk.report.DemoSet;
import org.perfdesk.store.Workspace;

/** report and diagram on the command line: files, messages and exit status. */
class ReportCliTest {
    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, (ws, demo, files) -> 0, new PrintWriter(out), new PrintWriter(err), name -> null);
        return new Result(status, out.toString(), err.toString());
    }

    @AfterEach
    void chinese() {
        Texts.use(Texts.CHINESE);
    }

    @Test
    void reportWritesTheDocumentWithTheSavedTextAndPrintsWhere() throws Exception {
        Path ws = DemoSet.unit("DSJ");
        try (Workspace w = Workspace.open(ws)) {
            w.reports().save(new ReportSection("DSJ", 2008, ReportKind.ANNUAL, ReportSection.OVERVIEW, 0, "总体情况",
                    "局党组审定的全年总体情况。"));
        }
        Path out = dir.resolve("reports/DSJ-2008.docx");

        Result r = run("report", "--workspace", ws.toString(), "--kind", "annual", "--year", "2008", "--out",
                out.toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("已生成报告：").contains(out.toAbsolutePath().toString());
        try (InputStream in = Files.newInputStream(out); XWPFDocument doc = new XWPFDocument(in)) {
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts.get(0)).endsWith("2008年度绩效总结报告");
            assertThat(texts).contains("一、总体情况", "局党组审定的全年总体情况。");
            assertThat(texts).anyMatch(s -> s.endsWith("、下一年度工作思路"));
        }
    }

    @Test
    void diagramWritesAPng() throws Exception {
        Path out = dir.resolve("XM.png");
        Result r = run("diagram", "--workspace", DemoSet.unit("XM").toString(), "--year", "2008", "--out",
                out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("已生成示意图：");
        assertThat(ImageIO.read(out.toFile()).getWidth()).isGreaterThan(800);
    }

    @Test
    void aWrongKindIsWrongUsage() {
        Result r = run("report", "--workspace", DemoSet.unit("XM").toString(), "--kind", "quarterly", "--year", "2008",
                "--out", dir.resolve("x.docx").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("报告类型“quarterly”无效").contains("midyear").contains("annual");
        assertThat(dir.resolve("x.docx")).doesNotExist();
    }

    @Test
    void aYearWithoutDataFailsWithAMessageAndWritesNothing() {
        Result report = run("report", "--workspace", DemoSet.unit("XM").toString(), "--kind", "midyear",
                "--year", "2011", "--out", dir.resolve("x.docx").toString());
        assertThat(report.status()).isEqualTo(1);
        assertThat(report.err()).contains("厦门市人民政府2011年度还没有目标分解数据");
        Result diagram = run("--lang", "en", "diagram", "--workspace", DemoSet.unit("XM").toString(),
                "--year", "2011", "--out", dir.resolve("x.png").toString());
        assertThat(diagram.status()).isEqualTo(1);
        assertThat(diagram.err()).contains("has no goal tree for 2011");
        assertThat(dir.resolve("x.docx")).doesNotExist();
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void aMistypedYearIsWrongUsageForBothCommands() {
        Result report = run("report", "--workspace", DemoSet.unit("XM").toString(), "--kind", "midyear",
                "--year", "208", "--out", dir.resolve("x.docx").toString());
        Result diagram = run("diagram", "--workspace", DemoSet.unit("XM").toString(), "--year", "208",
                "--out", dir.resolve("x.png").toString());
        for (Result r : List.of(report, diagram)) {
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err()).contains("208");
        }
        assertThat(dir.resolve("x.docx")).doesNotExist();
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void anUnknownUnitFailsWithAMessage() {
        Result r = run("diagram", "--workspace", DemoSet.unit("XM").toString(), "--unit", "NOPE", "--year", "2008",
                "--out", dir.resolve("x.png").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("没有代码为“NOPE”的单位");
    }

    @Test
    void helpListsBothCommands() {
        Result r = run("--help");
        assertThat(r.out()).contains("report").contains("diagram");
    }
}
