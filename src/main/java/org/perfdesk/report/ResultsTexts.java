package org.perfdesk.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.ResultApproval;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.IndicatorRule;
import org.perfdesk.domain.Measure;
import org.perfdesk.evaluation.InputHashes;

/**
 * How evaluation figures read on paper (the results workbook, the notice), in one language: ranks
 * with ties, remarks, where an indicator's points come from, what changed since a freeze.
 */
public final class ResultsTexts {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Texts t;

    public ResultsTexts(Texts texts) {
        this.t = texts;
    }

    public Texts texts() {
        return t;
    }

    /** 1, "并列 2", "未报送", "材料不全", or "不排名". */
    public String rank(Evaluation.UnitResult r) {
        if (r.rank() == null) {
            return r.group() == null || r.standing() == Evaluation.Standing.COMPLETE ? t.get("results.unranked")
                    : t.get("results.standing." + r.standing().name());
        }
        return r.tiedWith().isEmpty() ? String.valueOf(r.rank()) : t.get("results.tiedRank", r.rank());
    }

    /** A score with two decimals, or "—" for a unit that has none (未报送). */
    public String score(BigDecimal v) {
        return v == null ? "—" : number(v);
    }

    /** Ties, what is missing and the office's decision on it, and notes, separated by "；". */
    public String remarks(Evaluation.UnitResult r, Function<String, String> nameOf) {
        List<String> parts = new java.util.ArrayList<>();
        if (!r.tiedWith().isEmpty()) {
            parts.add(t.get("results.tiedWith", String.join("、", r.tiedWith().stream().map(nameOf).toList())));
        }
        if (r.standing() != Evaluation.Standing.COMPLETE) {
            parts.add(t.get("results.standing." + r.standing().name()) + "：" + missing(r));
            parts.add(r.decision() == null ? t.get("results.decision.none")
                    : t.get("results.decision." + r.decision().decision().name(), r.decision().reason()));
        }
        for (String note : r.notes()) {
            parts.add(t.get(note));
        }
        return String.join("；", parts);
    }

    /** What a unit lacks, in words. */
    public String missing(Evaluation.UnitResult r) {
        if (r.standing() == Evaluation.Standing.NOT_SUBMITTED) {
            return t.get("results.missing.tree");
        }
        return String.join("；", r.missing().stream().map(m -> t.get("results.missing." + m.material().name(),
                m.count(), m.of(), String.join("、", m.which()))).toList());
    }

    public String source(IndicatorRule.Line l) {
        return t.get("results.source." + l.source().name());
    }

    /** The target as the rule reads it: "≥13%", "≤4.8%", "=4.8%", "3%–5%", "好", "4月30日前完成". */
    public String target(IndicatorRule.Line l, int year) {
        if (l.measure() instanceof Measure.Quantitative q) {
            if (q.target() == null) {
                return "";
            }
            String value = IndicatorFacts.withUnit(q.target(), q);
            return switch (q.direction()) {
                case HIGHER_BETTER -> t.get("results.target.atLeast", value);
                case LOWER_BETTER -> t.get("results.target.atMost", value);
                case AT_TARGET -> q.isRange() ? t.get("results.target.range", Numbers.plain(q.target()),
                        IndicatorFacts.withUnit(q.targetHigh(), q)) : t.get("results.target.exactly", value);
            };
        }
        if (l.measure() instanceof Measure.Qualitative q) {
            return q.targetLevel() == null ? (q.levels().isEmpty() ? "" : q.levels().get(0)) : q.targetLevel();
        }
        if (l.measure() instanceof Measure.Milestone m && m.due() != null) {
            return t.get("report.target.doneBy", IndicatorFacts.shortDate(m.due(), year, t));
        }
        return t.get("report.target.onTime");
    }

    /** A figure in words: "252亿元", "较好", "二季度完成", "未完成"; empty for none. */
    public String figure(IndicatorRule.Figure f, IndicatorRule.Line l) {
        if (f == null) {
            return "";
        }
        if (f.actual() != null) {
            return IndicatorFacts.withUnit(f.actual(), l.measure());
        }
        if (f.level() != null) {
            return f.level();
        }
        if (f.doneQuarter() == null || f.doneQuarter() == 0) {
            return t.get("results.figure.notDone");
        }
        return f.doneQuarter() > 4 ? t.get("results.figure.doneAfter")
                : t.get("results.figure.doneIn", IndicatorFacts.quarterName(f.doneQuarter(), t));
    }

    /**
     * Why the indicator earned its points, in one clause: "完成率 95.2%（按省统计局核定值）", "低于目标等级
     * “好”一级，得分值的 60%", "逾期 1 个季度，扣 20%", "没有四季度数据，不得分", the office's reason.
     */
    /** A completion as the completion column shows it (one decimal), so the two never read differently. */
    private static String tenths(BigDecimal completion) {
        return completion.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    public String why(IndicatorRule.Line l, EvaluationScheme scheme) {
        String by = l.verified() == null ? "" : t.get("results.why.verified", l.verifiedBy());
        return switch (l.source()) {
            case OFFICE -> t.get("results.why.office", l.basis() == null ? "" : l.basis());
            case COMPLETION -> (l.capped() ? t.get("results.why.completionCapped", tenths(l.completion()),
                    Numbers.plain(l.share())) : t.get("results.why.completion", tenths(l.completion()))) + by;
            case LEVEL -> (l.share().compareTo(IndicatorRule.HUNDRED) >= 0
                    ? t.get("results.why.levelMet", l.used().level())
                    : t.get("results.why.levelBelow", l.used().level(), target(l, scheme.year()),
                    Numbers.plain(l.share()))) + by;
            case MILESTONE -> (l.late() == null || l.late() == 0 ? (l.share().signum() == 0
                    ? t.get("results.why.notDone") : t.get("results.why.onTime"))
                    : t.get("results.why.late", l.late(), Numbers.plain(IndicatorRule.HUNDRED.subtract(l.share()))))
                    + by;
            case NONE -> none(l, scheme);
        };
    }

    private String none(IndicatorRule.Line l, EvaluationScheme scheme) {
        IndicatorRule.Figure used = l.used();
        if (used == null) {
            return t.get("results.why.missing", IndicatorFacts.quarterName(scheme.period(), t));
        }
        if (used.level() != null) {
            return t.get("results.why.unknownLevel", used.level());
        }
        return t.get("results.why.noTarget");
    }

    /** "单位报送 11.8%，核定 11.7%" for a verified figure that differs; empty otherwise. */
    public String difference(IndicatorRule.Line l) {
        return l.differs() ? t.get("results.why.differs", figure(l.reported(), l).isEmpty()
                ? t.get("results.figure.none") : figure(l.reported(), l), figure(l.verified(), l), l.verifiedBy()) : "";
    }

    /** "厦门市人民政府（察访核验）、评估方案". */
    public String changes(List<InputHashes.Change> changes, Function<String, String> nameOf) {
        return String.join("、", changes.stream().map(c -> c.unitCode() == null ? t.get("results.change.scheme")
                : nameOf.apply(c.unitCode()) + "（" + t.get("results.change." + c.component()) + "）").toList());
    }

    /** The results' standing: not frozen, frozen and unchanged, or frozen with the changes named. */
    public String status(ResultsData data) {
        Map<String, String> names = new java.util.HashMap<>();
        data.results().forEach(r -> names.put(r.unit().code(), r.unit().name()));
        if (data.comparison().isEmpty()) {
            return t.get("results.workbook.status.notFrozen");
        }
        InputHashes.Comparison c = data.comparison().get();
        String when = when(c.freeze().frozenAt());
        return c.unchanged() ? t.get("results.workbook.status.unchanged", when, c.freeze().schemeVersion())
                : t.get("results.workbook.status.changed", when, c.freeze().schemeVersion(),
                        changes(c.changes(), code -> names.getOrDefault(code, code)));
    }

    /** The 审定 the results rest on, or that there is none yet, or that the results changed since. */
    public String approval(ResultsData data) {
        if (data.approval().isEmpty()) {
            return t.get("results.approval.none");
        }
        ResultApproval a = data.approval().get();
        return t.get(data.approvalHolds() ? "results.approval.holds" : "results.approval.stale",
                a.approvedOn().toString(), a.reference(), a.approvedBy());
    }

    /** A stored instant in this computer's time zone, to the minute. */
    public static String when(String instant) {
        try {
            return WHEN.format(Instant.parse(instant).atZone(ZoneId.systemDefault()));
        } catch (java.time.format.DateTimeParseException e) {
            return instant;
        }
    }

    /** Two decimals, as every score is printed. */
    public static String number(BigDecimal v) {
        return v == null ? "" : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    public static String plain(BigDecimal v) {
        return Numbers.plain(v);
    }
}
