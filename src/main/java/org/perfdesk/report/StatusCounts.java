package org.perfdesk.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import org.perfdesk.domain.ProgressStatus;

/**
 * How a set of indicators stands in the report's quarter, and their overall completion.
 *
 * @param completion mean completion of the indicators reported in the quarter, each counted at most
 *                   100 % so that one over-fulfilled indicator cannot hide another one's shortfall;
 *                   null when none was reported
 * @param weighted   true when that mean is weighted by points (every counted indicator has points)
 */
public record StatusCounts(int total, int done, int onTrack, int atRisk, int behind, int notReported,
                           BigDecimal completion, boolean weighted) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static StatusCounts of(List<IndicatorFacts> facts) {
        int done = 0;
        int onTrack = 0;
        int atRisk = 0;
        int behind = 0;
        int notReported = 0;
        boolean allWeighted = true;
        BigDecimal weightedSum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        BigDecimal plainSum = BigDecimal.ZERO;
        int counted = 0;
        for (IndicatorFacts f : facts) {
            ProgressStatus s = f.status();
            if (s == null) {
                notReported++;
                continue;
            }
            switch (s) {
                case DONE -> done++;
                case ON_TRACK -> onTrack++;
                case AT_RISK -> atRisk++;
                case BEHIND -> behind++;
            }
            BigDecimal c = f.completionPercent();
            if (c == null) {
                continue;
            }
            c = c.min(HUNDRED);
            BigDecimal w = f.node().weight();
            if (w == null || w.signum() <= 0) {
                allWeighted = false;
            } else {
                weightedSum = weightedSum.add(c.multiply(w));
                weights = weights.add(w);
            }
            plainSum = plainSum.add(c);
            counted++;
        }
        BigDecimal completion = null;
        boolean weighted = false;
        if (counted > 0) {
            weighted = allWeighted && weights.signum() > 0;
            completion = weighted ? weightedSum.divide(weights, MathContext.DECIMAL64)
                    : plainSum.divide(BigDecimal.valueOf(counted), MathContext.DECIMAL64);
        }
        return new StatusCounts(facts.size(), done, onTrack, atRisk, behind, notReported, completion, weighted);
    }
}
