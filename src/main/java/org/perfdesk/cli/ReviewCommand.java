package org.perfdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.perfdesk.domain.PlanReview;
import org.perfdesk.domain.ReviewMode;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.Reviews;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Office: answer a unit's plan with a reason, as the scheme sets it for its group: approve or"
            + " return it (批复), or file it or ask for a correction (备案); writes the signed answer.",
            "效能办：按评估方案对该分组的规定答复单位的方案（须说明理由）：批复同意或退回修改（批复），予以备案或请更正（备案）；"
                + "生成签名答复数据包。"})
final class ReviewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
    Path workspace;
    @Option(names = "--unit", required = true, paramLabel = "CODE", description = "Unit code. 单位代码。")
    String unit;
    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "Year. 年度。")
    int year;
    @ArgGroup(exclusive = true, multiplicity = "1")
    Decision decision;
    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Reason (required). 理由（必填）。")
    String reason;
    @Option(names = "--out", required = true, paramLabel = "FILE|DIR", description = "Where to write the answer. 输出位置。")
    Path out;
    @Option(names = "--plain", description = {"Do not encrypt the answer.", "答复数据包不加密。"})
    boolean plain;

    static final class Decision {
        @Option(names = "--approve", required = true, description = "Approve. 批复同意。")
        boolean approve;
        @Option(names = "--return", required = true, description = "Return for revision. 退回修改。")
        boolean giveBack;
        @Option(names = "--file", required = true, description = "File it (备案). 予以备案。")
        boolean file;
        @Option(names = "--correct", required = true, description = "Ask for a correction before filing. 请更正。")
        boolean correct;
    }

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(workspace)) {
            var signer = WorkspaceKeys.unlock(ws, Passphrases.read(false));
            PlanReview.Decision d = decision.approve || decision.file ? PlanReview.Decision.APPROVED
                    : PlanReview.Decision.RETURNED;
            ReviewMode mode = decision.file || decision.correct ? ReviewMode.FILING : ReviewMode.APPROVAL;
            var w = Reviews.decide(ws, signer, unit, year, mode, d, reason, out, plain);
            spec.commandLine().getOut().println(Texts.t("cli.review.done", Texts.t("review.word." + mode.name() + "."
                    + d.name()), unit, w.file().toAbsolutePath().toString()));
        }
        return Cli.OK;
    }
}
