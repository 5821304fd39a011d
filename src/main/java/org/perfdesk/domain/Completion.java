package org.perfdesk.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How much of a quantitative target an actual value reaches, in percent, whichever way the
 * indicator improves: higher is better (actual ÷ target), lower is better (target ÷ actual), or
 * held at the target (100 less the relative distance from it, not below 0).
 */
public final class Completion {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Completion() {
    }

    /** Percent with one decimal, or null when it cannot be said (no target, no value, a zero target). */
    public static BigDecimal percent(Measure.Quantitative q, BigDecimal actual) {
        if (q == null || actual == null || q.target() == null || q.target().signum() == 0) {
            return null;
        }
        BigDecimal target = q.target();
        BigDecimal pct = switch (q.direction()) {
            case HIGHER_BETTER -> actual.multiply(HUNDRED).divide(target, MathContext.DECIMAL64);
            // Reaching zero where less is better (no accidents at all) is the whole target, and more.
            case LOWER_BETTER -> actual.signum() <= 0 ? BigDecimal.valueOf(200)
                    : target.multiply(HUNDRED).divide(actual, MathContext.DECIMAL64);
            case AT_TARGET -> HUNDRED.subtract(actual.subtract(target).abs().multiply(HUNDRED)
                    .divide(target.abs(), MathContext.DECIMAL64)).max(BigDecimal.ZERO);
        };
        return pct.setScale(1, RoundingMode.HALF_UP);
    }
}
