package org.perfdesk.domain;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What clerks type, read one way everywhere (the window's fields and the spreadsheet import):
 * full-width digits and punctuation count as their ASCII forms (NFKC), numbers may carry thousands
 * separators, dates may be written 2026-09-30, 2026/9/30, 2026.9.30, 2026年9月30日, or 9月30日
 * (the year then comes from the caller: the workspace's year).
 */
public final class TypedInput {
    /** Larger numbers than this are not weights or targets but typing errors (or hostile input). */
    public static final BigDecimal LIMIT = new BigDecimal("1E15");
    public static final int MAX_DECIMALS = 10;

    private static final Pattern GROUPED = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern PLAIN = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d{1,3})?");
    private static final Pattern FULL_DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?");

    private TypedInput() {
    }

    /** NFKC (full-width to ASCII), stripped; "" for null. */
    public static String normalized(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }

    /**
     * A number as typed (１２．５, 1,200, -3, 2e3); empty when the text is not a number, including
     * blank. Exponents have at most three digits, so 1E+999999999 is not a number at all.
     */
    public static Optional<BigDecimal> number(String text) {
        String s = normalized(text).replace(" ", "");
        if (GROUPED.matcher(s).matches()) {
            s = s.replace(",", "");
        }
        if (!PLAIN.matcher(s).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(s));
    }

    /** Within {@link #LIMIT} and {@link #MAX_DECIMALS}: a plausible weight, target or score. */
    public static boolean inRange(BigDecimal value) {
        return value.abs().compareTo(LIMIT) < 0 && value.stripTrailingZeros().scale() <= MAX_DECIMALS;
    }

    /**
     * A target as typed into a form (≥95%, ≤100万元, 控制在4.8以内, 3-5%, 250万, 每万人口2.5张):
     * see {@link TypedQuantity}. Empty when the text is not one (是, 优良, 按月安排).
     */
    public static Optional<TypedQuantity> quantity(String text) {
        return TypedQuantity.read(normalized(text));
    }

    /**
     * Every date a deadline cell names, periods counted by their last day (6月底, 上半年, 年底,
     * 每季度末, 3-5月, 2023.07-2024.01, several milestones): see {@link TypedDates}. {@code year}
     * completes the dates that name none. Empty when the text names no date or an impossible one.
     */
    public static Optional<TypedDates> dates(String text, int year) {
        return TypedDates.read(normalized(text), year);
    }

    /**
     * A date in any of the forms above; empty when it is not one (including blank) or names a day
     * that does not exist (2026-02-30). {@code defaultYear} completes 9月30日; null refuses it.
     */
    public static Optional<LocalDate> date(String text, Integer defaultYear) {
        String s = normalized(text);
        Matcher m = FULL_DATE.matcher(s);
        Integer year;
        int month;
        int day;
        if (m.matches()) {
            year = Integer.parseInt(m.group(1));
            month = Integer.parseInt(m.group(2));
            day = Integer.parseInt(m.group(3));
        } else {
            Matcher md = MONTH_DAY.matcher(s);
            if (!md.matches() || defaultYear == null) {
                return Optional.empty();
            }
            year = defaultYear;
            month = Integer.parseInt(md.group(1));
            day = Integer.parseInt(md.group(2));
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
