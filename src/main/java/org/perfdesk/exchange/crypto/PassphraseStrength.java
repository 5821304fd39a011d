package org.perfdesk.exchange.crypto;

import java.util.Locale;
import java.util.Set;

/**
 * A rough guess of how hard a passphrase is to guess, for the hint under the field: the length
 * times the size of the alphabets it uses, less for repeats, runs and well-known choices. It only
 * advises; the one rule enforced is the minimum length of {@link KeyFile}.
 */
public enum PassphraseStrength {
    TOO_SHORT, WEAK, FAIR, STRONG;

    private static final Set<String> KNOWN = Set.of("password", "12345678", "123456789", "1234567890", "qwertyui",
            "11111111", "88888888", "66666666", "abcdefgh", "iloveyou", "perfdesk", "passw0rd", "admin123",
            "a1234567", "woaini1314", "qwerty123", "1qaz2wsx");

    public static PassphraseStrength of(CharSequence passphrase) {
        String p = passphrase == null ? "" : passphrase.toString();
        int length = p.codePointCount(0, p.length());
        if (length < KeyFile.MIN_PASSPHRASE_LENGTH) {
            return TOO_SHORT;
        }
        if (KNOWN.contains(p.toLowerCase(Locale.ROOT)) || distinct(p) <= 3 || isRun(p)) {
            return WEAK;
        }
        double bits = effectiveLength(p) * Math.log(alphabet(p)) / Math.log(2);
        return bits < 45 ? WEAK : bits < 70 ? FAIR : STRONG;
    }

    private static long distinct(String p) {
        return p.codePoints().distinct().count();
    }

    /** 12345678, abcdefgh, 87654321: each character one step from the one before. */
    private static boolean isRun(String p) {
        int[] cps = p.codePoints().toArray();
        int step = cps[1] - cps[0];
        if (Math.abs(step) != 1) {
            return false;
        }
        for (int i = 2; i < cps.length; i++) {
            if (cps[i] - cps[i - 1] != step) {
                return false;
            }
        }
        return true;
    }

    /** Characters repeated right after themselves count once: "aaaabbbb" is about as hard as "ab". */
    private static int effectiveLength(String p) {
        int n = 0;
        int previous = -1;
        for (int cp : p.codePoints().toArray()) {
            if (cp != previous) {
                n++;
            }
            previous = cp;
        }
        return n;
    }

    private static int alphabet(String p) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        boolean cjk = false;
        for (int cp : p.codePoints().toArray()) {
            if (cp >= 'a' && cp <= 'z') {
                lower = true;
            } else if (cp >= 'A' && cp <= 'Z') {
                upper = true;
            } else if (cp >= '0' && cp <= '9') {
                digit = true;
            } else if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                cjk = true;
            } else {
                other = true;
            }
        }
        // A Chinese phrase draws on a few thousand common characters.
        return (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0) + (cjk ? 3000 : 0);
    }
}
