package org.perfdesk.exchange.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gm-1 suite checked by OpenSSL 3, with the very commands package-format.md gives for checking by
 * hand: a PerfDesk SM2 signature verifies (and one OpenSSL makes verifies here), key ids and SM3 hashes
 * match {@code openssl dgst -sm3}, a wrapped content key decrypts with {@code pkeyutl -decrypt} (and one
 * OpenSSL encrypts unwraps here), a sealed entry's SM4 decrypts as CTR, and the key files' PBKDF2-HMAC-SM3
 * equals {@code openssl kdf}, and a private key under a passphrase comes out with those two. Skipped, saying why, where OpenSSL 3 with SM2 is not installed.
 */
class GmOpenSslInteropTest {
    private static final String DISTID = "distid:" + Sm2.DISTINGUISHING_ID;
    private static final HexFormat HEX = HexFormat.of();
    @TempDir
    Path dir;

    @BeforeEach
    void needsOpenSsl3WithSm2() throws Exception {
        Result version = openssl("version");
        assumeTrue(version.exit() == 0, "openssl is not installed: the gm-1 interoperability checks are skipped");
        assumeTrue(version.out().startsWith("OpenSSL 3."), "not OpenSSL 3 (" + version.out().strip() + "): skipped");
        assumeTrue(openssl("list", "-public-key-algorithms").out().contains("SM2"), "this OpenSSL has no SM2: skipped");
    }

    @Test
    void opensslVerifiesOurSm2SignatureWithTheStandardId() throws Exception {
        KeyPair sender = Suite.GM.newSigningKey();
        byte[] manifest = "{\"format\":\"perfdesk-package/3\",\"suite\":\"gm-1\"}".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("manifest.json"), manifest);
        Files.write(dir.resolve("manifest.sig"), Suite.GM.sign(sender.getPrivate(), manifest));
        Files.writeString(dir.resolve("sender.pem"), Suite.GM.toPem(sender.getPublic()));

        assertThat(verify("manifest.json")).isZero();

        Files.write(dir.resolve("changed.json"), "{\"format\":\"perfdesk-package/3\",\"suite\":\"gm-2\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(verify("changed.json")).isNotZero();
    }

    @Test
    void aSignatureOpensslMakesVerifiesHere() throws Exception {
        KeyPair key = Suite.GM.newSigningKey();
        Files.writeString(dir.resolve("key.pem"), privatePem(key));
        byte[] data = "签名的数据".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("data"), data);

        assertThat(openssl("pkeyutl", "-sign", "-inkey", "key.pem", "-rawin", "-digest", "sm3", "-pkeyopt", DISTID,
                "-in", "data", "-out", "data.sig").exit()).isZero();

        byte[] signature = Files.readAllBytes(dir.resolve("data.sig"));
        assertThat(Suite.GM.verify(key.getPublic(), data, signature)).isTrue();
        assertThat(Suite.GM.verify(key.getPublic(), "签名的數据".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }

    @Test
    void keyIdsAndHashesAreWhatOpensslDgstSm3Prints() throws Exception {
        KeyPair key = Suite.GM.newSigningKey();
        Files.writeString(dir.resolve("sender.pem"), Suite.GM.toPem(key.getPublic()));
        byte[] entry = new byte[200_000];
        new java.util.Random(7).nextBytes(entry);
        Files.write(dir.resolve("entry"), entry);

        // openssl pkey -pubin -in sender.pem -outform DER | openssl dgst -sm3 -r | cut -c1-32
        assertThat(openssl("pkey", "-pubin", "-in", "sender.pem", "-outform", "DER", "-out", "sender.der").exit()).isZero();
        assertThat(sm3OfFile("sender.der").substring(0, 32)).isEqualTo(Suite.GM.keyId(key.getPublic()));
        assertThat(sm3OfFile("entry")).isEqualTo(HEX.formatHex(Suite.GM.hash(entry)));
    }

    @Test
    void aWrappedContentKeyIsOpensslsSm2Ciphertext() throws Exception {
        KeyPair recipient = Suite.GM.newEncryptionKey();
        Files.writeString(dir.resolve("recipient-key.pem"), privatePem(recipient));
        Files.writeString(dir.resolve("recipient.pem"), Suite.GM.toPem(recipient.getPublic()));
        byte[] contentKey = Suite.GM.newContentKey();
        Files.write(dir.resolve("wrapped.der"),
                Suite.GM.wrap(contentKey, recipient.getPublic(), "p", "s").wrappedKey());

        assertThat(openssl("pkeyutl", "-decrypt", "-inkey", "recipient-key.pem", "-in", "wrapped.der", "-out",
                "content.key").exit()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("content.key"))).isEqualTo(contentKey);

        Files.write(dir.resolve("theirs.key"), contentKey);
        assertThat(openssl("pkeyutl", "-encrypt", "-pubin", "-inkey", "recipient.pem", "-in", "theirs.key", "-out",
                "theirs.der").exit()).isZero();
        byte[] theirs = Files.readAllBytes(dir.resolve("theirs.der"));
        assertThat(Suite.GM.unwrap(new Envelope.Wrapped(Suite.GM.keyId(recipient.getPublic()), null, theirs), recipient,
                "p", "s")).isEqualTo(contentKey);
    }

    @Test
    void aSealedEntryIsSm4GcmWhoseBodyOpensslDecryptsAsCtr() throws Exception {
        byte[] contentKey = Suite.GM.newContentKey();
        byte[] plaintext = "{\"title\":\"推进重点工作\"}".repeat(100).getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Suite.GM.seal(contentKey, "00000000-0000-4000-8000-000000000001", 1, plaintext);
        Files.write(dir.resolve("body"), Arrays.copyOf(sealed, sealed.length - Sm4Gcm.TAG_LENGTH));

        // GCM's keystream is CTR from J0 + 1 = nonce ‖ 00000002 (the tag is not checked this way: the
        // signed manifest's hash of the sealed entry is)
        String iv = HEX.formatHex(GmEnvelope.nonce(1)) + "00000002";
        assertThat(openssl("enc", "-d", "-sm4-ctr", "-K", HEX.formatHex(contentKey), "-iv", iv, "-in", "body", "-out",
                "entry.deflate").exit()).isZero();

        byte[] deflated = Files.readAllBytes(dir.resolve("entry.deflate"));
        assertThat(Envelope.inflate(deflated, plaintext.length, true)).isEqualTo(plaintext);
    }

    @Test
    void theKeyFilesPbkdf2HmacSm3IsOpensslKdfs() throws Exception {
        byte[] salt = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
        String passphrase = "correct horse 电池";

        Result kdf = openssl("kdf", "-keylen", "16", "-kdfopt", "digest:SM3", "-kdfopt", "pass:" + passphrase,
                "-kdfopt", "hexsalt:" + HEX.formatHex(salt), "-kdfopt", "iter:1000", "PBKDF2");

        assertThat(kdf.exit()).isZero();
        assertThat(kdf.out().strip().replace(":", "").toLowerCase(java.util.Locale.ROOT))
                .isEqualTo(HEX.formatHex(GmKeyLock.derive(passphrase.toCharArray(), salt, 1000).getEncoded()));
    }

    @Test
    void aPrivateKeyUnderThePassphraseComesOutWithOpensslKdfAndSm4Ctr() throws Exception {
        KeyPair recipient = Suite.GM.newEncryptionKey();
        String passphrase = "correct horse battery";
        byte[] aad = Suite.GM.keyId(recipient.getPublic()).getBytes(StandardCharsets.US_ASCII);
        KeyFile.Box box = GmKeyLock.lock(new KeyFile.Passphrase(passphrase.toCharArray()),
                HEX.parseHex("00112233445566778899aabbccddeeff"), 1000, aad, recipient.getPrivate().getEncoded());
        byte[] data = Base64.getDecoder().decode(box.data());
        Files.write(dir.resolve("private.body"), Arrays.copyOf(data, data.length - Sm4Gcm.TAG_LENGTH));

        Result kdf = openssl("kdf", "-keylen", "16", "-kdfopt", "digest:SM3", "-kdfopt", "pass:" + passphrase,
                "-kdfopt", "hexsalt:" + HEX.formatHex(Base64.getDecoder().decode(box.salt())), "-kdfopt",
                "iter:" + box.iterations(), "PBKDF2");
        String key = kdf.out().strip().replace(":", "");
        String iv = HEX.formatHex(Base64.getDecoder().decode(box.iv())) + "00000002";
        assertThat(openssl("enc", "-d", "-sm4-ctr", "-K", key, "-iv", iv, "-in", "private.body", "-out",
                "private.der").exit()).isZero();
        assertThat(openssl("pkey", "-inform", "DER", "-in", "private.der", "-pubout", "-out", "public.pem").exit())
                .isZero();

        assertThat(Files.readString(dir.resolve("public.pem"))).isEqualTo(Suite.GM.toPem(recipient.getPublic()));
    }

    private int verify(String file) throws Exception {
        return openssl("pkeyutl", "-verify", "-pubin", "-inkey", "sender.pem", "-rawin", "-digest", "sm3",
                "-pkeyopt", DISTID, "-in", file, "-sigfile", "manifest.sig").exit();
    }

    /** {@code openssl dgst -sm3 -r FILE} prints "hex *FILE". */
    private String sm3OfFile(String file) throws Exception {
        Result r = openssl("dgst", "-sm3", "-r", file);
        assertThat(r.exit()).isZero();
        return r.out().substring(0, 64);
    }

    private static String privatePem(KeyPair pair) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n";
    }

    private record Result(int exit, String out) {
    }

    private Result openssl(String... args) throws InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) ? new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8))
                    : new Result(-1, "");
        } catch (IOException e) {
            return new Result(-1, String.valueOf(e.getMessage()));
        }
    }
}
