package org.perfdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class TypedInputTest {
    private static final LocalDate SEPT_30 = LocalDate.of(2026, 9, 30);

    @Test
    void everyDateFormAClerkTypesMeansTheSameDay() {
        for (String typed : new String[] {"2026-09-30", "2026/9/30", "2026.9.30", "2026年9月30日", "2026年9月30",
                "２０２６／９／３０", " 2026 - 09 - 30 "}) {
            assertThat(TypedInput.date(typed, 2008)).as(typed).contains(SEPT_30);
        }
        assertThat(TypedInput.date("9月30日", 2026)).contains(SEPT_30);
        assertThat(TypedInput.date("９月３０日", 2026)).contains(SEPT_30);
    }

    @Test
    void aDateWithoutItsYearNeedsOneAndImpossibleDaysAreNotDates() {
        assertThat(TypedInput.date("9月30日", null)).isEmpty();
        assertThat(TypedInput.date("2026-02-30", 2026)).isEmpty();
        assertThat(TypedInput.date("2026-13-01", 2026)).isEmpty();
        assertThat(TypedInput.date("下半年", 2026)).isEmpty();
        assertThat(TypedInput.date("", 2026)).isEmpty();
        assertThat(TypedInput.date(null, 2026)).isEmpty();
    }

    @Test
    void numbersInFullWidthAndWithSeparators() {
        assertThat(TypedInput.number("１２．５")).contains(new BigDecimal("12.5"));
        assertThat(TypedInput.number("1,200")).contains(new BigDecimal("1200"));
        assertThat(TypedInput.number("-3")).contains(new BigDecimal("-3"));
        assertThat(TypedInput.number("abc")).isEmpty();
        assertThat(TypedInput.number("")).isEmpty();
        assertThat(TypedInput.number("1E+999999999")).isEmpty();
        assertThat(TypedInput.inRange(new BigDecimal("1E16"))).isFalse();
        assertThat(TypedInput.inRange(new BigDecimal("99.5"))).isTrue();
    }
}
