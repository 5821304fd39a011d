package org.perfdesk.domain;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target as clerks type it into a form: a number with what it is compared to and its unit, read
 * by {@link TypedInput#quantity}. ≥95% is at least 95 %, 控制在4.8以内 at most 4.8, 3-5% a range,
 * 250万 is 250 with the unit 万 (multipliers are never multiplied out), 每万人口2.5张 is 2.5 with
 * the unit 张/万人口. Text that is not such a quantity (是, 优良, 按月安排, 2026年完成) is not
 * one: a target is never made up from words.
 *
 * @param value the number, or the lower end of a range
 * @param upper the upper end of a range, else null
 * @param unit  what follows the number (%, 万元, M), null when nothing does
 */
public record TypedQuantity(Comparison comparison, BigDecimal value, BigDecimal upper, String unit) {

    /** What the number is compared with; the form's own words decide, never the number. */
    public enum Comparison {
        /** A plain number: 95%, 250万. */
        NONE,
        /** ≥, >, 不低于, 以上, 达到. */
        AT_LEAST,
        /** ≤, <, 不超过, 以内, 以下, 控制在…以内. */
        AT_MOST,
        /** 控制在 4.8, 4.8左右, =: held near the number. */
        AROUND,
        /** 3-5%, 90%~95%: between value and upper. */
        RANGE
    }

    private static final String NUMBER = "[-+]?\\d+(?:,\\d{3})*(?:\\.\\d+)?(?:[eE][-+]?\\d{1,3}(?![\\d]))?";
    private static final Pattern AT_LEAST_WORDS = Pattern.compile("^(≥|≧|>=|>|不低于|不少于|不小于|大于等于|大于|高于|多于|超过|至少|达到|达)");
    private static final Pattern AT_MOST_WORDS = Pattern.compile("^(≤|≦|<=|<|不高于|不超过|不大于|不多于|小于等于|小于|低于|少于)");
    private static final Pattern AROUND_WORDS = Pattern.compile("^(控制在|保持在|稳定在|=|等于)");
    /** Words before the number that say nothing about the comparison. */
    private static final Pattern NEUTRAL_WORDS = Pattern.compile(
            "^(力争|确保|争取|预计|计划|全年|年度|约|同比|年均|累计|新增|实现|完成|保持|增长|提高|提升|下降|降低|减少|增加|为)");
    private static final Pattern PER = Pattern.compile("^每([^\\d]{1,6}?)(?=[-+]?\\d|≥|≤|>|<)");
    private static final Pattern BODY = Pattern.compile(
            "(" + NUMBER + ")\\s*(%|‰)?\\s*(?:(?:-|~|—|–|至|到)\\s*(" + NUMBER + "))?(.*)");
    private static final Pattern AT_LEAST_AFTER = Pattern.compile("(及以上|以上|或以上|之上)$");
    private static final Pattern AT_MOST_AFTER = Pattern.compile("(及以下|以下|或以下|以内|之内|内)$");
    private static final Pattern AROUND_AFTER = Pattern.compile("(左右|上下)$");
    /** A unit is short and names no action or time: 2026年完成 is not 2026 of 年完成. */
    private static final Pattern NOT_A_UNIT = Pattern.compile(
            ".*(完成|实现|开展|建成|推进|启动|之前|以前|日前|季度|年底|年末|月底|月末|[，。；：、,;:()（）\\d]).*|月|日|号|年.+");
    private static final int MAX_UNIT = 8;

    /** Reads normalised text ({@link TypedInput#normalized}); empty when it is not a quantity. */
    static Optional<TypedQuantity> read(String normalized) {
        String s = normalized.replaceAll("\\s+", "");
        Comparison comparison = Comparison.NONE;
        String per = null;
        for (int guard = 0; guard < 6 && !s.isEmpty(); guard++) {
            Matcher m;
            if ((m = AT_LEAST_WORDS.matcher(s)).find()) {
                comparison = Comparison.AT_LEAST;
            } else if ((m = AT_MOST_WORDS.matcher(s)).find()) {
                comparison = Comparison.AT_MOST;
            } else if ((m = AROUND_WORDS.matcher(s)).find()) {
                comparison = Comparison.AROUND;
            } else if ((m = NEUTRAL_WORDS.matcher(s)).find()) {
                // nothing to note
            } else if (per == null && (m = PER.matcher(s)).find()) {
                per = m.group(1);
            } else {
                break;
            }
            s = s.substring(m.end());
        }
        Matcher body = BODY.matcher(s);
        if (!body.matches()) {
            return Optional.empty();
        }
        Optional<BigDecimal> value = TypedInput.number(body.group(1));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String percent = body.group(2);
        BigDecimal upper = body.group(3) == null ? null : TypedInput.number(body.group(3)).orElse(null);
        String rest = body.group(4);
        Matcher after;
        if ((after = AT_LEAST_AFTER.matcher(rest)).find()) {
            comparison = comparison == Comparison.AT_MOST ? comparison : Comparison.AT_LEAST;
            rest = rest.substring(0, after.start());
        } else if ((after = AT_MOST_AFTER.matcher(rest)).find()) {
            // 控制在4.8以内: held under, not near
            comparison = Comparison.AT_MOST;
            rest = rest.substring(0, after.start());
        } else if ((after = AROUND_AFTER.matcher(rest)).find()) {
            comparison = Comparison.AROUND;
            rest = rest.substring(0, after.start());
        }
        String unit = percent != null ? percent + rest : rest;
        if (percent != null && rest.startsWith(percent)) {
            unit = rest; // 3%-5%: the first % came before the range
        }
        if (upper != null && percent != null && rest.isEmpty()) {
            unit = percent;
        }
        if (unit.length() > MAX_UNIT || !unit.isEmpty() && NOT_A_UNIT.matcher(unit).matches()) {
            return Optional.empty();
        }
        if (per != null) {
            unit = unit.isEmpty() ? "每" + per : unit + "/" + per;
        }
        if (upper != null) {
            if (upper.compareTo(value.get()) < 0) {
                return Optional.empty();
            }
            comparison = Comparison.RANGE;
        }
        return Optional.of(new TypedQuantity(comparison, value.get(), upper, unit.isEmpty() ? null : unit));
    }
}
