package org.perfdesk.cli;

import java.util.concurrent.Callable;

import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.PlanStageOffice;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "pilot", mixinStandardHelpOptions = true,
        description = {"Office: the year's pilot units (联系点): mark, unmark, list. The calendar tells each unit.",
            "效能办：年度绩效管理联系点的标记、取消和列表；下发的工作日程会告知单位。"},
        subcommands = {PilotCommand.Mark.class, PilotCommand.Unmark.class, PilotCommand.List_.class})
final class PilotCommand {
    private PilotCommand() {
    }

    @Command(name = "mark", mixinStandardHelpOptions = true, description = {"Mark a unit.", "标为联系点。"})
    static final class Mark implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Option(names = "--unit", required = true, paramLabel = "CODE", description = "Unit code. 单位代码。")
        String unit;

        @Override
        public Integer call() {
            return set(spec, target, unit, true);
        }
    }

    @Command(name = "unmark", mixinStandardHelpOptions = true, description = {"Take the mark back.", "取消联系点。"})
    static final class Unmark implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Option(names = "--unit", required = true, paramLabel = "CODE", description = "Unit code. 单位代码。")
        String unit;

        @Override
        public Integer call() {
            return set(spec, target, unit, false);
        }
    }

    static int set(CommandSpec spec, WorkspaceYear target, String unit, boolean pilot) {
        try (Workspace ws = target.open()) {
            new PlanStageOffice(ws).setPilot(unit, target.year, pilot);
            spec.commandLine().getOut().println(Texts.t(pilot ? "cli.pilot.marked" : "cli.pilot.unmarked",
                    ws.orgUnits().find(unit).map(o -> o.name()).orElse(unit), String.valueOf(target.year)));
        }
        return Cli.OK;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = {"List them.", "列出联系点。"})
    static final class List_ implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;

        @Override
        public Integer call() {
            try (Workspace ws = target.open()) {
                for (String code : ws.planStage().pilots().all(target.year)) {
                    spec.commandLine().getOut().println(code + " " + ws.orgUnits().find(code).map(o -> o.name()).orElse(""));
                }
            }
            return Cli.OK;
        }
    }
}
