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
    public static final String ATTACHMENTS = "attachments/";
    public static final String INNER = "inner/";

    private static final Pattern PAYLOAD = Pattern.compile(
            "payload/[a-z][a-z-]{0,40}\\.json|attachments/[0-9a-f]{64}|inner/[0-9a-f-]{36}\\.perfpkg");

    private EntryNames() {
    }

    /** A name that could escape a folder or confuse a file system. */
    public static boolean isUnsafe(String name) {
        if (name.isEmpty() || name.length() > 255 || name.startsWith("/") || name.contains("\\")
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

    public static String inner(String packageId) {
        return INNER + packageId + ".perfpkg";
    }
}
