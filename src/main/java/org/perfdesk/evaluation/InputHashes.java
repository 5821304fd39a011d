package org.perfdesk.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.perfdesk.domain.Appraisal;
import org.perfdesk.domain.Bonus;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.IndicatorRule;
import org.perfdesk.domain.IndicatorScore;
import org.perfdesk.domain.Inspection;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.SelfAssessment;
import org.perfdesk.domain.VerifiedFigure;
import org.perfdesk.store.ResultFreezeRepository;

/**
 * SHA-256 hashes of everything results depend on: the scheme, and per unit its indicators (with
 * progress, self-assessment and the office's scores), appraisal, inspections and bonuses. Stored
 * when results are frozen; compared later, they say which unit's which input changed.
 */
public record InputHashes(String scheme, Map<String, Map<String, String>> units, String overall) {
    public static final String SCHEME = "scheme";
    /** "standing" (the office's decision on an incomplete unit) is there only for units with a decision. */
    public static final List<String> COMPONENTS = List.of("indicators", "appraisal", "inspections", "bonus",
            "standing");

    /** One input that differs from the freeze: a unit's component, or the scheme (unit null). */
    public record Change(String unitCode, String component) {
    }

    /** The inputs that changed since the freeze, and the freeze they are compared with. */
    public record Comparison(ResultFreezeRepository.Freeze freeze, List<Change> changes) {
        public boolean unchanged() {
            return changes.isEmpty();
        }
    }

    public static InputHashes of(EvaluationScheme scheme, List<Evaluation.UnitMaterial> material) {
        String schemeHash = sha256(Canonical.scheme(scheme));
        Map<String, Map<String, String>> units = new TreeMap<>();
        for (Evaluation.UnitMaterial m : material) {
            Map<String, String> c = new TreeMap<>();
            c.put("indicators", sha256(indicators(m)));
            c.put("appraisal", sha256(String.join("\n", Canonical.sorted(m.appraisals(),
                    Comparator.comparingInt(Appraisal::round)).stream().map(Canonical::appraisal).toList())));
            c.put("inspections", sha256(String.join("\n", Canonical.sorted(m.inspections(),
                    Comparator.comparing(Inspection::id)).stream().map(Canonical::inspection).toList())));
            c.put("bonus", sha256(String.join("\n", Canonical.sorted(m.bonuses(),
                    Comparator.comparing(Bonus::id)).stream().map(Canonical::bonus).toList())));
            if (m.decision() != null) {
                c.put("standing", sha256(Canonical.standing(m.decision())));
            }
            units.put(m.unit().code() + "|" + m.unit().group(), c);
        }
        StringBuilder all = new StringBuilder(SCHEME).append(':').append(schemeHash).append('\n');
        units.forEach((u, c) -> c.forEach((k, h) -> all.append(u).append('/').append(k).append(':').append(h).append('\n')));
        return new InputHashes(schemeHash, units, sha256(all.toString()));
    }

    private static String indicators(Evaluation.UnitMaterial m) {
        StringBuilder b = new StringBuilder();
        for (GoalNode n : Canonical.sorted(IndicatorRule.scored(m.tree()), Comparator.comparing(GoalNode::id))) {
            b.append(Canonical.node(n));
            for (Progress p : Canonical.sorted(m.progress().getOrDefault(n.id(), List.of()),
                    Comparator.comparingInt(Progress::quarter))) {
                b.append("|q").append(p.quarter()).append('=').append(Numbers.plain(p.actualValue())).append('/')
                        .append(Numbers.plain(p.completionPercent())).append('/').append(p.status());
            }
            SelfAssessment s = m.self().get(n.id());
            if (s != null) {
                b.append("|self=").append(Numbers.plain(s.score())).append('/').append(s.level());
            }
            IndicatorScore o = m.office().get(n.id());
            if (o != null) {
                b.append("|office=").append(Numbers.plain(o.points())).append('/').append(o.reason());
            }
            VerifiedFigure v = m.verified().get(n.id());
            if (v != null) {
                b.append("|verified=").append(Canonical.verified(v));
            }
            b.append('\n');
        }
        return b.toString();
    }

    String toJson() {
        Map<String, Object> m = new TreeMap<>();
        m.put(SCHEME, scheme);
        m.put("units", units);
        m.put("overall", overall);
        return Canonical.json(m);
    }

    /** The hashes a freeze stored (its {@code inputs}). */
    public static InputHashes fromJson(String json) {
        try {
            Map<String, Object> m = new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() {
            });
            @SuppressWarnings("unchecked")
            Map<String, Map<String, String>> units = (Map<String, Map<String, String>>) m.get("units");
            return new InputHashes((String) m.get(SCHEME), units, (String) m.get("overall"));
        } catch (IOException e) {
            throw new IllegalStateException("stored input hashes unreadable", e);
        }
    }

    static Comparison compare(ResultFreezeRepository.Freeze freeze, InputHashes now) {
        InputHashes then = fromJson(freeze.inputs());
        List<Change> changes = new ArrayList<>();
        if (!then.scheme().equals(now.scheme())) {
            changes.add(new Change(null, SCHEME));
        }
        TreeSet<String> keys = new TreeSet<>(then.units().keySet());
        keys.addAll(now.units().keySet());
        for (String unit : keys) {
            Map<String, String> a = then.units().getOrDefault(unit, Map.of());
            Map<String, String> b = now.units().getOrDefault(unit, Map.of());
            for (String component : COMPONENTS) {
                if (!java.util.Objects.equals(a.get(component), b.get(component))) {
                    changes.add(new Change(unit.substring(0, unit.indexOf('|')), component));
                }
            }
        }
        return new Comparison(freeze, List.copyOf(changes));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
