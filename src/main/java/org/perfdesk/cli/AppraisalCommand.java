package org.perfdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.perfdesk.domain.Texts;
import org.perfdesk.report.xlsx.AppraisalProblem;
import org.perfdesk.report.xlsx.AppraisalXlsx;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "appraisal", mixinStandardHelpOptions = true,
        description = {"Public appraisal (公众评议): the form for the statistics bodies, and importing it.",
            "公众评议：生成统计部门填写的表格，并导入填好的表格。"},
        subcommands = {AppraisalCommand.Template.class, AppraisalCommand.Import.class})
final class AppraisalCommand {

    @Command(name = "template", mixinStandardHelpOptions = true,
            description = {"Write the year's public-appraisal form: a row per unit and round, the levels of the year's"
                + " scheme, the rounds already imported filled in.",
                "生成该年度的公众评议结果表：每个单位每轮一行，满意度选项取自年度评估方案，已导入的结果一并填入。"})
    static final class Template implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "File to write. 输出文件。")
        Path out;

        @Override
        public Integer call() {
            try (Workspace ws = target.open()) {
                AppraisalXlsx.template(ws, target.year, out);
                spec.commandLine().getOut().println(Texts.t("appraisal.import.cli.template",
                        out.toAbsolutePath().toString()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import a filled-in public-appraisal form. Nothing is imported when any row has a problem"
                + " (exit 1; every problem is listed with its row and column). A backup is made first.",
                "导入填好的公众评议结果表；任何一行有问题都不导入（退出码 1，逐条列出行号、列名和原因）。导入前自动备份。"})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Option(names = "--file", required = true, paramLabel = "FILE.xlsx", description = "The filled-in form. 填好的表格。")
        Path file;
        @Option(names = "--dry-run", description = "Check and report, change nothing. 只检查和预览，不写入。")
        boolean dryRun;

        @Override
        public Integer call() {
            Texts t = Texts.current();
            try (Workspace ws = target.open()) {
                AppraisalXlsx.Parsed parsed = AppraisalXlsx.parse(ws, target.year, file);
                if (parsed.refused()) {
                    PrintWriter err = spec.commandLine().getErr();
                    for (AppraisalProblem p : parsed.problems()) {
                        err.println(p.describe(t));
                    }
                    err.println(t.get("appraisal.import.cli.refused", file.toString(), parsed.problems().size()));
                    return Cli.FAILED;
                }
                PrintWriter out = spec.commandLine().getOut();
                for (AppraisalXlsx.Line l : parsed.rows()) {
                    out.println(t.get("appraisal.import.cli.line", String.valueOf(l.row()), l.unitName(),
                            String.valueOf(l.appraisal().round()), String.valueOf(l.appraisal().sampleSize()),
                            l.score().toPlainString(), t.get("appraisal.import.change." + l.change().name())));
                }
                if (dryRun) {
                    out.println(t.get("appraisal.import.cli.dryRun", file.toString(),
                            parsed.count(AppraisalXlsx.Change.ADDED), parsed.count(AppraisalXlsx.Change.REPLACED),
                            parsed.count(AppraisalXlsx.Change.UNCHANGED), parsed.emptyRows()));
                } else {
                    AppraisalXlsx.Applied a = AppraisalXlsx.apply(ws, parsed);
                    out.println(t.get("appraisal.import.cli.imported", file.toString(), a.added(), a.replaced(),
                            a.unchanged(), parsed.emptyRows()));
                }
            }
            return Cli.OK;
        }
    }
}
