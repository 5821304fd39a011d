package org.perfdesk.evaluation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.perfdesk.domain.Appraisal;
import org.perfdesk.domain.Bonus;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.Inspection;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.ResultApproval;
import org.perfdesk.domain.StandingDecision;
import org.perfdesk.domain.VerifiedFigure;

/**
 * Texts of evaluation records that are the same whenever the content is: keys sorted, numbers
 * without trailing zeros. They are what the audit log records and what input hashes cover.
 */
public final class Canonical {
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Canonical() {
    }

    static String scheme(EvaluationScheme s) {
        Map<String, Object> m = new TreeMap<>();
        m.put("year", s.year());
        m.put("version", s.version());
        m.put("indicatorWeight", Numbers.plain(s.indicatorWeight()));
        m.put("appraisalWeight", Numbers.plain(s.appraisalWeight()));
        m.put("inspectionCap", Numbers.plain(s.inspectionCap()));
        m.put("bonusCap", Numbers.plain(s.bonusCap()));
        m.put("quantitativeCap", Numbers.plain(s.quantitativeCap()));
        m.put("latePenalty", Numbers.plain(s.latePenalty()));
        m.put("spotCheckShare", Numbers.plain(s.spotCheckShare()));
        m.put("appraisalLevels", s.appraisalLevels().stream()
                .map(l -> List.of(l.name(), Numbers.plain(l.value()))).toList());
        m.put("note", s.note());
        m.put("period", s.period());
        m.put("levelShares", s.levelShares().stream().map(Numbers::plain).toList());
        m.put("appraisalRounds", s.appraisalRounds());
        m.put("required", s.required().stream().map(Enum::name).sorted().toList());
        Map<String, String> bodies = new TreeMap<>();
        s.appraisalBodies().forEach((g, b) -> bodies.put(g.name(), b));
        m.put("appraisalBodies", bodies);
        return json(m);
    }

    /** A verified figure as the audit log records it and the indicators' hash covers it (structured JSON). */
    static String verified(VerifiedFigure f) {
        Map<String, Object> m = new TreeMap<>();
        m.put("body", f.body());
        if (f.actual() != null) {
            m.put("actual", Numbers.plain(f.actual()));
        }
        if (f.level() != null) {
            m.put("level", f.level());
        }
        if (f.doneOn() != null) {
            m.put("doneOn", f.doneOn().toString());
        }
        if (f.notDone()) {
            m.put("notDone", true);
        }
        m.put("dataSource", f.dataSource());
        m.put("note", f.note());
        return json(m);
    }

    /** The office's decision on an incomplete unit (structured JSON). */
    static String standing(StandingDecision d) {
        Map<String, Object> m = new TreeMap<>();
        m.put("decision", d.decision().name());
        m.put("reason", d.reason());
        return json(m);
    }

    /** An approval (审定) as the audit log records it (structured JSON). */
    static String approval(ResultApproval a) {
        Map<String, Object> m = new TreeMap<>();
        m.put("id", a.id());
        m.put("approvedOn", a.approvedOn().toString());
        m.put("reference", a.reference());
        m.put("approvedBy", a.approvedBy());
        m.put("note", a.note());
        m.put("inputsHash", a.inputsHash());
        return json(m);
    }

    static String inspection(Inspection i) {
        return String.join("|", i.id(), String.valueOf(i.date()), String.valueOf(i.kind()),
                Numbers.plain(i.deduction()), i.finding(), String.valueOf(i.evidenceSha256()));
    }

    static String bonus(Bonus b) {
        return String.join("|", b.id(), Numbers.plain(b.points()), b.reason());
    }

    static String appraisal(Appraisal a) {
        return a.round() + "|" + a.sampleSize() + "|" + json(new TreeMap<>(a.counts()));
    }

    static String node(GoalNode n) {
        return String.join("|", n.id(), Numbers.plain(n.weight()), measure(n.measure()), n.title());
    }

    /** The measure as its record printed before ranges existed, so hashes frozen then still compare. */
    private static String measure(org.perfdesk.domain.Measure m) {
        if (m instanceof org.perfdesk.domain.Measure.Quantitative q && !q.isRange()) {
            return "Quantitative[target=" + q.target() + ", baseline=" + q.baseline() + ", unitOfMeasure="
                    + q.unitOfMeasure() + ", direction=" + q.direction() + "]";
        }
        return String.valueOf(m);
    }

    /** The published figures per unit: total and rank (what a later recomputation is held to). */
    public static String results(List<Evaluation.UnitResult> results) {
        Map<String, Object> m = new TreeMap<>();
        for (Evaluation.UnitResult r : results) {
            Map<String, Object> one = new TreeMap<>();
            one.put("total", Numbers.plain(r.total()));
            one.put("rank", r.rank());
            one.put("indicators", Numbers.plain(r.indicatorScore()));
            one.put("appraisal", Numbers.plain(r.appraisalScore()));
            one.put("deductions", Numbers.plain(r.deductions()));
            one.put("bonus", Numbers.plain(r.bonus()));
            if (r.standing() != Evaluation.Standing.COMPLETE) {
                one.put("standing", r.standing().name());
            }
            m.put(r.unit().code(), one);
        }
        return json(m);
    }

    static <T> List<T> sorted(List<T> items, Comparator<T> by) {
        return items.stream().sorted(by).toList();
    }

    public static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
