package org.perfdesk.ui.common;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.perfdesk.domain.TypedInput;
import org.perfdesk.domain.UserError;

/**
 * What a clerk types into the window's fields, read through {@link TypedInput} (full-width digits,
 * 1,200, 2026/9/30, 2026年9月30日, 9月30日 …). Blank is "nothing" (null); anything else that cannot
 * be read is a {@link UserError} whose message names the field and the text, for showing at the field.
 */
public final class Typed {
    private Typed() {
    }

    /** A number, or null when blank. */
    public static BigDecimal number(String text, String field) {
        if (TypedInput.normalized(text).isEmpty()) {
            return null;
        }
        BigDecimal value = TypedInput.number(text).filter(TypedInput::inRange)
                .orElseThrow(() -> new UserError("typed.badNumber", field, text.strip()));
        return value;
    }

    /**
     * A target: one number, or for a target held inside a range ({@code range} true) two numbers such as
     * 3-5 or 90～95 (lower first). Returns {lower, upper}; upper is null for one number; both null when blank.
     */
    public static BigDecimal[] target(String text, boolean range, String field) {
        if (TypedInput.normalized(text).isEmpty()) {
            return new BigDecimal[2];
        }
        if (range) {
            var q = TypedInput.quantity(text);
            if (q.isPresent() && q.get().comparison() == org.perfdesk.domain.TypedQuantity.Comparison.RANGE) {
                BigDecimal low = q.get().value();
                BigDecimal high = q.get().upper();
                if (!TypedInput.inRange(low) || !TypedInput.inRange(high) || high.compareTo(low) < 0) {
                    throw new UserError("typed.badRange", field, text.strip());
                }
                return new BigDecimal[] {low, high};
            }
            // Neither one number nor a range: say how a range is written (14-10 upside down lands here).
            BigDecimal one = TypedInput.number(text).filter(TypedInput::inRange)
                    .orElseThrow(() -> new UserError("typed.badRange", field, text.strip()));
            return new BigDecimal[] {one, null};
        }
        return new BigDecimal[] {number(text, field), null};
    }

    /** Points (分值) or a score: a number that is not negative, or null when blank. */
    public static BigDecimal points(String text, String field) {
        BigDecimal value = number(text, field);
        if (value != null && value.signum() < 0) {
            throw new UserError("typed.negative", field, text.strip());
        }
        return value;
    }

    /** A date in any form {@link TypedInput#date} reads (9月30日 takes {@code year}), or null when blank. */
    public static LocalDate date(String text, int year, String field) {
        if (TypedInput.normalized(text).isEmpty()) {
            return null;
        }
        return TypedInput.date(text, year)
                .orElseThrow(() -> new UserError("typed.badDate", field, text.strip()));
    }
}
