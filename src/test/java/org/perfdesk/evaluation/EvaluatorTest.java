package org.perfdesk.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.IndicatorRule;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.Inspection;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.SpotCheck;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.Workspace;

/** The office evaluates the demo year: ranks in two groups, scores with reasons, freezes, audits. */
class EvaluatorTest {
    @TempDir
    static Path demoDir;
    private Workspace office;
    private Evaluator evaluator;

    @BeforeEach
    void office(@TempDir Path copy) throws Exception {
        // Each test works on its own copy of the office, with every unit's packages, the appraisal and
        // 省统计局's figures imported.
        office = Workspace.open(DemoOffice.evaluatedCopy(demoDir, copy));
        evaluator = new Evaluator(office);
    }

    @AfterEach
    void close() {
        office.close();
    }

    @Test
    void theDemoYearRanksAllSevenUnitsInTwoGroups() {
        List<Evaluation.UnitResult> results = evaluator.evaluate(2008);

        assertThat(results).hasSize(7);
        assertThat(results).filteredOn(r -> r.group() == RankingGroup.CITY_GOVERNMENTS)
                .extracting(r -> r.unit().code()).containsExactlyInAnyOrder("XM", "NP");
        assertThat(results).filteredOn(r -> r.group() == RankingGroup.PROVINCIAL_DEPARTMENTS).hasSize(5);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.rank()).isNotNull();
            assertThat(r.indicators()).isNotEmpty();
            assertThat(r.indicatorScore()).isBetween(BigDecimal.ZERO, new BigDecimal("100"));
        });
        assertThat(results).filteredOn(r -> r.group() == RankingGroup.PROVINCIAL_DEPARTMENTS)
                .extracting(Evaluation.UnitResult::rank).contains(1);
        // Rank 1 has the highest total of its group.
        Evaluation.UnitResult first = results.stream().filter(r -> r.group() == RankingGroup.PROVINCIAL_DEPARTMENTS
                && r.rank() == 1).findFirst().orElseThrow();
        assertThat(results).filteredOn(r -> r.group() == RankingGroup.PROVINCIAL_DEPARTMENTS)
                .allSatisfy(r -> assertThat(r.total()).isLessThanOrEqualTo(first.total()));
        // Nothing evaluated without the default scheme being recorded.
        assertThat(office.evaluation().schemes().latest(2008)).contains(EvaluationScheme.defaults(2008));
    }

    @Test
    void theYearReadInOnePassGivesWhatEachUnitReadAloneGives() {
        // A removed indicator (tombstone, its progress still stored) must drop out of both readings alike.
        Evaluation.UnitMaterial xm = evaluator.material(office.orgUnits().find("XM").orElseThrow(), 2008);
        GoalNode removed = Evaluation.scoredIndicators(xm.tree()).stream()
                .filter(n -> xm.progress().containsKey(n.id())).findFirst().orElseThrow();
        office.goals().delete(removed.id());
        GoalNode scored = Evaluation.scoredIndicators(xm.tree()).stream().filter(n -> !n.id().equals(removed.id()))
                .findFirst().orElseThrow();
        evaluator.setScore(scored.id(), scored.weight(), "现场核查");
        EvaluationScheme scheme = evaluator.scheme(2008);

        List<Evaluation.UnitMaterial> atOnce = evaluator.material(2008);
        List<Evaluation.UnitMaterial> oneByOne = evaluator.units(2008).stream()
                .map(u -> evaluator.material(u, 2008)).toList();

        assertThat(atOnce).extracting(m -> m.unit().code())
                .containsExactlyElementsOf(oneByOne.stream().map(m -> m.unit().code()).toList());
        assertThat(Evaluation.evaluate(scheme, atOnce)).isEqualTo(Evaluation.evaluate(scheme, oneByOne));
        assertThat(InputHashes.of(scheme, atOnce)).isEqualTo(InputHashes.of(scheme, oneByOne));
        assertThat(atOnce).flatExtracting(m -> m.progress().keySet()).doesNotContain(removed.id());
        // The office's scores and verified figures are there too (the demo has the statistics bureau's figures).
        assertThat(atOnce).anySatisfy(m -> assertThat(m.office()).containsKey(scored.id()));
        assertThat(atOnce).anySatisfy(m -> assertThat(m.verified()).isNotEmpty());
    }

    @Test
    void anInspectionDeductionChangesTheTotalAndTheFreezeNamesWhatChanged() {
        approve();
        evaluator.freeze(2008, "2008 年度结果审定");
        assertThat(evaluator.compareWithFreeze(2008)).hasValueSatisfying(c -> assertThat(c.unchanged()).isTrue());
        BigDecimal before = total("NYT");

        evaluator.saveInspection(new Inspection("i1", "NYT", 2008, LocalDate.of(2008, 11, 12),
                Inspection.Kind.UNANNOUNCED, "窗口工作人员上班时间离岗", new BigDecimal("2"), null), "暗访");

        assertThat(total("NYT")).isEqualByComparingTo(before.subtract(new BigDecimal("2")));
        assertThat(evaluator.compareWithFreeze(2008)).hasValueSatisfying(c ->
                assertThat(c.changes()).containsExactly(new InputHashes.Change("NYT", "inspections")));
        assertThat(evaluator.audit().check()).isEmpty();
        assertThat(evaluator.audit().recent(1).get(0).action()).isEqualTo("inspection");
    }

    private BigDecimal total(String code) {
        return evaluator.evaluate(2008).stream().filter(r -> r.unit().code().equals(code)).findFirst().orElseThrow()
                .total();
    }

    @Test
    void theOfficesScoreNeedsAReasonAndAValidRangeAndIsAudited() {
        GoalNode indicator = Evaluation.scoredIndicators(office.goals().loadTree("SLT", 2008)).get(0);
        assertThatThrownBy(() -> evaluator.setScore(indicator.id(), new BigDecimal("1"), " "))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.key()).isEqualTo("error.evaluation.needReason"));
        assertThatThrownBy(() -> evaluator.setScore(indicator.id(), indicator.weight().add(BigDecimal.ONE), "复核"))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.key()).isEqualTo("error.evaluation.scoreRange"));
        int logged = evaluator.audit().all().size();

        evaluator.setScore(indicator.id(), BigDecimal.ONE, "抽查：台账不全");

        Evaluation.UnitResult slt = evaluator.evaluate(2008).stream().filter(r -> r.unit().code().equals("SLT"))
                .findFirst().orElseThrow();
        assertThat(slt.indicators()).filteredOn(l -> l.nodeId().equals(indicator.id())).singleElement()
                .satisfies(l -> {
                    assertThat(l.source()).isEqualTo(IndicatorRule.Source.OFFICE);
                    assertThat(l.points()).isEqualByComparingTo("1");
                });
        assertThat(evaluator.audit().all()).hasSize(logged + 1);
        assertThat(evaluator.audit().recent(1).get(0).reason()).isEqualTo("抽查：台账不全");
    }

    @Test
    void aSpotCheckDrawIsRepeatableFromItsSeed() {
        SpotCheck first = evaluator.drawSpotCheck("SLT", 2008, null);
        SpotCheck again = evaluator.drawSpotCheck("SLT", 2008, first.seed());
        assertThat(again.drawn()).isEqualTo(first.drawn());
        int indicators = Evaluation.scoredIndicators(office.goals().loadTree("SLT", 2008)).size();
        // 30 % of the indicators, rounded up.
        assertThat(first.drawn()).hasSize((int) Math.ceil(indicators * 0.3)).doesNotHaveDuplicates();
        assertThat(office.evaluation().spotChecks().find("SLT", 2008)).contains(again);
        assertThat(evaluator.spotCheckRepeats("SLT", 2008)).contains(true);
        // The sheet marks exactly the drawn indicators.
        var slt = office.orgUnits().find("SLT").orElseThrow();
        assertThat(evaluator.sheet(slt, 2008).stream().filter(AssessmentSheet.Row::spotChecked)
                .map(r -> r.node().id()).toList()).containsExactlyInAnyOrderElementsOf(first.drawn());
        // A tree changed since the draw no longer gives the same draw from the seed.
        GoalNode removed = office.goals().findAll("SLT", 2008).stream()
                .filter(n -> n.id().equals(first.drawn().get(0))).findFirst().orElseThrow();
        office.goals().save(new GoalNode(removed.id(), removed.unitCode(), removed.year(), removed.parentId(),
                removed.position(), removed.kind(), removed.title(), removed.description(), removed.ownerCode(),
                removed.qualityRequirement(), removed.deadline(), removed.weight(), removed.measure(),
                removed.originId(), removed.revision() + 1, true));
        assertThat(evaluator.spotCheckRepeats("SLT", 2008)).contains(false);
        assertThat(evaluator.spotCheckRepeats("NP", 2008)).isEmpty();
    }

    @Test
    void aSchemeChangeAfterAFreezeIsANewVersionAndBadValuesAreRefused() {
        EvaluationScheme v1 = evaluator.scheme(2008);
        approve();
        evaluator.freeze(2008, "审定");
        EvaluationScheme changed = new EvaluationScheme(2008, v1.version(), new BigDecimal("60"), new BigDecimal("40"),
                v1.inspectionCap(), v1.bonusCap(), v1.quantitativeCap(), v1.latePenalty(), v1.spotCheckShare(),
                v1.appraisalLevels(), "公众评议权重提高");
        EvaluationScheme saved = evaluator.saveScheme(changed, "领导小组决定");
        assertThat(saved.version()).isEqualTo(2);
        assertThat(office.evaluation().schemes().find(2008, 1)).contains(v1);
        assertThat(evaluator.compareWithFreeze(2008)).hasValueSatisfying(c ->
                assertThat(c.changes()).contains(new InputHashes.Change(null, InputHashes.SCHEME)));

        EvaluationScheme bad = new EvaluationScheme(2008, 2, new BigDecimal("60"), new BigDecimal("30"),
                v1.inspectionCap(), v1.bonusCap(), v1.quantitativeCap(), v1.latePenalty(), v1.spotCheckShare(),
                v1.appraisalLevels(), "");
        assertThatThrownBy(() -> evaluator.saveScheme(bad, "")).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.getLocalizedMessage()).contains("合计 100").contains("60").contains("30"));
        assertThat(evaluator.scheme(2008)).isEqualTo(saved);
    }

    @Test
    void theSameInputsGiveTheSameResultsAndHash() {
        assertThat(evaluator.evaluate(2008)).isEqualTo(evaluator.evaluate(2008));
        approve();
        String a = evaluator.freeze(2008, "一").inputsHash();
        String b = evaluator.freeze(2008, "二").inputsHash();
        assertThat(a).isEqualTo(b);
    }

    private org.perfdesk.domain.ResultApproval approve() {
        return evaluator.approve(2008, LocalDate.of(2009, 3, 10), "省机关效能建设领导小组第十四次会议", "省机关效能建设领导小组",
                "");
    }

    @Test
    void appraisalRoundsOneToTwelveAreSavedAndOthersRefusedInWords() {
        java.util.Map<String, Integer> counts = java.util.Map.of("满意", 60, "比较满意", 30, "基本满意", 10, "不满意", 0);
        // A third round (the database allowed only two before: a raw constraint error).
        evaluator.saveAppraisals(List.of(new org.perfdesk.domain.Appraisal("XM", 2008, 3, 100, counts)), "第三轮");
        assertThat(office.evaluation().appraisals().findByUnit("XM", 2008)).extracting(a -> a.round())
                .containsExactly(1, 2, 3);
        assertThatThrownBy(() -> evaluator.saveAppraisals(List.of(new org.perfdesk.domain.Appraisal("XM", 2008, 13,
                100, counts)), "第十三轮")).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.key()).isEqualTo("error.appraisal.invalid"));
    }

    @Test
    void theFreezeRestsOnTheApprovalOfExactlyTheseResults() {
        assertThatThrownBy(() -> evaluator.freeze(2008, "发布")).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.key()).isEqualTo("error.results.notApproved"));
        assertThatThrownBy(() -> evaluator.approve(2008, LocalDate.of(2009, 3, 10), " ", "领导小组", ""))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.key())
                        .isEqualTo("error.results.approvalIncomplete"));
        var approval = approve();
        assertThat(evaluator.currentApproval(2008)).contains(approval);
        assertThat(office.audit().recent(1).get(0).action()).isEqualTo("approval");
        assertThat(office.audit().recent(1).get(0).after()).contains("\"reference\":\"省机关效能建设领导小组第十四次会议\"");
        // A change after the approval: the approval is not of these results any more.
        evaluator.saveInspection(new Inspection("i1", "NYT", 2008, LocalDate.of(2008, 11, 12),
                Inspection.Kind.UNANNOUNCED, "窗口工作人员上班时间离岗", new BigDecimal("2"), null), "暗访");
        assertThat(evaluator.currentApproval(2008)).isEmpty();
        assertThatThrownBy(() -> evaluator.freeze(2008, "发布")).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.getLocalizedMessage()).contains("2009-03-10").contains("第十四次会议"));
        var again = approve();
        var frozen = evaluator.freeze(2008, "按审定结果发布");
        assertThat(frozen.approvalId()).isEqualTo(again.id());
        assertThat(office.evaluation().freezes().latest(2008)).contains(frozen);
    }

    @Test
    void aUnitLackingMaterialStopsTheApprovalUntilTheOfficeDecides() {
        // NYT's second appraisal round is taken back: it lacks it, and nothing can be approved.
        office.database().write(c -> {
            try (var st = c.createStatement()) {
                return st.executeUpdate("DELETE FROM appraisal WHERE unit_code = 'NYT' AND round = 2");
            }
        });
        Evaluation.UnitResult nyt = evaluator.evaluate(2008).stream().filter(r -> r.unit().code().equals("NYT"))
                .findFirst().orElseThrow();
        assertThat(nyt.standing()).isEqualTo(Evaluation.Standing.INCOMPLETE);
        assertThat(nyt.rank()).isNull();
        assertThat(evaluator.blockers(2008)).singleElement().asString().startsWith("福建省农业厅：材料不全")
                .contains("缺少第 2 轮公众评议结果");
        assertThatThrownBy(this::approve).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.getLocalizedMessage()).contains("福建省农业厅"));
        assertThatThrownBy(() -> evaluator.decideStanding("NYT", 2008,
                org.perfdesk.domain.StandingDecision.Decision.RANK, " ")).isInstanceOf(UserError.class);

        evaluator.decideStanding("NYT", 2008, org.perfdesk.domain.StandingDecision.Decision.RANK,
                "调查总队说明第二轮未覆盖农业厅，按一轮计");
        assertThat(office.audit().recent(1).get(0)).satisfies(e -> {
            assertThat(e.action()).isEqualTo("standing");
            assertThat(e.after()).contains("RANK");
        });
        nyt = evaluator.evaluate(2008).stream().filter(r -> r.unit().code().equals("NYT")).findFirst().orElseThrow();
        assertThat(nyt.rank()).isNotNull();
        assertThat(evaluator.blockers(2008)).isEmpty();
        approve();
        evaluator.freeze(2008, "发布");
        // The decision is one of the inputs the freeze covers.
        evaluator.decideStanding("NYT", 2008, org.perfdesk.domain.StandingDecision.Decision.UNRANKED, "复议后不排名");
        assertThat(evaluator.compareWithFreeze(2008)).hasValueSatisfying(c ->
                assertThat(c.changes()).containsExactly(new InputHashes.Change("NYT", "standing")));
    }

    @Test
    void aUnitMovedToAnotherGroupIsRankedThereAndTheMoveIsAudited() {
        assertThatThrownBy(() -> evaluator.setGroup("NYT", RankingGroup.CITY_GOVERNMENTS, " "))
                .isInstanceOf(UserError.class);
        evaluator.setGroup("NYT", RankingGroup.CITY_GOVERNMENTS, "领导小组决定按设区市考核");
        List<Evaluation.UnitResult> results = evaluator.evaluate(2008);
        assertThat(results).filteredOn(r -> r.group() == RankingGroup.CITY_GOVERNMENTS)
                .extracting(r -> r.unit().code()).containsExactlyInAnyOrder("XM", "NP", "NYT");
        assertThat(results).filteredOn(r -> r.group() == RankingGroup.CITY_GOVERNMENTS)
                .extracting(Evaluation.UnitResult::rank).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(office.audit().all()).anyMatch(e -> e.action().equals("group")
                && e.after().equals("CITY_GOVERNMENTS") && e.reason().equals("领导小组决定按设区市考核"));
    }
}
