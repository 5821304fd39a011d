package org.perfdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The completion of a quantitative target in each direction, worked by hand. */
class CompletionTest {
    private static Measure.Quantitative target(String t, Direction d) {
        return new Measure.Quantitative(new BigDecimal(t), null, "%", d);
    }

    private static BigDecimal pct(Measure.Quantitative q, String actual) {
        return Completion.percent(q, new BigDecimal(actual));
    }

    @Test
    void higherIsBetterIsActualOverTarget() {
        // 95 亿元 aimed for, 44.6 reached: 46.9 %; 230 of 200: 115 % (the scheme's cap applies later).
        assertThat(pct(target("95", Direction.HIGHER_BETTER), "44.6")).isEqualByComparingTo("46.9");
        assertThat(pct(target("200", Direction.HIGHER_BETTER), "230")).isEqualByComparingTo("115.0");
        assertThat(pct(target("13", Direction.HIGHER_BETTER), "-2")).isEqualByComparingTo("0");
    }

    @Test
    void aCeilingMetBelowIsMetInFull() {
        // 控制在 4.8: 3.8 is met (100 %, not 79 % as "held at" would give); 5.3 is 4.8 ÷ 5.3 = 90.6 %.
        assertThat(pct(target("4.8", Direction.LOWER_BETTER), "3.8")).isEqualByComparingTo("100.0");
        assertThat(pct(target("4.8", Direction.LOWER_BETTER), "4.8")).isEqualByComparingTo("100.0");
        assertThat(pct(target("4.8", Direction.LOWER_BETTER), "5.3")).isEqualByComparingTo("90.6");
        // Energy per unit of GDP: target 0.9, actual 1.0 → 90 %; 0.8 → met, and no more.
        assertThat(pct(target("0.9", Direction.LOWER_BETTER), "1.0")).isEqualByComparingTo("90.0");
        assertThat(pct(target("0.9", Direction.LOWER_BETTER), "0.8")).isEqualByComparingTo("100.0");
    }

    @Test
    void aTargetOfZeroIsMetOrMissed() {
        // 重大动物疫情发生起数: target 0, actual 0 → 100 % (it earned nothing before); 1 → 0 %.
        assertThat(pct(target("0", Direction.LOWER_BETTER), "0")).isEqualByComparingTo("100.0");
        assertThat(pct(target("0", Direction.LOWER_BETTER), "1")).isEqualByComparingTo("0");
        // Growth of at least 0: 2 % is met, −1 % is not.
        assertThat(pct(target("0", Direction.HIGHER_BETTER), "2")).isEqualByComparingTo("100.0");
        assertThat(pct(target("0", Direction.HIGHER_BETTER), "-1")).isEqualByComparingTo("0");
        // Exactly 0: only 0 meets it.
        assertThat(pct(target("0", Direction.AT_TARGET), "0")).isEqualByComparingTo("100.0");
        assertThat(pct(target("0", Direction.AT_TARGET), "0.1")).isEqualByComparingTo("0");
    }

    @Test
    void exactIsOneHundredLessTheRelativeDistance() {
        // Held at 4.8: 5.3 is 10.4 % off → 89.6 %; 4.3 the same; far off never goes below 0.
        assertThat(pct(target("4.8", Direction.AT_TARGET), "5.3")).isEqualByComparingTo("89.6");
        assertThat(pct(target("4.8", Direction.AT_TARGET), "4.3")).isEqualByComparingTo("89.6");
        assertThat(pct(target("4.8", Direction.AT_TARGET), "15")).isEqualByComparingTo("0");
    }

    @Test
    void aRangeIsMetInsideAndMeasuredAgainstTheNearerBoundOutside() {
        Measure.Quantitative range = new Measure.Quantitative(new BigDecimal("3"), null, "%", Direction.AT_TARGET,
                new BigDecimal("5"));
        assertThat(range.isRange()).isTrue();
        assertThat(Completion.percent(range, new BigDecimal("3"))).isEqualByComparingTo("100.0");
        assertThat(Completion.percent(range, new BigDecimal("4"))).isEqualByComparingTo("100.0");
        assertThat(Completion.percent(range, new BigDecimal("5"))).isEqualByComparingTo("100.0");
        // 5.5 above the range: 5 ÷ 5.5 = 90.9 %; 2.4 below: 2.4 ÷ 3 = 80 %.
        assertThat(Completion.percent(range, new BigDecimal("5.5"))).isEqualByComparingTo("90.9");
        assertThat(Completion.percent(range, new BigDecimal("2.4"))).isEqualByComparingTo("80.0");
        // An upper bound means nothing for another direction.
        assertThat(new Measure.Quantitative(BigDecimal.ONE, null, null, Direction.HIGHER_BETTER, BigDecimal.TEN)
                .targetHigh()).isNull();
    }

    @Test
    void nothingToSayWithoutTargetOrValue() {
        assertThat(Completion.percent(target("5", Direction.HIGHER_BETTER), null)).isNull();
        assertThat(Completion.percent(new Measure.Quantitative(null, null, null, null), BigDecimal.ONE)).isNull();
        assertThat(Completion.met(target("5", Direction.HIGHER_BETTER), new BigDecimal("5"))).isTrue();
        assertThat(Completion.met(target("5", Direction.HIGHER_BETTER), new BigDecimal("4.9"))).isFalse();
    }
}
