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
import org.perfdesk.exchange.crypto.Ed25519;
import org.perfdesk.exchange.crypto.KeyRing;
import org.perfdesk.store.SafeFiles;

/**
 * Writes a signed package: every entry is hashed, the manifest lists them and is signed, the zip
 * goes to a temporary name, is forced to the device and renamed, and is then read back and verified
 * with the sender's public key. Only after that may the user be told the stick can be removed.
 */
public final class PackageWriter {
    private PackageWriter() {
    }

    /** One entry to write: bytes in memory or a file (evidence, an inner package). */
    public record Source(String path, byte[] bytes, Path file) {
        public static Source of(String path, byte[] bytes) {
            return new Source(path, bytes, null);
        }

        public static Source of(String path, Path file) {
            return new Source(path, null, file);
        }

        InputStream open() throws IOException {
            return bytes != null ? new java.io.ByteArrayInputStream(bytes) : Files.newInputStream(file);
        }

        long length() throws IOException {
            return bytes != null ? bytes.length : Files.size(file);
        }
    }

    /** A package on disk, verified after writing; {@code manifestHash} is its identity (see {@link PackageReader.Opened}). */
    public record Written(Path file, Manifest manifest, String fileHash, long fileSize, String manifestHash) {
    }

    /**
     * A package in the clear ({@code perfdesk-package/1}).
     *
     * @param header   the manifest without entries (they are filled in here)
     * @param progress receives 0…1 as bytes are written; may be null
     */
    public static Written write(Path target, Manifest header, List<Source> sources, PrivateKey key,
                                PublicKey publicKey, DoubleConsumer progress) {
        return write(target, header, sources, key, publicKey, null, null, progress);
    }

    /**
     * A confidential package ({@code perfdesk-package/2}): the sources sealed for the recipients
     * (package-format.md §10), the sealed entries listed and signed. When {@code readBack} holds one
     * of the recipients' keys (the sender's own), the read-back also unwraps the content key with it.
     */
    public static Written write(Path target, Manifest header, List<Source> sources, PrivateKey key,
                                PublicKey publicKey, List<Sealed.Recipient> recipients, KeyRing readBack,
                                DoubleConsumer progress) {
        try {
            String format = Manifest.FORMAT;
            Manifest.Encryption encryption = null;
            if (recipients != null) {
                Sealed.Sealing sealing = Sealed.seal(header.packageId(), Ed25519.keyId(publicKey), recipients, sources);
                sources = sealing.sources();
                encryption = sealing.encryption();
                format = Manifest.FORMAT_SEALED;
                if (progress != null) {
                    progress.accept(0.4);
                }
            }
            List<Manifest.Entry> entries = new ArrayList<>();
            long total = 0;
            for (Source s : sources) {
                if (!EntryNames.isPayload(s.path())) {
                    throw new IllegalArgumentException("not a payload entry name: " + s.path());
                }
                entries.add(new Manifest.Entry(s.path(), s.length(), hash(s)));
                total += s.length();
            }
            Manifest manifest = new Manifest(format, header.packageId(), header.kind(), header.sender(),
                    header.recipient(), header.year(), header.sequence(), header.previousHash(), header.createdAt(),
                    header.programVersion(), encryption, entries);
            byte[] manifestBytes = StrictJson.write(manifest);
            byte[] signature = Ed25519.sign(key, manifestBytes);

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
                    keyId -> keyId.equals(Ed25519.keyId(publicKey))
                            ? new PackageReader.TrustedKey(keyId, header.sender().code(), publicKey, null, null)
                            : null,
                    Limits.DEFAULT);
            if (encryption != null && readBack != null && !readBack.isEmpty()) {
                // The sender's own key must unwrap the content key. The entries are not decrypted again:
                // the read above matched each sealed entry's SHA-256 with the signed manifest, so they are
                // the bytes just sealed (decrypting them again was a tenth of the export's time).
                java.util.Arrays.fill(Sealed.contentKey(check, readBack), (byte) 0);
            }
            if (progress != null) {
                progress.accept(1.0);
            }
            return new Written(target, manifest, check.fileHash(), check.fileSize(), check.manifestHash());
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

    private static String hash(Source s) throws IOException {
        return s.bytes() != null ? Hashing.sha256(s.bytes()) : Hashing.sha256(s.file());
    }
}
