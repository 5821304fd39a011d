package org.perfdesk.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates a deadline cell names, read by {@link TypedInput#dates}: a full date (2026/6/30,
 * 2026-06-30, 2026.6.30, 2026年6月30日), a day without a year (6月30日), a month's end (6月底,
 * 六月, 2026.7), a period's end (上半年, 年底, 三季度末, 3-5月, 4月—12月, 2023.07-2024.01), a
 * repeated one (每季度末, 每月) or several milestones in one cell ("6月30日前完成初稿，9月底前验收").
 * A period counts by its last day; the year is the plan year unless the text names one.
 *
 * @param dates every date named, earliest first; the deadline is the last
 * @param exact true when the text is exactly one full date, so nothing was interpreted
 */
public record TypedDates(List<LocalDate> dates, boolean exact) {

    public TypedDates {
        dates = List.copyOf(dates);
        if (dates.isEmpty()) {
            throw new IllegalArgumentException("no dates");
        }
    }

    /** The date a deadline takes: the last one named. */
    public LocalDate last() {
        return dates.get(dates.size() - 1);
    }

    private static final String SEP = "\\s*(?:-|~|—|–|－|至|到)\\s*";
    private static final Pattern FULL = Pattern.compile("(?<!\\d)(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?!\\d)\\s*[日号]?");
    private static final Pattern YEAR_MONTH_RANGE = Pattern.compile(
            "(?<!\\d)(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?" + SEP + "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?(?:底|末|份)?");
    private static final Pattern YEAR_MONTH = Pattern.compile("(?<!\\d)(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?(?:底|末|份)?(?![\\d.])");
    private static final Pattern YEAR_PERIOD = Pattern.compile(
            "(?<!\\d)(\\d{4})\\s*年(?:度)?\\s*(上半年|下半年|年中|第?([1-4])季度(?:末|底)?|底|末|年底|年末)?");
    private static final Pattern MONTH_RANGE = Pattern.compile("(?<!\\d)(\\d{1,2})\\s*月?" + SEP + "(\\d{1,2})\\s*月(?:底|末|份)?");
    private static final Pattern MONTH_DAY = Pattern.compile("(?<!\\d)(\\d{1,2})\\s*月\\s*(\\d{1,2})(?!\\d)\\s*[日号]?");
    private static final Pattern MONTH = Pattern.compile("(?<!\\d)(\\d{1,2})\\s*月(上旬|中旬|下旬|底|末|份)?");
    private static final Pattern EVERY_QUARTER = Pattern.compile("每个?季度?(?:末|底)?|按季度?|逐季");
    private static final Pattern EVERY_MONTH = Pattern.compile("每个?月(?:末|底)?|按月|逐月");
    private static final Pattern EVERY_HALF = Pattern.compile("每半年");
    private static final Pattern FIRST_QUARTERS = Pattern.compile("前([1-3])季度?");
    private static final Pattern QUARTER = Pattern.compile("第?([1-4])季度(?:末|底)?|Q([1-4])");
    private static final Pattern FIRST_HALF = Pattern.compile("上半年|年中|半年");
    private static final Pattern SECOND_HALF = Pattern.compile("下半年");
    private static final Pattern YEAR_END = Pattern.compile("年底|年末|全年|年内|本年度|年度内|当年|本年");
    private static final Pattern CHINESE_MONTH = Pattern.compile("(十[一二]|[一二三四五六七八九十])(?=\\s*(?:月|季|个?季度))");
    private static final String DIGITS = "一二三四五六七八九十";

    /** Reads normalised text ({@link TypedInput#normalized}); empty when it names no date or an impossible one. */
    static Optional<TypedDates> read(String normalized, int year) {
        String s = chineseMonths(normalized);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Matcher whole = FULL.matcher(s);
        if (whole.matches()) {
            return date(whole.group(1), whole.group(2), whole.group(3)).map(d -> new TypedDates(List.of(d), true));
        }
        TreeSet<LocalDate> found = new TreeSet<>();
        Text rest = new Text(s, found);
        try {
            rest.take(FULL, m -> List.of(date(m.group(1), m.group(2), m.group(3)).orElseThrow(Impossible::new)));
            rest.take(YEAR_MONTH_RANGE, m -> List.of(monthEnd(num(m.group(3)), num(m.group(4)))));
            rest.take(YEAR_MONTH, m -> List.of(monthEnd(num(m.group(1)), num(m.group(2)))));
            rest.take(YEAR_PERIOD, m -> List.of(yearPeriod(num(m.group(1)), m.group(2), m.group(3))));
            rest.take(MONTH_RANGE, m -> List.of(monthEnd(year, num(m.group(2)))));
            rest.take(MONTH_DAY, m -> List.of(date(String.valueOf(year), m.group(1), m.group(2)).orElseThrow(Impossible::new)));
            rest.take(MONTH, m -> List.of(monthPart(year, num(m.group(1)), m.group(2))));
            rest.take(EVERY_HALF, m -> List.of(LocalDate.of(year, 6, 30), LocalDate.of(year, 12, 31)));
            rest.take(EVERY_QUARTER, m -> quarterEnds(year, 4));
            rest.take(EVERY_MONTH, m -> monthEnds(year));
            rest.take(FIRST_QUARTERS, m -> List.of(quarterEnd(year, num(m.group(1)))));
            rest.take(QUARTER, m -> List.of(quarterEnd(year, num(m.group(1) != null ? m.group(1) : m.group(2)))));
            rest.take(SECOND_HALF, m -> List.of(LocalDate.of(year, 12, 31)));
            rest.take(FIRST_HALF, m -> List.of(LocalDate.of(year, 6, 30)));
            rest.take(YEAR_END, m -> List.of(LocalDate.of(year, 12, 31)));
        } catch (Impossible | DateTimeException e) {
            return Optional.empty();
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(new TypedDates(new ArrayList<>(found), false));
    }

    private interface Reading {
        List<LocalDate> dates(Matcher m);
    }

    /** The cell's text and the dates read from it; each pass blanks what it read, so later passes cannot read it again. */
    private static final class Text {
        private final StringBuilder text;
        private final TreeSet<LocalDate> found;

        Text(String s, TreeSet<LocalDate> found) {
            this.text = new StringBuilder(s);
            this.found = found;
        }

        void take(Pattern p, Reading reading) {
            Matcher m = p.matcher(text);
            List<int[]> spans = new ArrayList<>();
            while (m.find()) {
                if (m.end() > m.start()) {
                    found.addAll(reading.dates(m));
                    spans.add(new int[] {m.start(), m.end()});
                }
            }
            for (int[] span : spans) {
                for (int i = span[0]; i < span[1]; i++) {
                    text.setCharAt(i, '\u0000');
                }
            }
        }
    }

    private static final class Impossible extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Impossible() {
            super(null, null, false, false);
        }
    }

    private static int num(String digits) {
        if (digits.length() > 4) {
            throw new Impossible();
        }
        return Integer.parseInt(digits);
    }

    private static Optional<LocalDate> date(String y, String m, String d) {
        try {
            return Optional.of(LocalDate.of(num(y), num(m), num(d)));
        } catch (DateTimeException | Impossible e) {
            return Optional.empty();
        }
    }

    private static LocalDate monthEnd(int year, int month) {
        return YearMonth.of(year, month).atEndOfMonth();
    }

    private static LocalDate monthPart(int year, int month, String part) {
        if ("上旬".equals(part)) {
            return LocalDate.of(year, month, 10);
        }
        if ("中旬".equals(part)) {
            return LocalDate.of(year, month, 20);
        }
        return monthEnd(year, month);
    }

    private static LocalDate quarterEnd(int year, int quarter) {
        return monthEnd(year, quarter * 3);
    }

    private static List<LocalDate> quarterEnds(int year, int quarters) {
        List<LocalDate> out = new ArrayList<>();
        for (int q = 1; q <= quarters; q++) {
            out.add(quarterEnd(year, q));
        }
        return out;
    }

    private static List<LocalDate> monthEnds(int year) {
        List<LocalDate> out = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            out.add(monthEnd(year, m));
        }
        return out;
    }

    private static LocalDate yearPeriod(int year, String period, String quarter) {
        if (year < 1900 || year > 2200) {
            throw new Impossible();
        }
        if (quarter != null) {
            return quarterEnd(year, num(quarter));
        }
        if (period == null || period.endsWith("底") || period.endsWith("末")) {
            return LocalDate.of(year, 12, 31);
        }
        return switch (period) {
            case "上半年", "年中" -> LocalDate.of(year, 6, 30);
            default -> LocalDate.of(year, 12, 31);
        };
    }

    /** 六月底 → 6月底, 三季度 → 3季度, 十二月 → 12月. */
    private static String chineseMonths(String s) {
        Matcher m = CHINESE_MONTH.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String n = m.group(1);
            int v = n.length() == 2 ? 10 + DIGITS.indexOf(n.charAt(1)) + 1 : DIGITS.indexOf(n.charAt(0)) + 1;
            m.appendReplacement(out, String.valueOf(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
