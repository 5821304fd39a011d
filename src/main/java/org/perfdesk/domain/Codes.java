package org.perfdesk.domain;

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
}
