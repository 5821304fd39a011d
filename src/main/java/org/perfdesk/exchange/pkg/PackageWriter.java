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
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.crypto.Ed25519;
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

    /** A package on disk, verified after writing. */
    public record Written(Path file, Manifest manifest, String fileHash, long fileSize) {
    }

    /**
     * @param header   the manifest without entries (they are filled in here)
     * @param progress receives 0…1 as bytes are written; may be null
     */
    public static Written write(Path target, Manifest header, List<Source> sources, PrivateKey key,
                                PublicKey publicKey, DoubleConsumer progress) {
        try {
            List<Manifest.Entry> entries = new ArrayList<>();
            long total = 0;
            for (Source s : sources) {
                if (!EntryNames.isPayload(s.path())) {
                    throw new IllegalArgumentException("not a payload entry name: " + s.path());
                }
                entries.add(new Manifest.Entry(s.path(), s.length(), hash(s)));
                total += s.length();
            }
            Manifest manifest = new Manifest(Manifest.FORMAT, header.packageId(), header.kind(), header.sender(),
                    header.recipient(), header.year(), header.sequence(), header.previousHash(), header.createdAt(),
                    header.programVersion(), entries);
            byte[] manifestBytes = StrictJson.write(manifest);
            byte[] signature = Ed25519.sign(key, manifestBytes);

            Path tmp = SafeFiles.temporaryFor(target);
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp), StandardCharsets.UTF_8)) {
                put(zip, Manifest.MANIFEST, manifestBytes);
                put(zip, Manifest.SIGNATURE, signature);
                long done = 0;
                byte[] buf = new byte[64 * 1024];
                for (Source s : sources) {
                    zip.putNextEntry(new ZipEntry(s.path()));
                    try (InputStream in = s.open()) {
                        for (int n; (n = in.read(buf)) > 0; ) {
                            zip.write(buf, 0, n);
                            done += n;
                            if (progress != null && total > 0) {
                                progress.accept(0.9 * done / total);
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
            if (progress != null) {
                progress.accept(1.0);
            }
            return new Written(target, manifest, check.fileHash(), check.fileSize());
        } catch (PackageException e) {
            throw new UserError(e, "error.package.readBackFailed", target.toString(), e.getLocalizedMessage());
        } catch (IOException e) {
            throw new UserError(e, "error.package.writeFailed", target.toString(), String.valueOf(e.getMessage()));
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
