package org.perfdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"The workspace's signing key, the office's card, revocations.", "签名密钥、效能办名片和密钥吊销。"},
        subcommands = {KeysCommand.Show.class, KeysCommand.ExportPublic.class, KeysCommand.Card.class,
            KeysCommand.Revoke.class})
final class KeysCommand {

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Key id, fingerprint (to read over the phone) and public key. 显示密钥指纹和公钥。")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
        Path workspace;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(workspace)) {
                WorkspaceKeys.KeyInfo info = WorkspaceKeys.info(ws);
                PrintWriter out = spec.commandLine().getOut();
                out.println(Texts.t("cli.keys.unit", ws.self().code(), ws.self().name()));
                out.println(Texts.t("cli.keys.fingerprint", info.fingerprint()));
                out.println(Texts.t("cli.keys.keyId", info.keyId()));
                out.print(info.pem());
            }
            return Cli.OK;
        }
    }

    @Command(name = "export-public", mixinStandardHelpOptions = true,
            description = "Write the public key as PEM. 导出公钥（PEM）。")
    static final class ExportPublic implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
        Path workspace;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "PEM file to write. 输出文件。")
        Path out;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(workspace)) {
                write(out, WorkspaceKeys.info(ws).pem().getBytes(StandardCharsets.US_ASCII));
                spec.commandLine().getOut().println(Texts.t("cli.written", out.toAbsolutePath().toString()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "card", mixinStandardHelpOptions = true,
            description = {"Write this workspace's card (code, name, public key) for the units that report to it.",
                "导出本工作区名片（代码、名称、公钥），交给向本单位报送的单位。"})
    static final class Card implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
        Path workspace;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Card file to write. 输出文件。")
        Path out;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(workspace)) {
                var card = KeyRegistry.card(ws);
                KeyRegistry.writeCard(card, out);
                spec.commandLine().getOut().println(Texts.t("cli.written", out.toAbsolutePath().toString()));
                spec.commandLine().getOut().println(Texts.t("cli.keys.fingerprint", card.fingerprint()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Revoke a unit's keys; the revocation travels in the office's packages.",
                "吊销某单位的密钥；吊销信息随效能办的数据包下发。"})
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
        Path workspace;
        @Option(names = "--unit", required = true, paramLabel = "CODE", description = "Unit code. 单位代码。")
        String unit;
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why. 吊销原因。")
        String reason;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(workspace)) {
                int n = KeyRegistry.revoke(ws, unit, reason);
                spec.commandLine().getOut().println(Texts.t("cli.keys.revoked", unit, n));
            }
            return Cli.OK;
        }
    }

    static void write(Path out, byte[] bytes) {
        try {
            SafeFiles.writeAtomically(out, bytes);
        } catch (IOException e) {
            throw new UserError(e, "error.package.writeFailed", out.toString(), String.valueOf(e.getMessage()));
        }
    }
}
