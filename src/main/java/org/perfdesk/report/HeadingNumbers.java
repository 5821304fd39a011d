package org.perfdesk.report;

import org.perfdesk.domain.Texts;

/**
 * Section numbers as official documents write them (GB/T 9704: 一、（一）1.（1）) in Chinese; 1. (1) a. (a)
 * in English.
 */
public final class HeadingNumbers {
    private static final String DIGITS = "零一二三四五六七八九";

    private HeadingNumbers() {
    }

    /** "一、" for 1 in Chinese, "1. " in English. */
    public static String of(int n, Texts t) {
        return Sentences.isChinese(t) ? chinese(n) + "、" : n + ". ";
    }

    /** "（一）" for 1 in Chinese, "(1) " in English: the second level. */
    public static String second(int n, Texts t) {
        return Sentences.isChinese(t) ? "（" + chinese(n) + "）" : "(" + n + ") ";
    }

    /** The number of a heading at {@code level} 1 to 4: 一、 （一） 1. （1）. */
    public static String level(int level, int n, Texts t) {
        boolean zh = Sentences.isChinese(t);
        return switch (level) {
            case 1 -> of(n, t);
            case 2 -> second(n, t);
            case 3 -> zh ? n + "." : (char) ('a' + (n - 1) % 26) + ". ";
            default -> zh ? "（" + n + "）" : "(" + (char) ('a' + (n - 1) % 26) + ") ";
        };
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; 100 and above stay in digits. */
    public static String chinese(int n) {
        if (n <= 0 || n >= 100) {
            return String.valueOf(n);
        }
        int tens = n / 10;
        int ones = n % 10;
        StringBuilder out = new StringBuilder();
        if (tens > 0) {
            if (tens > 1) {
                out.append(DIGITS.charAt(tens));
            }
            out.append('十');
        }
        if (ones > 0) {
            out.append(DIGITS.charAt(ones));
        }
        return out.toString();
    }
}
