package org.perfdesk.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.perfdesk.domain.ProgramInfo;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.demo.DemoBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Build the 2008 pilot demo: DIR/office and DIR/<unit code> for the seven pilot units.",
            "生成 2008 年联系点演示数据：效能办工作区和七个联系点单位的工作区。"})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the workspaces. 输出文件夹。")
    Path out;

    @Option(names = "--suite", paramLabel = "gm|intl",
            description = "Algorithms of the demo's keys and packages (default intl). 演示数据使用的算法（默认 intl）。")
    InitCommand.SuiteOption suite;

    @Override
    public Integer call() {
        DemoBuilder demo = DemoBuilder.bundled();
        if (suite != null) {
            demo = demo.withSuite(suite.suite);
        }
        List<Path> made = demo.build(out, ProgramInfo.version());
        for (Path p : made) {
            spec.commandLine().getOut().println(Texts.t("cli.demo.made", p.toAbsolutePath().toString()));
        }
        return Cli.OK;
    }
}
