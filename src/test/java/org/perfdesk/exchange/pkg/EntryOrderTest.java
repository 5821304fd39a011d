package org.perfdesk.exchange.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfdesk.exchange.crypto.Suite;

/**
 * Under either suite, the refusal of a package with several faulty entries is the first faulty entry's
 * in manifest order, whether it fails while unpacking or at its hash, and an accepted package's file
 * hash is the suite's hash of the file: what must hold if the entries are ever hashed on several cores.
 */
class EntryOrderTest {
    private static final String A = "payload/a.json";
    private static final String B = "payload/b.json";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"intl-1", "gm-1"})
    void theFirstEntryInOrderDecidesTheRefusal(String id) throws IOException {
        Suite suite = Suite.of(id);
        KeyPair key = suite.newSigningKey();
        // A listed with a wrong hash, B damaged (its CRC wrong): A's refusal, though B fails while unpacking
        assertRefused(write(suite, key, true, false, z -> crcOf(z, B)), "hash-mismatch", A);
        // A whole, B damaged: B's
        assertRefused(write(suite, key, false, false, z -> crcOf(z, B)), "damaged-entry", B);
        // A damaged, B listed with a wrong hash: A's
        assertRefused(write(suite, key, false, true, z -> crcOf(z, A)), "damaged-entry", A);
        // both listed wrong: A's
        assertRefused(write(suite, key, true, true, z -> { }), "hash-mismatch", A);

        Path whole = write(suite, key, false, false, z -> { });
        PackageReader.Opened opened = PackageReader.read(whole, trust(suite, key), Limits.DEFAULT);
        assertThat(opened.fileHash()).isEqualTo(Hashing.hash(suite, whole));
        assertThat(new String(opened.entry(B), StandardCharsets.UTF_8)).isEqualTo("{\"b\":2}");
    }

    private static void crcOf(CraftedZip z, String name) {
        z.entries().stream().filter(e -> e.name.equals(name)).findFirst().orElseThrow().crc = 1L;
    }

    private static PackageReader.Trust trust(Suite suite, KeyPair key) {
        String keyId = suite.keyId(key.getPublic());
        return id -> id.equals(keyId) ? new PackageReader.TrustedKey(id, "U001", key.getPublic(), null, null) : null;
    }

    private void assertRefused(Path file, String code, String entry) {
        // refused before any key is needed: the entries are checked whatever the signature
        assertThatThrownBy(() -> PackageReader.readWithoutSignature(file, Limits.DEFAULT))
                .isInstanceOfSatisfying(PackageException.class, e -> {
                    assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(entry);
                });
    }

    private Path write(Suite suite, KeyPair key, boolean wrongA, boolean wrongB, Consumer<CraftedZip> lie)
            throws IOException {
        byte[] a = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] b = "{\"b\":2}".getBytes(StandardCharsets.UTF_8);
        String wrong = "0".repeat(64);
        Manifest m = new Manifest(Manifest.formatFor(suite, false), suite == Suite.INTL ? null : suite.id(),
                UUID.randomUUID().toString(), PackageKind.ANNUAL,
                Manifest.Party.sender("U001", suite.keyId(key.getPublic())), Manifest.Party.recipient("XNB", null),
                2008, 1, null, "2008-12-31T08:00:00Z", "0.1.0", null,
                List.of(Manifest.Entry.of(suite, A, a.length, wrongA ? wrong : Hashing.hash(suite, a)),
                        Manifest.Entry.of(suite, B, b.length, wrongB ? wrong : Hashing.hash(suite, b))));
        byte[] manifest = StrictJson.write(m);
        CraftedZip z = new CraftedZip();
        z.add(Manifest.MANIFEST, manifest);
        z.add(Manifest.SIGNATURE, suite.sign(key.getPrivate(), manifest)).method = 0;
        z.add(A, a);
        z.add(B, b);
        lie.accept(z);
        return Files.write(Files.createTempFile(dir, "order-", ".perfpkg"), z.write());
    }
}
