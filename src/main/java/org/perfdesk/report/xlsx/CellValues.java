package org.perfdesk.report.xlsx;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading what staff type: full-width digits and punctuation count as their ASCII forms, numbers
 * may carry thousands separators, dates may be written 2008-12-31, 2008/12/31, 2008.12.31 or
 * 2008年12月31日.
 */
final class CellValues {
    /** Larger numbers than this are not weights or targets but typing errors (or hostile input). */
    static final BigDecimal LIMIT = new BigDecimal("1E15");
    static final int MAX_DECIMALS = 10;

    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern PLAIN = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d{1,3})?");
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern CODE = Pattern.compile("[1-9]\\d{0,3}(\\.[1-9]\\d{0,3}){0,15}");

    private CellValues() {
    }

    /** Stripped, with Windows line ends made plain; null when blank. */
    static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replace("\r\n", "\n").replace('\r', '\n').strip();
        return s.isEmpty() ? null : s;
    }

    /** Empty when the text is not a number; numbers out of range are {@link #inRange}'s business. */
    static Optional<BigDecimal> number(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replace(" ", "");
        if (GROUPED.matcher(s).matches()) {
            s = s.replace(",", "");
        }
        if (!PLAIN.matcher(s).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(s));
    }

    static boolean inRange(BigDecimal value) {
        return value.abs().compareTo(LIMIT) < 0 && value.stripTrailingZeros().scale() <= MAX_DECIMALS;
    }

    static Optional<LocalDate> date(String text) {
        Matcher m = DATE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A 编号 such as 1, 1.2, 1.2.3 (full-width digits and dots allowed), in its plain form. */
    static Optional<String> code(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        return CODE.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }
}
