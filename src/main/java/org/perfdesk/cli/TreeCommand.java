package org.perfdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.perfdesk.domain.Texts;
import org.perfdesk.report.xlsx.GoalTreeXlsx;
import org.perfdesk.report.xlsx.RowProblem;
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
            description = {"Write the unit's goal tree for the year as an xlsx form.", "把本单位该年度的目标分解导出为 xlsx 表格。"})
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
            description = {"Replace the unit's goal tree for the year with the rows of an xlsx form. Nothing is imported"
                + " when any row has a problem (exit 1; every problem is listed).",
                "用 xlsx 表格替换本单位该年度的目标分解；任何一行有问题都不导入（退出码 1，逐条列出问题）。"})
    static final class ImportXlsx implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Option(names = "--dry-run", description = "Check and report, change nothing. 只预览，不写入。")
        boolean dryRun;
        @Parameters(paramLabel = "FILE.xlsx", description = "The filled-in form. 填好的表格。")
        Path file;

        @Override
        public Integer call() {
            Texts t = Texts.current();
            try (Workspace ws = target.open()) {
                XlsxImport preview = GoalTreeXlsx.read(ws, ws.self().code(), target.year, file);
                if (preview.refused()) {
                    PrintWriter err = spec.commandLine().getErr();
                    for (RowProblem p : preview.problems()) {
                        err.println(p.describe(t));
                    }
                    err.println(t.get("cli.tree.refused", file.toString(), preview.problems().size()));
                    return Cli.FAILED;
                }
                if (!dryRun) {
                    Backups.of(ws).automatic("before-xlsx-import");
                }
                XlsxImport.Counts c = dryRun ? preview.counts() : GoalTreeXlsx.apply(ws, preview);
                PrintWriter out = spec.commandLine().getOut();
                out.println(t.get(dryRun ? "cli.tree.dryRun" : "cli.tree.imported", file.toString(),
                        c.added(), c.changed(), c.unchanged(), c.removed()));
                if (!preview.warnings().isEmpty()) {
                    out.println(t.get("cli.tree.warnings", preview.warnings().size()));
                    preview.warnings().forEach(w -> out.println("  " + w.describe(t)));
                }
            }
            return Cli.OK;
        }
    }
}
