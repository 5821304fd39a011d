package org.perfdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class CompletionTest {
    private static Measure.Quantitative target(String t, Direction d) {
        return new Measure.Quantitative(new BigDecimal(t), null, "%", d);
    }

    private static BigDecimal pct(Measure.Quantitative q, String actual) {
        return Completion.percent(q, new BigDecimal(actual));
    }

    @Test
    void eachDirectionByHand() {
        // 95 亿元 aimed for, 44.6 reached: 46.9 %.
        assertThat(pct(target("95", Direction.HIGHER_BETTER), "44.6")).isEqualByComparingTo("46.9");
        // Energy per unit of GDP: target 0.9, actual 1.0 → 90 %; actual 0.8 → 112.5 %.
        assertThat(pct(target("0.9", Direction.LOWER_BETTER), "1.0")).isEqualByComparingTo("90.0");
        assertThat(pct(target("0.9", Direction.LOWER_BETTER), "0.8")).isEqualByComparingTo("112.5");
        assertThat(pct(target("5", Direction.LOWER_BETTER), "0")).isEqualByComparingTo("200");
        // Prices held at 4.8: 5.3 is 10.4 % off → 89.6 %; far off never goes below 0.
        assertThat(pct(target("4.8", Direction.AT_TARGET), "5.3")).isEqualByComparingTo("89.6");
        assertThat(pct(target("4.8", Direction.AT_TARGET), "15")).isEqualByComparingTo("0");
    }

    @Test
    void nothingToSayWithoutTargetOrValue() {
        assertThat(Completion.percent(target("0", Direction.HIGHER_BETTER), BigDecimal.ONE)).isNull();
        assertThat(Completion.percent(target("5", Direction.HIGHER_BETTER), null)).isNull();
        assertThat(Completion.percent(new Measure.Quantitative(null, null, null, null), BigDecimal.ONE)).isNull();
    }
}
