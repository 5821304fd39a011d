package org.perfdesk.ui.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.IndicatorRule;
import org.perfdesk.evaluation.InputHashes;
import org.perfdesk.report.ResultsTexts;

/**
 * Evaluation figures in the window's language: the same wording as the results workbook and the
 * notice ({@link ResultsTexts}), so a screen and its printout never read differently.
 */
final class EvaluationTexts {
    private EvaluationTexts() {
    }

    private static ResultsTexts now() {
        return new ResultsTexts(Texts.current());
    }

    static String rank(Evaluation.UnitResult r) {
        return now().rank(r);
    }

    static String remarks(Evaluation.UnitResult r, Function<String, String> nameOf) {
        return now().remarks(r, nameOf);
    }

    static String source(IndicatorRule.Line l) {
        return now().source(l);
    }

    /** Why the indicator earned its points, with a verified figure that differs from the unit's. */
    static String why(IndicatorRule.Line l, EvaluationScheme scheme) {
        ResultsTexts w = now();
        String differs = w.difference(l);
        return differs.isEmpty() ? w.why(l, scheme) : w.why(l, scheme) + "；" + differs;
    }

    static String target(IndicatorRule.Line l, int year) {
        return now().target(l, year);
    }

    static String figure(IndicatorRule.Figure f, IndicatorRule.Line l) {
        return now().figure(f, l);
    }

    /** A score, or "—" for a unit that has none. */
    static String score(BigDecimal v) {
        return now().score(v);
    }

    static String missing(Evaluation.UnitResult r) {
        return now().missing(r);
    }

    static String changes(List<InputHashes.Change> changes, Function<String, String> nameOf) {
        return now().changes(changes, nameOf);
    }

    static String when(String instant) {
        return ResultsTexts.when(instant);
    }

    static String number(BigDecimal v) {
        return ResultsTexts.number(v);
    }

    static String plain(BigDecimal v) {
        return ResultsTexts.plain(v);
    }
}
