package org.perfdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.KeyBackup;
import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"The workspace's keys (signing and encryption), the office's card, revocations, key backup.",
            "签名密钥与加密密钥、效能办名片、密钥吊销、密钥备份。"},
        subcommands = {KeysCommand.Show.class, KeysCommand.ExportPublic.class, KeysCommand.Card.class,
            KeysCommand.Revoke.class, KeysCommand.Backup.class, KeysCommand.Restore.class, KeysCommand.Rotate.class})
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
                WorkspaceKeys.KeyInfo encryption = WorkspaceKeys.encryptionInfo(ws);
                out.println(encryption == null ? Texts.t("cli.keys.noEncryptionKey")
                        : Texts.t("cli.keys.encryptionKey", encryption.fingerprint(), encryption.keyId()));
                out.println(WorkspaceKeys.needsBackup(ws) ? Texts.t("settings.keys.backupMissing")
                        : Texts.t("settings.keys.backupDone", ws.meta().get(WorkspaceKeys.KEY_BACKUP_AT).map(at -> at.substring(0, 10)).orElse("")));
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
                if (KeyRegistry.cardNeedsUnlock(ws)) {
                    // A workspace from before encryption makes its encryption key at the first unlock.
                    WorkspaceKeys.unlock(ws, Passphrases.read(false));
                }
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

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = {"Write the key backup: every key of this workspace, under a passphrase of its own "
                + "(PERFDESK_BACKUP_PASSPHRASE, or asked). Keep it away from the PC.",
                "导出密钥备份：本工作区的全部密钥，用单独的备份口令加密（PERFDESK_BACKUP_PASSPHRASE 或提示输入）。请与电脑分开保管。"})
    static final class Backup implements Callable<Integer> {
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
                Path file = KeyBackup.write(ws, signer, Passphrases.readBackup(true), out);
                spec.commandLine().getOut().println(Texts.t("cli.keys.backupWritten", file.toAbsolutePath().toString(),
                        signer.keyRing().pairs().size()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Put the keys of a key backup back into this workspace, under the workspace passphrase "
                + "(PERFDESK_PASSPHRASE: the current one, or a new one if it was forgotten).",
                "从密钥备份恢复本工作区的密钥，用工作区口令重新加密（PERFDESK_PASSPHRASE：原口令，忘记时可设新口令）。"})
    static final class Restore implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
        Path workspace;
        @picocli.CommandLine.Parameters(paramLabel = "FILE", description = "The key backup. 密钥备份文件。")
        Path file;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(workspace)) {
                char[] backup = Passphrases.readBackup(false);
                KeyBackup.Restored r = KeyBackup.restore(ws, file, backup, Passphrases.read(true));
                PrintWriter out = spec.commandLine().getOut();
                out.println(Texts.t("cli.keys.restored", file.getFileName().toString(), r.encryptionKeys()));
                if (!r.setAside().isEmpty()) {
                    out.println(Texts.t("cli.keys.setAside", r.setAside().size(),
                            ws.keysDir().toAbsolutePath().toString()));
                }
            }
            return Cli.OK;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Make a new encryption key; the old one is kept so packages sealed for it stay readable.",
                "更换加密密钥；旧密钥仍保留，用它加密的数据包仍可打开。"})
    static final class Rotate implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
        Path workspace;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(workspace)) {
                var signer = WorkspaceKeys.rotateEncryption(ws, Passphrases.read(false));
                spec.commandLine().getOut().println(Texts.t("cli.keys.rotated",
                        org.perfdesk.exchange.crypto.Ed25519.fingerprintOf(signer.encryptionKeyId()),
                        signer.keyRing().pairs().size() - 1));
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
