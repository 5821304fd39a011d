package org.perfdesk.exchange.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.crypto.Ed25519;
import org.perfdesk.exchange.crypto.Suite;

/**
 * Opens a package the way the design demands, trusting nothing it has not checked, refusing at the
 * first problem and writing nothing (package-format.md §5):
 * <ol>
 *   <li>the file's size, and its zip structure as a whole ({@link ZipIndex}): end record, central
 *       directory (entry count, names, kinds, duplicates, declared sizes), every local header against
 *       the directory, the entries one after the other with nothing overlapping and no gaps;</li>
 *   <li>the manifest and signature present, unpacked within their bounds;</li>
 *   <li>the signature over the manifest's exact bytes with a trusted, unrevoked key. Before it, the
 *       manifest is only scanned as a stream (limits, numbers, duplicate keys) for the sender's code,
 *       key id and kind; nothing is mapped. An enrollment is signed by the key it introduces: that key
 *       is picked the same way from {@code payload/enrollment.json} (a bounded entry), and the
 *       signature checked with it before anything else is read;</li>
 *   <li>the manifest mapped strictly, and the entries exactly as it lists them;</li>
 *   <li>every entry unpacked with its bytes counted (never more than the directory and the manifest
 *       say, within the ratio and the package's total, which bounds what is held in memory), its
 *       CRC-32 and its size and SHA-256 as listed.</li>
 * </ol>
 * For a confidential package these entries are the sealed ones; {@link Sealed#open} decrypts them
 * afterwards. The caller then parses the JSON entries with {@link StrictJson}.
 *
 * <p>Everything follows the one algorithm suite the manifest names ({@link Manifest#suiteOf()}): the
 * signature's length and algorithm, the key that verifies it (a key of one suite never verifies
 * another's package), every hash field and hash, the envelope. A part of another suite is
 * {@code mixed-suite}; a suite this program does not know is {@code unknown-suite}. A {@link SuiteRule}
 * given by the importer (the suite the workspace requires for the package's year) is applied right
 * after the manifest's first scan, before the key is looked up.
 */
public final class PackageReader {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};
    private static final String SENDER_CODE = "sender.code";
    private static final String SENDER_KEY = "sender.keyId";
    private static final String KIND = "kind";
    private static final String FORMAT = "format";
    private static final String SUITE = "suite";
    private static final String YEAR = "year";
    private static final Set<String> HEAD = Set.of(FORMAT, SUITE, KIND, SENDER_CODE, SENDER_KEY, YEAR, "sequence",
            "recipient.code", "recipient.name", "encryption.scheme");

    private PackageReader() {
    }

    /** A key the reader may accept a signature from; it verifies packages of its own suite only. */
    public record TrustedKey(String keyId, String unitCode, PublicKey key, Instant revokedAt, String revokedReason) {
        /** The key's algorithm suite. */
        public Suite suite() {
            return Suite.ofKey(key);
        }
    }

    /**
     * What the reading workspace requires of a package's suite, checked on the manifest's first scan
     * (before any key is looked up), so a package of another suite is named as such rather than as
     * signed by an unknown key. It throws a {@link PackageException} to refuse.
     */
    @FunctionalInterface
    public interface SuiteRule {
        SuiteRule ANY = (suite, kind, year) -> { };

        /** @param year the manifest's year as scanned, or null when it is missing or not a number */
        void check(Suite suite, PackageKind kind, Integer year);
    }

    /** Finds a trusted key by id, or null. */
    @FunctionalInterface
    public interface Trust {
        TrustedKey find(String keyId);
    }

    /**
     * A package that passed every check: its manifest, hashes, and entries' bytes by path. The
     * manifest hash (SHA-256 of the signed {@code manifest.json} bytes) is the package's identity;
     * the file hash is only that of this copy.
     */
    public record Opened(Manifest manifest, String fileHash, long fileSize, Map<String, byte[]> entries,
                         TrustedKey signer, String manifestHash, Suite suite, byte[] fileBytes) {
        public byte[] entry(String path) {
            return entries.get(path);
        }

        /**
         * The file's bytes exactly as {@link #fileHash} was computed over them, so the inbox can keep
         * them without reading and hashing the file again; null for a file over {@link #KEEP_IN_MEMORY}.
         */
        @Override
        public byte[] fileBytes() {
            return fileBytes;
        }

        /** The same package with its entries replaced (decrypted), the file's hash and bytes kept. */
        Opened withEntries(Map<String, byte[]> plain) {
            return new Opened(manifest, fileHash, fileSize, plain, signer, manifestHash, suite, fileBytes);
        }
    }

    /** Files up to this size are held once read, for the inbox copy (package-format.md §1). */
    static final long KEEP_IN_MEMORY = 64L << 20;

    /** The whole file's hash, and its bytes when small enough to hold. */
    private record WholeFile(String hash, byte[] bytes) {
        static WholeFile read(Suite suite, Path file, long size) throws IOException {
            if (size > KEEP_IN_MEMORY) {
                return new WholeFile(Hashing.hash(suite, file), null);
            }
            byte[] bytes = Files.readAllBytes(file);
            return new WholeFile(Hashing.hash(suite, bytes), bytes);
        }
    }

    public static Opened read(Path file, Trust trust, Limits limits) {
        return read(file, trust, limits, SuiteRule.ANY);
    }

    /** The same, refusing early a package whose suite {@code rule} does not accept. */
    public static Opened read(Path file, Trust trust, Limits limits, SuiteRule rule) {
        return open(file, limits, Signature.TRUSTED, trust, rule);
    }

    /**
     * Sender and sequence, for putting a batch in chain order; whether it is sealed; and the recipient,
     * to name it when a package is refused. Nothing is trusted from it.
     */
    public record Peek(String sender, long sequence, boolean sealed, Manifest.Party recipient) {
    }

    /** The suite a package's manifest names, by the same checks and scan as {@link #peek}; null when it cannot tell. */
    public static Suite peekSuite(Path file) {
        Map<String, String> head = peekHead(file);
        return head == null ? null : Manifest.suiteOf(head.get(FORMAT), head.get(SUITE));
    }

    /** The manifest's head fields (unsigned, trusted for nothing), or null when the file cannot be read as a package. */
    private static Map<String, String> peekHead(Path file) {
        try {
            long size = checkFile(file, Limits.DEFAULT);
            try (ZipIndex zip = ZipIndex.open(file, size, Limits.DEFAULT)) {
                ZipIndex.Item e = zip.get(Manifest.MANIFEST);
                return e == null ? null : StrictJson.pick(unpackAtMost(zip, e, Limits.DEFAULT.maxManifestSize()),
                        Manifest.MANIFEST, HEAD);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Reads only the manifest's sender, sequence and recipient, by the same checks of the zip and the
     * same streaming scan as before a signature; null when the file cannot be read as a package.
     */
    public static Peek peek(Path file) {
        Map<String, String> head = peekHead(file);
        String sender = head == null ? null : head.get(SENDER_CODE);
        if (sender == null) {
            return null;
        }
        String code = head.get("recipient.code");
        String name = head.get("recipient.name");
        boolean sealed = Manifest.FORMAT_SEALED.equals(head.get(FORMAT))
                || Manifest.FORMAT_SUITED.equals(head.get(FORMAT)) && head.containsKey("encryption.scheme");
        try {
            return new Peek(sender, sequence(head.get("sequence")), sealed,
                    code == null && name == null ? null : Manifest.Party.recipient(code, name));
        } catch (RuntimeException e) {
            return null; // a recipient no package could name: not readable as a package
        }
    }

    private static long sequence(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Every check but the signature, for a person checking a package without any trusted key
     * ({@code perfdesk verify} without a workspace). Never used to import. An enrollment's signature
     * by the key it introduces is checked all the same: it needs no trusted key.
     */
    public static Opened readWithoutSignature(Path file, Limits limits) {
        return open(file, limits, Signature.NONE, null, SuiteRule.ANY);
    }

    /**
     * An enrollment is signed by the key it introduces, so there is no trusted key yet: the key is
     * picked from {@code payload/enrollment.json} (at most {@link Limits#ENROLLMENT_JSON} bytes,
     * scanned, not mapped) and the signature over the manifest checked with it before the manifest is
     * mapped or any other entry read. Nothing is trusted until a person compares the fingerprint.
     */
    public static Opened readSelfSigned(Path file, Limits limits) {
        return open(file, limits, Signature.SELF, null, SuiteRule.ANY);
    }

    /**
     * {@link #readSelfSigned(Path, Limits)}, then {@code keyOf} reads the enrollment entry (now signed)
     * into its key, which must be the one the signature was checked with.
     */
    public static Opened readSelfSigned(Path file, Limits limits, java.util.function.Function<byte[], PublicKey> keyOf) {
        Opened opened = readSelfSigned(file, limits);
        PublicKey key = keyOf.apply(opened.entry(EntryNames.ENROLLMENT));
        if (key == null || Suite.ofKey(key) != opened.suite() || !opened.suite().keyId(key).equals(opened.signer().keyId())) {
            throw new PackageException("bad-snapshot", EntryNames.ENROLLMENT);
        }
        return opened;
    }

    /** Which signature to check before the manifest is mapped. */
    private enum Signature {
        TRUSTED, SELF, NONE
    }

    private static Opened open(Path file, Limits limits, Signature check, Trust trust, SuiteRule rule) {
        long size = checkFile(file, limits);
        try (ZipIndex zip = ZipIndex.open(file, size, limits)) {
            ZipIndex.Item manifestEntry = zip.get(Manifest.MANIFEST);
            ZipIndex.Item signatureEntry = zip.get(Manifest.SIGNATURE);
            if (manifestEntry == null || signatureEntry == null) {
                throw new PackageException("not-a-package", file.getFileName().toString());
            }
            byte[] manifestBytes = unpackAtMost(zip, manifestEntry, limits.maxManifestSize());
            byte[] signature = unpackAtMost(zip, signatureEntry, Suite.longestSignature());
            Map<String, String> head = StrictJson.pick(manifestBytes, Manifest.MANIFEST, HEAD);
            if (head.get(SENDER_CODE) == null || head.get(SENDER_KEY) == null) {
                throw new PackageException("bad-manifest", Manifest.MANIFEST);
            }
            Suite suite = Manifest.suiteOf(head.get(FORMAT), head.get(SUITE));
            if (signature.length > suite.maxSignatureLength()) {
                throw new PackageException("size-mismatch", Manifest.SIGNATURE, suite.maxSignatureLength(),
                        signature.length);
            }
            rule.check(suite, kindOf(head.get(KIND)), year(head.get(YEAR)));
            boolean enrollment = PackageKind.ENROLLMENT.name().equals(head.get(KIND));
            Map<String, byte[]> early = new LinkedHashMap<>();
            TrustedKey signer = null;
            if (check == Signature.TRUSTED) {
                signer = checkSignature(head, suite, manifestBytes, signature, trust);
            } else if (check == Signature.SELF || enrollment) {
                if (!enrollment) {
                    throw new PackageException("not-an-enrollment", kindName(head.get(KIND)));
                }
                signer = checkSelfSignature(zip, head, suite, manifestBytes, signature, early);
            }
            Manifest manifest = parseManifest(manifestBytes, suite);
            checkListing(manifest, zip.items().keySet());
            // The whole file's hash (for the chain, the log and the inbox copy) is independent of the
            // entries' checks: it runs beside them and is reported after them.
            Parallel.InOrder<WholeFile> whole = new Parallel.InOrder<>();
            whole.submit(() -> WholeFile.read(suite, file, size), size);
            Map<String, byte[]> entries;
            try {
                entries = readEntries(zip, manifest, suite, limits, early);
            } catch (IOException | RuntimeException e) {
                try {
                    whole.results(); // not left reading the file after the refusal
                } catch (IOException | RuntimeException ignored) {
                    // the entries' refusal is the one reported
                }
                throw e;
            }
            WholeFile f = whole.results().get(0);
            return new Opened(manifest, f.hash(), size, Collections.unmodifiableMap(entries), signer,
                    Hashing.hash(suite, manifestBytes), suite, f.bytes());
        } catch (PackageException e) {
            throw e;
        } catch (IOException e) {
            throw new PackageException(e, startsWithZipMagic(file) ? "truncated" : "not-a-zip",
                    file.getFileName().toString());
        }
    }

    private static PackageKind kindOf(String kind) {
        try {
            return kind == null ? null : PackageKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer year(String text) {
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A package that names {@code declared} but holds {@code what} of {@code other}: refused, naming both. */
    static PackageException mixed(Suite declared, String what, Suite other) {
        return new PackageException("mixed-suite", declared.label(), what, other.label());
    }

    private static String kindName(String kind) {
        try {
            return PackageKind.valueOf(String.valueOf(kind)).cliName();
        } catch (IllegalArgumentException e) {
            return String.valueOf(kind);
        }
    }

    /** An entry whose size the manifest does not give: at most {@code max} bytes. */
    private static byte[] unpackAtMost(ZipIndex zip, ZipIndex.Item item, long max) throws IOException {
        if (item.size() > max) {
            throw new PackageException("size-mismatch", item.name(), max, item.size());
        }
        return zip.unpack(item);
    }

    private static long checkFile(Path file, Limits limits) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new PackageException(e, "unreadable", file.toString(), String.valueOf(e.getMessage()));
        }
        if (size == 0) {
            throw new PackageException("empty-file", file.getFileName().toString());
        }
        if (size > limits.maxFileSize()) {
            throw new PackageException("too-large", file.getFileName().toString(), size >> 20, limits.maxFileSize() >> 20);
        }
        if (!startsWithZipMagic(file) && !startsWith(file, EMPTY_ZIP)) {
            throw new PackageException("not-a-zip", file.getFileName().toString());
        }
        return size;
    }

    private static boolean startsWithZipMagic(Path file) {
        return startsWith(file, ZIP_MAGIC);
    }

    private static boolean startsWith(Path file, byte[] magic) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(magic.length);
            return java.util.Arrays.equals(head, magic);
        } catch (IOException e) {
            return false;
        }
    }

    private static Manifest parseManifest(byte[] bytes, Suite suite) {
        Manifest m = StrictJson.read(bytes, Manifest.class, Manifest.MANIFEST);
        boolean suited = Manifest.FORMAT_SUITED.equals(m.format());
        if (!Manifest.FORMAT.equals(m.format()) && !Manifest.FORMAT_SEALED.equals(m.format()) && !suited) {
            throw new PackageException("unknown-format", String.valueOf(m.format()));
        }
        if (suited != (m.suite() != null) || m.suiteOf() != suite) {
            // versions 1 and 2 are intl-1 and name no suite; version 3 names the one its first scan found
            throw new PackageException("bad-manifest", Manifest.MANIFEST);
        }
        if (m.packageId() == null || m.kind() == null || m.sender() == null || m.sender().code() == null
                || m.sender().keyId() == null || m.recipient() == null || m.recipient().code() == null
                || m.entries() == null || m.createdAt() == null || m.sequence() < 1) {
            throw new PackageException("bad-manifest", Manifest.MANIFEST);
        }
        try {
            if (!UUID.fromString(m.packageId()).toString().equals(m.packageId())) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new PackageException("bad-manifest", Manifest.MANIFEST);
        }
        Set<String> seen = new HashSet<>();
        for (Manifest.Entry e : m.entries()) {
            if (e != null && e.hashedOtherThan(suite)) {
                throw mixed(suite, Texts.t("suite.part.entryHash", printable(String.valueOf(e.path()))),
                        suite == Suite.GM ? Suite.INTL : Suite.GM);
            }
            if (e == null || e.path() == null || !e.hashedWith(suite) || e.size() < 0) {
                throw new PackageException("bad-manifest", Manifest.MANIFEST);
            }
            if (EntryNames.isUnsafe(e.path()) || !EntryNames.isPayload(e.path())) {
                throw new PackageException("unsafe-entry-name", printable(e.path()));
            }
            if (!seen.add(e.path())) {
                throw new PackageException("duplicate-entry", printable(e.path()));
            }
        }
        if (Manifest.FORMAT_SEALED.equals(m.format()) || suited && m.encryption() != null) {
            Sealed.checkManifest(m, suite);
        } else if (m.encryption() != null || m.entries().stream().anyMatch(e -> EntryNames.isSealed(e.path()))) {
            throw new PackageException("bad-manifest", Manifest.MANIFEST);
        }
        return m;
    }

    private static TrustedKey checkSignature(Map<String, String> head, Suite suite, byte[] manifestBytes,
                                             byte[] signature, Trust trust) {
        String sender = head.get(SENDER_CODE);
        TrustedKey key = trust.find(head.get(SENDER_KEY));
        if (key == null && PackageKind.ENROLLMENT.name().equals(head.get(KIND))) {
            throw new PackageException("enrollment-needs-confirmation", sender);
        }
        if (key == null) {
            throw new PackageException("unknown-key", sender, Ed25519.fingerprintOf(head.get(SENDER_KEY)));
        }
        if (key.unitCode() != null && !key.unitCode().equals(sender)) {
            throw new PackageException("key-of-other-unit", sender, key.unitCode());
        }
        if (key.revokedAt() != null) {
            throw new PackageException("revoked-key", sender,
                    key.revokedAt().toString().substring(0, 10), String.valueOf(key.revokedReason()));
        }
        if (key.suite() != suite) {
            throw mixed(suite, Texts.t("suite.part.signingKey", Ed25519.fingerprintOf(key.keyId())), key.suite());
        }
        if (!suite.verify(key.key(), manifestBytes, signature)) {
            throw new PackageException("bad-signature", sender);
        }
        return key;
    }

    /**
     * An enrollment's signature, by the key in its own {@code payload/enrollment.json}: that entry is
     * unpacked within {@link Limits#ENROLLMENT_JSON} and only scanned for its {@code publicKey}, whose
     * id must be the manifest's {@code sender.keyId}.
     */
    private static TrustedKey checkSelfSignature(ZipIndex zip, Map<String, String> head, Suite suite,
                                                 byte[] manifestBytes, byte[] signature, Map<String, byte[]> early)
            throws IOException {
        ZipIndex.Item entry = zip.get(EntryNames.ENROLLMENT);
        if (entry == null) {
            throw new PackageException("missing-entry", EntryNames.ENROLLMENT);
        }
        if (entry.size() > Limits.ENROLLMENT_JSON) {
            throw new PackageException("zip-bomb", EntryNames.ENROLLMENT);
        }
        byte[] bytes = zip.unpack(entry);
        String publicKey = StrictJson.pick(bytes, EntryNames.ENROLLMENT, Set.of("publicKey")).get("publicKey");
        PublicKey key;
        Suite keySuite;
        try {
            keySuite = Suite.ofSpki(String.valueOf(publicKey));
        } catch (IllegalArgumentException e) {
            throw new PackageException(e, "bad-snapshot", EntryNames.ENROLLMENT);
        }
        if (keySuite != suite) {
            throw mixed(suite, Texts.t("suite.part.enrollmentKey"), keySuite);
        }
        try {
            key = suite.signingKey(String.valueOf(publicKey));
        } catch (IllegalArgumentException e) {
            throw new PackageException(e, "bad-snapshot", EntryNames.ENROLLMENT);
        }
        String id = suite.keyId(key);
        String sender = head.get(SENDER_CODE);
        if (!id.equals(head.get(SENDER_KEY))) {
            throw new PackageException("unknown-key", sender, Ed25519.fingerprintOf(head.get(SENDER_KEY)));
        }
        if (!suite.verify(key, manifestBytes, signature)) {
            throw new PackageException("bad-signature", sender);
        }
        early.put(EntryNames.ENROLLMENT, bytes);
        return new TrustedKey(id, sender, key, null, null);
    }

    private static void checkListing(Manifest m, Set<String> names) {
        Set<String> listed = new HashSet<>();
        for (Manifest.Entry e : m.entries()) {
            listed.add(e.path());
        }
        for (String name : names) {
            if (!name.equals(Manifest.MANIFEST) && !name.equals(Manifest.SIGNATURE) && !listed.contains(name)) {
                throw new PackageException("extra-entry", printable(name));
            }
        }
        for (String path : listed) {
            if (!names.contains(path)) {
                throw new PackageException("missing-entry", path);
            }
        }
    }

    /**
     * Every listed entry, in manifest order: the directory's size must be the listed one, then it is
     * unpacked and counted (see {@link ZipIndex#unpack}) and its hash (the suite's) compared.
     */
    private static Map<String, byte[]> readEntries(ZipIndex zip, Manifest m, Suite suite, Limits limits,
                                                   Map<String, byte[]> early) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        long listed = 0;
        for (Manifest.Entry e : m.entries()) {
            long bound = e.path().endsWith(".json") ? limits.maxJsonSize() : limits.maxEntrySize();
            listed += e.size();
            if (e.size() > bound || listed > limits.maxTotalSize()) {
                throw new PackageException("zip-bomb", e.path());
            }
        }
        // Unpacked one after the other (the zip's counts are in order); each entry is hashed while the
        // next is unpacked. The first refusal in manifest order is still the one reported.
        Parallel.InOrder<byte[]> hashed = new Parallel.InOrder<>();
        for (Manifest.Entry e : m.entries()) {
            byte[] bytes;
            try {
                ZipIndex.Item item = zip.get(e.path());
                if (item.size() != e.size()) {
                    throw new PackageException("size-mismatch", e.path(), e.size(), item.size());
                }
                bytes = early.containsKey(e.path()) ? early.get(e.path()) : zip.unpack(item);
            } catch (RuntimeException ex) {
                throw hashed.failBefore(ex);
            } catch (IOException ex) {
                hashed.failBefore(null);
                throw ex;
            }
            hashed.submit(() -> {
                if (!Hashing.hash(suite, bytes).equals(e.hash())) {
                    throw new PackageException("hash-mismatch", e.path());
                }
                return bytes;
            }, bytes.length);
        }
        java.util.Iterator<byte[]> checked = hashed.results().iterator();
        for (Manifest.Entry e : m.entries()) {
            out.put(e.path(), checked.next());
        }
        return out;
    }

    private static String printable(String name) {
        return ZipIndex.printable(name);
    }
}
