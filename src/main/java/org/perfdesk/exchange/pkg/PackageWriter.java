package org.perfdesk.exchange.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.crypto.Compression;
import org.perfdesk.exchange.crypto.KeyRing;
import org.perfdesk.exchange.crypto.Suite;
import org.perfdesk.store.SafeFiles;

/**
 * Writes a signed package: every entry is hashed, the manifest lists them and is signed, the zip
 * goes to a temporary name, is forced to the device and renamed, and is then read back and verified
 * with the sender's public key. Only after that may the user be told the stick can be removed.
 */
public final class PackageWriter {
    private PackageWriter() {
    }

    /**
     * One entry to write: bytes in memory or a file (evidence, an inner package); bytes may come hashed
     * and compressed already for sealing ({@code packed}, see {@link PackingStream}).
     */
    public record Source(String path, byte[] bytes, Path file, PackingStream.Packed packed) {
        public static Source of(String path, byte[] bytes) {
            return new Source(path, bytes, null, null);
        }

        public static Source of(String path, Path file) {
            return new Source(path, null, file, null);
        }

        /** An entry hashed and compressed while it was written; in the clear it is written as its bytes. */
        public static Source of(String path, PackingStream.Packed packed) {
            return new Source(path, packed.plain(), null, packed);
        }

        InputStream open() throws IOException {
            return bytes != null ? new java.io.ByteArrayInputStream(bytes) : Files.newInputStream(file);
        }

        long length() throws IOException {
            return bytes != null ? bytes.length : Files.size(file);
        }
    }

    /**
     * A package on disk, verified after writing; {@code manifestHash} is its identity (see {@link PackageReader.Opened});
     * {@code fileBytes} the bytes the read-back verified and hashed, when small enough to hold (else null).
     */
    public record Written(Path file, Manifest manifest, String fileHash, long fileSize, String manifestHash,
                          byte[] fileBytes) {
    }

    /**
     * A package in the clear ({@code perfdesk-package/1}; version 3 for a suite other than intl-1).
     *
     * @param header   the manifest without entries (they are filled in here)
     * @param progress receives 0…1 as bytes are written; may be null
     */
    public static Written write(Path target, Manifest header, List<Source> sources, PrivateKey key,
                                PublicKey publicKey, DoubleConsumer progress) {
        return write(target, header, sources, key, publicKey, null, null, progress);
    }

    /** The same, sealed when {@code recipients} are given (see below); the suite is the signing key's. */
    public static Written write(Path target, Manifest header, List<Source> sources, PrivateKey key,
                                PublicKey publicKey, List<Sealed.Recipient> recipients, KeyRing readBack,
                                DoubleConsumer progress) {
        return write(target, header, Suite.ofKey(publicKey), sources, key, publicKey, recipients, readBack, progress);
    }

    /**
     * A package of {@code suite}: in the clear, or confidential ({@code perfdesk-package/2}, or version 3
     * naming the suite) when {@code recipients} are given — the sources sealed for the recipients
     * (package-format.md §10, §11), the sealed entries listed and signed. When {@code readBack} holds one
     * of the recipients' keys (the sender's own), the read-back also unwraps the content key with it.
     */
    public static Written write(Path target, Manifest header, Suite suite, List<Source> sources, PrivateKey key,
                                PublicKey publicKey, List<Sealed.Recipient> recipients, KeyRing readBack,
                                DoubleConsumer progress) {
        if (Suite.ofKey(publicKey) != suite) {
            throw new IllegalArgumentException("a " + suite + " package signed with a key of another suite");
        }
        try {
            Manifest.Encryption encryption = null;
            if (recipients != null) {
                Sealed.Sealing sealing = Sealed.seal(suite, header.packageId(), suite.keyId(publicKey), recipients,
                        sources);
                sources = sealing.sources();
                encryption = sealing.encryption();
                if (progress != null) {
                    progress.accept(0.4);
                }
            }
            String format = Manifest.formatFor(suite, encryption != null);
            List<Manifest.Entry> entries = new ArrayList<>();
            long total = 0;
            // Entries are hashed on every core (a gm-1 package's SM3 is the slow part of writing it).
            Parallel.InOrder<String> hashes = new Parallel.InOrder<>();
            for (Source s : sources) {
                if (!EntryNames.isPayload(s.path())) {
                    throw new IllegalArgumentException("not a payload entry name: " + s.path());
                }
                hashes.submit(() -> hash(suite, s), s.length());
                total += s.length();
            }
            List<String> hashed = hashes.results();
            for (int i = 0; i < sources.size(); i++) {
                Source s = sources.get(i);
                entries.add(Manifest.Entry.of(suite, s.path(), s.length(), hashed.get(i)));
            }
            Manifest manifest = new Manifest(format, suite == Suite.INTL ? null : suite.id(), header.packageId(),
                    header.kind(), header.sender(), header.recipient(), header.year(), header.sequence(),
                    header.previousHash(), header.createdAt(), header.programVersion(), encryption, entries);
            byte[] manifestBytes = StrictJson.write(manifest);
            byte[] signature = suite.sign(key, manifestBytes);

            Path tmp = SafeFiles.temporaryFor(target);
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp), StandardCharsets.UTF_8)) {
                put(zip, Manifest.MANIFEST, manifestBytes);
                put(zip, Manifest.SIGNATURE, signature);
                long done = 0;
                double base = encryption == null ? 0 : 0.4;
                byte[] buf = new byte[64 * 1024];
                for (Source s : sources) {
                    zip.setLevel(level(s));
                    zip.putNextEntry(entry(s));
                    try (InputStream in = s.open()) {
                        for (int n; (n = in.read(buf)) > 0; ) {
                            zip.write(buf, 0, n);
                            done += n;
                            if (progress != null && total > 0) {
                                progress.accept(base + (0.9 - base) * done / total);
                            }
                        }
                    }
                    zip.closeEntry();
                }
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            SafeFiles.commit(tmp, target);
            // Read back from the device what was written, before anyone pulls the stick.
            PackageReader.Opened check = PackageReader.read(target,
                    keyId -> keyId.equals(suite.keyId(publicKey))
                            ? new PackageReader.TrustedKey(keyId, header.sender().code(), publicKey, null, null)
                            : null,
                    Limits.DEFAULT);
            if (encryption != null && readBack != null && !readBack.isEmpty()) {
                // The sender's own key must unwrap the content key. The entries are not decrypted again:
                // the read above matched each sealed entry's hash with the signed manifest, so they are
                // the bytes just sealed (decrypting them again was a tenth of the export's time).
                java.util.Arrays.fill(Sealed.contentKey(check, readBack), (byte) 0);
            }
            if (progress != null) {
                progress.accept(1.0);
            }
            return new Written(target, manifest, check.fileHash(), check.fileSize(), check.manifestHash(),
                    check.fileBytes());
        } catch (PackageException e) {
            throw new UserError(e, "error.package.readBackFailed", target.toString(), e.getLocalizedMessage());
        } catch (IOException e) {
            throw new UserError(e, "error.package.writeFailed", target.toString(), String.valueOf(e.getMessage()));
        }
    }

    /**
     * Sealed entries are stored as they are: ciphertext does not compress, and a stored entry's bytes
     * lie in the file as the manifest hashes them.
     */
    private static ZipEntry entry(Source s) {
        ZipEntry e = new ZipEntry(s.path());
        if (EntryNames.isSealed(s.path()) && s.bytes() != null) {
            CRC32 crc = new CRC32();
            crc.update(s.bytes());
            e.setMethod(ZipEntry.STORED);
            e.setSize(s.bytes().length);
            e.setCompressedSize(s.bytes().length);
            e.setCrc(crc.getValue());
        }
        return e;
    }

    /** Evidence that is compressed already (photos, PDFs, Office files) is stored rather than deflated again. */
    private static int level(Source s) throws IOException {
        if (EntryNames.isSealed(s.path())) {
            return java.util.zip.Deflater.DEFAULT_COMPRESSION; // stored as they are (see entry)
        }
        if (s.bytes() != null) {
            return Compression.levelFor(s.bytes(), s.bytes().length);
        }
        try (InputStream in = Files.newInputStream(s.file())) {
            byte[] head = in.readNBytes(64 * 1024);
            return Compression.levelFor(head, head.length);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static String hash(Suite suite, Source s) throws IOException {
        return s.bytes() != null ? Hashing.hash(suite, s.bytes()) : Hashing.hash(suite, s.file());
    }
}
