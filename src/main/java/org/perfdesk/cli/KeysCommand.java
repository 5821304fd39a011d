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
            KeysCommand.Revoke.class, KeysCommand.Backup.class, KeysCommand.Restore.class, KeysCommand.Rotate.class,
            KeysCommand.MoveSuite.class})
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
                out.println(Texts.t("cli.keys.suite", info.suite().label()));
                out.println(Texts.t("cli.keys.suiteYears", suiteYears(ws)));
                out.println(Texts.t("cli.keys.fingerprint", info.fingerprint()));
                out.println(Texts.t("cli.keys.keyId", info.keyId()));
                for (org.perfdesk.exchange.crypto.Suite other : WorkspaceKeys.suites(ws)) {
                    if (other != info.suite()) {
                        Integer from = org.perfdesk.exchange.SuitePlan.fromYear(ws);
                        out.println(Texts.t("cli.keys.otherSuite", other.label(), String.valueOf(from),
                                WorkspaceKeys.info(ws, other).fingerprint()));
                    }
                }
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

    /** "from 2009: 国密算法（…）; every year: …", as the workspace records it. */
    static String suiteYears(Workspace ws) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        var rows = ws.suiteYears().findAll();
        if (rows.isEmpty()) {
            return Texts.t("cli.keys.suiteEvery", org.perfdesk.exchange.crypto.Suite.INTL.label());
        }
        for (int i = 0; i < rows.size(); i++) {
            var r = rows.get(i);
            String label = org.perfdesk.exchange.crypto.Suite.of(r.suite()).label();
            parts.add(i == 0 ? Texts.t("cli.keys.suiteEvery", label) : Texts.t("cli.keys.suiteFrom",
                    String.valueOf(r.fromYear()), label));
        }
        return String.join(Texts.t("pkg.listSeparator"), parts);
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
        @Option(names = "--suite", paramLabel = "gm|intl",
                description = "The keys of which algorithms (default: those the workspace uses now). 哪种算法的密钥（默认当前使用的）。")
        InitCommand.SuiteOption suite;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(workspace)) {
                if (KeyRegistry.cardNeedsUnlock(ws)) {
                    // A workspace from before encryption makes its encryption key at the first unlock.
                    WorkspaceKeys.unlock(ws, Passphrases.read(false));
                }
                var card = suite == null ? KeyRegistry.card(ws) : KeyRegistry.card(ws, suite.suite);
                KeyRegistry.writeCard(card, out);
                spec.commandLine().getOut().println(Texts.t("cli.written", out.toAbsolutePath().toString()));
                spec.commandLine().getOut().println(Texts.t("cli.keys.fingerprint", card.fingerprint()));
                spec.commandLine().getOut().println(Texts.t("cli.keys.suite", KeyRegistry.suiteOf(card).label()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "move-suite", mixinStandardHelpOptions = true,
            description = {"Move to other algorithms from a year on (an office moving to 国密 gm-1 for a new year): new "
                + "keys of them are made; packages of the years before keep their algorithms and still verify.",
                "从某年度起改用另一种算法（如效能办新年度起改用国密）：生成该算法的新密钥；此前各年度的数据包仍按原算法校验。"})
    static final class MoveSuite implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
        Path workspace;
        @Option(names = "--suite", required = true, paramLabel = "gm|intl", description = "The algorithms. 算法。")
        InitCommand.SuiteOption suite;
        @Option(names = "--from-year", required = true, paramLabel = "YEAR",
                description = "The first year to use them for. 起始年度。")
        int fromYear;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(workspace)) {
                var before = org.perfdesk.exchange.SuitePlan.forYear(ws, fromYear - 1);
                var signer = org.perfdesk.exchange.SuitePlan.move(ws, Passphrases.read(false), suite.suite, fromYear);
                spec.commandLine().getOut().println(Texts.t("cli.keys.moved", suite.suite.label(),
                        String.valueOf(fromYear), before.label(),
                        WorkspaceKeys.fingerprintOf(signer.forSuite(suite.suite).keyId())));
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
