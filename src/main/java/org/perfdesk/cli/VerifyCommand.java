package org.perfdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.crypto.Ed25519;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a package without importing it: exit 0 valid, 1 not.",
            "只校验不导入：有效退出码 0，无效 1。",
            "With --workspace the signature is checked against the keys it trusts; with --key against a PEM key;"
                + " with neither, everything but the signature."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--workspace", paramLabel = "DIR", description = "Workspace whose trusted keys to use. 使用该工作区信任的密钥。")
    Path workspace;
    @Option(names = "--key", paramLabel = "PEM", description = "Public key of the sender (PEM). 发送方公钥。")
    Path key;
    @Parameters(paramLabel = "FILE", description = "Package file. 数据包文件。")
    Path file;

    @Override
    public Integer call() {
        PackageReader.Opened opened;
        try {
            if (workspace != null) {
                try (Workspace ws = Workspace.open(workspace)) {
                    opened = PackageReader.read(file, KeyRegistry.trust(ws), Limits.DEFAULT);
                }
            } else if (key != null) {
                var pub = Ed25519.fromPem(readPem(key));
                String id = Ed25519.keyId(pub);
                opened = PackageReader.read(file, k -> k.equals(id)
                        ? new PackageReader.TrustedKey(id, null, pub, null, null) : null, Limits.DEFAULT);
            } else {
                opened = PackageReader.readWithoutSignature(file, Limits.DEFAULT);
            }
        } catch (PackageException e) {
            spec.commandLine().getErr().println(Texts.t("cli.verify.invalid", file.toString(), e.code(),
                    e.getLocalizedMessage()));
            return Cli.FAILED;
        }
        var m = opened.manifest();
        spec.commandLine().getOut().println(Texts.t("cli.verify.valid", file.toString(), m.sender().code(),
                Texts.t("kind." + m.kind().cliName()), String.valueOf(m.year()), m.sequence(),
                Ed25519.fingerprintOf(m.sender().keyId())));
        // Checking needs no decryption: the signed manifest lists and hashes the sealed entries.
        spec.commandLine().getOut().println(m.sealed()
                ? Texts.t("cli.verify.sealed", String.join(Texts.t("pkg.listSeparator"), org.perfdesk.exchange.pkg.Sealed.recipients(m)))
                : Texts.t("cli.verify.plain"));
        if (workspace == null && key == null) {
            // An enrollment's signature is checked against the key it carries, whatever the options.
            spec.commandLine().getOut().println(Texts.t(m.kind() == org.perfdesk.exchange.pkg.PackageKind.ENROLLMENT
                    ? "cli.verify.selfSigned" : "cli.verify.unsigned"));
        }
        return Cli.OK;
    }

    private static String readPem(Path pem) {
        try {
            return Files.readString(pem);
        } catch (IOException e) {
            throw new UserError(e, "error.trust.badCard", pem.toString());
        }
    }
}
