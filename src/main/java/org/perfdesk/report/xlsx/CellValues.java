package org.perfdesk.report.xlsx;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

import org.perfdesk.domain.TypedInput;

/**
 * Reading what staff type into a form's cells: numbers and dates as {@link TypedInput} reads them
 * everywhere, and the 编号 column.
 */
final class CellValues {
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
        return TypedInput.number(text);
    }

    static boolean inRange(BigDecimal value) {
        return TypedInput.inRange(value);
    }

    /** Full dates only: a form's cell without a year is not guessed. */
    static Optional<LocalDate> date(String text) {
        return TypedInput.date(text, null);
    }

    /** A 编号 such as 1, 1.2, 1.2.3 (full-width digits and dots allowed), in its plain form. */
    static Optional<String> code(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        return CODE.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }
}
