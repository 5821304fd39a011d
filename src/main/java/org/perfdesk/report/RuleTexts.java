package org.perfdesk.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.perfdesk.domain.Appraisal;
import org.perfdesk.domain.Completion;
import org.perfdesk.domain.Direction;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.IndicatorRule;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.AppraisalScore;

/**
 * The scoring rule in words, one paragraph per part, each with a worked example computed by the rule
 * itself under the year's scheme (so the printed example can never disagree with the scores). The
 * results workbook's 方案 sheet prints them.
 */
public final class RuleTexts {
    private RuleTexts() {
    }

    /** A labelled paragraph. */
    public record Rule(String label, String text) {
    }

    public static List<Rule> of(EvaluationScheme s, Texts t) {
        List<Rule> out = new ArrayList<>();
        String iw = Numbers.plain(s.indicatorWeight());
        String aw = Numbers.plain(s.appraisalWeight());
        String cap = Numbers.plain(s.quantitativeCap());
        String period = IndicatorFacts.quarterName(s.period(), t);
        out.add(rule(t, "total", iw, aw));
        out.add(rule(t, "indicator"));
        out.add(rule(t, "period", period));
        BigDecimal gdp = pct(Direction.HIGHER_BETTER, "13", null, "11.7");
        out.add(rule(t, "quantitative", cap, Numbers.plain(gdp), points("6", gdp, s),
                Numbers.plain(pct(Direction.HIGHER_BETTER, "200", null, "230")),
                Numbers.plain(pct(Direction.HIGHER_BETTER, "200", null, "230").min(s.quantitativeCap()))));
        out.add(rule(t, "ceiling", Numbers.plain(pct(Direction.LOWER_BETTER, "4.8", null, "3.8")),
                Numbers.plain(pct(Direction.LOWER_BETTER, "4.8", null, "5.3"))));
        out.add(rule(t, "exact", Numbers.plain(pct(Direction.AT_TARGET, "4.8", null, "5.3"))));
        out.add(rule(t, "range", Numbers.plain(pct(Direction.AT_TARGET, "3", "5", "4")),
                Numbers.plain(pct(Direction.AT_TARGET, "3", "5", "5.5"))));
        out.add(rule(t, "zero", Numbers.plain(pct(Direction.LOWER_BETTER, "0", null, "0")),
                Numbers.plain(pct(Direction.LOWER_BETTER, "0", null, "1"))));
        Measure.Qualitative levels = new Measure.Qualitative(List.of("好", "较好", "一般", "差"), "较好");
        out.add(rule(t, "qualitative", s.levelSharesText(),
                Numbers.plain(IndicatorRule.levelShare(levels, "好", s)),
                Numbers.plain(IndicatorRule.levelShare(levels, "一般", s)),
                Numbers.plain(IndicatorRule.levelShare(levels, "差", s))));
        out.add(rule(t, "milestone", Numbers.plain(s.latePenalty()),
                Numbers.plain(IndicatorRule.HUNDRED.subtract(s.latePenalty()).max(BigDecimal.ZERO))));
        out.add(rule(t, "verified"));
        out.add(rule(t, "office"));
        out.add(rule(t, "missing", period));
        out.add(rule(t, "standing", required(s, t)));
        out.add(appraisal(s, t));
        out.add(rule(t, "deductions", Numbers.plain(s.inspectionCap())));
        out.add(rule(t, "bonus", Numbers.plain(s.bonusCap())));
        out.add(rule(t, "ranking"));
        out.add(rule(t, "approval"));
        return out;
    }

    /** The material the scheme requires, in words: "本期数据、公众评议各轮结果". */
    public static String required(EvaluationScheme s, Texts t) {
        List<String> parts = s.required().stream().sorted().map(m -> t.get("scheme.material." + m.name())).toList();
        return parts.isEmpty() ? t.get("scheme.material.none") : String.join("、", parts);
    }

    private static Rule appraisal(EvaluationScheme s, Texts t) {
        int[] example = {120, 50, 20, 10};
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        List<EvaluationScheme.AppraisalLevel> levels = s.appraisalLevels();
        List<String> given = new ArrayList<>();
        int sample = 0;
        for (int i = 0; i < levels.size(); i++) {
            int n = i < example.length ? example[i] : 0;
            counts.put(levels.get(i).name(), n);
            given.add(levels.get(i).name() + " " + n);
            sample += n;
        }
        BigDecimal score = AppraisalScore.of(new Appraisal("X", s.year(), 1, Math.max(1, sample), counts), s);
        return rule(t, "appraisal", String.valueOf(s.appraisalRounds()), String.valueOf(sample),
                String.join(t.get("notice.listSeparator"), given), Numbers.plain(score),
                t.get(s.required().contains(EvaluationScheme.Material.APPRAISAL)
                        ? "results.workbook.rule.appraisal.missingRequired" : "results.workbook.rule.appraisal.missingZero"));
    }

    private static BigDecimal pct(Direction d, String target, String high, String actual) {
        return Completion.percent(new Measure.Quantitative(new BigDecimal(target), null, null, d,
                high == null ? null : new BigDecimal(high)), new BigDecimal(actual));
    }

    private static String points(String weight, BigDecimal completion, EvaluationScheme s) {
        return new BigDecimal(weight).multiply(completion.min(s.quantitativeCap()))
                .divide(IndicatorRule.HUNDRED, MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static Rule rule(Texts t, String key, Object... args) {
        return new Rule(t.get("results.workbook.rule." + key + ".label"), t.get("results.workbook.rule." + key, args));
    }
}
