package org.perfdesk.domain;

import java.util.regex.Pattern;

/** Unit codes name folders and package senders, so they stay plain: letters, digits, '-' and '_'. */
public final class Codes {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    private Codes() {
    }

    public static boolean isValid(String code) {
        return code != null && CODE.matcher(code).matches();
    }
}
