package org.perfdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfdesk.domain.TypedQuantity.Comparison;

/** Targets and deadlines as offices type them into their own forms. */
class TypedFormsTest {
    private static final int YEAR = 2026;

    private static TypedQuantity q(String typed) {
        return TypedInput.quantity(typed).orElseThrow(() -> new AssertionError("not read: " + typed));
    }

    private static void quantity(String typed, Comparison comparison, String value, String upper, String unit) {
        TypedQuantity q = q(typed);
        assertThat(q.comparison()).as(typed).isEqualTo(comparison);
        assertThat(q.value()).as(typed).isEqualByComparingTo(value);
        if (upper == null) {
            assertThat(q.upper()).as(typed).isNull();
        } else {
            assertThat(q.upper()).as(typed).isEqualByComparingTo(upper);
        }
        assertThat(q.unit()).as(typed).isEqualTo(unit);
    }

    @Test
    void comparisonsNumbersAndUnits() {
        quantity("≥95%", Comparison.AT_LEAST, "95", null, "%");
        quantity("＞＝９５％", Comparison.AT_LEAST, "95", null, "%");
        quantity("不低于95%", Comparison.AT_LEAST, "95", null, "%");
        quantity("95%以上", Comparison.AT_LEAST, "95", null, "%");
        quantity("同比增长8%以上", Comparison.AT_LEAST, "8", null, "%");
        quantity("≤100万元", Comparison.AT_MOST, "100", null, "万元");
        quantity("控制在4.8以内", Comparison.AT_MOST, "4.8", null, null);
        quantity("控制在4.8", Comparison.AROUND, "4.8", null, null);
        quantity("3.5%左右", Comparison.AROUND, "3.5", null, "%");
        quantity("95%", Comparison.NONE, "95", null, "%");
        quantity("-0%", Comparison.NONE, "0", null, "%");
        quantity("250万", Comparison.NONE, "250", null, "万");
        quantity("≥80M", Comparison.AT_LEAST, "80", null, "M");
        quantity("每万人口2.5张", Comparison.NONE, "2.5", null, "张/万人口");
        quantity("每万人≥3", Comparison.AT_LEAST, "3", null, "每万人");
        quantity("0.5‰", Comparison.NONE, "0.5", null, "‰");
        quantity("1,200个", Comparison.NONE, "1200", null, "个");
        quantity("3-5%", Comparison.RANGE, "3", "5", "%");
        quantity("90%~95%", Comparison.RANGE, "90", "95", "%");
        quantity("3个月", Comparison.NONE, "3", null, "个月");
    }

    @Test
    void wordsAreNeverMadeIntoNumbers() {
        for (String typed : List.of("是", "否", "优良", "按月安排", "2026年完成", "6月底", "5月", "达标", "第1名",
                "", "好、较好、一般", "5-3%", "12,34", "全面完成年度任务")) {
            assertThat(TypedInput.quantity(typed)).as(typed).isEmpty();
        }
    }

    private static List<LocalDate> dates(String typed) {
        return TypedInput.dates(typed, YEAR).orElseThrow(() -> new AssertionError("not read: " + typed)).dates();
    }

    private static LocalDate d(int month, int day) {
        return LocalDate.of(YEAR, month, day);
    }

    @Test
    void exactDatesAreExact() {
        for (String typed : List.of("2026/6/30", "2026-06-30", "2026.6.30", "2026年6月30日", "２０２６．６．３０")) {
            TypedDates read = TypedInput.dates(typed, 2008).orElseThrow();
            assertThat(read.dates()).as(typed).containsExactly(d(6, 30));
            assertThat(read.exact()).as(typed).isTrue();
        }
    }

    @Test
    void periodsCountByTheirLastDay() {
        assertThat(dates("6月30日")).containsExactly(d(6, 30));
        assertThat(dates("6月底")).containsExactly(d(6, 30));
        assertThat(dates("六月底前")).containsExactly(d(6, 30));
        assertThat(dates("十二月")).containsExactly(d(12, 31));
        assertThat(dates("上半年")).containsExactly(d(6, 30));
        assertThat(dates("下半年")).containsExactly(d(12, 31));
        assertThat(dates("年底")).containsExactly(d(12, 31));
        assertThat(dates("全年")).containsExactly(d(12, 31));
        assertThat(dates("三季度末")).containsExactly(d(9, 30));
        assertThat(dates("第一季度")).containsExactly(d(3, 31));
        assertThat(dates("前三季度")).containsExactly(d(9, 30));
        assertThat(dates("3-5月")).containsExactly(d(5, 31));
        assertThat(dates("4月—12月")).containsExactly(d(12, 31));
        assertThat(dates("2月")).containsExactly(d(2, 28));
        assertThat(dates("2027年6月")).containsExactly(LocalDate.of(2027, 6, 30));
        assertThat(dates("2026年底")).containsExactly(d(12, 31));
        assertThat(dates("2023.07-2024.01")).containsExactly(LocalDate.of(2024, 1, 31));
        assertThat(TypedInput.dates("6月底", YEAR).orElseThrow().exact()).isFalse();
    }

    @Test
    void repeatedDatesAndSeveralMilestones() {
        assertThat(dates("每季度末")).containsExactly(d(3, 31), d(6, 30), d(9, 30), d(12, 31));
        assertThat(dates("每半年")).containsExactly(d(6, 30), d(12, 31));
        assertThat(dates("每月")).hasSize(12).endsWith(d(12, 31));
        TypedDates milestones = TypedInput.dates("6月30日前完成初稿；9月底前完成验收，2026年11月15日前报送", YEAR)
                .orElseThrow();
        assertThat(milestones.dates()).containsExactly(d(6, 30), d(9, 30), d(11, 15));
        assertThat(milestones.last()).isEqualTo(d(11, 15));
    }

    @Test
    void whatNamesNoDateOrAnImpossibleOneIsNotADate() {
        for (String typed : List.of("长期", "持续推进", "待定", "", "2026-02-30", "2026年13月", "6个月内", "12")) {
            assertThat(TypedInput.dates(typed, YEAR)).as(typed).isEmpty();
        }
    }

    @Test
    void theWindowsDateReaderIsUnchanged() {
        assertThat(TypedInput.date("下半年", YEAR)).isEmpty();
        assertThat(TypedInput.number("95%")).isEmpty();
        assertThat(TypedInput.number("95")).contains(new BigDecimal("95"));
    }
}
