package org.perfdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.perfdesk.domain.PlanReview;
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
        description = {"Office: approve or return a unit's plan, with a reason; writes the signed answer.",
            "效能办：批复或退回单位的绩效工作方案（须说明理由），生成签名答复数据包。"})
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
    }

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(workspace)) {
            var signer = WorkspaceKeys.unlock(ws, Passphrases.read(false));
            PlanReview.Decision d = decision.approve ? PlanReview.Decision.APPROVED : PlanReview.Decision.RETURNED;
            var w = Reviews.decide(ws, signer, unit, year, d, reason, out, plain);
            spec.commandLine().getOut().println(Texts.t("cli.review.done", Texts.current().of(d), unit,
                    w.file().toAbsolutePath().toString()));
        }
        return Cli.OK;
    }
}
