package org.perfdesk.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How much of a quantitative target an actual value reaches, in percent: the one rule every screen,
 * report and score uses (never the percentage a unit typed, which is only its claim).
 *
 * <ul>
 *   <li>{@link Direction#HIGHER_BETTER} (≥): actual ÷ target (13 aimed for, 11.7 reached: 90.0 %; more
 *       than the target is more than 100 %, counted up to the scheme's cap).</li>
 *   <li>{@link Direction#LOWER_BETTER} (≤, 控制在): at or below the target 100 %; above it target ÷ actual
 *       (控制在 4.8, 3.8: 100 %; 5.3: 90.6 %).</li>
 *   <li>{@link Direction#AT_TARGET} (=): 100 less the distance from the target as a share of it, not below
 *       0 (4.8 aimed for, 5.3: 89.6 %). With a range (区间 low–high): inside 100 %; below it actual ÷ low;
 *       above it high ÷ actual.</li>
 *   <li>A target of 0 or below (重大动物疫情 0 起, a growth of −2 % at most): met 100 %, missed 0 %; an
 *       exact target of 0 is met only by 0.</li>
 * </ul>
 * The result has one decimal (half up) and is never below 0.
 */
public final class Completion {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Completion() {
    }

    /** Percent with one decimal, or null when it cannot be said (no target or no value). */
    public static BigDecimal percent(Measure.Quantitative q, BigDecimal actual) {
        if (q == null || actual == null || q.target() == null) {
            return null;
        }
        BigDecimal pct = switch (q.direction()) {
            case HIGHER_BETTER -> atLeast(q.target(), actual);
            case LOWER_BETTER -> atMost(q.target(), actual);
            case AT_TARGET -> q.isRange() ? within(q.target(), q.targetHigh(), actual) : exactly(q.target(), actual);
        };
        return pct.max(BigDecimal.ZERO).setScale(1, RoundingMode.HALF_UP);
    }

    /** True when the value meets the target in full (100 % or more). */
    public static boolean met(Measure.Quantitative q, BigDecimal actual) {
        BigDecimal p = percent(q, actual);
        return p != null && p.compareTo(HUNDRED) >= 0;
    }

    private static BigDecimal atLeast(BigDecimal target, BigDecimal actual) {
        if (target.signum() <= 0) {
            return actual.compareTo(target) >= 0 ? HUNDRED : BigDecimal.ZERO;
        }
        return ratio(actual, target);
    }

    private static BigDecimal atMost(BigDecimal target, BigDecimal actual) {
        if (actual.compareTo(target) <= 0) {
            return HUNDRED;
        }
        return target.signum() <= 0 ? BigDecimal.ZERO : ratio(target, actual);
    }

    private static BigDecimal exactly(BigDecimal target, BigDecimal actual) {
        if (target.signum() == 0) {
            return actual.signum() == 0 ? HUNDRED : BigDecimal.ZERO;
        }
        return HUNDRED.subtract(actual.subtract(target).abs().multiply(HUNDRED)
                .divide(target.abs(), MathContext.DECIMAL64));
    }

    private static BigDecimal within(BigDecimal low, BigDecimal high, BigDecimal actual) {
        BigDecimal lo = low.min(high);
        BigDecimal hi = low.max(high);
        if (actual.compareTo(lo) >= 0 && actual.compareTo(hi) <= 0) {
            return HUNDRED;
        }
        return actual.compareTo(lo) < 0 ? atLeast(lo, actual) : atMost(hi, actual);
    }

    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return numerator.multiply(HUNDRED).divide(denominator, MathContext.DECIMAL64);
    }
}
