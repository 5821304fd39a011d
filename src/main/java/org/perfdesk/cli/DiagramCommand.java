package org.perfdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.perfdesk.domain.Texts;
import org.perfdesk.report.diagram.DecompositionDiagram;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "diagram", mixinStandardHelpOptions = true,
        description = {"Draw the goal-decomposition flow diagram as a PNG picture.",
            "将绩效目标分解流程示意图导出为 PNG 图片。"})
final class DiagramCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceYear target;
    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "Where to write it. 输出文件。")
    Path out;
    @Mixin
    WorkspaceYear.OtherUnit unit;

    @Override
    public Integer call() {
        try (Workspace ws = target.open()) {
            DecompositionDiagram.load(ws, unit.in(ws), target.year).writePng(out);
            spec.commandLine().getOut().println(Texts.t("cli.diagram.done", out.toAbsolutePath().toString()));
        }
        return Cli.OK;
    }
}
