package org.perfdesk.domain;

import java.text.Normalizer;

/**
 * Text that came from someone else (a unit's name, an evidence file's name) shown to a person: no
 * character that hides or reorders what is shown. Hidden are control characters, format characters
 * (the bidirectional controls such as U+202E, zero-width spaces and joiners, the byte-order mark) and
 * the line and paragraph separators.
 */
public final class SafeText {
    /** The longest evidence file name kept (as most file systems allow). */
    public static final int MAX_FILE_NAME = 255;

    private SafeText() {
    }

    /** Whether this code point hides or reorders text instead of showing a character. */
    public static boolean isHidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
    }

    /** Whether the text holds any hidden character. */
    public static boolean hasHidden(String text) {
        return text != null && text.codePoints().anyMatch(SafeText::isHidden);
    }

    /** The text in Unicode normalisation form C, so the same name is stored one way. */
    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * A name as a workspace keeps it (a unit's, a division's, a person's): NFC, stripped; null when
     * it holds a hidden character, which is refused rather than silently changed.
     */
    public static String name(String text) {
        if (text == null || hasHidden(text)) {
            return null;
        }
        return nfc(text).strip();
    }

    /**
     * For a terminal: every hidden character but line feed and tab written as {@code \}{@code uXXXX}
     * (as Java and JSON write it), so escape sequences and bidirectional controls show instead of acting.
     */
    public static String escaped(String text) {
        if (text == null || text.codePoints().noneMatch(cp -> cp != '\n' && cp != '\t' && isHidden(cp))) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (cp != '\n' && cp != '\t' && isHidden(cp)) {
                for (int j = i; j < i + n; j++) {
                    out.append(String.format("\\u%04x", (int) text.charAt(j)));
                }
            } else {
                out.appendCodePoint(cp);
            }
            i += n;
        }
        return out.toString();
    }

    /**
     * An evidence file's name as shown and as its opened copy is called: the last part of a path
     * only, no hidden characters, none of the characters Windows forbids in names, no leading or
     * trailing dots and spaces (Windows drops trailing ones: {@code a.exe.} would run as
     * {@code a.exe}), NFC, at most {@link #MAX_FILE_NAME} characters keeping the extension.
     * Never empty: a name with nothing left is {@code fallback}.
     */
    public static String fileName(String name, String fallback) {
        if (name == null) {
            return fallback;
        }
        String last = name;
        int slash = Math.max(last.lastIndexOf('/'), last.lastIndexOf('\\'));
        if (slash >= 0) {
            last = last.substring(slash + 1);
        }
        StringBuilder kept = new StringBuilder();
        nfc(last).codePoints().filter(cp -> !isHidden(cp) && ":*?\"<>|".indexOf(cp) < 0)
                .forEach(kept::appendCodePoint);
        String cleaned = kept.toString().replaceAll("^[\\s.]+", "").replaceAll("[\\s.]+$", "");
        if (cleaned.isEmpty()) {
            return fallback;
        }
        if (cleaned.length() > MAX_FILE_NAME) {
            int dot = cleaned.lastIndexOf('.');
            String ext = dot > 0 && cleaned.length() - dot <= 16 ? cleaned.substring(dot) : "";
            int cut = MAX_FILE_NAME - ext.length();
            if (Character.isHighSurrogate(cleaned.charAt(cut - 1))) {
                cut--;
            }
            cleaned = cleaned.substring(0, cut) + ext;
        }
        return cleaned;
    }
}
