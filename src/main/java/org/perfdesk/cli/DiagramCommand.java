package org.perfdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.perfdesk.domain.Texts;
import org.perfdesk.report.diagram.DecompositionDiagram;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "diagram", mixinStandardHelpOptions = true,
        description = {"Draw the goal-decomposition flow diagram as a PNG picture.",
            "将绩效目标分解流程示意图导出为 PNG 图片。"})
final class DiagramCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
    Path workspace;
    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "Year. 年度。")
    int year;
    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "Where to write it. 输出文件。")
    Path out;
    @Option(names = "--unit", paramLabel = "CODE",
            description = "Unit (default: the workspace's own). 单位代码（默认为本工作区的单位）。")
    String unit;

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(workspace)) {
            String code = unit != null ? unit : ws.self().code();
            DecompositionDiagram.load(ws, code, year).writePng(out);
            spec.commandLine().getOut().println(Texts.t("cli.diagram.done", out.toAbsolutePath().toString()));
        }
        return Cli.OK;
    }
}
