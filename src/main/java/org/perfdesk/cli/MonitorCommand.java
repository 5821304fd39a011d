package org.perfdesk.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.Ids;
import org.perfdesk.domain.MonitoringKind;
import org.perfdesk.domain.MonitoringRecord;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.TypedInput;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"A unit's monitoring records: the quarterly report to its leadership, the half-year analysis"
            + " meeting and the year-end summary meeting.", "单位的监控记录：每季度听取绩效情况汇报、半年分析会、年终总结会。"},
        subcommands = {MonitorCommand.Add.class, MonitorCommand.List_.class})
final class MonitorCommand {
    private MonitorCommand() {
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Record one: when, who chaired it, what was decided, the indicators discussed.",
                "记录一次：日期、主持人、研究决定事项、涉及的指标。"})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Option(names = "--kind", required = true, paramLabel = "quarterly|midyear|year-end", description = "Which. 类型。")
        String kind;
        @Option(names = "--quarter", paramLabel = "N", description = "For a quarterly report, 1–4. 季度。")
        Integer quarter;
        @Option(names = "--date", required = true, paramLabel = "DATE", description = "When it was held. 召开日期。")
        String date;
        @Option(names = "--chair", paramLabel = "NAME", description = "Who chaired it. 主持人。")
        String chair;
        @Option(names = "--decisions", paramLabel = "TEXT", description = "What was decided. 研究决定事项。")
        String decisions;
        @Option(names = "--indicator", paramLabel = "TITLE", description = "An indicator discussed (repeatable). 涉及的指标。")
        List<String> indicators = new ArrayList<>();

        @Override
        public Integer call() {
            MonitoringKind k = switch (kind.toLowerCase(java.util.Locale.ROOT)) {
                case "quarterly" -> MonitoringKind.QUARTERLY;
                case "midyear" -> MonitoringKind.MIDYEAR_MEETING;
                case "year-end", "yearend" -> MonitoringKind.YEAR_END_MEETING;
                default -> throw new ParameterException(spec.commandLine(), Texts.t("cli.monitor.badKind", kind));
            };
            try (Workspace ws = target.open()) {
                LocalDate held = TypedInput.date(date, target.year)
                        .orElseThrow(() -> new UserError("cli.calendar.badDate", date));
                String unit = ws.self().code();
                List<String> ids = new ArrayList<>();
                for (String i : indicators) {
                    GoalNode n = SystemCommand.node(ws, unit, target.year, i);
                    ids.add(n.id());
                }
                MonitoringRecord r = new MonitoringRecord(Ids.newId(), unit, target.year, k,
                        quarter, held, chair, decisions, ids);
                if (r.problem() != null) {
                    throw new UserError(r.problem());
                }
                ws.planStage().monitoring().save(r);
                spec.commandLine().getOut().println(Texts.t("cli.monitor.added", r.label(), held.toString()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = {"List the year's records.", "列出本年度的记录。"})
    static final class List_ implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Mixin
        WorkspaceYear.OtherUnit unit;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Workspace ws = target.open()) {
                String code = unit.in(ws);
                var tree = ws.goals().loadTree(code, target.year);
                for (MonitoringRecord r : ws.planStage().monitoring().findByUnit(code, target.year)) {
                    List<String> titles = r.nodeIds().stream().map(id -> tree.find(id).map(GoalNode::title).orElse(id))
                            .toList();
                    out.println(Texts.t("cli.monitor.line", r.heldOn().toString(), r.label(), r.chairedBy(),
                            r.decisions(), String.join("、", titles)));
                }
            }
            return Cli.OK;
        }
    }
}
