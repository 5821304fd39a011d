package org.perfdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.perfdesk.domain.Texts;
import org.perfdesk.report.xlsx.GoalTreeXlsx;
import org.perfdesk.report.xlsx.ImportChoices;
import org.perfdesk.report.xlsx.MappingFile;
import org.perfdesk.report.xlsx.RowProblem;
import org.perfdesk.report.xlsx.TreeWorkbook;
import org.perfdesk.report.xlsx.XlsxImport;
import org.perfdesk.store.Backups;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "tree", mixinStandardHelpOptions = true,
        description = {"The workspace unit's goal tree as an Excel form (目标分解表).", "以 Excel 表格导出、导入本单位的目标分解。"},
        subcommands = {TreeCommand.ExportXlsx.class, TreeCommand.ImportXlsx.class})
final class TreeCommand {

    @Command(name = "export-xlsx", mixinStandardHelpOptions = true,
            description = {"Write the unit's goal tree for the year as an xlsx form, with its organisation.",
                "把本单位该年度的目标分解（连同组织机构）导出为 xlsx 表格。"})
    static final class ExportXlsx implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "File to write. 输出文件。")
        Path out;

        @Override
        public Integer call() {
            try (Workspace ws = target.open()) {
                String unit = ws.self().code();
                GoalTreeXlsx.export(ws, unit, target.year, out);
                spec.commandLine().getOut().println(Texts.t("cli.tree.exported", ws.goals().count(unit, target.year),
                        out.toAbsolutePath().toString()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "import-xlsx", mixinStandardHelpOptions = true,
            description = {"Replace the unit's goal tree for the year with a workbook: the program's own form, or an"
                + " office's own (.xlsx, .xls or .csv), read through a column mapping found from its headings. Nothing"
                + " is imported when any row has a problem (exit 1; every problem is listed).",
                "用工作簿替换本单位该年度的目标分解：程序导出的表，或单位自己的表格（.xlsx、.xls、.csv，按表头对应各列）；"
                + "任何一行有问题都不导入（退出码 1，逐条列出问题）。"})
    static final class ImportXlsx implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Option(names = "--dry-run", description = "Check and show the tree, change nothing. 只预览，不写入。")
        boolean dryRun;
        @Option(names = "--create-org", description = "Create the divisions, persons and sub-units the workbook names"
            + " and the workspace lacks. 同时创建表中有、工作区还没有的处室、责任人和下级单位。")
        boolean createOrg;
        @Option(names = "--sheet", paramLabel = "NAME", description = "Sheet to read (repeatable; default: the form's"
            + " sheets). 要导入的工作表（可重复）。")
        List<String> sheets = new ArrayList<>();
        @Option(names = "--mapping", paramLabel = "FILE.json", description = "Column mapping to use (as --save-mapping"
            + " writes it). 使用的列对应文件。")
        Path mapping;
        @Option(names = "--save-mapping", paramLabel = "FILE.json", description = "Write the column mapping used, to"
            + " correct it and pass it with --mapping. 写出所用的列对应，改正后用 --mapping 读入。")
        Path saveMapping;
        @Parameters(paramLabel = "FILE", description = "The workbook. 表格文件。")
        Path file;

        @Override
        public Integer call() {
            Texts t = Texts.current();
            PrintWriter out = spec.commandLine().getOut();
            try (Workspace ws = target.open()) {
                TreeWorkbook wb = GoalTreeXlsx.open(ws, file);
                ImportChoices choices = wb.defaults().withCreateOrg(createOrg);
                if (mapping != null) {
                    choices = MappingFile.read(mapping, wb, choices);
                }
                if (!sheets.isEmpty()) {
                    for (String s : sheets) {
                        if (wb.sheet(s) == null) {
                            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                                    t.get("cli.tree.noSuchSheet", s, String.join("、",
                                            wb.sheets().stream().map(TreeWorkbook.SheetInfo::name).toList())));
                        }
                    }
                    choices = choices.withSheets(sheets);
                }
                if (saveMapping != null) {
                    MappingFile.write(saveMapping, choices);
                }
                TreeReport.mapping(out, t, wb, choices);
                XlsxImport preview = GoalTreeXlsx.read(ws, ws.self().code(), target.year, wb, choices);
                if (preview.refused()) {
                    PrintWriter err = spec.commandLine().getErr();
                    for (RowProblem p : preview.problems()) {
                        err.println(p.describe(t, preview.severalSheets()));
                    }
                    err.println(t.get("cli.tree.refused", file.toString(), preview.problems().size()));
                    return Cli.FAILED;
                }
                if (!dryRun) {
                    Backups.of(ws).automatic("before-xlsx-import");
                }
                XlsxImport.Counts c = dryRun ? preview.counts() : GoalTreeXlsx.apply(ws, preview);
                out.println(t.get(dryRun ? "cli.tree.dryRun" : "cli.tree.imported", file.toString(),
                        c.added(), c.changed(), c.unchanged(), c.removed()));
                TreeReport.organisations(out, t, preview.newOrganisations(), dryRun);
                if (dryRun) {
                    java.util.Map<String, String> names = new java.util.HashMap<>();
                    ws.orgUnits().findAll().forEach(o -> names.put(o.code(), o.name()));
                    preview.newOrganisations().forEach(o -> names.put(o.code(), o.name()));
                    TreeReport.tree(out, t, preview, names);
                }
                if (!preview.notes().isEmpty()) {
                    out.println(t.get("cli.tree.notes", preview.notes().size()));
                    preview.notes().forEach(n -> out.println("  " + n.describe(t, preview.severalSheets())));
                }
                if (!preview.warnings().isEmpty()) {
                    out.println(t.get("cli.tree.warnings", preview.warnings().size()));
                    preview.warnings().forEach(w -> out.println("  " + w.describe(t, preview.severalSheets())));
                }
            }
            return Cli.OK;
        }
    }
}
