package org.perfdesk.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

import org.perfdesk.domain.Appraisal;
import org.perfdesk.domain.EvaluationScheme;

/** The score of one public-appraisal round: Σ(count × value of the answer) ÷ sample size, 0–100. */
public final class AppraisalScore {
    private AppraisalScore() {
    }

    public static BigDecimal of(Appraisal a, EvaluationScheme scheme) {
        if (a.sampleSize() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (EvaluationScheme.AppraisalLevel level : scheme.appraisalLevels()) {
            int count = a.counts().getOrDefault(level.name(), 0);
            sum = sum.add(level.value().multiply(BigDecimal.valueOf(count)));
        }
        return sum.divide(BigDecimal.valueOf(a.sampleSize()), MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_UP);
    }

    /** Answers the scheme does not know, if any (they would silently count nothing). */
    public static java.util.List<String> unknownAnswers(Appraisal a, EvaluationScheme scheme) {
        java.util.Set<String> known = new java.util.HashSet<>();
        scheme.appraisalLevels().forEach(l -> known.add(l.name()));
        return a.counts().keySet().stream().filter(k -> !known.contains(k)).toList();
    }

    /** How many answers a round reports in all (at most its sample size). */
    public static int answered(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
