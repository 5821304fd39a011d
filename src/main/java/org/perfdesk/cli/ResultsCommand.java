package org.perfdesk.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.perfdesk.domain.ResultApproval;
import org.perfdesk.domain.StandingDecision;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.TypedInput;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.store.ResultFreezeRepository;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "results", mixinStandardHelpOptions = true,
        description = {"The office's steps before the results go out: decide on units 未报送 or 材料不全, record the"
            + " leading group's approval (审定), freeze.",
            "结果发布前的步骤：对未报送或材料不全的单位作出决定，记录领导小组审定，冻结结果。"},
        subcommands = {ResultsCommand.Decide.class, ResultsCommand.Approve.class, ResultsCommand.Freeze.class,
            ResultsCommand.Feedback.class})
final class ResultsCommand {

    @Command(name = "decide", mixinStandardHelpOptions = true,
            description = {"Rank a unit 未报送 or 材料不全 with what it has (--rank), or list it without a rank (--unranked).",
                "对未报送或材料不全的单位作出决定：按现有材料排名（--rank），或不排名（--unranked）。"})
    static final class Decide implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Option(names = "--unit", required = true, paramLabel = "CODE", description = "The unit. 单位代码。")
        String unit;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Choice choice;
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (audit log). 理由。")
        String reason;

        static final class Choice {
            @Option(names = "--rank", description = "Rank it with its material. 按现有材料排名。")
            boolean rank;
            @Option(names = "--unranked", description = "List it without a rank. 不排名。")
            boolean unranked;
        }

        @Override
        public Integer call() {
            try (Workspace ws = target.open()) {
                StandingDecision.Decision d = choice.rank ? StandingDecision.Decision.RANK
                        : StandingDecision.Decision.UNRANKED;
                new Evaluator(ws).decideStanding(unit, target.year, d, reason);
                spec.commandLine().getOut().println(Texts.t("results.cli.decided", unit,
                        Texts.t("results.decision." + d.name(), reason)));
            }
            return Cli.OK;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = {"Record the leading group's approval (领导小组审定) of the results as they are now.",
                "记录领导小组对当前结果的审定：日期、会议或文号、审定机构。"})
    static final class Approve implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Option(names = "--date", required = true, paramLabel = "DATE", description = "Date of the meeting or document. 日期。")
        String date;
        @Option(names = "--reference", required = true, paramLabel = "TEXT",
                description = "Meeting or document number. 会议或文号。")
        String reference;
        @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who approved. 审定机构。")
        String by;
        @Option(names = "--note", paramLabel = "TEXT", description = "A note. 备注。")
        String note;

        @Override
        public Integer call() {
            LocalDate on = TypedInput.date(date, target.year + 1).orElseThrow(() ->
                    new ParameterException(spec.commandLine(), Texts.t("results.cli.badDate", date)));
            try (Workspace ws = target.open()) {
                ResultApproval a = new Evaluator(ws).approve(target.year, on, reference, by, note);
                spec.commandLine().getOut().println(Texts.t("results.cli.approved", a.approvedOn().toString(),
                        a.reference(), a.approvedBy(), a.inputsHash()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "freeze", mixinStandardHelpOptions = true,
            description = {"Freeze the approved results (refused without a current 审定 or with material missing).",
                "冻结已审定的结果（没有审定、审定后结果有变化或材料不全时拒绝）。"})
    static final class Freeze implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Option(names = "--reason", paramLabel = "TEXT", description = "Note for the audit log. 说明。")
        String reason;

        @Override
        public Integer call() {
            try (Workspace ws = target.open()) {
                ResultFreezeRepository.Freeze f = new Evaluator(ws).freeze(target.year, reason);
                spec.commandLine().getOut().println(Texts.t("results.cli.frozen",
                        org.perfdesk.report.ResultsTexts.when(f.frozenAt()), f.inputsHash()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "feedback", mixinStandardHelpOptions = true,
            description = {"Write a unit's feedback package: its approved and frozen result and its rectification items"
                + " (none is fine).", "生成单位的反馈数据包：经审定冻结的考核结果和整改事项（可以没有）。"})
    static final class Feedback implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Option(names = "--unit", required = true, paramLabel = "CODE", description = "The unit. 单位代码。")
        String unit;
        @Option(names = "--out", required = true, paramLabel = "FILE|DIR", description = "Where to write it. 输出位置。")
        java.nio.file.Path out;

        @Override
        public Integer call() {
            try (Workspace ws = target.open()) {
                var result = org.perfdesk.report.FeedbackResults.approved(ws, unit, target.year);
                var signer = org.perfdesk.exchange.WorkspaceKeys.unlock(ws, Passphrases.read(false));
                var written = org.perfdesk.exchange.Feedbacks.send(ws, signer, result, out);
                spec.commandLine().getOut().println(Texts.t("results.cli.feedback", result.unitName(),
                        written.file().toAbsolutePath().toString()));
            }
            return Cli.OK;
        }
    }
}
