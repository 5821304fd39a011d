package org.perfdesk.report;

import java.util.List;
import java.util.Locale;

import org.perfdesk.domain.Texts;

/**
 * Joining recorded phrases into prose. The separators live here rather than in the message files
 * because they are mostly whitespace, which property files and editors silently trim.
 */
public final class Sentences {
    private static final String TERMINAL = "。！？；.!?;…";

    private Sentences() {
    }

    /** The text with a full stop added when it has none, so recorded phrases read as sentences. */
    public static String close(String text, Texts t) {
        if (text.isEmpty() || TERMINAL.indexOf(text.charAt(text.length() - 1)) >= 0) {
            return text;
        }
        return text + (isChinese(t) ? "。" : ".");
    }

    /** Whole sentences one after another: no space between Chinese sentences, one in English. */
    static String join(List<String> sentences, Texts t) {
        return String.join(isChinese(t) ? "" : " ", sentences);
    }

    /** 甲、乙、丙 in Chinese; a, b, c in English. */
    static String list(List<String> items, Texts t) {
        return String.join(isChinese(t) ? "、" : ", ", items);
    }

    /** Clauses of one sentence: 甲，乙 / a, b. */
    static String clauses(List<String> items, Texts t) {
        return String.join(isChinese(t) ? "，" : ", ", items);
    }

    static boolean isChinese(Texts t) {
        return t.locale().getLanguage().equals(Locale.CHINESE.getLanguage());
    }
}
