package org.perfdesk.exchange.pkg;

import java.util.regex.Pattern;

/**
 * The entry names a package may hold. Anything else (directories, "../", absolute paths, drive
 * letters, backslashes, NUL or other control characters) is refused before a byte is read.
 */
public final class EntryNames {
    public static final String SNAPSHOT = "payload/snapshot.json";
    public static final String ENROLLMENT = "payload/enrollment.json";
    public static final String CERTIFICATE = "payload/certificate.json";
    public static final String REVIEW = "payload/review.json";
    public static final String RECEIPT = "payload/receipt.json";
    public static final String FEEDBACK = "payload/feedback.json";
    public static final String REVOCATIONS = "payload/revocations.json";
    /** The sender's current encryption key, in every package but an enrollment's own payload (§4). */
    public static final String ENCRYPTION_KEY = "payload/encryption-key.json";
    /** A collector's content keys of the sealed sub-unit packages it forwards (§10). */
    public static final String INNER_KEYS = "payload/inner-keys.json";
    public static final String ATTACHMENTS = "attachments/";
    public static final String INNER = "inner/";
    /** A confidential package's entries: the wrapped content keys, and the sealed entries by number. */
    public static final String SEALED = "sealed/";
    public static final String SEALED_KEYS = "sealed/keys.json";

    private static final Pattern PAYLOAD = Pattern.compile(
            "payload/[a-z][a-z-]{0,40}\\.json|attachments/[0-9a-f]{64}|inner/[0-9a-f-]{36}\\.perfpkg"
                    + "|sealed/keys\\.json|sealed/[0-9]{5}");

    private EntryNames() {
    }

    /** A name that could escape a folder or confuse a file system. */
    public static boolean isUnsafe(String name) {
        if (name.isEmpty() || name.length() > Limits.ENTRY_NAME || name.startsWith("/") || name.contains("\\")
                || name.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return true;
            }
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** One of the payload names the format allows (besides the manifest and its signature). */
    public static boolean isPayload(String name) {
        return PAYLOAD.matcher(name).matches();
    }

    public static String attachment(String sha256) {
        return ATTACHMENTS + sha256;
    }

    /** {@code sealed/00000}: the sealed table of contents; 1, 2, … the sealed entries in its order. */
    public static String sealed(int index) {
        return String.format("sealed/%05d", index);
    }

    public static boolean isSealed(String name) {
        return name.startsWith(SEALED);
    }

    public static String inner(String packageId) {
        return INNER + packageId + ".perfpkg";
    }
}
