package org.perfdesk.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.perfdesk.domain.ReportKind;
import org.perfdesk.domain.Texts;
import org.perfdesk.report.ResultsData;
import org.perfdesk.report.docx.NoticeDocx;
import org.perfdesk.report.docx.ReportDocx;
import org.perfdesk.report.xlsx.ResultsWorkbook;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the half-year analysis or annual summary report as a Word document (--kind), or the"
            + " office's results workbook (--results) and draft notice (--notice).",
            "将半年绩效分析报告或年绩效总结报告导出为 Word 文档（--kind）；或导出效能办的评估结果表（--results）和通报稿（--notice）。",
            "Reports use the sections saved in the workspace; missing ones are drafted from the goal tree and progress.",
            "报告使用工作区中已保存的内容；缺少的部分由目标分解和进度自动起草。",
            "--results and --notice take their file, or --out when only one of them is asked for.",
            "--results 和 --notice 后面写输出文件；只导出其中一个时也可以用 --out 指定文件。",
            "A document is dated --date (default today); where the workspace numbers its documents (perfdesk documents),"
            + " it takes the 文号 --number or the next one not used, and the number is recorded.",
            "文件的成文日期用 --date 指定（默认今天）；工作区设置了发文字号时（perfdesk documents），使用 --number 指定的或下一个未用的文号，并登记。"})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceYear target;
    @Option(names = "--kind", paramLabel = "KIND", description = "midyear | annual")
    String kind;
    @Option(names = "--results", arity = "0..1", fallbackValue = "", paramLabel = "FILE.xlsx",
            description = "The year's results workbook (绩效评估结果表). 评估结果表。")
    String results;
    @Option(names = "--notice", arity = "0..1", fallbackValue = "", paramLabel = "FILE.docx",
            description = "The draft notice of the results (通报). 评估结果通报稿。")
    String notice;
    @Option(names = "--out", paramLabel = "FILE", description = "Where to write it. 输出文件。")
    Path out;
    @Mixin
    WorkspaceYear.OtherUnit unit;
    @Mixin
    IssueOptions issue;

    @Override
    public Integer call() {
        if (kind != null) {
            if (results != null || notice != null) {
                throw new ParameterException(spec.commandLine(), Texts.t("cli.report.kindOrResults"));
            }
            return report();
        }
        if (results == null && notice == null) {
            throw new ParameterException(spec.commandLine(), Texts.t("cli.report.what"));
        }
        if (unit.code != null) {
            throw new ParameterException(spec.commandLine(), Texts.t("cli.report.noUnitForResults"));
        }
        boolean resultsToOut = results != null && results.isEmpty();
        boolean noticeToOut = notice != null && notice.isEmpty();
        if (resultsToOut && noticeToOut || (resultsToOut || noticeToOut) != (out != null)) {
            throw new ParameterException(spec.commandLine(), Texts.t("cli.report.whereTo"));
        }
        try (Workspace ws = target.open()) {
            org.perfdesk.report.Issue chosen = notice != null ? issue.issue(ws) : null;
            ResultsData data = ResultsData.load(ws, target.year, chosen != null ? chosen.date() : LocalDate.now());
            Texts t = Texts.current();
            if (data.results().stream().allMatch(r -> r.indicators().isEmpty())) {
                throw new org.perfdesk.domain.UserError("cli.report.noResults", String.valueOf(target.year));
            }
            if (results != null) {
                Path file = resultsToOut ? out : Path.of(results);
                ResultsWorkbook.write(data, t, file);
                spec.commandLine().getOut().println(t.get("cli.report.results", file.toAbsolutePath().toString()));
            }
            if (notice != null) {
                Path file = noticeToOut ? out : Path.of(notice);
                NoticeDocx.export(ws, data, chosen, file);
                spec.commandLine().getOut().println(t.get("cli.report.notice", file.toAbsolutePath().toString()));
            }
        }
        return Cli.OK;
    }

    private Integer report() {
        ReportKind k = switch (kind) {
            case "midyear" -> ReportKind.MIDYEAR;
            case "annual" -> ReportKind.ANNUAL;
            default -> throw new ParameterException(spec.commandLine(), Texts.t("cli.report.badKind", kind));
        };
        if (out == null) {
            throw new ParameterException(spec.commandLine(), Texts.t("cli.report.needOut"));
        }
        try (Workspace ws = target.open()) {
            Path written = ReportDocx.export(ws, unit.in(ws), target.year, k, issue.issue(ws), out);
            spec.commandLine().getOut().println(Texts.t("cli.report.done", written.toAbsolutePath().toString()));
        }
        return Cli.OK;
    }
}
