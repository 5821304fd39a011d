package org.perfdesk.ui.common;

import org.perfdesk.domain.Texts;

/**
 * A package kind as a list, a table cell or a choice shows it: the kind's text ("绩效工作方案",
 * "performance plan") starting with a capital where the language has them, since the same text is also
 * used inside sentences ("Accepted the performance plan of …").
 */
public final class KindNames {
    private KindNames() {
    }

    /** @param cliName the kind as the command line and the import report name it ("plan", "midyear", …) */
    public static String label(String cliName) {
        String text = Texts.t("kind." + cliName);
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + text.substring(1);
    }
}
