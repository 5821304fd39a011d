package org.perfdesk.cli;

/** Remembers whether --lang was given, so the window can prefer it over the saved setting. */
public final class LanguageChoice {
    private static volatile String chosen;

    private LanguageChoice() {
    }

    static void set(String language) {
        chosen = language;
    }

    /** The language given on the command line, or null. */
    public static String chosen() {
        return chosen;
    }
}
