package org.perfdesk.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.Guidance;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.pkg.PackageWriter;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What `system send` and `calendar send` share: the office signs one package per registered unit
 * (or one unit) into a folder and prints where each went. The two differ only in {@link #what()}.
 */
abstract class SendToUnits implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceYear target;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write them. 输出文件夹。")
    Path out;
    @Option(names = "--unit", paramLabel = "CODE", description = "Only this unit. 只发给该单位。")
    String unit;
    @Option(names = "--plain", description = {"Do not encrypt.", "不加密。"})
    boolean plain;

    /** Which of the office's guidance this command sends. */
    abstract Guidance.What what();

    @Override
    public Integer call() {
        try (Workspace ws = target.open()) {
            var signer = WorkspaceKeys.unlock(ws, Passphrases.read(false));
            List<PackageWriter.Written> written = Guidance.sendAll(ws, signer, target.year, what(), unit, out, plain);
            for (PackageWriter.Written w : written) {
                spec.commandLine().getOut().println(Texts.t("cli.guidance.written", w.manifest().recipient().code(),
                        w.file().toAbsolutePath().toString()));
            }
        }
        return Cli.OK;
    }
}
