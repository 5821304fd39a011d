package org.perfdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.PlanReview;
import org.perfdesk.exchange.crypto.Envelope;
import org.perfdesk.exchange.crypto.X25519;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.Hashing;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.exchange.pkg.Sealed;
import org.perfdesk.exchange.pkg.StrictJson;

/**
 * Sealed packages that must not get in, each refused with nothing written: the office's database
 * unchanged and no package kept in its inbox. Changes to the file alone fail the hashes before any
 * decryption; the rest are signed again with the sender's key (a buggy sender, or a stolen key), so
 * the decryption's own checks are what refuse them.
 */
class SealedRefusalTest {
    @TempDir
    Path dir;
    World world;
    Path plan;

    @BeforeEach
    void setUp() throws Exception {
        world = new World(dir);
        world.addUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB");
        plan = world.export("SLT", PackageKind.PLAN);
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    private ImportReport refused(Path file, String code) throws IOException {
        Map<String, Long> before = World.rowCounts(world.office);
        long kept = keptInInbox();
        ImportReport r = world.importAtOffice(file);
        assertThat(r.status()).as(r.message()).isEqualTo(ImportReport.Status.REJECTED);
        assertThat(r.code()).as(r.message()).isEqualTo(code);
        assertThat(World.rowCounts(world.office)).as("office database unchanged").isEqualTo(before);
        assertThat(keptInInbox()).as("nothing kept in the inbox").isEqualTo(kept);
        return r;
    }

    private long keptInInbox() throws IOException {
        try (Stream<Path> files = Files.list(world.office.inboxDir())) {
            return files.filter(f -> f.toString().endsWith(".perfpkg")).count();
        }
    }

    private Path resigned(String name, java.util.function.BiFunction<Manifest, Map<String, byte[]>, Manifest> change)
            throws IOException {
        return World.resigned(plan, dir.resolve(name), world.signers.get("SLT"), change);
    }

    private static byte[] flip(byte[] b, int index) {
        byte[] copy = b.clone();
        copy[index] ^= 0x01;
        return copy;
    }

    @Test
    void theUnchangedPackageGetsIn() throws IOException {
        // The control for every test below: signing again changes nothing by itself.
        Path same = resigned("same.perfpkg", (m, entries) -> m);
        ImportReport r = world.importAtOffice(same);
        assertThat(r.status()).as(r.message()).isEqualTo(ImportReport.Status.ACCEPTED);
    }

    @Test
    void aByteOfCiphertextChangedInTheFileFailsItsHashBeforeAnyDecryption() throws IOException {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(World.entries(plan));
        entries.replaceAll(e -> e.getKey().equals(EntryNames.sealed(1)) ? Map.entry(e.getKey(), flip(e.getValue(), 40)) : e);
        Path bad = World.write(dir.resolve("flipped.perfpkg"), entries);
        assertThat(refused(bad, "hash-mismatch").message()).contains(EntryNames.sealed(1));
    }

    @Test
    void everyByteOfTheCiphertextFlippedInTurnIsRefused() throws IOException {
        // A small package: the office's receipt to the unit (three short payload entries).
        ImportReport accepted = world.importAtOffice(plan);
        Path receipt = Receipts.write(world.office, world.officeSigner, accepted.packageId(), world.usb).file();
        org.perfdesk.store.Workspace slt = world.units.get("SLT");
        Signer sltKeys = world.signers.get("SLT");
        Map<String, Long> before = World.rowCounts(slt);
        long kept = packagesIn(slt.inboxDir());
        Map<String, byte[]> original = new java.util.LinkedHashMap<>();
        World.entries(receipt).forEach(e -> original.put(e.getKey(), e.getValue()));
        int tried = 0;
        for (Map.Entry<String, byte[]> entry : original.entrySet()) {
            if (!entry.getKey().startsWith(EntryNames.SEALED) || entry.getKey().equals(EntryNames.SEALED_KEYS)) {
                continue;
            }
            for (int i = 0; i < entry.getValue().length; i++) {
                int at = i;
                Path bad = World.resigned(receipt, dir.resolve("flip.perfpkg"), world.officeSigner, (m, entries) -> {
                    entries.put(entry.getKey(), flip(entries.get(entry.getKey()), at));
                    return m;
                });
                // Every byte through the importer's whole path as a dry run (nothing on disk, so quicker);
                // every 32nd for real; the unit's database and inbox are compared before and after.
                boolean real = tried % 32 == 0;
                ImportReport r = real ? new Importer(slt, sltKeys).importFile(bad, false)
                        : new Importer(slt, sltKeys).importAll(List.of(bad), true).get(0);
                assertThat(r.code()).as(entry.getKey() + " byte " + at + ": " + r.message())
                        .isEqualTo("decryption-failed");
                tried++;
            }
        }
        assertThat(tried).isGreaterThan(300);
        assertThat(World.rowCounts(slt)).isEqualTo(before);
        assertThat(packagesIn(slt.inboxDir())).isEqualTo(kept);
        assertThat(new Importer(slt, sltKeys).importFile(receipt, false).accepted()).as("the control").isTrue();
    }

    private static long packagesIn(Path inbox) throws IOException {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(f -> f.toString().endsWith(".perfpkg")).count();
        }
    }

    @Test
    void everyByteOfTheOfficesWrappedKeyFlippedInTurnIsRefused() throws IOException {
        String officeKey = ConfidentialTest.encryptionKeyId(world.office);
        // intl-1: HPKE's enc and the wrapped key; gm-1: the SM2 ciphertext (DER: C1, C3, C2), there is no enc.
        boolean intl = Workspaces.defaultSuite() == org.perfdesk.exchange.crypto.Suite.INTL;
        Sealed.WrappedKeys written = StrictJson.read(World.entries(plan).stream()
                .filter(e -> e.getKey().equals(EntryNames.SEALED_KEYS)).findFirst().orElseThrow().getValue(),
                Sealed.WrappedKeys.class, "k");
        int wrappedLength = unb64(written.keys().stream().filter(k -> k.keyId().equals(officeKey)).findFirst()
                .orElseThrow().wrappedKey()).length;
        assertThat(wrappedLength).isEqualTo(intl ? Envelope.WRAPPED_LENGTH : wrappedLength);
        for (String part : intl ? List.of("enc", "wrappedKey") : List.of("wrappedKey")) {
            int length = part.equals("enc") ? X25519.KEY_LENGTH : wrappedLength;
            for (int i = 0; i < length; i++) {
                int at = i;
                Path bad = resigned("wrapped.perfpkg", (m, entries) -> {
                    entries.put(EntryNames.SEALED_KEYS, changeWrapped(entries.get(EntryNames.SEALED_KEYS), officeKey,
                            w -> part.equals("enc")
                                    ? new Sealed.WrappedKey(w.keyId(), b64(flip(unb64(w.enc()), at)), w.wrappedKey())
                                    : new Sealed.WrappedKey(w.keyId(), w.enc(), b64(flip(unb64(w.wrappedKey()), at)))));
                    return m;
                });
                ImportReport r = new Importer(world.office, world.officeSigner).importAll(List.of(bad), true).get(0);
                assertThat(r.code()).as(part + " byte " + at).isEqualTo("bad-wrapped-key");
            }
        }
        refused(resigned("last.perfpkg", (m, entries) -> {
            entries.put(EntryNames.SEALED_KEYS, changeWrapped(entries.get(EntryNames.SEALED_KEYS), officeKey,
                    w -> new Sealed.WrappedKey(w.keyId(), w.enc(), b64(flip(unb64(w.wrappedKey()), 0)))));
            return m;
        }), "bad-wrapped-key");
    }

    @Test
    void aTruncatedCiphertext() throws IOException {
        refused(resigned("short.perfpkg", (m, entries) -> {
            byte[] b = entries.get(EntryNames.sealed(1));
            entries.put(EntryNames.sealed(1), Arrays.copyOf(b, b.length - 1));
            return m;
        }), "decryption-failed");
        refused(resigned("shorter.perfpkg", (m, entries) -> {
            entries.put(EntryNames.sealed(1), Arrays.copyOf(entries.get(EntryNames.sealed(1)), 10));
            return m;
        }), "decryption-failed");
        refused(resigned("empty.perfpkg", (m, entries) -> {
            entries.put(EntryNames.sealed(0), new byte[0]);
            return m;
        }), "decryption-failed");
    }

    @Test
    void aTruncatedFileIsRefusedBeforeAnything() throws IOException {
        byte[] bytes = Files.readAllBytes(plan);
        Path bad = Files.write(dir.resolve("cut.perfpkg"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
        assertThat(refused(bad, "truncated").code()).isEqualTo("truncated");
    }

    @Test
    void sealedEntriesSwappedOrOneLeftOut() throws IOException {
        refused(resigned("swapped.perfpkg", (m, entries) -> {
            byte[] first = entries.get(EntryNames.sealed(1));
            entries.put(EntryNames.sealed(1), entries.get(EntryNames.sealed(2)));
            entries.put(EntryNames.sealed(2), first);
            return m;
        }), "decryption-failed");
        refused(resigned("left-out.perfpkg", (m, entries) -> {
            entries.remove(EntryNames.sealed(2));
            return m;
        }), "bad-manifest");
    }

    @Test
    void aWrappedKeyForAnotherRecipientSwappedIn() throws IOException {
        String officeKey = ConfidentialTest.encryptionKeyId(world.office);
        String unitKey = ConfidentialTest.encryptionKeyId(world.units.get("SLT"));
        // The unit's own wrapped key, labelled as the office's.
        Path bad = resigned("theirs.perfpkg", (m, entries) -> {
            Sealed.WrappedKeys keys = StrictJson.read(entries.get(EntryNames.SEALED_KEYS), Sealed.WrappedKeys.class, "k");
            Sealed.WrappedKey unit = keys.keys().stream().filter(k -> k.keyId().equals(unitKey)).findFirst().orElseThrow();
            entries.put(EntryNames.SEALED_KEYS, changeWrapped(entries.get(EntryNames.SEALED_KEYS), officeKey,
                    w -> new Sealed.WrappedKey(officeKey, unit.enc(), unit.wrappedKey())));
            return m;
        });
        refused(bad, "bad-wrapped-key");
    }

    @Test
    void theOfficesWrappedKeyFromAnotherPackageSwappedIn() throws IOException {
        Path other = world.export("SLT", PackageKind.PROGRESS);
        byte[] otherKeys = World.entries(other).stream().filter(e -> e.getKey().equals(EntryNames.SEALED_KEYS))
                .findFirst().orElseThrow().getValue();
        // A key that opens, but for another package id: HPKE's info binds it to its package (intl-1); SM2
        // encryption has no associated data, so under gm-1 the key unwraps and the entries' aad, which names
        // the package, fails every tag instead (package-format.md §11).
        refused(resigned("other.perfpkg", (m, entries) -> {
            entries.put(EntryNames.SEALED_KEYS, otherKeys);
            return m;
        }), Workspaces.defaultSuite() == org.perfdesk.exchange.crypto.Suite.INTL ? "bad-wrapped-key"
                : "decryption-failed");
    }

    @Test
    void aManifestNamingARecipientThatIsNotInTheWrappedKeys() throws IOException {
        String stranger = X25519.keyId(X25519.generate().getPublic());
        ImportReport r = refused(resigned("named.perfpkg", (m, entries) -> withRecipients(m, add(m.encryption()
                .recipients(), new Manifest.Recipient("NYT", stranger)))), "wrapped-keys-mismatch");
        assertThat(r.message()).contains("NYT");
        // …and wrapped keys for a recipient the manifest does not name.
        refused(resigned("unnamed.perfpkg", (m, entries) -> withRecipients(m, m.encryption().recipients().stream()
                .filter(x -> x.code().equals("XNB")).toList())), "wrapped-keys-mismatch");
    }

    @Test
    void aPackageSealedForSomeoneElsesKeyNamesWhoCanOpenIt() throws IOException {
        String officeKey = ConfidentialTest.encryptionKeyId(world.office);
        // Only the unit's own wrapped key left, and the manifest saying so: the office has no key for it.
        Path bad = resigned("unit-only.perfpkg", (m, entries) -> {
            Sealed.WrappedKeys keys = StrictJson.read(entries.get(EntryNames.SEALED_KEYS), Sealed.WrappedKeys.class, "k");
            entries.put(EntryNames.SEALED_KEYS, StrictJson.write(new Sealed.WrappedKeys(keys.format(), keys.suite(),
                    keys.keys().stream().filter(k -> !k.keyId().equals(officeKey)).toList())));
            return withRecipients(m, m.encryption().recipients().stream().filter(x -> x.code().equals("SLT")).toList());
        });
        ImportReport r = refused(bad, "no-decryption-key");
        assertThat(r.message()).contains("SLT").contains("没有");
    }

    @Test
    void aTableOfContentsThatLies() throws IOException {
        byte[] contentKey = Sealed.contentKey(PackageReader.read(plan, KeyRegistry.trust(world.office), Limits.DEFAULT),
                world.officeSigner.keyRing());
        String id = PackageReader.readWithoutSignature(plan, Limits.DEFAULT).manifest().packageId();
        refused(withContents("escape.perfpkg", contentKey, id, e -> e.path().equals(EntryNames.SNAPSHOT)
                ? new Manifest.Entry("../../perfdesk.db", e.size(), e.sha256(), e.sm3()) : e), "unsafe-entry-name");
        refused(withContents("size.perfpkg", contentKey, id, e -> e.path().equals(EntryNames.SNAPSHOT)
                ? new Manifest.Entry(e.path(), e.size() - 1, e.sha256(), e.sm3()) : e), "decryption-failed");
        refused(withContents("hash.perfpkg", contentKey, id, e -> e.path().equals(EntryNames.SNAPSHOT)
                ? Manifest.Entry.of(Workspaces.defaultSuite(), e.path(), e.size(),
                        Hashing.hash(Workspaces.defaultSuite(), new byte[1])) : e), "hash-mismatch");
    }

    @Test
    void aPackageForAnotherUnitSaysWhoseItIs() throws IOException {
        world.addUnit("NP", "南平市人民政府", OrgKind.CITY, "XNB");
        world.addUnit("XM", "厦门市人民政府", OrgKind.CITY, "XNB");
        // The unit's plan taken to another unit, which does not know the sender's key.
        ImportReport atXm = world.importer("XM").importFile(plan, false);
        assertThat(atXm.code()).isEqualTo("wrong-recipient");
        assertThat(atXm.message()).contains("这个数据包是发给福建省效能办的");
        // The office's answer to Nanping taken to Xiamen: a key Xiamen trusts, but not its package.
        world.importAtOffice(world.export("NP", PackageKind.PLAN));
        Path answer = Reviews.decide(world.office, world.officeSigner, "NP", World.YEAR, PlanReview.Decision.APPROVED,
                "同意。", world.usb).file();
        Map<String, Long> before = World.rowCounts(world.units.get("XM"));
        ImportReport wrong = world.importer("XM").importFile(answer, false);
        assertThat(wrong.code()).isEqualTo("wrong-recipient");
        assertThat(wrong.message()).contains("这个数据包是发给南平市人民政府（NP）的");
        assertThat(World.rowCounts(world.units.get("XM"))).isEqualTo(before);
        org.perfdesk.domain.Texts english = org.perfdesk.domain.Texts.of(java.util.Locale.ENGLISH);
        assertThat(english.get("pkg.wrong-recipient", english.get("pkg.nameWithCode", "南平市人民政府", "NP")))
                .startsWith("This package is addressed to 南平市人民政府 (NP)");
        assertThat(world.importer("NP").importFile(answer, false).accepted()).isTrue();
    }

    @Test
    void aSealedPackageWithoutTheKeysUnlockedSaysSo() throws IOException {
        Map<String, Long> before = World.rowCounts(world.office);
        ImportReport r = new Importer(world.office).importFile(plan, false);
        assertThat(r.code()).isEqualTo("key-locked");
        assertThat(r.message()).contains("口令");
        assertThat(World.rowCounts(world.office)).isEqualTo(before);
    }

    @Test
    void aWrongPassphraseIsAskedOnceAndNothingIsKeptAsRejected() throws IOException {
        Path progress = world.export("SLT", PackageKind.PROGRESS);
        int[] asked = {0};
        Importer importer = new Importer(world.office, Limits.DEFAULT, () -> {
            asked[0]++;
            return WorkspaceKeys.unlock(world.office, "not the passphrase".toCharArray()).keyRing();
        });
        List<ImportReport> reports = importer.importAll(List.of(plan, progress), false);
        assertThat(reports).allSatisfy(r -> {
            assertThat(r.code()).isEqualTo("key-locked");
            assertThat(r.message()).contains("口令不正确");
        });
        assertThat(asked[0]).isEqualTo(1);
        assertThat(world.office.inboxDir().resolve("rejected")).satisfiesAnyOf(
                d -> assertThat(d).doesNotExist(), d -> assertThat(d).isEmptyDirectory());
        // The same files import once the passphrase is right.
        assertThat(world.importAtOffice(plan).accepted()).isTrue();
    }

    private Path withContents(String name, byte[] contentKey, String packageId,
                              java.util.function.UnaryOperator<Manifest.Entry> change) throws IOException {
        return resigned(name, (m, entries) -> {
            try {
                var suite = Workspaces.defaultSuite();
                byte[] toc = suite.openAtMost(contentKey, packageId, 0, entries.get(EntryNames.sealed(0)),
                        Limits.DEFAULT.maxManifestSize());
                Sealed.Contents contents = StrictJson.read(toc, Sealed.Contents.class, "toc");
                entries.put(EntryNames.sealed(0), suite.seal(contentKey, packageId, 0, StrictJson.write(
                        new Sealed.Contents(contents.format(), contents.suite(),
                                contents.entries().stream().map(change).toList()))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return m;
        });
    }

    private static Manifest withRecipients(Manifest m, List<Manifest.Recipient> recipients) {
        return new Manifest(m.format(), m.suite(), m.packageId(), m.kind(), m.sender(), m.recipient(), m.year(),
                m.sequence(), m.previousHash(), m.createdAt(), m.programVersion(),
                new Manifest.Encryption(m.encryption().scheme(), recipients), m.entries());
    }

    private static <T> List<T> add(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }

    private static byte[] changeWrapped(byte[] keysJson, String keyId,
                                        java.util.function.UnaryOperator<Sealed.WrappedKey> change) {
        Sealed.WrappedKeys keys = StrictJson.read(keysJson, Sealed.WrappedKeys.class, EntryNames.SEALED_KEYS);
        return StrictJson.write(new Sealed.WrappedKeys(keys.format(), keys.suite(), keys.keys().stream()
                .map(k -> k.keyId().equals(keyId) ? change.apply(k) : k).toList()));
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] unb64(String s) {
        return Base64.getDecoder().decode(s);
    }
}
