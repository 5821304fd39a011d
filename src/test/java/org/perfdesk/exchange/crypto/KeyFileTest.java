package org.perfdesk.exchange.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.UserError;

class KeyFileTest {
    @TempDir
    Path dir;

    @Test
    void theRightPassphraseUnlocksAndSignsVerifiably() {
        KeyPair pair = Ed25519.generate();
        Path file = dir.resolve("k.json");
        KeyFile.write(file, pair, "一二三四五六七八".toCharArray());
        var unlocked = KeyFile.unlock(file, "一二三四五六七八".toCharArray());
        byte[] data = "manifest".getBytes(StandardCharsets.UTF_8);
        assertThat(Ed25519.verify(pair.getPublic(), data, Ed25519.sign(unlocked, data))).isTrue();
        assertThat(KeyFile.publicKey(file)).isEqualTo(pair.getPublic());
        assertThat(KeyFile.read(file).keyId()).isEqualTo(Ed25519.keyId(pair.getPublic()));
    }

    @Test
    void anEncryptionKeyIsStoredTheSameWayUnderItsOwnFormat() {
        KeyPair pair = X25519.generate();
        Path file = dir.resolve("e.json");
        KeyFile.write(file, pair, "correct horse".toCharArray());
        assertThat(KeyFile.read(file).format()).isEqualTo(KeyFile.ENCRYPTION_FORMAT);
        assertThat(KeyFile.publicKey(file)).isEqualTo(pair.getPublic());
        var unlocked = KeyFile.unlock(file, "correct horse".toCharArray());
        assertThat(X25519.dh(unlocked, X25519.generate().getPublic())).hasSize(32);
        assertThat(X25519.rawPrivate(unlocked)).isEqualTo(X25519.rawPrivate(pair.getPrivate()));
        assertThatThrownBy(() -> KeyFile.unlock(file, "wrong horse!".toCharArray())).isInstanceOf(UserError.class);
    }

    @Test
    void aWrongPassphraseSaysSo() {
        Path file = dir.resolve("k.json");
        KeyFile.write(file, Ed25519.generate(), "correct horse".toCharArray());
        assertThatThrownBy(() -> KeyFile.unlock(file, "wrong horse!".toCharArray()))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(e.key()).isEqualTo("error.key.wrongPassphrase");
                    assertThat(e.getMessage()).contains("口令不正确");
                });
    }

    @Test
    void thePrivateKeyIsNotInTheFileInTheClear() throws Exception {
        KeyPair pair = Ed25519.generate();
        Path file = dir.resolve("k.json");
        KeyFile.write(file, pair, "correct horse".toCharArray());
        String text = Files.readString(file);
        byte[] der = pair.getPrivate().getEncoded();
        byte[] seed = java.util.Arrays.copyOfRange(der, der.length - 32, der.length);
        assertThat(text).doesNotContain(java.util.Base64.getEncoder().encodeToString(der))
                .doesNotContain(java.util.HexFormat.of().formatHex(seed))
                .contains("PBKDF2WithHmacSHA256").contains("AES-256-GCM");
    }

    @Test
    void aTamperedKeyFileDoesNotUnlock() throws Exception {
        Path file = dir.resolve("k.json");
        KeyFile.write(file, Ed25519.generate(), "correct horse".toCharArray());
        KeyFile.Stored s = KeyFile.read(file);
        // Claim another key id: the id is authenticated data, so the tag fails.
        Files.writeString(file, Files.readString(file).replace(s.keyId(), "0".repeat(32)));
        assertThatThrownBy(() -> KeyFile.unlock(file, "correct horse".toCharArray())).isInstanceOf(UserError.class);
    }

    @Test
    void shortPassphrasesAreRefused() {
        assertThatThrownBy(() -> KeyFile.write(dir.resolve("k.json"), Ed25519.generate(), "1234567".toCharArray()))
                .isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.key()).isEqualTo("error.key.passphraseTooShort"));
        assertThat(dir.resolve("k.json")).doesNotExist();
    }

    @Test
    void fingerprintsReadInGroupsAndAcceptAnyGrouping() {
        KeyPair pair = Ed25519.generate();
        String fp = Ed25519.fingerprint(pair.getPublic());
        assertThat(fp).matches("([0-9A-F]{4} ){7}[0-9A-F]{4}");
        assertThat(Ed25519.normalizeFingerprint(fp.toLowerCase().replace(' ', '-'))).isEqualTo(Ed25519.keyId(pair.getPublic()));
        assertThat(Ed25519.normalizeFingerprint("3A7F")).isNull();
        assertThat(Ed25519.fromPem(Ed25519.toPem(pair.getPublic()))).isEqualTo(pair.getPublic());
    }
}
