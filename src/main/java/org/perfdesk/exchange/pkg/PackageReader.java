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

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.perfdesk.exchange.crypto.Ed25519;

/**
 * Opens a package the way the design demands, refusing at the first problem and writing nothing:
 * <ol>
 *   <li>size and entry limits (file size, entry count, declared sizes, compression ratio);</li>
 *   <li>entry names (no directories, links, "../", absolute paths, backslashes, control characters,
 *       duplicates) and the manifest and signature present;</li>
 *   <li>the signature over the manifest's exact bytes with a trusted, unrevoked key (only the
 *       manifest's sender key id is looked at before that);</li>
 *   <li>the entries exactly as the manifest lists them;</li>
 *   <li>the size and SHA-256 of every entry, read with a hard bound.</li>
 * </ol>
 * For a confidential package these entries are the sealed ones; {@link Sealed#open} decrypts them
 * afterwards. The caller then parses the JSON entries with {@link StrictJson}.
 */
public final class PackageReader {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};

    private PackageReader() {
    }

    /** A key the reader may accept a signature from. */
    public record TrustedKey(String keyId, String unitCode, PublicKey key, Instant revokedAt, String revokedReason) {
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
                         TrustedKey signer, String manifestHash) {
        public byte[] entry(String path) {
            return entries.get(path);
        }
    }

    public static Opened read(Path file, Trust trust, Limits limits) {
        return open(file, limits, trust, null);
    }

    /**
     * Sender and sequence, for putting a batch in chain order; whether it is sealed; and the recipient,
     * to name it when a package is refused. Nothing is trusted from it.
     */
    public record Peek(String sender, long sequence, boolean sealed, Manifest.Party recipient) {
    }

    /** Reads only the manifest's sender, sequence and recipient; null when the file cannot be read as a package. */
    public static Peek peek(Path file) {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            ZipArchiveEntry e = zip.getEntry(Manifest.MANIFEST);
            if (e == null) {
                return null;
            }
            Manifest m = StrictJson.read(readBounded(zip, e, Limits.DEFAULT.maxManifestSize(), Manifest.MANIFEST),
                    Manifest.class, Manifest.MANIFEST);
            return m.sender() == null ? null : new Peek(m.sender().code(), m.sequence(),
                    Manifest.FORMAT_SEALED.equals(m.format()), m.recipient());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Every check but the signature, for a person checking a package without any trusted key
     * ({@code perfdesk verify} without a workspace). Never used to import.
     */
    public static Opened readWithoutSignature(Path file, Limits limits) {
        return open(file, limits, null, null);
    }

    /**
     * An enrollment is signed by the key it introduces, so there is no trusted key yet: the
     * structure and hashes are checked first, then the key is taken from the enrollment entry and
     * the signature checked with it. Nothing is trusted until a person compares the fingerprint.
     */
    public static Opened readSelfSigned(Path file, Limits limits, java.util.function.Function<byte[], PublicKey> keyOf) {
        return open(file, limits, null, keyOf);
    }

    private static Opened open(Path file, Limits limits, Trust trust,
                               java.util.function.Function<byte[], PublicKey> selfSigned) {
        long size = checkFile(file, limits);
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            Map<String, ZipArchiveEntry> byName = checkEntries(zip, limits);
            ZipArchiveEntry manifestEntry = byName.get(Manifest.MANIFEST);
            ZipArchiveEntry signatureEntry = byName.get(Manifest.SIGNATURE);
            if (manifestEntry == null || signatureEntry == null) {
                throw new PackageException("not-a-package", file.getFileName().toString());
            }
            byte[] manifestBytes = readBounded(zip, manifestEntry, limits.maxManifestSize(), Manifest.MANIFEST);
            byte[] signature = readBounded(zip, signatureEntry, Ed25519.SIGNATURE_LENGTH, Manifest.SIGNATURE);
            Manifest manifest = parseManifest(manifestBytes);

            TrustedKey signer = null;
            if (trust != null) {
                signer = checkSignature(manifest, manifestBytes, signature, trust);
            }
            checkListing(manifest, byName.keySet());
            Map<String, byte[]> entries = readEntries(zip, manifest, byName, limits);
            if (selfSigned != null) {
                PublicKey key = selfSigned.apply(entries.get(EntryNames.ENROLLMENT));
                signer = new TrustedKey(Ed25519.keyId(key), manifest.sender().code(), key, null, null);
                checkSignature(manifest, manifestBytes, signature, id -> id.equals(Ed25519.keyId(key))
                        ? new TrustedKey(id, manifest.sender().code(), key, null, null) : null);
            }
            return new Opened(manifest, Hashing.sha256(file), size, Collections.unmodifiableMap(entries), signer,
                    Hashing.sha256(manifestBytes));
        } catch (PackageException e) {
            throw e;
        } catch (IOException e) {
            throw new PackageException(e, startsWithZipMagic(file) ? "truncated" : "not-a-zip",
                    file.getFileName().toString());
        }
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

    /** Names, kinds, duplicates and declared sizes, from the central directory alone. */
    private static Map<String, ZipArchiveEntry> checkEntries(ZipFile zip, Limits limits) {
        Map<String, ZipArchiveEntry> byName = new LinkedHashMap<>();
        int count = 0;
        long total = 0;
        for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
            if (++count > limits.maxEntries()) {
                throw new PackageException("too-many-entries", limits.maxEntries());
            }
            String name = e.getName();
            if (EntryNames.isUnsafe(name)) {
                throw new PackageException("unsafe-entry-name", printable(name));
            }
            if (e.isDirectory() || e.isUnixSymlink()) {
                throw new PackageException("not-regular-entry", printable(name));
            }
            if (byName.put(name, e) != null) {
                throw new PackageException("duplicate-entry", printable(name));
            }
            long declared = e.getSize();
            long compressed = e.getCompressedSize();
            if (declared > limits.maxEntrySize()) {
                throw new PackageException("zip-bomb", printable(name));
            }
            if (declared > Limits.RATIO_FLOOR && compressed > 0 && declared / compressed > limits.maxRatio()) {
                throw new PackageException("zip-bomb", printable(name));
            }
            total += Math.max(0, declared);
            if (total > limits.maxTotalSize()) {
                throw new PackageException("zip-bomb", printable(name));
            }
        }
        return byName;
    }

    private static Manifest parseManifest(byte[] bytes) {
        Manifest m = StrictJson.read(bytes, Manifest.class, Manifest.MANIFEST);
        if (!Manifest.FORMAT.equals(m.format()) && !Manifest.FORMAT_SEALED.equals(m.format())) {
            throw new PackageException("unknown-format", String.valueOf(m.format()));
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
            if (e == null || e.path() == null || e.sha256() == null || !e.sha256().matches("[0-9a-f]{64}") || e.size() < 0) {
                throw new PackageException("bad-manifest", Manifest.MANIFEST);
            }
            if (EntryNames.isUnsafe(e.path()) || !EntryNames.isPayload(e.path())) {
                throw new PackageException("unsafe-entry-name", printable(e.path()));
            }
            if (!seen.add(e.path())) {
                throw new PackageException("duplicate-entry", printable(e.path()));
            }
        }
        if (Manifest.FORMAT_SEALED.equals(m.format())) {
            Sealed.checkManifest(m);
        } else if (m.encryption() != null || m.entries().stream().anyMatch(e -> EntryNames.isSealed(e.path()))) {
            throw new PackageException("bad-manifest", Manifest.MANIFEST);
        }
        return m;
    }

    private static TrustedKey checkSignature(Manifest m, byte[] manifestBytes, byte[] signature, Trust trust) {
        TrustedKey key = trust.find(m.sender().keyId());
        if (key == null && m.kind() == PackageKind.ENROLLMENT) {
            throw new PackageException("enrollment-needs-confirmation", m.sender().code());
        }
        if (key == null) {
            throw new PackageException("unknown-key", m.sender().code(), Ed25519.fingerprintOf(m.sender().keyId()));
        }
        if (key.unitCode() != null && !key.unitCode().equals(m.sender().code())) {
            throw new PackageException("key-of-other-unit", m.sender().code(), key.unitCode());
        }
        if (key.revokedAt() != null) {
            throw new PackageException("revoked-key", m.sender().code(),
                    key.revokedAt().toString().substring(0, 10), String.valueOf(key.revokedReason()));
        }
        if (!Ed25519.verify(key.key(), manifestBytes, signature)) {
            throw new PackageException("bad-signature", m.sender().code());
        }
        return key;
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

    private static Map<String, byte[]> readEntries(ZipFile zip, Manifest m, Map<String, ZipArchiveEntry> byName,
                                                   Limits limits) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Manifest.Entry e : m.entries()) {
            long bound = Math.min(e.size(), e.path().endsWith(".json") ? limits.maxJsonSize() : limits.maxEntrySize());
            if (e.size() > bound) {
                throw new PackageException("zip-bomb", e.path());
            }
            byte[] bytes = readBounded(zip, byName.get(e.path()), e.size(), e.path());
            if (bytes.length != e.size()) {
                throw new PackageException("size-mismatch", e.path(), e.size(), bytes.length);
            }
            if (!Hashing.sha256(bytes).equals(e.sha256())) {
                throw new PackageException("hash-mismatch", e.path());
            }
            out.put(e.path(), bytes);
        }
        return out;
    }

    /** Reads at most {@code max} bytes; more than that is a size mismatch (or a bomb), never a long read. */
    private static byte[] readBounded(ZipFile zip, ZipArchiveEntry entry, long max, String name) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8));
            if (in.read() != -1) {
                throw new PackageException("size-mismatch", name, max, "> " + max);
            }
            return bytes;
        } catch (java.util.zip.ZipException e) {
            throw new PackageException(e, "damaged-entry", name);
        }
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
