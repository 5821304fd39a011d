package org.perfdesk.exchange.intake;

import org.perfdesk.domain.SafeText;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.Hashing;
import org.perfdesk.exchange.pkg.PackageException;

/**
 * Evidence files a package carries: each travels once as {@code attachments/<sha256>} and is kept
 * under that hash, never under the name the sender gave it. The name is only shown, cleaned first
 * ({@link SafeText#fileName}): no path parts, no hidden characters such as U+202E.
 */
final class EvidenceFiles {
    private EvidenceFiles() {
    }

    /** The file's bytes, present and matching its hash; {@code bad-snapshot} for an unusable entry. */
    static byte[] bytes(Incoming in, String sha256, String fileName) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}") || fileName == null || fileName.isBlank()
                || fileName.length() > SafeText.MAX_FILE_NAME) {
            throw new PackageException("bad-snapshot", "evidence " + SafeText.escaped(String.valueOf(fileName)));
        }
        String path = EntryNames.attachment(sha256);
        byte[] bytes = in.required(path);
        if (!Hashing.sha256(bytes).equals(sha256)) {
            throw new PackageException("hash-mismatch", path);
        }
        return bytes;
    }

    /** The name as it will be shown. */
    static String shownName(String fileName, String sha256) {
        return SafeText.fileName(fileName, sha256.substring(0, 12));
    }
}
