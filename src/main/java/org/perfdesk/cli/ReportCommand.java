package org.perfdesk.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.perfdesk.domain.ReportKind;
import org.perfdesk.domain.Texts;
import org.perfdesk.report.docx.ReportDocx;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the half-year analysis or annual summary report as a Word document.",
            "将半年绩效分析报告或年绩效总结报告导出为 Word 文档。",
            "Uses the sections saved in the workspace; missing ones are drafted from the goal tree and progress.",
            "使用工作区中已保存的报告内容；缺少的部分由目标分解和进度自动起草。"})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceYear target;
    @Option(names = "--kind", required = true, paramLabel = "KIND", description = "midyear | annual")
    String kind;
    @Option(names = "--out", required = true, paramLabel = "FILE.docx", description = "Where to write it. 输出文件。")
    Path out;
    @Mixin
    WorkspaceYear.OtherUnit unit;

    @Override
    public Integer call() {
        ReportKind k = switch (kind) {
            case "midyear" -> ReportKind.MIDYEAR;
            case "annual" -> ReportKind.ANNUAL;
            default -> throw new ParameterException(spec.commandLine(), Texts.t("cli.report.badKind", kind));
        };
        try (Workspace ws = target.open()) {
            Path written = ReportDocx.export(ws, unit.in(ws), target.year, k, LocalDate.now(), out);
            spec.commandLine().getOut().println(Texts.t("cli.report.done", written.toAbsolutePath().toString()));
        }
        return Cli.OK;
    }
}
