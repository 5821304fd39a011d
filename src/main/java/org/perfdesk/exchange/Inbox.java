package org.perfdesk.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.perfdesk.domain.PackageRecord;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.crypto.Suite;
import org.perfdesk.exchange.pkg.Hashing;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/**
 * {@code inbox/}: every accepted package kept byte for byte under its package id, and refused ones
 * under {@code inbox/rejected/} with the reason beside them (within bounds: RejectedFiles), so the office
 * can show what arrived.
 */
public final class Inbox {
    private Inbox() {
    }

    public static Path fileOf(Workspace ws, PackageRecord r) {
        return ws.inboxDir().resolve(r.packageId() + ".perfpkg");
    }

    /**
     * Keeps an accepted package; the copy is verified against the hash that was checked (its suite's:
     * SHA-256 or SM3).
     */
    public static Path keep(Workspace ws, Path source, String packageId, Suite suite, String hash) {
        return keep(ws, source, packageId, suite, hash, null);
    }

    /**
     * The same, given the bytes the reader computed {@code hash} over ({@link PackageReader.Opened#fileBytes()},
     * null when it did not hold them): those are kept as they are, without reading and hashing the file again.
     */
    public static Path keep(Workspace ws, Path source, String packageId, Suite suite, String hash, byte[] hashed) {
        Path target = ws.inboxDir().resolve(packageId + ".perfpkg");
        try {
            if (Files.exists(target) && Hashing.hash(suite, target).equals(hash)) {
                return target;
            }
            byte[] bytes = hashed != null ? hashed : Files.readAllBytes(source);
            // Bytes read here are checked against the hash the reader verified (the file could have changed
            // since), once; the copy on disk is then compared byte for byte, which costs no second hash.
            if (hashed == null && !Hashing.hash(suite, bytes).equals(hash)) {
                throw new IOException("the package changed while it was being read");
            }
            SafeFiles.writeAtomically(target, bytes);
            if (!java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
                Files.deleteIfExists(target);
                throw new IOException("the package changed while it was being read");
            }
            return target;
        } catch (IOException e) {
            throw new UserError(e, "error.import.inboxFailed", target.toString(), String.valueOf(e.getMessage()));
        }
    }

    /**
     * Keeps a refused file and why, for the office to see, within bounds (RejectedFiles); failures here
     * never hide the refusal.
     */
    public static void keepRejected(Workspace ws, Path source, String code, String message) {
        try {
            RejectedFiles.keep(ws.inboxDir().resolve("rejected"), source, code, message, RejectedFiles.Bounds.DEFAULT);
        } catch (IOException | RuntimeException ignored) {
            // the refusal itself is reported to the user; keeping a copy is a courtesy
        }
    }
}
