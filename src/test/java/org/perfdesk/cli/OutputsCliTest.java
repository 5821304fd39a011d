package org.perfdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.Texts;
import org.perfdesk.report.DemoOffice;
import org.perfdesk.store.Workspace;

/** appraisal template/import and report --results/--notice on the command line: files, messages, exit status. */
class OutputsCliTest {
    private static final Path SAMPLE = Path.of("sample-data", "appraisal-2008.xlsx");

    @TempDir
    Path dir;
    private String office;

    record Result(int status, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, (ws, demo, files) -> 0, new PrintWriter(out), new PrintWriter(err), name -> null);
        return new Result(status, out.toString(), err.toString());
    }

    @BeforeEach
    void office() {
        office = DemoOffice.copyTo(dir.resolve("office")).toString();
    }

    @AfterEach
    void chinese() {
        Texts.use(Texts.CHINESE);
    }

    private int rounds() {
        try (Workspace ws = Workspace.open(Path.of(office))) {
            return ws.evaluation().appraisals().findByYear(2008).size();
        }
    }

    @Test
    void theTemplateIsWrittenAndTheSampleImportsWithADryRunFirst() {
        Path form = dir.resolve("form.xlsx");
        Result template = run("appraisal", "template", "--workspace", office, "--year", "2008", "--out", form.toString());
        assertThat(template.status()).as(template.err()).isZero();
        assertThat(template.out()).contains("已生成公众评议结果表").contains("form.xlsx");
        assertThat(form).exists();

        Result dry = run("appraisal", "import", "--workspace", office, "--year", "2008", "--file", SAMPLE.toString(),
                "--dry-run");
        assertThat(dry.status()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("第 8 行  福建省地方税务局  第 1 轮  样本 200  得分 86.00  新增")
                .contains("预览，未写入").contains("将新增 14 轮");
        assertThat(rounds()).isZero();

        Result imported = run("appraisal", "import", "--workspace", office, "--year", "2008", "--file", SAMPLE.toString());
        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("新增 14 轮，替换 0 轮，未变 0 轮").contains("已自动备份");
        assertThat(rounds()).isEqualTo(14);

        Result again = run("--lang", "en", "appraisal", "import", "--workspace", office, "--year", "2008", "--file",
                SAMPLE.toString());
        assertThat(again.status()).isZero();
        assertThat(again.out()).contains("0 round(s) added, 0 replaced, 14 unchanged");
    }

    @Test
    void aBadSheetListsEveryProblemExitsOneAndImportsNothing() throws IOException {
        Path bad = dir.resolve("bad.xlsx");
        try (InputStream in = Files.newInputStream(SAMPLE); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet s = wb.getSheet("公众评议");
            Row np2 = s.getRow(4);
            Cell notSatisfied = np2.getCell(7);
            np2.removeCell(notSatisfied);
            np2.createCell(7).setCellValue(10);
            Row xm1 = s.getRow(5);
            xm1.removeCell(xm1.getCell(0));
            xm1.createCell(0).setCellValue("XX");
            try (OutputStream out = Files.newOutputStream(bad)) {
                wb.write(out);
            }
        }
        Result r = run("appraisal", "import", "--workspace", office, "--year", "2008", "--file", bad.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("第 5 行「样本量」：各选项人数合计 301，与样本量 300 不符。")
                .contains("第 6 行「单位代码」：“XX”不是参加本年度评估的单位。")
                .contains("未导入：").contains("有 2 处问题，工作区未作任何改动");
        assertThat(rounds()).isZero();

        Result missing = run("appraisal", "import", "--workspace", office, "--year", "2008", "--file",
                dir.resolve("nowhere.xlsx").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("找不到文件");
    }

    @Test
    void wrongUsageIsExitTwo() {
        assertThat(run("appraisal", "import", "--workspace", office, "--year", "2008").status()).isEqualTo(2);
        assertThat(run("appraisal", "template", "--workspace", office, "--year", "208", "--out", "x.xlsx").status())
                .isEqualTo(2);
        Result nothing = run("report", "--workspace", office, "--year", "2008");
        assertThat(nothing.status()).isEqualTo(2);
        assertThat(nothing.err()).contains("--results");
        assertThat(run("report", "--workspace", office, "--year", "2008", "--kind", "annual", "--results", "r.xlsx")
                .status()).isEqualTo(2);
        // Two outputs cannot share one --out; a flag without its file needs --out.
        assertThat(run("report", "--workspace", office, "--year", "2008", "--results", "--notice", "--out", "x")
                .status()).isEqualTo(2);
        assertThat(run("report", "--workspace", office, "--year", "2008", "--results").status()).isEqualTo(2);
        assertThat(run("report", "--workspace", office, "--year", "2008", "--notice", "n.docx", "--unit", "XM")
                .status()).isEqualTo(2);
    }

    @Test
    void reportWritesTheResultsWorkbookAndTheNotice() throws IOException {
        assertThat(run("appraisal", "import", "--workspace", office, "--year", "2008", "--file", SAMPLE.toString())
                .status()).isZero();
        Path xlsx = dir.resolve("out/结果.xlsx");
        Path docx = dir.resolve("out/通报.docx");
        Result r = run("report", "--workspace", office, "--year", "2008", "--results", xlsx.toString(), "--notice",
                docx.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("已生成评估结果表").contains("已生成通报稿");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(wb.getSheet("总表")).isNotNull();
        }
        try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(docx))) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("关于2008年度绩效评估结果的通报");
        }
        // As the brief wrote it: the flag, and the file under --out.
        Path one = dir.resolve("one.xlsx");
        assertThat(run("report", "--results", "--workspace", office, "--year", "2008", "--out", one.toString())
                .status()).isZero();
        assertThat(one).exists();
        // A year without any unit's material has nothing to rank.
        Result empty = run("report", "--workspace", office, "--year", "2010", "--notice", dir.resolve("n.docx").toString());
        assertThat(empty.status()).isEqualTo(1);
        assertThat(empty.err()).contains("2010年度还没有任何单位的目标和进度数据");
        assertThat(dir.resolve("n.docx")).doesNotExist();
    }
}
