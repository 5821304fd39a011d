package org.perfdesk.exchange.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The format document promises that openssl can check a manifest's signature by hand; this keeps
 * that promise honest wherever openssl 3 is installed (it is skipped, and says so, where it is not).
 */
class OpenSslInteropTest {
    @TempDir
    Path dir;

    @Test
    void opensslVerifiesOurSignatureAndRejectsAChangedManifest() throws Exception {
        assumeTrue(openssl("version") == 0, "openssl is not installed");
        KeyPair pair = Ed25519.generate();
        byte[] manifest = "{\"format\":\"perfdesk-package/1\"}".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("manifest.json"), manifest);
        Files.write(dir.resolve("manifest.sig"), Ed25519.sign(pair.getPrivate(), manifest));
        Files.writeString(dir.resolve("sender.pem"), Ed25519.toPem(pair.getPublic()));

        assertThat(openssl("pkeyutl", "-verify", "-pubin", "-inkey", "sender.pem", "-rawin",
                "-in", "manifest.json", "-sigfile", "manifest.sig")).isZero();

        Files.write(dir.resolve("manifest.json"), "{\"format\":\"perfdesk-package/2\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(openssl("pkeyutl", "-verify", "-pubin", "-inkey", "sender.pem", "-rawin",
                "-in", "manifest.json", "-sigfile", "manifest.sig")).isNotZero();
    }

    private int openssl(String... args) throws InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "openssl";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
