package org.perfdesk.cli;

import java.nio.file.Path;

import org.perfdesk.domain.Texts;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of commands that work on one unit's year: the workspace, the year, another unit held there. */
final class WorkspaceYear {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;
    @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
    Path workspace;
    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "Year. 年度。")
    int year;

    /** Opens the workspace, once the year is one a plan could mean (a typo such as 208 is wrong usage). */
    Workspace open() {
        if (year < 2000 || year > 2100) {
            throw new ParameterException(command.commandLine(), Texts.t("cli.init.badYear", String.valueOf(year)));
        }
        return Workspace.open(workspace);
    }

    /** {@code --unit}: a unit whose data the workspace holds (the office, a collector); default its own. */
    static final class OtherUnit {
        @Option(names = "--unit", paramLabel = "CODE",
                description = "Unit (default: the workspace's own). 单位代码（默认为本工作区的单位）。")
        String code;

        String in(Workspace ws) {
            return code != null ? code : ws.self().code();
        }
    }
}
