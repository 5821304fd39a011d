package org.perfdesk.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** How an indicator or task is measured. Goals and sub-goals usually have none. */
public sealed interface Measure permits Measure.Quantitative, Measure.Qualitative, Measure.Milestone {

    /**
     * A number against a target: e.g. 13 % growth, 95 % coverage, 12 000 万元.
     *
     * @param targetHigh the upper bound of a range (区间) held {@link Direction#AT_TARGET}, whose lower
     *                   bound is {@code target}; null for every other target
     */
    record Quantitative(BigDecimal target, BigDecimal baseline, String unitOfMeasure, Direction direction,
                        BigDecimal targetHigh) implements Measure {
        public Quantitative {
            direction = direction == null ? Direction.HIGHER_BETTER : direction;
            unitOfMeasure = unitOfMeasure == null || unitOfMeasure.isBlank() ? null : unitOfMeasure.strip();
            targetHigh = direction == Direction.AT_TARGET ? targetHigh : null;
        }

        /** A single target (no range). */
        public Quantitative(BigDecimal target, BigDecimal baseline, String unitOfMeasure, Direction direction) {
            this(target, baseline, unitOfMeasure, direction, null);
        }

        /** A range from {@code target} to {@link #targetHigh()} rather than one figure. */
        public boolean isRange() {
            return targetHigh != null;
        }
    }

    /** Graded by levels, best first (e.g. 好, 较好, 一般, 差); targetLevel is the level aimed for. */
    record Qualitative(List<String> levels, String targetLevel) implements Measure {
        public Qualitative {
            levels = List.copyOf(Objects.requireNonNullElse(levels, List.of()));
        }

        /**
         * The share of the points a level earns by its place: of n levels the best earns n/n, the
         * next (n−1)/n, and so on (好/较好/一般/差: 100 %, 75 %, 50 %, 25 %); null for an unknown level.
         */
        public java.math.BigDecimal share(String level) {
            int rank = levels.indexOf(level);
            if (rank < 0) {
                return null;
            }
            int n = levels.size();
            return java.math.BigDecimal.valueOf(n - rank).divide(java.math.BigDecimal.valueOf(n),
                    java.math.MathContext.DECIMAL64);
        }
    }

    /** Done by a date. */
    record Milestone(LocalDate due) implements Measure {
    }
}
