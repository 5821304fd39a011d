package org.perfdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.Exporter;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageWriter;
import org.perfdesk.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a signed package of this unit's data for the year, encrypted for the office and this unit.",
            "导出本单位该年度数据的签名数据包（加密，只有效能办和本单位能打开）。"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
    Path workspace;
    @Option(names = "--kind", required = true, paramLabel = "KIND",
            description = "plan | progress | midyear | annual | rectification")
    String kind;
    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "Year. 年度。")
    int year;
    @Option(names = "--out", required = true, paramLabel = "FILE|DIR", description = "Where to write it. 输出位置。")
    Path out;
    @Option(names = "--plain", description = {"Do not encrypt: anyone holding the file can read it.",
        "不加密：拿到文件的人都能读取内容。"})
    boolean plain;

    @Override
    public Integer call() {
        PackageKind k;
        try {
            k = PackageKind.fromCliName(kind);
        } catch (IllegalArgumentException e) {
            k = null;
        }
        if (k == null || !k.carriesSnapshot()) {
            throw new CommandLine.ParameterException(spec.commandLine(), Texts.t("cli.export.badKind", kind));
        }
        try (Workspace ws = Workspace.open(workspace)) {
            var signer = WorkspaceKeys.unlock(ws, Passphrases.read(false));
            PackageWriter.Written w = new Exporter(ws, signer).exportUnitPackage(k, year, out, null, plain);
            spec.commandLine().getOut().println(Texts.t("cli.export.done", w.file().toAbsolutePath().toString(),
                    w.manifest().sequence(), w.fileSize(), w.fileHash()));
        }
        return Cli.OK;
    }
}
