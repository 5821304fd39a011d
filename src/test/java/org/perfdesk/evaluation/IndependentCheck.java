package org.perfdesk.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The year's results recomputed from the workspace's database with plain SQL and the formula as
 * architecture.md and the results workbook's 方案 sheet write it down — on purpose without any of
 * PerfDesk's own classes (no {@code Evaluation}, no {@code IndicatorRule}, no {@code Completion}), so that
 * a mistake in them cannot hide here. Read-only: the database is opened as a plain SQLite file.
 */
public final class IndependentCheck {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final Set<String> INTERNAL = Set.of("DIVISION", "PERSON", "OFFICE");

    /** One unit as recomputed: null total for a unit 未报送 not ranked by decision; null rank when unranked. */
    public record Expected(String code, String name, String group, BigDecimal indicators, BigDecimal appraisal,
                           BigDecimal deductions, BigDecimal bonus, BigDecimal total, Integer rank, String standing,
                           Map<String, BigDecimal> points) {
    }

    private IndependentCheck() {
    }

    /** Every evaluated unit of the year, by code. */
    public static Map<String, Expected> of(Path database, int year) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath())) {
            return compute(c, year);
        }
    }

    private static Map<String, Expected> compute(Connection c, int year) throws Exception {
        JsonNode scheme = new ObjectMapper().readTree(one(c, "SELECT body FROM evaluation_scheme WHERE year = ? "
                + "ORDER BY version DESC LIMIT 1", year));
        BigDecimal iw = dec(scheme, "indicatorWeight", "70");
        BigDecimal aw = dec(scheme, "appraisalWeight", "30");
        BigDecimal inspectionCap = dec(scheme, "inspectionCap", "10");
        BigDecimal bonusCap = dec(scheme, "bonusCap", "3");
        BigDecimal cap = dec(scheme, "quantitativeCap", "100");
        BigDecimal late = dec(scheme, "latePenalty", "20");
        int period = scheme.path("period").asInt(0) == 0 ? 4 : scheme.path("period").asInt();
        int rounds = scheme.path("appraisalRounds").asInt(0) == 0 ? 2 : scheme.path("appraisalRounds").asInt();
        List<BigDecimal> shares = new ArrayList<>();
        scheme.path("levelShares").forEach(n -> shares.add(new BigDecimal(n.asText())));
        if (!scheme.has("levelShares") || scheme.get("levelShares").isNull()) {
            shares.addAll(List.of(new BigDecimal("60"), new BigDecimal("30"), BigDecimal.ZERO));
        }
        Set<String> required = new HashSet<>();
        scheme.path("required").forEach(n -> required.add(n.asText()));
        if (!scheme.has("required") || scheme.get("required").isNull()) {
            required.addAll(Set.of("FIGURES", "APPRAISAL"));
        }
        Map<String, BigDecimal> answerValues = new HashMap<>();
        scheme.path("appraisalLevels").forEach(l -> answerValues.put(l.path("name").asText(),
                new BigDecimal(l.path("value").asText())));
        String self = one(c, "SELECT value FROM workspace_meta WHERE key = 'self_code'");

        Map<String, Expected> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT code, name, kind, ranking_group FROM org_unit "
                + "ORDER BY code"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String code = rs.getString(1);
                if (code.equals(self) || INTERNAL.contains(rs.getString(3))) {
                    continue;
                }
                String group = rs.getString(4);
                long nodes = count(c, "SELECT count(*) FROM goal_node WHERE unit_code = ? AND year = ?", code, year);
                if (group == null && nodes == 0) {
                    continue;
                }
                out.put(code, unit(c, year, code, rs.getString(2), group, iw, aw, inspectionCap, bonusCap, cap, late,
                        period, rounds, shares, required, answerValues));
            }
        }
        return rank(out);
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private static Expected unit(Connection c, int year, String code, String name, String group, BigDecimal iw,
                                 BigDecimal aw, BigDecimal inspectionCap, BigDecimal bonusCap, BigDecimal cap,
                                 BigDecimal late, int period, int rounds, List<BigDecimal> shares,
                                 Set<String> required, Map<String, BigDecimal> answerValues) throws SQLException {
        // The scored indicators: live nodes with points none of whose live children have points.
        String scoredSql = "SELECT g.id, g.weight, g.measure_type, g.target, g.direction, g.target_high, g.levels_json, "
                + "g.target_level, g.milestone_date, g.deadline FROM goal_node g WHERE g.unit_code = ? AND g.year = ? "
                + "AND g.deleted = 0 AND CAST(g.weight AS REAL) > 0 AND NOT EXISTS (SELECT 1 FROM goal_node k "
                + "WHERE k.parent_id = g.id AND k.deleted = 0 AND CAST(k.weight AS REAL) > 0)";
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal available = BigDecimal.ZERO;
        int withoutFigures = 0;
        int scored = 0;
        Map<String, BigDecimal> points = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(scoredSql)) {
            ps.setString(1, code);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    scored++;
                    String id = rs.getString(1);
                    BigDecimal weight = new BigDecimal(rs.getString(2));
                    available = available.add(weight);
                    BigDecimal office = decimal(one(c, "SELECT points FROM indicator_score WHERE node_id = ?", id));
                    Share share = share(c, id, year, rs, period, cap, late, shares);
                    if (share.missing && office == null) {
                        withoutFigures++;
                    }
                    BigDecimal p = office != null ? office
                            : weight.multiply(share.percent).divide(HUNDRED, MC).setScale(2, RoundingMode.HALF_UP);
                    p = p.setScale(2, RoundingMode.HALF_UP);
                    points.put(id, p);
                    earned = earned.add(p);
                }
            }
        }
        // Appraisal: per round Σ(count × value) ÷ sample, two decimals; the mean of the rounds.
        List<BigDecimal> roundScores = new ArrayList<>();
        Set<Integer> had = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT round, sample_size, counts FROM appraisal "
                + "WHERE unit_code = ? AND year = ? ORDER BY round")) {
            ps.setString(1, code);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    had.add(rs.getInt(1));
                    JsonNode counts = new ObjectMapper().readTree(rs.getString(3));
                    BigDecimal sum = BigDecimal.ZERO;
                    var it = counts.fields();
                    while (it.hasNext()) {
                        var e = it.next();
                        sum = sum.add(answerValues.getOrDefault(e.getKey(), BigDecimal.ZERO)
                                .multiply(BigDecimal.valueOf(e.getValue().asLong())));
                    }
                    roundScores.add(sum.divide(BigDecimal.valueOf(rs.getInt(2)), MC).setScale(2, RoundingMode.HALF_UP));
                }
            } catch (java.io.IOException e) {
                throw new SQLException(e);
            }
        }
        BigDecimal appraisal = roundScores.isEmpty() ? BigDecimal.ZERO.setScale(2)
                : roundScores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(roundScores.size()), MC).setScale(2, RoundingMode.HALF_UP);
        BigDecimal deductions = sum(c, "SELECT deduction FROM inspection WHERE unit_code = ? AND year = ?", code, year)
                .min(inspectionCap).setScale(2, RoundingMode.HALF_UP);
        BigDecimal bonus = sum(c, "SELECT points FROM bonus WHERE unit_code = ? AND year = ?", code, year).min(bonusCap)
                .setScale(2, RoundingMode.HALF_UP);
        String decision = one(c, "SELECT decision FROM standing_decision WHERE unit_code = ? AND year = ?", code, year);

        String standing;
        if (scored == 0) {
            standing = "NOT_SUBMITTED";
        } else {
            boolean missingRounds = false;
            for (int r = 1; r <= rounds; r++) {
                missingRounds |= !had.contains(r);
            }
            boolean incomplete = required.contains("FIGURES") && withoutFigures > 0
                    || required.contains("APPRAISAL") && missingRounds
                    || required.contains("SELF_ASSESSMENT") && count(c, "SELECT count(*) FROM goal_node g WHERE "
                    + "g.unit_code = ? AND g.year = ? AND g.deleted = 0 AND CAST(g.weight AS REAL) > 0 AND NOT EXISTS "
                    + "(SELECT 1 FROM goal_node k WHERE k.parent_id = g.id AND k.deleted = 0 AND CAST(k.weight AS REAL) "
                    + "> 0) AND NOT EXISTS (SELECT 1 FROM self_assessment s WHERE s.node_id = g.id AND (s.score IS NOT "
                    + "NULL OR coalesce(s.level, '') <> ''))", code, year) > 0;
            standing = incomplete ? "INCOMPLETE" : "COMPLETE";
        }
        boolean ranked = group != null && ("COMPLETE".equals(standing) || "RANK".equals(decision));
        BigDecimal indicators = available.signum() == 0
                ? ("NOT_SUBMITTED".equals(standing) && !"RANK".equals(decision) ? null : BigDecimal.ZERO.setScale(2))
                : earned.multiply(HUNDRED).divide(available, MC).setScale(2, RoundingMode.HALF_UP);
        BigDecimal total = indicators == null ? null : iw.multiply(indicators).add(aw.multiply(appraisal))
                .divide(HUNDRED, MC).setScale(2, RoundingMode.HALF_UP).subtract(deductions).add(bonus);
        return new Expected(code, name, group, indicators, appraisal, deductions, bonus, total, ranked ? 0 : null,
                standing, points);
    }

    /** The share of an indicator's points (percent) and whether it had no figure for the period. */
    private record Share(BigDecimal percent, boolean missing) {
    }

    private static Share share(Connection c, String id, int year, ResultSet n, int period, BigDecimal cap,
                               BigDecimal late, List<BigDecimal> shares) throws SQLException {
        String type = n.getString(3);
        String vActual = one(c, "SELECT actual FROM verified_figure WHERE node_id = ?", id);
        String vLevel = one(c, "SELECT level FROM verified_figure WHERE node_id = ?", id);
        String vDone = one(c, "SELECT done_on FROM verified_figure WHERE node_id = ?", id);
        String vNotDone = one(c, "SELECT not_done FROM verified_figure WHERE node_id = ?", id);
        boolean verified = vNotDone != null;
        if ("QUANTITATIVE".equals(type)) {
            String actual = verified ? vActual : one(c, "SELECT actual_value FROM progress WHERE node_id = ? AND "
                    + "quarter = ?", id, period);
            if (actual == null || n.getString(4) == null) {
                return new Share(BigDecimal.ZERO, actual == null);
            }
            BigDecimal pct = completion(n.getString(5), new BigDecimal(n.getString(4)), decimal(n.getString(6)),
                    new BigDecimal(actual));
            return new Share(pct.min(cap), false);
        }
        if ("QUALITATIVE".equals(type)) {
            String level = verified ? vLevel : one(c, "SELECT level FROM self_assessment WHERE node_id = ?", id);
            if (level == null || level.isBlank()) {
                return new Share(BigDecimal.ZERO, true);
            }
            List<String> levels = new ArrayList<>();
            try {
                new ObjectMapper().readTree(n.getString(7)).forEach(x -> levels.add(x.asText()));
            } catch (java.io.IOException e) {
                throw new SQLException(e);
            }
            int at = levels.indexOf(level.strip());
            if (at < 0) {
                return new Share(BigDecimal.ZERO, false);
            }
            int target = n.getString(8) == null ? 0 : Math.max(0, levels.indexOf(n.getString(8)));
            int below = at - target;
            return new Share(below <= 0 ? HUNDRED : shares.isEmpty() ? BigDecimal.ZERO
                    : shares.get(Math.min(below, shares.size()) - 1), false);
        }
        // Milestone, or points without a measure: done by the quarter of its date, less per quarter late.
        Integer doneIn;
        if (verified) {
            doneIn = "1".equals(vNotDone) ? Integer.valueOf(0) : quarterOf(LocalDate.parse(vDone), year);
        } else {
            long rows = count(c, "SELECT count(*) FROM progress WHERE node_id = ? AND quarter <= ?", id, period);
            if (rows == 0) {
                return new Share(BigDecimal.ZERO, true);
            }
            String first = one(c, "SELECT min(quarter) FROM progress WHERE node_id = ? AND quarter <= ? AND status = "
                    + "'DONE'", id, period);
            doneIn = first == null ? 0 : Integer.parseInt(first);
        }
        if (doneIn == 0) {
            return new Share(BigDecimal.ZERO, false);
        }
        String dueText = n.getString(9) != null ? n.getString(9) : n.getString(10);
        int due = dueText == null ? 4 : Math.min(4, Math.max(1, quarterOf(LocalDate.parse(dueText), year)));
        int quartersLate = Math.max(0, doneIn - due);
        return new Share(HUNDRED.subtract(late.multiply(BigDecimal.valueOf(quartersLate))).max(BigDecimal.ZERO), false);
    }

    /** As the 方案 sheet states it: ≥ actual ÷ target; ≤ met at or below, else target ÷ actual; = and range. */
    private static BigDecimal completion(String direction, BigDecimal t, BigDecimal high, BigDecimal a) {
        BigDecimal pct;
        switch (direction == null ? "HIGHER_BETTER" : direction) {
            case "LOWER_BETTER" -> pct = a.compareTo(t) <= 0 ? HUNDRED : t.signum() <= 0 ? BigDecimal.ZERO
                    : t.multiply(HUNDRED).divide(a, MC);
            case "AT_TARGET" -> {
                if (high != null) {
                    BigDecimal lo = t.min(high);
                    BigDecimal hi = t.max(high);
                    pct = a.compareTo(lo) >= 0 && a.compareTo(hi) <= 0 ? HUNDRED
                            : a.compareTo(lo) < 0 ? (lo.signum() <= 0 ? (a.compareTo(lo) >= 0 ? HUNDRED : BigDecimal.ZERO)
                            : a.multiply(HUNDRED).divide(lo, MC))
                            : (hi.signum() <= 0 ? BigDecimal.ZERO : hi.multiply(HUNDRED).divide(a, MC));
                } else {
                    pct = t.signum() == 0 ? (a.signum() == 0 ? HUNDRED : BigDecimal.ZERO)
                            : HUNDRED.subtract(a.subtract(t).abs().multiply(HUNDRED).divide(t.abs(), MC));
                }
            }
            default -> pct = t.signum() <= 0 ? (a.compareTo(t) >= 0 ? HUNDRED : BigDecimal.ZERO)
                    : a.multiply(HUNDRED).divide(t, MC);
        }
        return pct.max(BigDecimal.ZERO).setScale(1, RoundingMode.HALF_UP);
    }

    private static int quarterOf(LocalDate d, int year) {
        return (d.getYear() - year) * 4 + (d.getMonthValue() - 1) / 3 + 1;
    }

    /** Ranks per group among the ranked, highest total first; equal totals share a rank (1, 2, 2, 4). */
    private static Map<String, Expected> rank(Map<String, Expected> units) {
        Map<String, Expected> out = new LinkedHashMap<>(units);
        Map<String, List<Expected>> byGroup = new HashMap<>();
        units.values().stream().filter(e -> e.rank() != null)
                .forEach(e -> byGroup.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e));
        for (List<Expected> members : byGroup.values()) {
            members.sort(Comparator.comparing(Expected::total).reversed());
            for (Expected e : members) {
                int better = (int) members.stream().filter(o -> o.total().compareTo(e.total()) > 0).count();
                out.put(e.code(), new Expected(e.code(), e.name(), e.group(), e.indicators(), e.appraisal(),
                        e.deductions(), e.bonus(), e.total(), better + 1, e.standing(), e.points()));
            }
        }
        return out;
    }

    private static String one(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long count(Connection c, String sql, Object... args) throws SQLException {
        String v = one(c, sql, args);
        return v == null ? 0 : Long.parseLong(v);
    }

    private static BigDecimal sum(Connection c, String sql, Object... args) throws SQLException {
        BigDecimal s = BigDecimal.ZERO;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    s = s.add(new BigDecimal(rs.getString(1)));
                }
            }
        }
        return s;
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    private static BigDecimal dec(JsonNode scheme, String field, String fallback) {
        JsonNode v = scheme.get(field);
        return v == null || v.isNull() ? new BigDecimal(fallback) : new BigDecimal(v.asText());
    }
}
