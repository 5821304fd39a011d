package org.perfdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Texts;
import org.perfdesk.report.xlsx.FiguresProblem;
import org.perfdesk.report.xlsx.FiguresXlsx;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "figures", mixinStandardHelpOptions = true,
        description = {"Verified indicator figures (指标考核数据表): the form for an assessing body, and importing it.",
            "指标考核数据表：生成省统计局或考核部门填写的表格，并导入填好的核定数据。"},
        subcommands = {FiguresCommand.Template.class, FiguresCommand.Import.class})
final class FiguresCommand {
    /** Which units a form lists. */
    enum Units {
        cities, departments, all;

        RankingGroup group() {
            return switch (this) {
                case cities -> RankingGroup.CITY_GOVERNMENTS;
                case departments -> RankingGroup.PROVINCIAL_DEPARTMENTS;
                case all -> null;
            };
        }
    }

    @Command(name = "template", mixinStandardHelpOptions = true,
            description = {"Write the year's 指标考核数据表 for one assessing body: every scored indicator of the units,"
                + " with target and reported figure; figures this body verified before are filled in.",
                "为一个核定单位生成该年度的指标考核数据表：列出各单位计分指标的目标值和单位报送值，已导入的核定值一并填入。"})
    static final class Template implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Option(names = "--body", required = true, paramLabel = "NAME",
                description = "Who verifies: 省统计局, a 考核部门 by name, 联合评估组. 核定单位。")
        String body;
        @Option(names = "--units", paramLabel = "cities|departments|all", defaultValue = "all",
                description = "Which units the form lists (default all). 列出哪些单位（默认全部）。")
        Units units;
        @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "File to write. 输出文件。")
        Path out;

        @Override
        public Integer call() {
            try (Workspace ws = target.open()) {
                FiguresXlsx.template(ws, target.year, body, units.group(), out);
                spec.commandLine().getOut().println(Texts.t("figures.cli.template", out.toAbsolutePath().toString(),
                        body));
            }
            return Cli.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import a filled-in 指标考核数据表. Nothing is imported when any row has a problem (exit 1;"
                + " every problem is listed with its row and column). A backup is made first.",
                "导入填好的指标考核数据表；任何一行有问题都不导入（退出码 1，逐条列出行号、列名和原因）。导入前自动备份。"})
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
                FiguresXlsx.Parsed parsed = FiguresXlsx.parse(ws, target.year, file);
                if (parsed.refused()) {
                    PrintWriter err = spec.commandLine().getErr();
                    for (FiguresProblem p : parsed.problems()) {
                        err.println(p.describe(t));
                    }
                    err.println(t.get("figures.import.cli.refused", file.toString(), parsed.problems().size()));
                    return Cli.FAILED;
                }
                PrintWriter out = spec.commandLine().getOut();
                for (FiguresXlsx.Line l : parsed.rows()) {
                    out.println(t.get("figures.import.cli.line", String.valueOf(l.row()), l.unitName(), l.title(),
                            l.reported().isEmpty() ? "—" : l.reported(), l.verified(),
                            t.get(l.differs() ? "figures.import.differs" : "figures.import.same"),
                            t.get("figures.import.change." + l.change().name())));
                }
                if (dryRun) {
                    out.println(t.get("figures.import.cli.dryRun", file.toString(), parsed.body(),
                            parsed.count(FiguresXlsx.Change.ADDED), parsed.count(FiguresXlsx.Change.REPLACED),
                            parsed.count(FiguresXlsx.Change.UNCHANGED), parsed.emptyRows()));
                } else {
                    FiguresXlsx.Applied a = FiguresXlsx.apply(ws, parsed);
                    out.println(t.get("figures.import.cli.imported", file.toString(), parsed.body(), a.added(),
                            a.replaced(), a.unchanged(), parsed.emptyRows()));
                }
            }
            return Cli.OK;
        }
    }
}
