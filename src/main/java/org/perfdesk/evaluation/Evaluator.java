package org.perfdesk.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.perfdesk.domain.Appraisal;
import org.perfdesk.domain.Bonus;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.Ids;
import org.perfdesk.domain.IndicatorRule;
import org.perfdesk.domain.IndicatorScore;
import org.perfdesk.domain.Inspection;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.SelfAssessment;
import org.perfdesk.domain.SpotCheck;
import org.perfdesk.domain.StandingDecision;
import org.perfdesk.domain.ResultApproval;
import org.perfdesk.domain.VerifiedFigure;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.AuditLog;
import org.perfdesk.store.ResultFreezeRepository;
import org.perfdesk.store.Workspace;

/**
 * The office's evaluation on its workspace: every change (scheme, score, spot check, appraisal,
 * inspection, bonus, freeze) is checked, saved and written to the audit log in one transaction;
 * the year's material is gathered and evaluated; frozen results can be compared with a fresh run.
 */
public final class Evaluator {
    private final Workspace ws;

    public Evaluator(Workspace ws) {
        this.ws = ws;
    }

    // ---- scheme ----------------------------------------------------------------------------

    /** The year's scheme: the newest saved version, or the defaults saved as version 1. */
    public EvaluationScheme scheme(int year) {
        Optional<EvaluationScheme> saved = ws.evaluation().schemes().latest(year);
        if (saved.isPresent()) {
            return saved.get();
        }
        EvaluationScheme defaults = EvaluationScheme.defaults(year);
        ws.database().write(c -> {
            ws.evaluation().schemes().save(defaults);
            ws.audit().append("scheme", year + " v1", null, Canonical.scheme(defaults), "默认评估方案",
                    AuditLog.facts("op", "default", "year", year, "version", 1));
            return null;
        });
        return defaults;
    }

    /**
     * The scheme {@link #scheme} would answer, without saving the defaults when the year has none yet:
     * for reading a file that may be refused (an appraisal form checked before anything is saved).
     */
    public EvaluationScheme schemeToRead(int year) {
        return ws.evaluation().schemes().latest(year).orElseGet(() -> EvaluationScheme.defaults(year));
    }

    /**
     * Saves a changed scheme. Values that cannot work are refused with every problem named; after
     * results were frozen under the current version the change becomes the next version, so the
     * frozen results keep the scheme they were computed with.
     */
    public EvaluationScheme saveScheme(EvaluationScheme changed, String reason) {
        List<EvaluationScheme.Problem> problems = changed.problems();
        if (!problems.isEmpty()) {
            throw new UserError("error.scheme.invalid", problems.stream().map(Evaluator::describe)
                    .collect(Collectors.joining("；")));
        }
        EvaluationScheme current = scheme(changed.year());
        boolean frozen = ws.evaluation().freezes().all(changed.year()).stream()
                .anyMatch(f -> f.schemeVersion() == current.version());
        EvaluationScheme toSave = changed.withVersion(frozen ? current.version() + 1 : current.version());
        ws.database().write(c -> {
            ws.evaluation().schemes().save(toSave);
            ws.audit().append("scheme", toSave.year() + " v" + toSave.version(), Canonical.scheme(current),
                    Canonical.scheme(toSave), reason, AuditLog.facts("op", "change", "year", toSave.year(),
                            "version", toSave.version(), "fromVersion", current.version()));
            return null;
        });
        return toSave;
    }

    /** A scheme problem in words, with the field it names in words too. */
    public static String describe(EvaluationScheme.Problem p) {
        Object[] args = java.util.Arrays.stream(p.args())
                .map(a -> a instanceof String f && f.startsWith("scheme.field.") ? org.perfdesk.domain.Texts.t(f) : a)
                .toArray();
        return org.perfdesk.domain.Texts.t(p.key(), args);
    }

    // ---- indicator scores and spot checks --------------------------------------------------

    /**
     * The office's score of an indicator, with its reason (required: the score must be explainable).
     * At most the indicator's points times the scheme's completion cap.
     */
    public void setScore(String nodeId, BigDecimal points, String reason) {
        GoalNode n = ws.goals().find(nodeId).orElseThrow(() -> new UserError("error.evaluation.noNode", nodeId));
        if (reason == null || reason.isBlank()) {
            throw new UserError("error.evaluation.needReason");
        }
        BigDecimal max = n.weight() == null ? BigDecimal.ZERO : n.weight().multiply(scheme(n.year()).quantitativeCap())
                .divide(IndicatorRule.HUNDRED, MathContext.DECIMAL64);
        if (points == null || points.signum() < 0 || points.compareTo(max) > 0) {
            throw new UserError("error.evaluation.scoreRange", Numbers.plain(points), n.title(), Numbers.plain(max));
        }
        Optional<IndicatorScore> before = ws.evaluation().scores().find(nodeId);
        ws.database().write(c -> {
            ws.evaluation().scores().save(new IndicatorScore(nodeId, points, reason.strip()));
            String was = before.map(s -> Numbers.plain(s.points())).orElse(null);
            ws.audit().append("score", n.unitCode() + "/" + n.title(), was, Numbers.plain(points), reason.strip(),
                    AuditLog.facts("op", was == null ? "set" : "change", "unit", n.unitCode(), "year", n.year(),
                            "node", n.id(), "title", n.title(), "before", was, "after", Numbers.plain(points)));
            return null;
        });
    }

    /** Takes the office's score back; the computed score applies again. */
    public void clearScore(String nodeId, String reason) {
        Optional<IndicatorScore> before = ws.evaluation().scores().find(nodeId);
        if (before.isEmpty()) {
            return;
        }
        GoalNode n = ws.goals().find(nodeId).orElseThrow();
        ws.database().write(c -> {
            ws.evaluation().scores().delete(nodeId);
            ws.audit().append("score", n.unitCode() + "/" + n.title(), Numbers.plain(before.get().points()), null,
                    reason, AuditLog.facts("op", "clear", "unit", n.unitCode(), "year", n.year(), "node", n.id(),
                            "title", n.title(), "before", Numbers.plain(before.get().points())));
            return null;
        });
    }

    /** Draws the unit's spot check with a fresh seed (recorded), or the given one to repeat a draw. */
    public SpotCheck drawSpotCheck(String unitCode, int year, Long seed) {
        EvaluationScheme s = scheme(year);
        List<String> ids = IndicatorRule.scored(ws.goals().loadTree(unitCode, year)).stream()
                .map(GoalNode::id).toList();
        long used = seed != null ? seed : new java.security.SecureRandom().nextLong();
        SpotCheck drawn = new SpotCheck(unitCode, year, used, s.spotCheckShare(),
                SpotCheckDraw.draw(ids, s.spotCheckShare(), used));
        ws.database().write(c -> {
            ws.evaluation().spotChecks().save(drawn);
            ws.audit().append("spotCheck", unitCode + " " + year, null,
                    "seed=" + used + " share=" + Numbers.plain(s.spotCheckShare()) + " drawn=" + drawn.drawn().size(),
                    "", AuditLog.facts("op", seed != null ? "repeat" : "draw", "unit", unitCode, "year", year,
                            "drawn", drawn.drawn().size(), "of", ids.size(), "share", Numbers.plain(s.spotCheckShare()),
                            "seed", used));
            return null;
        });
        return drawn;
    }

    // ---- appraisal, inspections, bonuses ---------------------------------------------------

    /**
     * Saves appraisal rounds (all or none), replacing rounds already there; the audit log records
     * each round before and after. A round that cannot be scored is refused, and nothing is saved:
     * a sample size of at least 1, counts that are not negative, only the scheme's answers, and
     * counts that add up to the sample size.
     */
    public void saveAppraisals(List<Appraisal> rounds, String source) {
        for (Appraisal a : rounds) {
            EvaluationScheme s = scheme(a.year());
            int answered = AppraisalScore.answered(a.counts());
            if (a.round() < 1 || a.round() > EvaluationScheme.MAX_ROUNDS || a.sampleSize() < 1 || a.counts().values().stream().anyMatch(n -> n == null || n < 0)
                    || !AppraisalScore.unknownAnswers(a, s).isEmpty() || answered != a.sampleSize()) {
                throw new UserError("error.appraisal.invalid", a.unitCode(), String.valueOf(a.round()),
                        String.valueOf(a.sampleSize()), String.valueOf(answered));
            }
        }
        Map<String, Appraisal> before = new HashMap<>();
        rounds.stream().map(Appraisal::year).distinct().forEach(y -> ws.evaluation().appraisals().findByYear(y)
                .forEach(a -> before.put(a.unitCode() + " " + a.year() + " round " + a.round(), a)));
        ws.database().write(c -> {
            ws.evaluation().appraisals().saveAll(rounds);
            for (Appraisal a : rounds) {
                String what = a.unitCode() + " " + a.year() + " round " + a.round();
                Appraisal was = before.get(what);
                EvaluationScheme s = scheme(a.year());
                ws.audit().append("appraisal", what, was == null ? null : Canonical.appraisal(was),
                        Canonical.appraisal(a), source, AuditLog.facts("op", was == null ? "add" : "change",
                                "unit", a.unitCode(), "year", a.year(), "round", a.round(), "sample", a.sampleSize(),
                                "score", AppraisalScore.of(a, s).toPlainString(),
                                "beforeSample", was == null ? null : was.sampleSize(),
                                "beforeScore", was == null ? null : AppraisalScore.of(was, s).toPlainString(),
                                "file", fileOf(source)));
            }
            return null;
        });
    }

    private static java.util.Map<String, String> inspectionFacts(String op, Inspection i, String beforeDeduction) {
        return AuditLog.facts("op", op, "unit", i.unitCode(), "year", i.year(), "date", i.date(), "kind", i.kind(),
                "deduction", Numbers.plain(i.deduction()), "beforeDeduction", beforeDeduction, "finding", i.finding());
    }

    /** The form's file name when the rounds came from one ("公众评议导入：x.xlsx"), for the sentence. */
    private static String fileOf(String source) {
        return source != null && source.startsWith(AuditFacts.APPRAISAL_IMPORT)
                ? source.substring(AuditFacts.APPRAISAL_IMPORT.length()) : null;
    }

    public void saveInspection(Inspection i, String reason) {
        if (i.deduction() == null || i.deduction().signum() < 0) {
            throw new UserError("error.evaluation.deduction", Numbers.plain(i.deduction()));
        }
        if (i.finding() == null || i.finding().isBlank()) {
            throw new UserError("error.evaluation.needFinding");
        }
        Optional<Inspection> before = ws.evaluation().inspections().findByYear(i.year()).stream()
                .filter(x -> x.id().equals(i.id())).findFirst();
        ws.database().write(c -> {
            ws.evaluation().inspections().save(i);
            ws.audit().append("inspection", i.unitCode() + " " + i.date(),
                    before.map(Canonical::inspection).orElse(null), Canonical.inspection(i), reason,
                    inspectionFacts(before.isPresent() ? "change" : "add", i,
                            before.map(b -> Numbers.plain(b.deduction())).orElse(null)));
            return null;
        });
    }

    public void deleteInspection(Inspection i, String reason) {
        ws.database().write(c -> {
            ws.evaluation().inspections().delete(i.id());
            ws.audit().append("inspection", i.unitCode() + " " + i.date(), Canonical.inspection(i), null, reason,
                    inspectionFacts("delete", i, null));
            return null;
        });
    }

    public void saveBonus(Bonus b) {
        if (b.points() == null || b.points().signum() < 0 || b.reason() == null || b.reason().isBlank()) {
            throw new UserError("error.evaluation.bonus");
        }
        ws.database().write(c -> {
            ws.evaluation().inspections().save(b);
            ws.audit().append("bonus", b.unitCode() + " " + b.year(), null, Numbers.plain(b.points()), b.reason(),
                    AuditLog.facts("op", "add", "unit", b.unitCode(), "year", b.year(), "points", Numbers.plain(b.points()),
                            "why", b.reason()));
            return null;
        });
    }

    public void deleteBonus(Bonus b, String reason) {
        ws.database().write(c -> {
            ws.evaluation().inspections().deleteBonus(b.id());
            ws.audit().append("bonus", b.unitCode() + " " + b.year(), Numbers.plain(b.points()) + " " + b.reason(),
                    null, reason, AuditLog.facts("op", "delete", "unit", b.unitCode(), "year", b.year(),
                            "points", Numbers.plain(b.points()), "why", b.reason()));
            return null;
        });
    }

    // ---- the year's material and results ---------------------------------------------------

    /**
     * Moves a unit to another ranking group (or out of ranking, with null); it is ranked against its
     * new group from then on. Audited, with the reason.
     */
    public OrgUnit setGroup(String unitCode, RankingGroup group, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new UserError("error.evaluation.needReason");
        }
        OrgUnit u = ws.orgUnits().find(unitCode).orElseThrow(() -> new UserError("error.evaluation.noUnit", unitCode));
        OrgUnit moved = new OrgUnit(u.code(), u.name(), u.kind(), u.parentCode(), group, u.keyId());
        ws.database().write(c -> {
            ws.orgUnits().save(moved);
            ws.audit().append("group", u.code() + " " + u.name(), String.valueOf(u.group()), String.valueOf(group),
                    reason.strip(), AuditLog.facts("unit", u.code(), "before", u.group() == null ? "" : u.group().name(),
                            "after", group == null ? "" : group.name()));
            return null;
        });
        return moved;
    }

    /** The units evaluated in the year: those in a ranking group, and any other that sent a tree. */
    public List<OrgUnit> units(int year) {
        return units(code -> ws.goals().count(code, year) > 0);
    }

    private List<OrgUnit> units(java.util.function.Predicate<String> sentTree) {
        return units(evaluable(), sentTree);
    }

    private static List<OrgUnit> units(List<OrgUnit> evaluable, java.util.function.Predicate<String> sentTree) {
        return evaluable.stream().filter(u -> u.group() != null || sentTree.test(u.code())).toList();
    }

    /** The units that may be evaluated: neither internal nor the office itself. */
    private List<OrgUnit> evaluable() {
        // The office's own code read once: asked per unit, it was two queries for each of a province's 6,000
        // units, divisions and persons.
        String self = ws.self().code();
        return ws.orgUnits().findAll().stream()
                .filter(u -> !u.kind().isInternal() && !u.code().equals(self))
                .toList();
    }

    /**
     * Every unit evaluated in the year (see {@link #units}), with its material. The year's nodes are read in one
     * query for all units, each with its progress and self-assessment (for a node with points: the others are
     * never scored), then the office's scores and verified figures, each in one query; only with what the
     * scoring rule and the input hashes read: a node's description, owner and quality requirement and the texts
     * of progress and self-assessment are left out (null). A province's year is a few hundred thousand rows; a
     * query per unit and kind, each decoding every text, took most of the evaluation's time. One unit's
     * material with its texts (and every node's progress): {@link #material(OrgUnit, int)}.
     */
    public List<Evaluation.UnitMaterial> material(int year) {
        return material(year, false, m -> m);
    }

    /**
     * As {@link #material(int)}, each tree holding only the nodes its unit's score can depend on: the nodes with
     * points and the nodes above them (see {@link org.perfdesk.store.GoalNodeRepository#forEachScoringNodeOfYearWithFigures}),
     * and the office's scores of those; {@link Evaluation#evaluate} gives the same results from it as from the
     * whole trees, with a quarter of the rows read. For the results alone: whatever looks at a tree's other nodes
     * reads {@link #material(int)}.
     */
    public List<Evaluation.UnitMaterial> scoringMaterial(int year) {
        return material(year, true, m -> m);
    }

    /**
     * Each unit's material made into {@code then}'s answer, on the other core as soon as the reading has passed the
     * unit (so the evaluation scores the units read while it reads the next): the rest of the year's material is
     * read first, and {@code then} must be pure. In the order of {@link #units}.
     */
    private <T> List<T> material(int year, boolean scoringOnly, java.util.function.Function<Evaluation.UnitMaterial, T> then) {
        Map<String, IndicatorScore> scores = ws.evaluation().scores().findEvery();
        Map<String, Map<String, VerifiedFigure>> verified = new HashMap<>();
        ws.evaluation().verified().findByYear(year).forEach(f -> verified
                .computeIfAbsent(f.unitCode(), k -> new HashMap<>()).put(f.nodeId(), f));
        Map<String, List<Appraisal>> appraisals = ws.evaluation().appraisals().findByYear(year).stream()
                .collect(Collectors.groupingBy(Appraisal::unitCode));
        Map<String, List<Inspection>> inspections = ws.evaluation().inspections().findByYear(year).stream()
                .collect(Collectors.groupingBy(Inspection::unitCode));
        Map<String, List<Bonus>> bonuses = ws.evaluation().inspections().findBonuses(year).stream()
                .collect(Collectors.groupingBy(Bonus::unitCode));
        Map<String, StandingDecision> decisions = ws.evaluation().standings().findByYear(year);
        List<OrgUnit> evaluable = evaluable();
        Map<String, OrgUnit> byCode = new HashMap<>();
        evaluable.forEach(u -> byCode.put(u.code(), u));
        // Read only from here on (by the other core too): each map is complete before the first node is read.
        UnitAssembly<T> assembly = new UnitAssembly<>((code, read) -> {
            OrgUnit u = byCode.get(code);
            if (u == null) {
                return null;
            }
            Map<String, IndicatorScore> office = new HashMap<>();
            if (!scores.isEmpty()) {
                for (GoalNode n : read.nodes()) {
                    IndicatorScore score = scores.get(n.id());
                    if (score != null) {
                        office.put(n.id(), score);
                    }
                }
            }
            return then.apply(new Evaluation.UnitMaterial(u, read.tree(), read.progress(), read.self(), office,
                    verified.getOrDefault(code, Map.of()), appraisals.getOrDefault(code, List.of()),
                    inspections.getOrDefault(code, List.of()), bonuses.getOrDefault(code, List.of()),
                    decisions.get(code)));
        });
        // Each node comes with its own figures, and a unit's nodes come together (a package's nodes are stored
        // together): each unit is put together on the other core once the reading has passed it.
        if (scoringOnly) {
            ws.goals().forEachScoringNodeOfYearWithFigures(year, assembly::add);
        } else {
            ws.goals().forEachLiveOfYearWithFigures(year, assembly::add);
        }
        List<T> out = new ArrayList<>();
        // A unit whose nodes all lack points sent a tree all the same (it is listed, 未报送): asked of the few
        // units outside the ranking groups that the scoring read did not meet.
        for (OrgUnit u : units(evaluable, code -> assembly.has(code) || scoringOnly && ws.goals().count(code, year) > 0)) {
            out.add(assembly.unit(u.code()));
        }
        return out;
    }

    /** One unit's material for the year (its tree, progress, self-assessment and the office's scores). */
    public Evaluation.UnitMaterial material(OrgUnit u, int year) {
        return materialOf(u, year, ws.evaluation().appraisals().findByUnit(u.code(), year),
                ws.evaluation().inspections().findByYear(year).stream().filter(i -> i.unitCode().equals(u.code()))
                        .toList(),
                ws.evaluation().inspections().findBonuses(year).stream().filter(b -> b.unitCode().equals(u.code()))
                        .toList(), ws.evaluation().standings().findByYear(year).get(u.code()));
    }

    private Evaluation.UnitMaterial materialOf(OrgUnit u, int year, List<Appraisal> appraisals,
                                               List<Inspection> inspections, List<Bonus> bonuses,
                                               StandingDecision decision) {
        GoalTree tree = ws.goals().loadTree(u.code(), year);
        Map<String, List<Progress>> progress = new HashMap<>();
        for (Progress p : ws.progress().findByUnit(u.code(), year)) {
            progress.computeIfAbsent(p.nodeId(), k -> new ArrayList<>()).add(p);
        }
        Map<String, SelfAssessment> self = new HashMap<>();
        ws.selfAssessments().findByUnit(u.code(), year).forEach(a -> self.put(a.nodeId(), a));
        return new Evaluation.UnitMaterial(u, tree, progress, self, ws.evaluation().scores().findByUnit(u.code(), year),
                ws.evaluation().verified().findByUnit(u.code(), year), appraisals, inspections, bonuses, decision);
    }

    /** The assessment sheet of one unit: self beside office score per indicator, spot-check marks. */
    public List<AssessmentSheet.Row> sheet(OrgUnit u, int year) {
        return AssessmentSheet.of(material(u, year), scheme(year), ws.evaluation().spotChecks().find(u.code(), year));
    }

    /**
     * Repeats the unit's recorded spot check from its seed on the indicators as they are now: the same
     * indicators come out unless the tree changed since (then the draw differs, and that is the answer).
     */
    public Optional<Boolean> spotCheckRepeats(String unitCode, int year) {
        return ws.evaluation().spotChecks().find(unitCode, year).map(s -> SpotCheckDraw.draw(
                IndicatorRule.scored(ws.goals().loadTree(unitCode, year)).stream().map(GoalNode::id).toList(),
                s.share(), s.seed()).equals(s.drawn()));
    }

    public List<Evaluation.UnitResult> evaluate(int year) {
        // The same as Evaluation.evaluate(scheme, scoringMaterial(year)), each unit scored as soon as it is read.
        EvaluationScheme scheme = scheme(year);
        return Ranking.rank(material(year, true, m -> Evaluation.score(scheme, m)));
    }

    // ---- verified figures, decisions on incomplete units ---------------------------------------

    /**
     * Saves figures an assessing body verified (all or none), each replacing the indicator's earlier
     * verified figure; the audit log records each before and after (structured) with the source.
     */
    public void saveVerifiedFigures(List<VerifiedFigure> figures, String source) {
        Map<String, VerifiedFigure> before = new HashMap<>();
        figures.stream().map(VerifiedFigure::year).distinct().forEach(y -> ws.evaluation().verified().findByYear(y)
                .forEach(f -> before.put(f.nodeId(), f)));
        Map<String, String> titles = new HashMap<>();
        for (VerifiedFigure f : figures) {
            titles.put(f.nodeId(), ws.goals().find(f.nodeId()).map(GoalNode::title)
                    .orElseThrow(() -> new UserError("error.evaluation.noNode", f.nodeId())));
        }
        ws.database().write(c -> {
            ws.evaluation().verified().saveAll(figures);
            for (VerifiedFigure f : figures) {
                VerifiedFigure was = before.get(f.nodeId());
                ws.audit().append("verified", f.unitCode() + "/" + titles.get(f.nodeId()),
                        was == null ? null : Canonical.verified(was), Canonical.verified(f), source,
                        AuditLog.facts("unit", f.unitCode(), "year", f.year(), "title", titles.get(f.nodeId()),
                                "body", f.body(), "before", was == null ? null : figureText(was),
                                "after", figureText(f)));
            }
            return null;
        });
    }

    /** A verified figure as the audit log's sentence says it: the value, level, date done or "not done". */
    private static String figureText(VerifiedFigure f) {
        if (f.notDone()) {
            return org.perfdesk.domain.Texts.t("audit.say.verified.notDone");
        }
        if (f.doneOn() != null) {
            return f.doneOn().toString();
        }
        return f.level() != null ? f.level() : Numbers.plain(f.actual());
    }

    /**
     * The office's decision on a unit 未报送 or 材料不全: rank it with what it has, or list it without a
     * rank. A reason is required; the audit log records it. Null takes the decision back.
     */
    public void decideStanding(String unitCode, int year, StandingDecision.Decision decision, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new UserError("error.evaluation.needReason");
        }
        OrgUnit u = ws.orgUnits().find(unitCode).orElseThrow(() -> new UserError("error.evaluation.noUnit", unitCode));
        StandingDecision was = ws.evaluation().standings().findByYear(year).get(unitCode);
        StandingDecision now = decision == null ? null
                : new StandingDecision(unitCode, year, decision, reason.strip(), Instant.now());
        ws.database().write(c -> {
            if (now == null) {
                ws.evaluation().standings().delete(unitCode, year);
            } else {
                ws.evaluation().standings().save(now);
            }
            ws.audit().append("standing", u.code() + " " + u.name() + " " + year,
                    was == null ? null : Canonical.standing(was), now == null ? null : Canonical.standing(now),
                    reason.strip(), AuditLog.facts("unit", u.code(), "year", year,
                            "op", decision == null ? "clear" : decision.name()));
            return null;
        });
    }

    // ---- 审定 and freezing -----------------------------------------------------------------

    /**
     * Why the year's results cannot be approved or frozen yet, in words: units 未报送 or 材料不全 that
     * the office has not decided on, each with what is missing; empty when nothing stops them.
     */
    public List<String> blockers(int year) {
        List<String> out = new ArrayList<>();
        List<Evaluation.UnitResult> results = evaluate(year);
        if (results.stream().allMatch(r -> r.standing() == Evaluation.Standing.NOT_SUBMITTED)) {
            out.add(org.perfdesk.domain.Texts.t("error.results.nothing", String.valueOf(year)));
            return out;
        }
        for (Evaluation.UnitResult r : results) {
            if (r.undecided()) {
                out.add(org.perfdesk.domain.Texts.t("error.results.blocker", r.unit().name(),
                        org.perfdesk.domain.Texts.t("results.standing." + r.standing().name()), missingText(r)));
            }
        }
        return out;
    }

    /** What a unit lacks, in words: "12 项指标缺四季度数据（…）；缺第 2 轮公众评议". */
    public static String missingText(Evaluation.UnitResult r) {
        if (r.standing() == Evaluation.Standing.NOT_SUBMITTED) {
            return org.perfdesk.domain.Texts.t("results.missing.tree");
        }
        return String.join("；", r.missing().stream().map(m -> org.perfdesk.domain.Texts.t(
                "results.missing." + m.material().name(), m.count(), m.of(), String.join("、", m.which()))).toList());
    }

    /**
     * Records the leading group's approval (领导小组审定) of the results as they stand: the date, the
     * meeting or document, who decided. Refused while a unit 未报送 or 材料不全 waits for the office's
     * decision, since the results would still change. Audited.
     */
    public ResultApproval approve(int year, java.time.LocalDate approvedOn, String reference, String approvedBy,
                                  String note) {
        if (approvedOn == null || reference == null || reference.isBlank() || approvedBy == null
                || approvedBy.isBlank()) {
            throw new UserError("error.results.approvalIncomplete");
        }
        List<String> blockers = blockers(year);
        if (!blockers.isEmpty()) {
            throw new UserError("error.results.cannotApprove", String.valueOf(year), String.join("\n", blockers));
        }
        EvaluationScheme s = scheme(year);
        List<Evaluation.UnitMaterial> material = material(year);
        InputHashes hashes = InputHashes.of(s, material);
        ResultApproval a = new ResultApproval(Ids.newId(), year, approvedOn,
                reference.strip(), approvedBy.strip(), note == null ? "" : note.strip(), hashes.overall(),
                Canonical.results(Evaluation.evaluate(s, material)), Instant.now());
        ws.database().write(c -> {
            ws.evaluation().approvals().save(a);
            ws.audit().append("approval", year + " v" + s.version(), null, Canonical.approval(a), a.reference(),
                    AuditLog.facts("year", year, "date", a.approvedOn(), "reference", a.reference(),
                            "by", a.approvedBy(), "note", a.note()));
            return null;
        });
        return a;
    }

    /** The latest approval of the year, if it still holds for the results as they are now. */
    public Optional<ResultApproval> currentApproval(int year) {
        return ws.evaluation().approvals().latest(year)
                .filter(a -> a.inputsHash().equals(InputHashes.of(scheme(year), material(year)).overall()));
    }

    /**
     * Freezes the year's results: what they are and the hash of every input behind them, resting on the
     * approval (审定) of exactly these results. Refused without a current approval or while a unit 未报送
     * or 材料不全 waits for the office's decision, with a message that says what is missing.
     */
    public ResultFreezeRepository.Freeze freeze(int year, String reason) {
        List<String> blockers = blockers(year);
        if (!blockers.isEmpty()) {
            throw new UserError("error.results.cannotFreeze", String.valueOf(year), String.join("\n", blockers));
        }
        EvaluationScheme s = scheme(year);
        List<Evaluation.UnitMaterial> material = material(year);
        List<Evaluation.UnitResult> results = Evaluation.evaluate(s, material);
        InputHashes hashes = InputHashes.of(s, material);
        Optional<ResultApproval> latest = ws.evaluation().approvals().latest(year);
        if (latest.isEmpty()) {
            throw new UserError("error.results.notApproved", String.valueOf(year));
        }
        if (!latest.get().inputsHash().equals(hashes.overall())) {
            throw new UserError("error.results.approvalStale", String.valueOf(year),
                    latest.get().approvedOn().toString(), latest.get().reference());
        }
        ResultApproval approval = latest.get();
        ResultFreezeRepository.Freeze f = new ResultFreezeRepository.Freeze(year, Instant.now().toString(), s.version(),
                hashes.overall(), hashes.toJson(), Canonical.results(results), approval.id());
        ws.database().write(c -> {
            ws.evaluation().freezes().save(f);
            ws.audit().append("freeze", year + " v" + s.version(), null, hashes.overall(),
                    reason == null || reason.isBlank() ? approval.reference() : reason,
                    AuditLog.facts("year", year, "version", s.version(), "inputs", hashes.overall(),
                            "approval", approval.reference()));
            return null;
        });
        return f;
    }

    /** What changed since the last freeze: the inputs whose hash differs, or empty when none did. */
    public Optional<InputHashes.Comparison> compareWithFreeze(int year) {
        return ws.evaluation().freezes().latest(year).map(f -> InputHashes.compare(f,
                InputHashes.of(scheme(year), material(year))));
    }

    /** The same, with the inputs' hashes as they are now given (made only when asked for: there is a freeze). */
    public Optional<InputHashes.Comparison> compareWithFreeze(int year, java.util.function.Supplier<InputHashes> now) {
        return ws.evaluation().freezes().latest(year).map(f -> InputHashes.compare(f, now.get()));
    }

    public AuditLog audit() {
        return ws.audit();
    }
}
