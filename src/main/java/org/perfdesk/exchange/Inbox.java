package org.perfdesk.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.perfdesk.domain.PackageRecord;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/**
 * {@code inbox/}: every accepted package kept byte for byte under its package id, and refused ones
 * under {@code inbox/rejected/} with the reason beside them, so the office can show what arrived.
 */
public final class Inbox {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

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

    /** Keeps a refused file and why, for the office to see; failures here never hide the refusal. */
    public static void keepRejected(Workspace ws, Path source, String code, String message) {
        try {
            Path dir = ws.inboxDir().resolve("rejected");
            String base = STAMP.format(Instant.now()) + "-" + source.getFileName();
            if (Files.size(source) <= org.perfdesk.exchange.pkg.Limits.DEFAULT.maxFileSize()) {
                SafeFiles.writeAtomically(dir.resolve(base), Files.readAllBytes(source));
            }
            SafeFiles.writeAtomically(dir.resolve(base + ".txt"),
                    (code + "\n" + message + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException ignored) {
            // the refusal itself is reported to the user; keeping a copy is a courtesy
        }
    }
}
