package org.perfdesk.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.perfdesk.domain.PackageRecord;
import org.perfdesk.domain.UserError;
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

    /** Keeps an accepted package; the copy is verified against the hash that was checked. */
    public static Path keep(Workspace ws, Path source, String packageId, String hash) {
        Path target = ws.inboxDir().resolve(packageId + ".perfpkg");
        try {
            if (Files.exists(target) && org.perfdesk.exchange.pkg.Hashing.sha256(target).equals(hash)) {
                return target;
            }
            SafeFiles.writeAtomically(target, Files.readAllBytes(source));
            if (!org.perfdesk.exchange.pkg.Hashing.sha256(target).equals(hash)) {
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
