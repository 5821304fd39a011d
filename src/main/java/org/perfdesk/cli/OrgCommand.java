package org.perfdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.perfdesk.domain.Texts;
import org.perfdesk.report.xlsx.OrgImport;
import org.perfdesk.report.xlsx.OrgXlsx;
import org.perfdesk.report.xlsx.RowProblem;
import org.perfdesk.store.Backups;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "org", mixinStandardHelpOptions = true,
        description = {"The unit's organisation (divisions, responsible persons, sub-units) as an Excel sheet (组织机构).",
            "以 Excel 表格导出、导入本单位的组织机构（处室、责任人、下级单位）。"},
        subcommands = {OrgCommand.ExportXlsx.class, OrgCommand.ImportXlsx.class})
final class OrgCommand {

    @Command(name = "export-xlsx", mixinStandardHelpOptions = true,
            description = {"Write the unit's organisation as an xlsx sheet.", "把本单位的组织机构导出为 xlsx 表格。"})
    static final class ExportXlsx implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
        Path workspace;
        @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "File to write. 输出文件。")
        Path out;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(workspace)) {
                String unit = ws.self().code();
                OrgXlsx.export(ws, unit, out);
                spec.commandLine().getOut().println(Texts.t("cli.org.exported",
                        ws.orgUnits().findSubtree(unit).size() - 1, out.toAbsolutePath().toString()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "import-xlsx", mixinStandardHelpOptions = true,
            description = {"Add the organisations of a sheet (组织机构) that the workspace lacks; existing ones are never"
                + " renamed or removed. Nothing is imported when any row has a problem (exit 1).",
                "把表中有、工作区还没有的组织加入工作区；已有的组织不改名、不删除。任何一行有问题都不导入（退出码 1）。"})
    static final class ImportXlsx implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
        Path workspace;
        @Option(names = "--dry-run", description = "Check and report, change nothing. 只预览，不写入。")
        boolean dryRun;
        @Parameters(paramLabel = "FILE", description = "The workbook. 表格文件。")
        Path file;

        @Override
        public Integer call() {
            Texts t = Texts.current();
            try (Workspace ws = Workspace.open(workspace)) {
                OrgImport preview = OrgXlsx.read(ws, ws.self().code(), file);
                if (preview.refused()) {
                    PrintWriter err = spec.commandLine().getErr();
                    for (RowProblem p : preview.problems()) {
                        err.println(p.describe(t));
                    }
                    err.println(t.get("cli.tree.refused", file.toString(), preview.problems().size()));
                    return Cli.FAILED;
                }
                if (!dryRun && !preview.toCreate().isEmpty()) {
                    Backups.of(ws).automatic("before-org-import");
                    OrgXlsx.apply(ws, preview);
                }
                PrintWriter out = spec.commandLine().getOut();
                out.println(t.get(dryRun ? "cli.org.dryRun" : "cli.org.imported", file.toString(),
                        preview.toCreate().size(), preview.unchanged()));
                preview.toCreate().forEach(o -> out.println("  " + t.get("cli.tree.org", t.of(o.kind()), o.name(),
                        o.code(), o.parentCode())));
                preview.notes().forEach(n -> out.println("  " + n.describe(t, false)));
            }
            return Cli.OK;
        }
    }
}
