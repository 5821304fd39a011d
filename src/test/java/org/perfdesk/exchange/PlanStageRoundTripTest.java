package org.perfdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.IndicatorSystem;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.PlanDocument;
import org.perfdesk.domain.PlanReview;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.ReviewMode;
import org.perfdesk.domain.YearCalendar;
import org.perfdesk.evaluation.PlanStageOffice;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.report.PlanDocuments;
import org.perfdesk.store.Workspace;

/**
 * The plan stage between an office, a city and a department: the office sends each group's indicator system
 * and a calendar with a moved date; both units learn the date and link their trees; each sends its 方案 with
 * the tree; the office sees both, files the city's (备案) and returns the department's (批复 after a return),
 * each answer in its own kind and words on both sides; the office sees what each unit left out.
 */
class PlanStageRoundTripTest {
    @TempDir
    Path dir;
    World world;

    @AfterEach
    void tearDown() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void systemAndCalendarDownPlansUpFiledAndApproved() throws Exception {
        world = new World(dir);
        Workspace xm = world.addUnit("XM", "厦门市人民政府", OrgKind.CITY, "XNB");
        Workspace slt = world.addUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB");
        Workspace office = world.office;
        int year = World.YEAR;

        PlanStageOffice plans = new PlanStageOffice(office);
        plans.saveSystem(system(RankingGroup.CITY_GOVERNMENTS, "C"), "test");
        plans.saveSystem(system(RankingGroup.PROVINCIAL_DEPARTMENTS, "D"), "test");
        office.calendar().set(year, YearCalendar.PLAN, LocalDate.of(year, 7, 25));
        List<Path> sent = new java.util.ArrayList<>();
        Guidance.sendAll(office, world.officeSigner, year, Guidance.What.INDICATORS, null, world.usb, false)
                .forEach(w -> sent.add(w.file()));
        Guidance.sendAll(office, world.officeSigner, year, Guidance.What.CALENDAR, null, world.usb, false)
                .forEach(w -> sent.add(w.file()));
        assertThat(sent).hasSize(4);

        for (String code : List.of("XM", "SLT")) {
            Workspace unit = world.units.get(code);
            List<Path> mine = sent.stream().filter(p -> p.getFileName().toString().contains("-" + code + "-")).toList();
            assertThat(new Importer(unit, world.signers.get(code)).importAll(mine, false))
                    .allSatisfy(r -> assertThat(r.accepted()).as(r.message()).isTrue());
            assertThat(unit.calendar().find(year).stream().filter(d -> d.key().equals(YearCalendar.PLAN))
                    .findFirst().orElseThrow().date()).isEqualTo(LocalDate.of(year, 7, 25));
            IndicatorSystem received = unit.planStage().systems().forUnit(unit.self(), year).orElseThrow();
            unit.goals().saveEdits(IndicatorSystem.linkSuggested(received.coverage(unit.goals().findAll(code, year))));
            PlanDocuments.saveDrafts(unit, code, year);
            assertThat(unit.planStage().plans().find(code, year).missing()).isEmpty();
            assertThat(world.importAtOffice(world.export(code, PackageKind.PLAN)).accepted()).isTrue();
        }
        assertThat(xm.planStage().systems().forUnit(xm.self(), year).orElseThrow().group())
                .isEqualTo(RankingGroup.CITY_GOVERNMENTS);

        // The office holds each 方案 and each tree's links; each unit left out its group's second indicator.
        for (String code : List.of("XM", "SLT")) {
            PlanDocument doc = office.planStage().plans().find(code, year);
            assertThat(doc.section(PlanDocument.TARGETS).orElseThrow().body()).contains("完成项目数");
            GoalNode linked = office.goals().findAll(code, year).stream()
                    .filter(n -> n.title().equals("完成项目数")).findFirst().orElseThrow();
            assertThat(linked.systemCode()).isEqualTo(code.equals("XM") ? "C1.1" : "D1.1");
        }
        assertThat(plans.coverage(year, RankingGroup.CITY_GOVERNMENTS)).singleElement()
                .satisfies(c -> assertThat(c.missing()).extracting(IndicatorSystem.Item::name)
                        .containsExactly("财政总收入增长率"));

        // 备案 for the city, 批复 after a return for the department.
        Path filed = Reviews.decide(office, world.officeSigner, "XM", year, PlanReview.Decision.APPROVED, "予以备案。",
                world.usb).file();
        Path returned = Reviews.decide(office, world.officeSigner, "SLT", year, PlanReview.Decision.RETURNED,
                "请补充第二项指标。", world.usb).file();
        assertThat(filed.getFileName().toString()).contains("-filed-");
        assertThat(returned.getFileName().toString()).contains("-return-");
        assertThat(new Importer(xm, world.signers.get("XM")).importFile(filed, false).accepted()).isTrue();
        PlanReview atCity = xm.reviews().latest("XM", year).orElseThrow();
        assertThat(atCity.mode()).isEqualTo(ReviewMode.FILING);
        assertThat(atCity.words()).isEqualTo("予以备案");
        assertThat(new Importer(slt, world.signers.get("SLT")).importFile(returned, false).accepted()).isTrue();
        assertThat(slt.reviews().latest("SLT", year).orElseThrow().words()).isEqualTo("退回修改");

        assertThat(world.importAtOffice(world.export("SLT", PackageKind.PLAN)).accepted()).isTrue();
        Path approved = Reviews.decide(office, world.officeSigner, "SLT", year, PlanReview.Decision.APPROVED, "同意。",
                world.usb).file();
        assertThat(approved.getFileName().toString()).contains("-approval-");
        assertThat(new Importer(slt, world.signers.get("SLT")).importFile(approved, false).accepted()).isTrue();
        PlanReview atDepartment = slt.reviews().latest("SLT", year).orElseThrow();
        assertThat(atDepartment.mode()).isEqualTo(ReviewMode.APPROVAL);
        assertThat(atDepartment.words()).isEqualTo("批复同意");
    }

    private static IndicatorSystem system(RankingGroup group, String prefix) {
        String second = group == RankingGroup.CITY_GOVERNMENTS ? "财政总收入增长率" : "水利建设投资完成率";
        return new IndicatorSystem(World.YEAR, group, List.of(
                new IndicatorSystem.Item(prefix + "1", "重点工作", 1, null, new BigDecimal("100"), null, null, "", ""),
                new IndicatorSystem.Item(prefix + "1.1", "完成项目数", 2, prefix + "1", new BigDecimal("60"), null, "个",
                        "考核部门", ""),
                new IndicatorSystem.Item(prefix + "1.2", second, 2, prefix + "1", new BigDecimal("40"), null, "%",
                        "省统计局", "")));
    }
}
