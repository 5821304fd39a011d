package org.perfdesk.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The spot-check draw: {@code share} percent of the indicators (rounded up, at least one), drawn
 * by a partial Fisher–Yates shuffle of the ids in sorted order with {@link SplittableRandom} seeded
 * by {@code seed}. The same ids, share and seed always draw the same indicators, on any machine,
 * which is what lets the office show the draw was fair.
 */
public final class SpotCheckDraw {
    private SpotCheckDraw() {
    }

    public static List<String> draw(List<String> indicatorIds, BigDecimal share, long seed) {
        List<String> pool = new ArrayList<>(indicatorIds);
        pool.sort(null);
        if (pool.isEmpty()) {
            return List.of();
        }
        int n = share.multiply(BigDecimal.valueOf(pool.size())).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
                .intValue();
        n = Math.max(1, Math.min(n, pool.size()));
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(pool.size() - i);
            String t = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, t);
        }
        return List.copyOf(pool.subList(0, n));
    }
}
