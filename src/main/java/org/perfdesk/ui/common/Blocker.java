package org.perfdesk.ui.common;

import java.util.List;

import org.perfdesk.domain.Texts;

/**
 * Why an action cannot start yet, found before any folder, file or passphrase is asked for: what is
 * missing and what to do (a text key and its arguments), and the place in the window that puts it
 * right (null when it is put right where the user stands).
 */
public record Blocker(String textKey, List<Object> args, Place place) {
    public Blocker {
        args = List.copyOf(args);
    }

    public static Blocker of(Place place, String textKey, Object... args) {
        return new Blocker(textKey, List.of(args), place);
    }

    /** The message in the interface language. */
    public String message() {
        return Texts.t(textKey, args.toArray());
    }
}
