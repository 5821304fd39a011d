package org.perfdesk.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.IndicatorRule;
import org.perfdesk.domain.IndicatorScore;
import org.perfdesk.domain.SelfScore;
import org.perfdesk.domain.SpotCheck;

/**
 * 指标考核 for one unit: every scored indicator with the unit's own score beside the office's, so the
 * office sees where they differ. The office's score starts as the computed one (from the figures for
 * the period, the verified figure first, see {@link IndicatorRule}) until the office sets its own with
 * a reason.
 */
public final class AssessmentSheet {
    /**
     * A difference between self and office score counts as notable from this share of the indicator's
     * points on (10 %): small roundings stay quiet, a point on a 5-point indicator shows.
     */
    public static final BigDecimal NOTABLE_SHARE = new BigDecimal("0.10");

    /**
     * One indicator.
     *
     * @param self       the unit's self-assessed points, or null when it gave none
     * @param computed   what the rule gives without an office score
     * @param office     the office's own score, or null when the computed one stands
     * @param difference counted minus self, or null without a self score
     */
    public record Row(GoalNode node, String path, BigDecimal self, IndicatorRule.Line computed, IndicatorScore office,
                      BigDecimal difference, boolean notable, boolean spotChecked) {
        /** The points that count: the office's, else the computed. */
        public BigDecimal counted() {
            return office != null ? office.points() : computed.points();
        }

        /** The indicator under its own parent only ("财政收入 › 地方级财政收入"), for narrow columns. */
        public String shortPath() {
            int cut = path.lastIndexOf(" › ");
            int before = cut < 0 ? -1 : path.lastIndexOf(" › ", cut - 1);
            return before < 0 ? path : path.substring(before + 3);
        }
    }

    private AssessmentSheet() {
    }

    public static List<Row> of(Evaluation.UnitMaterial m, EvaluationScheme scheme, Optional<SpotCheck> spotCheck) {
        Set<String> drawn = new HashSet<>(spotCheck.map(SpotCheck::drawn).orElse(List.of()));
        List<Row> rows = new ArrayList<>();
        for (GoalNode n : IndicatorRule.scored(m.tree())) {
            BigDecimal self = SelfScore.points(n, m.self().get(n.id()), scheme);
            IndicatorRule.Line computed = IndicatorRule.score(n, m.progress().getOrDefault(n.id(), List.of()),
                    m.self().get(n.id()), null, m.verified().get(n.id()), scheme);
            IndicatorScore office = m.office().get(n.id());
            BigDecimal counted = office != null ? office.points() : computed.points();
            BigDecimal difference = self == null ? null : counted.subtract(self);
            boolean notable = difference != null
                    && difference.abs().compareTo(n.weight().multiply(NOTABLE_SHARE)) >= 0;
            rows.add(new Row(n, path(m.tree(), n), self, computed, office, difference, notable, drawn.contains(n.id())));
        }
        return rows;
    }

    /** The indicator with its goal above it: "经济平稳较快发展 › 财政收入 › 地方财政收入增长". */
    static String path(GoalTree tree, GoalNode n) {
        List<String> parts = new ArrayList<>();
        for (GoalNode at = n; at != null; at = at.parentId() == null ? null : tree.find(at.parentId()).orElse(null)) {
            parts.add(0, at.title());
        }
        return String.join(" › ", parts);
    }
}
