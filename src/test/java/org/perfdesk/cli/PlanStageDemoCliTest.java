package org.perfdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.demo.DemoBuilder;

/**
 * The plan stage of a year on the demo, only through the command line, as `sample-data/plan-stage-demo.sh`
 * runs it: the office imports each group's indicator system from the sample spreadsheets, moves the plan's
 * date and sends both down; 厦门 (a city) and 水利厅 (a department) link their trees by name and by hand,
 * draft their 方案 with the seven 制度, attach a work plan and send it up; the department's is returned once and
 * then approved (批复), the city's filed (备案); a second changed date reaches both; after their annual packages
 * the office compares them indicator by indicator through the codes (system compare and the results workbook).
 */
class PlanStageDemoCliTest {
    private static final String YEAR = "2008";
    private static final List<String> SEVEN = List.of("绩效目标落实责任制度", "绩效运行跟踪监控制度", "绩效情况分析总结制度",
            "绩效评估制度", "绩效信息收集制度", "绩效改进制度", "绩效结果运用制度");

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, (ws, demo, files) -> 0, new PrintWriter(out), new PrintWriter(err),
                name -> name.equals("PERFDESK_PASSPHRASE") ? DemoBuilder.PASSPHRASE : null);
        return new Result(status, out.toString(), err.toString());
    }

    /** Runs a step that must succeed; its output. */
    private static String ok(String... args) {
        Result r = run(args);
        assertThat(r.status()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return r.out();
    }

    @AfterEach
    void chinese() {
        Texts.use(Texts.CHINESE);
    }

    @Test
    void aCityFiledAndADepartmentApprovedAfterOneReturnComparedThroughTheCodes() throws IOException {
        ok("demo", "--out", dir.toString());
        String office = dir.resolve("office").toString();
        String xm = dir.resolve("XM").toString();
        String slt = dir.resolve("SLT").toString();

        // The office: the year's indicator systems from the sample spreadsheets, the plan due on 25 July.
        String cities = ok("system", "import-xlsx", "--workspace", office, "--year", YEAR, "--group", "cities",
                "sample-data/indicator-system-2008-cities.xlsx");
        assertThat(cities).contains("C1.1 地区生产总值增长率").contains("C4.3 政府信息公开").contains("末级 10 项");
        String departments = ok("system", "import-xlsx", "--workspace", office, "--year", YEAR, "--group",
                "departments", "sample-data/indicator-system-2008-departments.xlsx");
        assertThat(departments).contains("D1.1 依法行政").contains("末级 6 项");
        assertThat(ok("calendar", "set", "--workspace", office, "--year", YEAR, "--step", "plan", "--date",
                "2008年7月25日")).contains("7 月 25 日前");

        // Sent into a folder that does not exist yet: one package per unit each, none written over another.
        Path down = dir.resolve("down");
        ok("system", "send", "--workspace", office, "--year", YEAR, "--out", down.toString());
        ok("calendar", "send", "--workspace", office, "--year", YEAR, "--out", down.toString());
        assertThat(Files.isDirectory(down)).isTrue();
        assertThat(packages(down, "")).hasSize(14);
        for (String unit : List.of(xm, slt)) {
            String code = Path.of(unit).getFileName().toString();
            List<String> args = new ArrayList<>(List.of("import", "--workspace", unit));
            args.addAll(packages(down, "-" + code + "-"));
            assertThat(args).hasSize(5);
            String imported = ok(args.toArray(String[]::new));
            assertThat(imported).contains("指标体系")
                    .contains("改动：报送年度绩效评估工作方案和年度工作计划（7 月 25 日前），原为 7 月 15 日前");
            assertThat(ok("calendar", "show", "--workspace", unit, "--year", YEAR))
                    .contains("效能办于").contains("plan\t报送年度绩效评估工作方案和年度工作计划（7 月 25 日前）\t2008-07-25");
        }

        // The units link their trees: by name, then by hand what is named otherwise in their trees.
        String xmAuto = ok("system", "link", "--workspace", xm, "--year", YEAR, "--auto");
        assertThat(xmAuto).contains("厦门市人民政府：已对应 9/10 项末级指标").contains("缺少 C4.3 政府信息公开");
        assertThat(ok("system", "link", "--workspace", xm, "--year", YEAR, "--link", "编制政府信息公开指南和目录=C4.3"))
                .contains("厦门市人民政府：已对应 10/10 项末级指标").doesNotContain("缺少");
        // 依法行政 is a sub-goal in 水利厅's tree, not an indicator: not linked by name.
        String sltAuto = ok("system", "link", "--workspace", slt, "--year", YEAR, "--auto");
        assertThat(sltAuto).contains("福建省水利厅：已对应 4/6 项末级指标").contains("缺少 D1.1 依法行政")
                .contains("缺少 D1.2 政府信息公开");
        assertThat(ok("system", "link", "--workspace", slt, "--year", YEAR, "--link", "规范性文件合法性审查率=D1.1",
                "--link", "编制政府信息公开指南和目录=D1.2")).contains("福建省水利厅：已对应 6/6 项末级指标")
                .doesNotContain("缺少");

        // Their 方案: drafted from the tree and the calendar, one section rewritten, the work plan attached.
        for (String unit : List.of(xm, slt)) {
            assertThat(ok("plan", "draft", "--workspace", unit, "--year", YEAR)).contains("方案各节齐全");
            Path workPlan = dir.resolve(Path.of(unit).getFileName() + "-2008年度绩效管理工作计划.txt");
            Files.writeString(workPlan, "2008年度绩效管理工作计划\n一、工作目标\n二、工作步骤\n", StandardCharsets.UTF_8);
            assertThat(ok("plan", "attach", "--workspace", unit, "--year", YEAR, "--file", workPlan.toString()))
                    .contains(workPlan.getFileName().toString());
        }
        ok("plan", "set", "--workspace", xm, "--year", YEAR, "--section", "system:RESULTS_USE", "--text",
                "绩效评估结果作为领导班子和干部考核、评先评优的重要依据。");
        String xmPlan = ok("plan", "show", "--workspace", xm, "--year", YEAR);
        assertThat(xmPlan).contains("一、各项指标的预期实现目标").contains("二、任务分解后的责任单位")
                .contains("绩效评估结果作为领导班子和干部考核、评先评优的重要依据。")
                .contains("年度工作计划文件：XM-2008年度绩效管理工作计划.txt")
                // The 目标责任书 are signed by the plan's date as the office moved it, not 15 July.
                .contains("签订目标责任书（厦门市人民政府，2008-07-25）").doesNotContain("签订目标责任书（厦门市人民政府，2008-07-15）")
                .doesNotContain("（，）");
        SEVEN.forEach(s -> assertThat(xmPlan).contains(s + "及具体措施"));

        // Up: each plan package to the office, which holds both 方案 and sees both trees linked.
        Path up = Files.createDirectories(dir.resolve("up"));
        for (String unit : List.of(xm, slt)) {
            ok("export", "--workspace", unit, "--kind", "plan", "--year", YEAR, "--out", up.toString());
        }
        assertThat(ok("import", "--workspace", office, up.toString())).contains("已接收厦门市人民政府的绩效工作方案")
                .contains("已接收福建省水利厅的绩效工作方案");
        assertThat(ok("system", "status", "--workspace", office, "--year", YEAR))
                .contains("厦门市人民政府：已对应 10/10 项末级指标").contains("福建省水利厅：已对应 6/6 项末级指标")
                .contains("南平市人民政府：已对应 0/10 项末级指标").doesNotContain("本次改动");
        String atOffice = ok("plan", "show", "--workspace", office, "--year", YEAR, "--unit", "SLT");
        SEVEN.forEach(s -> assertThat(atOffice).contains(s + "及具体措施"));
        assertThat(atOffice).contains("年度工作计划文件：SLT-2008年度绩效管理工作计划.txt");

        // The department's 方案 is answered by 批复: filing it is refused; returned once, then approved.
        Path answers = Files.createDirectories(dir.resolve("answers"));
        Result wrongMode = run("review", "--workspace", office, "--unit", "SLT", "--year", YEAR, "--file", "--reason",
                "予以备案。", "--out", answers.toString());
        assertThat(wrongMode.status()).isNotZero();
        assertThat(wrongMode.err()).contains("福建省水利厅");
        assertThat(ok("review", "--workspace", office, "--unit", "SLT", "--year", YEAR, "--return", "--reason",
                "请补充汛期水利工程建设的督查措施。", "--out", answers.toString())).contains("退回修改：SLT");
        assertThat(ok(importArgs(slt, packages(answers, "-SLT-")))).contains("退回修改")
                .contains("请补充汛期水利工程建设的督查措施。");
        assertThat(ok("plan", "show", "--workspace", slt, "--year", YEAR)).contains("效能办答复：退回修改");
        ok("plan", "set", "--workspace", slt, "--year", YEAR, "--section", "system:MONITORING", "--text",
                "每季度厅务会听取一次绩效汇报；汛期每月督查水利工程建设进度。");
        Path again = Files.createDirectories(dir.resolve("up-again"));
        ok("export", "--workspace", slt, "--kind", "plan", "--year", YEAR, "--out", again.toString());
        ok("import", "--workspace", office, again.toString());
        assertThat(ok("plan", "show", "--workspace", office, "--year", YEAR, "--unit", "SLT"))
                .contains("汛期每月督查水利工程建设进度");
        Path approval = Files.createDirectories(dir.resolve("approval"));
        assertThat(ok("review", "--workspace", office, "--unit", "SLT", "--year", YEAR, "--approve", "--reason",
                "同意。", "--out", approval.toString())).contains("批复同意：SLT");
        ok(importArgs(slt, packages(approval, "-SLT-")));
        assertThat(ok("plan", "show", "--workspace", slt, "--year", YEAR)).contains("效能办答复：批复同意");

        // The city's is filed (备案): approving it is refused.
        Result approveCity = run("review", "--workspace", office, "--unit", "XM", "--year", YEAR, "--approve",
                "--reason", "同意。", "--out", answers.toString());
        assertThat(approveCity.status()).isNotZero();
        assertThat(approveCity.err()).contains("应当备案");
        assertThat(ok("review", "--workspace", office, "--unit", "XM", "--year", YEAR, "--file", "--reason",
                "方案齐全，予以备案。", "--out", answers.toString())).contains("予以备案：XM");
        assertThat(ok(importArgs(xm, packages(answers, "-XM-")))).contains("予以备案");
        assertThat(ok("plan", "show", "--workspace", xm, "--year", YEAR)).contains("效能办答复：予以备案")
                .contains("方案齐全，予以备案。");

        // A changed date reaches both units.
        assertThat(ok("calendar", "set", "--workspace", office, "--year", YEAR, "--step", "midyear", "--date",
                "9月10日")).contains("报送半年绩效分析报告（9 月 10 日前）");
        Path calendar = dir.resolve("calendar");
        ok("calendar", "send", "--workspace", office, "--year", YEAR, "--out", calendar.toString());
        for (String unit : List.of(xm, slt)) {
            String code = Path.of(unit).getFileName().toString();
            assertThat(ok(importArgs(unit, packages(calendar, "-" + code + "-"))))
                    .contains("改动：报送半年绩效分析报告（9 月 10 日前），原为 8 月底前");
            assertThat(ok("calendar", "show", "--workspace", unit, "--year", YEAR))
                    .contains("midyear\t报送半年绩效分析报告（9 月 10 日前）\t2008-09-10")
                    .contains("2008-07-25").doesNotContain("8 月底前）\t2008-08-31\t单位");
        }

        // The year's end: the annual packages and the appraisal, then the comparison through the codes.
        Path annual = Files.createDirectories(dir.resolve("annual"));
        for (String unit : List.of(xm, slt)) {
            ok("export", "--workspace", unit, "--kind", "annual", "--year", YEAR, "--out", annual.toString());
        }
        ok("import", "--workspace", office, annual.toString());
        ok("appraisal", "import", "--workspace", office, "--year", YEAR, "--file", "sample-data/appraisal-2008.xlsx");
        List<String> compare = ok("system", "compare", "--workspace", office, "--year", YEAR).lines().toList();
        assertThat(compare).contains("2008 年度设区市政府：按指标体系编码逐项对比", "2008 年度省直部门：按指标体系编码逐项对比");
        assertThat(below(compare, "C1.1 地区生产总值增长率")).anySatisfy(l -> assertThat(l)
                .startsWith("  厦门市人民政府：地区生产总值增长率，目标 ≥13%，完成 ").contains("得 "))
                .anySatisfy(l -> assertThat(l).isEqualTo("  南平市人民政府：未对应"));
        assertThat(below(compare, "C4.3 政府信息公开")).anySatisfy(l -> assertThat(l)
                .startsWith("  厦门市人民政府：编制政府信息公开指南和目录，目标 4月30日前完成"));
        assertThat(below(compare, "D1.1 依法行政")).anySatisfy(l -> assertThat(l)
                .startsWith("  福建省水利厅：规范性文件合法性审查率，目标 ").contains("得 "))
                .anySatisfy(l -> assertThat(l).isEqualTo("  福建省农业厅：未对应"));
        for (String code : List.of("C1.1", "C1.2", "C1.3", "C2.1", "C2.2", "C3.1", "C3.2", "C4.1", "C4.2", "C4.3")) {
            assertThat(belowCode(compare, code)).as(code).anySatisfy(l -> assertThat(l)
                    .startsWith("  厦门市人民政府：").contains("目标").contains("得 "));
        }
        for (String code : List.of("D1.1", "D1.2", "D1.3", "D1.4", "D1.5", "D1.6")) {
            assertThat(belowCode(compare, code)).as(code).anySatisfy(l -> assertThat(l)
                    .startsWith("  福建省水利厅：").contains("目标").contains("得 "));
        }

        // The results workbook's 指标对比 sheets say the same, code by code.
        Path workbook = dir.resolve("results-2008.xlsx");
        ok("report", "--workspace", office, "--year", YEAR, "--results", workbook.toString());
        List<List<String>> rows = compareRows(workbook);
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(0, 4))
                .containsExactly("C4.3", "政府信息公开", "厦门市人民政府", "编制政府信息公开指南和目录"));
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(0, 4))
                .containsExactly("D1.1", "依法行政", "福建省水利厅", "规范性文件合法性审查率"));
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(0, 4))
                .containsExactly("C1.1", "地区生产总值增长率", "南平市人民政府", "未对应"));
        assertThat(rows).filteredOn(r -> r.get(2).equals("厦门市人民政府") || r.get(2).equals("福建省水利厅"))
                .hasSize(16).allSatisfy(r -> assertThat(r.get(5)).as(r.toString()).isNotBlank());
    }

    private static String[] importArgs(String workspace, List<String> files) {
        List<String> args = new ArrayList<>(List.of("import", "--workspace", workspace));
        args.addAll(files);
        return args.toArray(String[]::new);
    }

    /** The packages in a folder whose names contain {@code part} ("-XM-": those for or from 厦门). */
    private static List<String> packages(Path folder, String part) throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            return all.map(Path::toString).filter(p -> p.endsWith(".perfpkg"))
                    .filter(p -> Path.of(p).getFileName().toString().contains(part)).sorted().toList();
        }
    }

    /** The unit lines printed under an indicator's heading line. */
    private static List<String> below(List<String> lines, String heading) {
        int at = lines.indexOf(heading);
        assertThat(at).as(heading).isNotNegative();
        List<String> out = new ArrayList<>();
        for (int i = at + 1; i < lines.size() && lines.get(i).startsWith("  "); i++) {
            out.add(lines.get(i));
        }
        return out;
    }

    private static List<String> belowCode(List<String> lines, String code) {
        String heading = lines.stream().filter(l -> l.startsWith(code + " ")).findFirst().orElseThrow();
        return below(lines, heading);
    }

    /** The rows of every 指标对比 sheet, as their cells read. */
    private static List<List<String>> compareRows(Path file) throws IOException {
        List<List<String>> out = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        try (InputStream in = Files.newInputStream(file); Workbook wb = new XSSFWorkbook(in)) {
            int sheets = 0;
            for (Sheet s : wb) {
                if (!s.getSheetName().startsWith("指标对比")) {
                    continue;
                }
                sheets++;
                for (Row r : s) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < 11; c++) {
                        cells.add(r.getCell(c) == null ? "" : f.formatCellValue(r.getCell(c)).strip());
                    }
                    out.add(cells);
                }
            }
            assertThat(sheets).isEqualTo(2);
        }
        return out;
    }
}
