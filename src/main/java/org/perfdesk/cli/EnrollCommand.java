package org.perfdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.Enrollments;
import org.perfdesk.exchange.Exporter;
import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageWriter;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = {"Enrollment: a unit pins the office's card and sends its key; the office registers it.",
            "单位登记：单位确认效能办名片并报送密钥，效能办核对指纹后登记。"},
        subcommands = {EnrollCommand.Pin.class, EnrollCommand.Request.class, EnrollCommand.Show.class,
            EnrollCommand.Accept.class})
final class EnrollCommand {

    @Command(name = "pin", mixinStandardHelpOptions = true,
            description = {"Unit: trust the office's card after comparing its fingerprint by phone.",
                "单位：电话核对指纹后，确认效能办名片。"})
    static final class Pin implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
        Path workspace;
        @Option(names = "--card", required = true, paramLabel = "FILE", description = "The office's card. 效能办名片。")
        Path card;
        @Option(names = "--fingerprint", required = true, paramLabel = "FP",
                description = "The fingerprint the office read out. 效能办在电话中读出的指纹。")
        String fingerprint;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(workspace)) {
                var c = KeyRegistry.readCard(card);
                KeyRegistry.pinOffice(ws, c, fingerprint);
                spec.commandLine().getOut().println(Texts.t("cli.enroll.pinned", c.code(), c.name(), c.fingerprint()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "request", mixinStandardHelpOptions = true,
            description = {"Unit: write the enrollment package for the office.", "单位：生成登记数据包报送效能办。"})
    static final class Request implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
        Path workspace;
        @Option(names = "--out", required = true, paramLabel = "FILE|DIR", description = "Where to write it. 输出位置。")
        Path out;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(workspace)) {
                var signer = WorkspaceKeys.unlock(ws, Passphrases.read(false));
                PackageWriter.Written w = new Exporter(ws, signer)
                        .exportUnitPackage(PackageKind.ENROLLMENT, ws.currentYear(), out, null);
                PrintWriter o = spec.commandLine().getOut();
                o.println(Texts.t("cli.written", w.file().toAbsolutePath().toString()));
                o.println(Texts.t("cli.keys.fingerprint", WorkspaceKeys.info(ws).fingerprint()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Show who an enrollment package is from and its fingerprint.", "查看登记数据包的单位和指纹。"})
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "FILE", description = "Enrollment package. 登记数据包。")
        Path file;

        @Override
        public Integer call() {
            var r = Enrollments.read(file);
            spec.commandLine().getOut().println(Texts.t("cli.enroll.request", r.unitCode(), r.unitName(), r.fingerprint()));
            return Cli.OK;
        }
    }

    @Command(name = "accept", mixinStandardHelpOptions = true,
            description = {"Office: register a unit's key after comparing the fingerprint, and write its certificate.",
                "效能办：核对指纹后登记单位密钥，并生成证书数据包。"})
    static final class Accept implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
        Path workspace;
        @Option(names = "--fingerprint", required = true, paramLabel = "FP",
                description = "The fingerprint the unit read out. 单位在电话中读出的指纹。")
        String fingerprint;
        @Option(names = "--out", required = true, paramLabel = "FILE|DIR", description = "Where to write the certificate. 证书输出位置。")
        Path out;
        @Parameters(paramLabel = "FILE", description = "Enrollment package. 登记数据包。")
        Path file;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(workspace)) {
                var signer = WorkspaceKeys.unlock(ws, Passphrases.read(false));
                PackageWriter.Written w = Enrollments.accept(ws, signer, file, fingerprint, out);
                var r = Enrollments.read(file);
                spec.commandLine().getOut().println(Texts.t("cli.enroll.accepted", r.unitCode(), r.unitName(),
                        w.file().toAbsolutePath().toString()));
            }
            return Cli.OK;
        }
    }
}
