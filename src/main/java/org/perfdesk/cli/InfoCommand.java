package org.perfdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show what a workspace holds and check its database. 显示工作区内容并检查数据库。")
final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
    Path workspace;

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(workspace)) {
            Workspace.Summary s = ws.summary();
            Texts t = Texts.current();
            PrintWriter out = spec.commandLine().getOut();
            OrgUnit self = s.self();
            out.println(t.get("cli.info.workspace", s.dir().toAbsolutePath().toString()));
            out.println(t.get("cli.info.role", t.of(s.role())));
            out.println(t.get("cli.info.unit", self.code(), self.name(), t.of(self.kind())));
            out.println(t.get("cli.info.parent", self.parentCode() == null ? "-" : self.parentCode()));
            out.println(t.get("cli.info.currentYear", String.valueOf(s.currentYear())));
            out.println(t.get("cli.info.schema", String.valueOf(s.schemaVersion())));
            out.println(t.get("cli.info.orgUnits", s.orgUnits()));
            for (Workspace.YearCount y : s.years()) {
                out.println(t.get("cli.info.year", String.valueOf(y.year()), y.nodes(), y.progressEntries()));
            }
            out.println(t.get("cli.info.integrity", s.integrity()));
            return "ok".equals(s.integrity()) ? Cli.OK : Cli.FAILED;
        }
    }
}
