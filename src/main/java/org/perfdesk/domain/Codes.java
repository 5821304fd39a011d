package org.perfdesk.domain;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Unit codes name folders and package senders, so they stay plain: 1 to 32 ASCII letters, digits,
 * '-' and '_', beginning with a letter or digit. Two codes that differ only in case name the same
 * unit: a workspace never holds both (package-format.md §4).
 */
public final class Codes {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    private Codes() {
    }

    public static boolean isValid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** Whether two codes name the same unit (compared without regard to case). */
    public static boolean same(String a, String b) {
        return a != null && a.equalsIgnoreCase(b);
    }

    /**
     * A code for a new organisation under {@code parent} that {@code taken} does not know yet: the
     * parent's code and a number (SLT-01, SLT-01-02 …), or, when that grows too long, ORG and a number.
     */
    public static String child(String parent, Predicate<String> taken) {
        for (int i = 1; ; i++) {
            String code = String.format("%s-%02d", parent, i);
            if (code.length() > 32) {
                code = String.format("ORG-%04d", i);
            }
            if (!taken.test(code)) {
                return code;
            }
        }
    }
}
