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
        assertThat(r.err()).startsWith("错误：文件 " + text + " 不是 Excel 工作簿（.xlsx、.xls），也不是 CSV 文件。").doesNotContain("Exception");
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
        List<String> lines = dry.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("预览，未写入 " + edited + "：将新增 0，修改 2，未变 13，删除 0");
        // The tree it would make, one line per node, then the rule findings.
        assertThat(lines.subList(1, lines.size() - 2)).hasSize(16).startsWith("将导入的目标分解：",
                "  目标 依法履职，完成年度重点工作 · 60 分 · 示例厅 · 2008-12-31");
        assertThat(lines).endsWith("提示（不影响导入）：1 条", "  第 15 行：下级分值合计 22，与本项分值 20 不一致");
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
    /** A fresh workspace of the example unit: nothing but the unit itself. */
    private Path freshWorkspace(String name) {
        Path fresh = dir.resolve(name);
        Workspace.create(fresh, new Workspace.Setup(org.perfdesk.domain.Role.UNIT, ExampleTree.self(), 2008, "test")).close();
        return fresh;
    }

    @Test
    void theExportGivesAFreshWorkspaceTheTreeAndItsOrganisationWithCreateOrgOnly() {
        Path file = exported();
        Path fresh = freshWorkspace("FRESH");
        Result without = run("tree", "import-xlsx", "--workspace", fresh.toString(), "--year", "2008", file.toString());
        assertThat(without.status()).isEqualTo(1);
        assertThat(without.err().lines().findFirst()).hasValueSatisfying(l -> assertThat(l)
                .contains("在「组织机构」表中，但工作区中还没有这个组织").contains("--create-org"));

        Result dry = run("tree", "import-xlsx", "--workspace", fresh.toString(), "--year", "2008", "--create-org",
                "--dry-run", file.toString());
        assertThat(dry.status()).as(dry.err()).isZero();
        assertThat(dry.out().lines()).contains("预览，未写入 " + file + "：将新增 15，修改 0，未变 0，删除 0",
                "将新建组织 6 个：", "  处室 综合规划处（代码 EX-GHC，上级 EX）", "  责任人 张明（处长）（代码 EX-GHC-01，上级 EX-GHC）",
                "将导入的目标分解：");
        assertThat(dry.out()).contains("    指标 ").contains(" · 综合规划处");
        try (Workspace ws = Workspace.open(fresh)) {
            assertThat(ws.orgUnits().findAll()).hasSize(1);
            assertThat(ws.goals().findAll(ExampleTree.UNIT, ExampleTree.YEAR)).isEmpty();
        }

        Result real = run("tree", "import-xlsx", "--workspace", fresh.toString(), "--year", "2008", "--create-org",
                file.toString());
        assertThat(real.status()).as(real.err()).isZero();
        assertThat(real.out()).startsWith("已导入 " + file + "：新增 15，修改 0，未变 0，删除 0")
                .contains("已新建组织 6 个：");
        try (Workspace ws = Workspace.open(fresh)) {
            assertThat(ws.orgUnits().findSubtree(ExampleTree.UNIT).subList(1, 7))
                    .containsExactlyInAnyOrderElementsOf(ExampleTree.organisations());
            assertThat(Sheets.shapes(ws.goals().findAll(ExampleTree.UNIT, ExampleTree.YEAR)))
                    .containsExactlyElementsOf(Sheets.shapes(ExampleTree.nodes()));
        }
    }

    @Test
    void anOfficesOwnFormWithAChosenSheetASavedAndCorrectedMapping() throws IOException {
        Path form = dir.resolve("departments.xlsx");
        java.nio.file.Files.copy(Path.of("src/test/resources/org/perfdesk/report/xlsx/corpus/departments.xlsx"), form);
        Path fresh = freshWorkspace("FORM");
        Path mapping = dir.resolve("mapping.json");
        Result first = run("tree", "import-xlsx", "--workspace", fresh.toString(), "--year", "2008", "--create-org",
                "--dry-run", "--sheet", "财务处", "--save-mapping", mapping.toString(), form.toString());
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out().lines()).contains(
                "工作表“财务处”，表头在第 1 行：A「指标名称」→指标名称，B「分值」→分值，C「目标值」→目标值，D「完成时限」→完成时限",
                "预览，未写入 " + form + "：将新增 3，修改 0，未变 0，删除 0");
        String saved = java.nio.file.Files.readString(mapping);
        assertThat(saved).contains("\"D\" : \"完成时限\"");
        // The user corrects the file: 完成时限 is not imported.
        java.nio.file.Files.writeString(mapping, saved.replace("\"D\" : \"完成时限\"", "\"D\" : \"不导入\""));
        Result second = run("tree", "import-xlsx", "--workspace", fresh.toString(), "--year", "2008", "--create-org",
                "--mapping", mapping.toString(), form.toString());
        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.out()).contains("A「指标名称」→指标名称，B「分值」→分值，C「目标值」→目标值")
                .doesNotContain("→完成时限");
        try (Workspace ws = Workspace.open(fresh)) {
            assertThat(ws.goals().findAll(ExampleTree.UNIT, ExampleTree.YEAR)).hasSize(3)
                    .allSatisfy(n -> assertThat(n.deadline()).isNull());
        }
        Result noSuchSheet = run("tree", "import-xlsx", "--workspace", fresh.toString(), "--year", "2008", "--sheet",
                "人事处", form.toString());
        assertThat(noSuchSheet.status()).isEqualTo(2);
        assertThat(noSuchSheet.err()).contains("表格中没有工作表“人事处”，可选：办公室、财务处、Sheet3、办公室 (2)");
    }

    @Test
    void theOrganisationAloneExportsAndImportsAndABadRowIsRefusedWithItsRowAndColumn() throws IOException {
        Path sheet = dir.resolve("org.xlsx");
        Result export = run("org", "export-xlsx", "--workspace", workspace.toString(), "--out", sheet.toString());
        assertThat(export.status()).as(export.err()).isZero();
        assertThat(export.out()).isEqualTo("已导出组织 6 个：" + sheet.toAbsolutePath() + System.lineSeparator());
        Path fresh = freshWorkspace("ORG");
        Result dry = run("org", "import-xlsx", "--workspace", fresh.toString(), "--dry-run", sheet.toString());
        assertThat(dry.status()).as(dry.err()).isZero();
        assertThat(dry.out().lines().findFirst()).hasValue("预览，未写入 " + sheet + "：将新建组织 6 个，已有 0 个未变");
        Result real = run("org", "import-xlsx", "--workspace", fresh.toString(), sheet.toString());
        assertThat(real.status()).as(real.err()).isZero();
        Result again = run("org", "import-xlsx", "--workspace", fresh.toString(), sheet.toString());
        assertThat(again.out().lines().findFirst()).hasValueSatisfying(l -> assertThat(l).endsWith("新建组织 0 个，已有 6 个未变"));
        try (Workspace ws = Workspace.open(fresh)) {
            assertThat(ws.orgUnits().findSubtree(ExampleTree.UNIT).subList(1, 7))
                    .containsExactlyInAnyOrderElementsOf(ExampleTree.organisations());
        }

        Path bad = dir.resolve("bad-org.xlsx");
        try (var in = java.nio.file.Files.newInputStream(sheet);
             var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var s = wb.getSheet("组织机构");
            s.getRow(4).getCell(2).setCellValue("科组");     // not a kind
            s.getRow(5).getCell(4).setCellValue("EX-ZZZ");  // a parent nobody has
            try (var out = java.nio.file.Files.newOutputStream(bad)) {
                wb.write(out);
            }
        }
        Path other = freshWorkspace("ORG2");
        Result refused = run("org", "import-xlsx", "--workspace", other.toString(), bad.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err().lines()).containsExactly(
                "第 5 行「类别」：类别“科组”不是可选的值，应为：处室、责任人、部门、县（市、区）或设区市政府。",
                "第 6 行「上级代码」：上级“EX-ZZZ”既不在表中，也不是本单位已有的组织。请改正，或先在表中列出这个上级。",
                "未导入：" + bad + " 中有 2 处问题，工作区未作任何改动。改正后请重新导入。");
        try (Workspace ws = Workspace.open(other)) {
            assertThat(ws.orgUnits().findAll()).hasSize(1);
        }
    }
}
