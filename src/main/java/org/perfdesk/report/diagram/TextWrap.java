package org.perfdesk.report.diagram;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a title into lines of a given width: anywhere between Chinese characters, at spaces in
 * Latin text, never with closing punctuation at the start of a line; the last line allowed ends
 * in "…" when the text does not fit.
 */
final class TextWrap {
    private static final String ELLIPSIS = "…";
    private static final String NO_LINE_START = "，。、；：？！）》」』”’,.;:?!)]%";

    private TextWrap() {
    }

    static List<String> lines(String text, double maxWidth, int maxLines, TextStyle style, TextMeasure m) {
        String rest = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        List<String> out = new ArrayList<>();
        while (!rest.isEmpty() && out.size() < maxLines) {
            int cut = fit(rest, maxWidth, style, m);
            if (cut >= rest.length()) {
                out.add(rest);
                return out;
            }
            cut = adjust(rest, cut);
            out.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() && !out.isEmpty()) {
            String last = out.remove(out.size() - 1);
            out.add(truncate(last, maxWidth, style, m));
        }
        return out;
    }

    /** The longest prefix (in chars, whole code points) that fits; at least one code point. */
    private static int fit(String text, double maxWidth, TextStyle style, TextMeasure m) {
        int end = 0;
        while (end < text.length()) {
            int next = end + Character.charCount(text.codePointAt(end));
            if (m.width(text.substring(0, next), style) > maxWidth) {
                return Math.max(end, Character.charCount(text.codePointAt(0)));
            }
            end = next;
        }
        return end;
    }

    /** Moves a break out of a Latin word and away from closing punctuation. */
    private static int adjust(String text, int cut) {
        if (isWordChar(text.charAt(cut)) && cut > 0 && isWordChar(text.charAt(cut - 1))) {
            int space = text.lastIndexOf(' ', cut);
            if (space > 0) {
                return space + 1;
            }
        }
        if (NO_LINE_START.indexOf(text.charAt(cut)) >= 0 && cut > 1) {
            return cut - 1;
        }
        return cut;
    }

    private static boolean isWordChar(char c) {
        return c < 0x2E80 && Character.isLetterOrDigit(c);
    }

    private static String truncate(String line, double maxWidth, TextStyle style, TextMeasure m) {
        String s = line;
        while (!s.isEmpty() && m.width(s + ELLIPSIS, style) > maxWidth) {
            s = s.substring(0, s.offsetByCodePoints(s.length(), -1));
        }
        return s.stripTrailing() + ELLIPSIS;
    }
}
