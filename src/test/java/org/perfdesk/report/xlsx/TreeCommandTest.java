package org.perfdesk.report.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.cli.Cli;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.Texts;
import org.perfdesk.store.Workspace;

/** {@code perfdesk tree export-xlsx | import-xlsx} as a script uses them: exit status, stdout, stderr. */
class TreeCommandTest {
    @TempDir
    Path dir;
    private Path workspace;

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, (ws, demo, files) -> 0, new PrintWriter(out), new PrintWriter(err), name -> null);
        return new Result(status, out.toString(), err.toString());
    }

    @BeforeEach
    void exampleWorkspace() {
        workspace = dir.resolve("EX");
        ExampleTree.workspace(workspace, true).close();
    }

    @AfterEach
    void chineseAgain() {
        Texts.use(Texts.CHINESE);
    }

    private List<GoalNode> nodes() {
        try (Workspace ws = Workspace.open(workspace)) {
            return ws.goals().findAll(ExampleTree.UNIT, ExampleTree.YEAR);
        }
    }

    private Path exported() {
        Path file = dir.resolve("out/目标分解表.xlsx");
        Result r = run("tree", "export-xlsx", "--workspace", workspace.toString(), "--year", "2008", "--out",
                file.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("已导出 15 个目标节点：" + file.toAbsolutePath() + System.lineSeparator());
        return file;
    }

    @Test
    void exportThenImportTheSameFileChangesNothing() {
        Path file = exported();
        List<GoalNode> before = nodes();
        Result r = run("tree", "import-xlsx", "--workspace", workspace.toString(), "--year", "2008", file.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("已导入 " + file + "：新增 0，修改 0，未变 15，删除 0");
        assertThat(r.err()).isEmpty();
        assertThat(nodes()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aBadFileExitsWithOneListsEveryProblemOnStderrAndImportsNothing() throws IOException {
        Path bad = Sheets.edit(exported(), dir.resolve("bad.xlsx"), s -> {
            Sheets.set(s, 4, "分值", "三十五");
            Sheets.set(s, 10, "责任单位/责任人", "财务处");
            Sheets.set(s, 3, "一级指标", "改过的目标名称"); // a good change, not imported either
        });
        List<GoalNode> before = nodes();
        Result r = run("tree", "import-xlsx", "--workspace", workspace.toString(), "--year", "2008", bad.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).containsExactly(
                "第 4 行「分值」：“三十五”不是数字。此列只填数字，单位写在「计量单位」列。",
                "第 10 行「责任单位/责任人」：“财务处”不是本单位的处室、责任人或下级单位。请按「填写说明」中的名单填写，或先添加该组织。",
                "未导入：" + bad + " 中有 2 处问题，工作区未作任何改动。改正后请重新导入。");
        assertThat(nodes()).containsExactlyInAnyOrderElementsOf(before);

        Result english = run("--lang", "en", "tree", "import-xlsx", "--workspace", workspace.toString(), "--year",
                "2008", bad.toString());
        assertThat(english.status()).isEqualTo(1);
        assertThat(english.err().lines().findFirst()).contains(
                "row 4, column \"分值\": \"三十五\" is not a number. This column takes numbers only; the unit goes in \"计量单位\".");
    }

    @Test
    void aFileThatIsNotAWorkbookIsOneMessageAndExitOne() throws IOException {
        Path text = java.nio.file.Files.writeString(dir.resolve("notes.xlsx"), "not a workbook");
        Result r = run("tree", "import-xlsx", "--workspace", workspace.toString(), "--year", "2008", text.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).startsWith("错误：文件 " + text + " 不是 Excel 工作簿（.xlsx）").doesNotContain("Exception");
    }

    @Test
    void dryRunReportsTheChangesAndWarningsButWritesNothing() throws IOException {
        Path edited = Sheets.edit(exported(), dir.resolve("edited.xlsx"), s -> {
            Sheets.set(s, 3, "一级指标", "依法履职，完成年度重点工作");
            Sheets.set(s, 16, "分值", 12);
        });
        List<GoalNode> before = nodes();
        Result dry = run("tree", "import-xlsx", "--workspace", workspace.toString(), "--year", "2008", "--dry-run",
                edited.toString());
        assertThat(dry.status()).as(dry.err()).isZero();
        assertThat(dry.out().lines()).containsExactly(
                "预览，未写入 " + edited + "：将新增 0，修改 2，未变 13，删除 0",
                "提示（不影响导入）：1 条",
                "  第 15 行：下级分值合计 22，与本项分值 20 不一致");
        assertThat(nodes()).containsExactlyInAnyOrderElementsOf(before);

        Result real = run("tree", "import-xlsx", "--workspace", workspace.toString(), "--year", "2008",
                edited.toString());
        assertThat(real.status()).isZero();
        assertThat(real.out()).startsWith("已导入 " + edited + "：新增 0，修改 2，未变 13，删除 0");
        assertThat(nodes()).hasSameSizeAs(before)
                .anySatisfy(n -> assertThat(n.title()).isEqualTo("依法履职，完成年度重点工作"));
    }

    @Test
    void wrongUsageExitsWithTwo() {
        assertThat(run("tree", "import-xlsx", "--workspace", workspace.toString(), "--year", "2008").status())
                .isEqualTo(2);
        Result badYear = run("tree", "export-xlsx", "--workspace", workspace.toString(), "--year", "8",
                "--out", dir.resolve("x.xlsx").toString());
        assertThat(badYear.status()).isEqualTo(2);
        assertThat(badYear.err()).contains("年度 8 无效");
    }
}
