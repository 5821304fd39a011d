package org.perfdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.AuditSentences;
import org.perfdesk.report.xlsx.AuditWorkbook;
import org.perfdesk.store.AuditLog;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"The audit log (审计日志): check it, or export it to print.", "审计日志：检查完整性，或导出打印。"},
        subcommands = {AuditCommand.Check.class, AuditCommand.Export.class})
final class AuditCommand {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check the audit log, as the window's 检查完整性 does (no passphrase needed). Exit 0 when it"
                + " is whole, 1 when an entry was changed, removed, reordered or cut off the end (named on stderr).",
                "检查审计日志的完整性（与窗口中“检查完整性”相同，无需口令）。完整时退出码 0；有记录被改动、删除、调换或从末尾删去时退出码 1，"
                    + "并指出第一条有问题的记录。"})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
        Path workspace;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(workspace)) {
                AuditLog.Check c = ws.audit().verify();
                if (c.intact()) {
                    spec.commandLine().getOut().println(AuditSentences.verdict(c));
                    return Cli.OK;
                }
                var err = spec.commandLine().getErr();
                err.println(AuditSentences.verdict(c));
                long seq = c.broken().get().seq();
                ws.audit().all().stream().filter(e -> e.seq() == seq).findFirst().ifPresent(e -> err.println(
                        Texts.t("audit.cli.entry", String.valueOf(e.seq()), AuditSentences.localTime(e.at()),
                                new AuditSentences(ws).sentence(e))));
                return Cli.FAILED;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write the audit log as a workbook to print: every entry as a sentence, with the check's"
                + " result and the last entry's check code.", "将审计日志导出为 Excel 表格以便打印：每条记录一句话，并附完整性检查结果和最后一条的校验码。"})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
        Path workspace;
        @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "File to write. 输出文件。")
        Path out;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(workspace)) {
                AuditLog.Check c = AuditWorkbook.write(ws, Texts.current(), out);
                spec.commandLine().getOut().println(Texts.t("audit.exported", out.toAbsolutePath().toString()));
                spec.commandLine().getOut().println(AuditSentences.verdict(c));
                return Cli.OK;
            }
        }
    }
}
