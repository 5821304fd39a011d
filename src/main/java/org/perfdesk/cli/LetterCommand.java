package org.perfdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.perfdesk.domain.Texts;
import org.perfdesk.report.docx.FeedbackDocx;
import org.perfdesk.report.docx.ReviewLetterDocx;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "letter", mixinStandardHelpOptions = true,
        description = {"Office: the letter to print beside an answer package, as a Word document: the 批复 (or the"
            + " review's opinion, for a returned plan) of the unit's latest plan review (--review), or the feedback"
            + " of its approved results (--feedback).",
            "效能办：导出与答复数据包一同印发的公文（Word）：单位最近一次方案审核的批复或审核意见函（--review），或其评估结果的反馈函（--feedback）。"})
final class LetterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceYear target;
    @Option(names = "--unit", required = true, paramLabel = "CODE", description = "The unit it is addressed to. 主送单位代码。")
    String unit;
    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;
    @Option(names = "--out", required = true, paramLabel = "FILE.docx", description = "Where to write it. 输出文件。")
    Path out;
    @Mixin
    IssueOptions issue;

    static final class Which {
        @Option(names = "--review", required = true, description = "The 批复 or review opinion. 方案批复或审核意见函。")
        boolean review;
        @Option(names = "--feedback", required = true, description = "The feedback of the results. 评估结果反馈函。")
        boolean feedback;
    }

    @Override
    public Integer call() {
        try (Workspace ws = target.open()) {
            if (which.review) {
                ReviewLetterDocx.export(ws, unit, target.year, issue.issue(ws), out);
            } else {
                FeedbackDocx.export(ws, unit, target.year, issue.issue(ws), out);
            }
            spec.commandLine().getOut().println(Texts.t("cli.letter.done", out.toAbsolutePath().toString()));
        }
        return Cli.OK;
    }
}
