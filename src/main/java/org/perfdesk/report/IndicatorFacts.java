package org.perfdesk.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.perfdesk.domain.Completion;
import org.perfdesk.domain.Direction;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.Texts;

/**
 * One indicator as a report states it: target with its unit, actual value, completion, status and
 * the gap analysis (问题、原因、措施). The prose drafts and the .docx tables both use these texts.
 * Completion of a quantitative indicator is what the scoring rule computes from the actual value
 * ({@link Completion}), never the percentage the unit typed; a milestone's is the share of the work
 * the unit reported done; a qualitative indicator has none.
 *
 * @param completionPercent the completion as a number, or null
 * @param progress the latest progress within the report's quarters, or null
 * @param current  true when that progress is for the report's quarter (not an older one)
 */
public record IndicatorFacts(GoalNode node, String owner, String ownerGroup, String target, String actual,
                             String completion, BigDecimal completionPercent, Progress progress, boolean current) {

    public static IndicatorFacts of(ReportData data, GoalNode node, Texts t) {
        Progress p = data.progress(node.id());
        String owner = data.ownerName(node.ownerCode());
        String group = data.org(node.ownerCode())
                .filter(o -> o.kind() == OrgKind.PERSON)
                .flatMap(o -> data.org(o.parentCode()))
                .filter(parent -> !parent.code().equals(data.unit().code()))
                .map(OrgUnit::name).orElse("");
        String actual = p == null || p.actualValue() == null ? "" : withUnit(p.actualValue(), node.measure());
        BigDecimal completion = completion(node, p);
        return new IndicatorFacts(node, owner, group, target(node, t), actual, Numbers.percent(completion), completion,
                p, p != null && p.quarter() == data.quarter());
    }

    /** By the rule for a quantitative indicator; as reported for a milestone or task; none for a level. */
    static BigDecimal completion(GoalNode node, Progress p) {
        if (p == null || node.measure() instanceof Measure.Qualitative) {
            return null;
        }
        if (node.measure() instanceof Measure.Quantitative q) {
            return Completion.percent(q, p.actualValue());
        }
        return p.completionPercent();
    }

    /** The status in the report's quarter; null when nothing was reported for it. */
    public ProgressStatus status() {
        return current ? progress.status() : null;
    }

    /** At risk or behind in the report's quarter: the plan asks for problem, cause and measure. */
    public boolean needsAttention() {
        ProgressStatus s = status();
        return s == ProgressStatus.AT_RISK || s == ProgressStatus.BEHIND;
    }

    public String statusText(Texts t) {
        if (progress == null) {
            return t.get("report.status.notReported");
        }
        String label = t.of(progress.status());
        return current ? label : t.get("report.status.asOf", label, quarterName(progress.quarter(), t));
    }

    /** 问题：… 原因：… 措施：… with the parts that were recorded, as one paragraph; empty when none was. */
    public String gapAnalysis(Texts t) {
        return Sentences.join(gapParts(t), t);
    }

    /** The recorded parts of the gap analysis, each labelled: 问题：…, 原因：…, 措施：…. */
    public List<String> gapParts(Texts t) {
        List<String> parts = new ArrayList<>();
        if (progress != null) {
            addPart(parts, "report.gap.problems", progress.problems(), t);
            addPart(parts, "report.gap.causes", progress.causes(), t);
            addPart(parts, "report.gap.measures", progress.measures(), t);
        }
        return parts;
    }

    /** The recorded measures alone, or empty. */
    public String measures() {
        return progress == null || progress.measures() == null ? "" : progress.measures().strip();
    }

    private static void addPart(List<String> parts, String key, String text, Texts t) {
        if (text != null && !text.isBlank()) {
            parts.add(t.get(key, Sentences.close(text.strip(), t)));
        }
    }

    /** "一季度" … "四季度" (Q1 … Q4 in English). */
    public static String quarterName(int quarter, Texts t) {
        return switch (quarter) {
            case 1 -> t.get("report.quarter.1");
            case 2 -> t.get("report.quarter.2");
            case 3 -> t.get("report.quarter.3");
            default -> t.get("report.quarter.4");
        };
    }

    static String target(GoalNode node, Texts t) {
        if (node.measure() instanceof Measure.Quantitative q) {
            if (q.target() == null) {
                return "";
            }
            String value = withUnit(q.target(), q);
            if (q.isRange()) {
                return Numbers.plain(q.target()) + "–" + withUnit(q.targetHigh(), q);
            }
            return q.direction() == Direction.LOWER_BETTER ? t.get("report.target.atMost", value) : value;
        }
        if (node.measure() instanceof Measure.Qualitative q) {
            return q.targetLevel() == null ? "" : q.targetLevel();
        }
        if (node.measure() instanceof Measure.Milestone m) {
            LocalDate due = m.due() != null ? m.due() : node.deadline();
            return due == null ? t.get("report.target.onTime") : t.get("report.target.doneBy", shortDate(due, node.year(), t));
        }
        return "";
    }

    /** "4月30日" within the report's year, "2009年1月10日" outside it (English: "30 Apr", "10 Jan 2009"). */
    static String shortDate(LocalDate date, int year, Texts t) {
        boolean chinese = Sentences.isChinese(t);
        String pattern = date.getYear() == year ? (chinese ? "M月d日" : "d MMM") : (chinese ? "yyyy年M月d日" : "d MMM yyyy");
        return DateTimeFormatter.ofPattern(pattern, t.locale()).format(date);
    }

    /** "20万亩", "95%", "12 km": CJK units and % follow the number directly. */
    static String withUnit(BigDecimal value, Measure measure) {
        String number = Numbers.plain(value);
        if (!(measure instanceof Measure.Quantitative q) || q.unitOfMeasure() == null) {
            return number;
        }
        String unit = q.unitOfMeasure();
        int first = unit.codePointAt(0);
        boolean tight = unit.startsWith("%") || Character.UnicodeScript.of(first) == Character.UnicodeScript.HAN;
        return tight ? number + unit : number + " " + unit;
    }
}
