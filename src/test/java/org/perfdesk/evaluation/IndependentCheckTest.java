package org.perfdesk.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.Appraisal;
import org.perfdesk.domain.Bonus;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.IndicatorScore;
import org.perfdesk.domain.Inspection;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.StandingDecision;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.VerifiedFigure;
import org.perfdesk.exchange.demo.ProvinceBuilder;
import org.perfdesk.report.ResultsData;
import org.perfdesk.report.docx.NoticeDocx;
import org.perfdesk.report.xlsx.ResultsWorkbook;
import org.perfdesk.store.Workspace;

/**
 * The results the office publishes agree with an independent recomputation ({@link IndependentCheck}: plain
 * SQL over the database and the formula as documented, none of PerfDesk's scoring code) for every unit —
 * in {@code evaluate --json}, in the results workbook and in the notice (通报) — for the demo office at the
 * end of its year and for a province of 100 units with verified figures, office scores, inspections,
 * bonuses, ties, a unit that sent nothing and units lacking material.
 */
class IndependentCheckTest {
    @TempDir
    static Path demo;
    @TempDir
    Path dir;

    @Test
    void theDemoOfficesPublishedResultsAreTheIndependentlyComputedOnes() throws Exception {
        Path office = DemoOffice.approvedCopy(demo, dir);
        Map<String, IndependentCheck.Expected> expected = IndependentCheck.of(office.resolve("perfdesk.db"), 2008);
        assertThat(expected).hasSize(7);
        assertThat(expected.values()).allSatisfy(e -> assertThat(e.rank()).as(e.code()).isNotNull());
        agree(office, expected);
    }

    @Test
    void aProvinceOfAHundredUnitsAgreesUnitByUnit() throws Exception {
        Path office = province(dir.resolve("office"), 100, 40, 7L);
        Map<String, IndependentCheck.Expected> expected = IndependentCheck.of(office.resolve("perfdesk.db"), 2008);
        assertThat(expected).hasSize(100);
        // The province holds every case the rule distinguishes.
        assertThat(expected.values()).extracting(IndependentCheck.Expected::standing)
                .contains("COMPLETE", "INCOMPLETE", "NOT_SUBMITTED");
        assertThat(expected.values()).filteredOn(e -> e.rank() == null).isNotEmpty();
        assertThat(expected.values().stream().filter(e -> e.rank() != null).map(e -> e.group() + e.rank()).distinct()
                .count()).as("a tie").isLessThan(expected.values().stream().filter(e -> e.rank() != null).count());
        agree(office, expected);
    }

    /** evaluate --json, the results workbook and the notice each say what the independent check computed. */
    private void agree(Path office, Map<String, IndependentCheck.Expected> expected) throws Exception {
        // evaluate --json
        StringWriter out = new StringWriter();
        int status = org.perfdesk.cli.Cli.run(new String[] {"evaluate", "--workspace", office.toString(),
            "--year", "2008", "--json"}, (ws, demo, files) -> 0, new PrintWriter(out), new PrintWriter(new StringWriter()),
                name -> null);
        assertThat(status).isZero();
        List<Map<String, Object>> json = new ObjectMapper().readValue(out.toString(), new TypeReference<>() {
        });
        assertThat(json).hasSize(expected.size());
        for (Map<String, Object> u : json) {
            IndependentCheck.Expected e = expected.get((String) u.get("unit"));
            assertThat(e).as("%s", u.get("unit")).isNotNull();
            assertThat(dec(u.get("total"))).as("total of %s", e.code()).isEqualTo(scale(e.total()));
            assertThat(dec(u.get("indicatorScore"))).as("indicators of %s", e.code()).isEqualTo(scale(e.indicators()));
            assertThat(dec(u.get("appraisalScore"))).as("appraisal of %s", e.code()).isEqualTo(scale(e.appraisal()));
            assertThat(dec(u.get("deductions"))).isEqualTo(scale(e.deductions()));
            assertThat(dec(u.get("bonus"))).isEqualTo(scale(e.bonus()));
            assertThat(u.get("rank")).as("rank of %s", e.code()).isEqualTo(e.rank());
            assertThat(u.get("standing")).as("standing of %s", e.code()).isEqualTo(e.standing());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lines = (List<Map<String, Object>>) u.get("indicators");
            Map<String, BigDecimal> points = new HashMap<>();
            lines.forEach(l -> points.put((String) l.get("node"), new BigDecimal((String) l.get("points"))));
            assertThat(points.keySet()).isEqualTo(e.points().keySet());
            e.points().forEach((node, p) -> assertThat(points.get(node)).as("points of %s", node)
                    .isEqualByComparingTo(p));
        }

        Texts t = Texts.of(Texts.CHINESE);
        ResultsData data;
        try (Workspace ws = Workspace.open(office)) {
            data = ResultsData.load(ws, 2008, LocalDate.of(2009, 3, 20));
        }
        // The results workbook's 总表: every unit's rank, components and total.
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(ResultsWorkbook.toBytes(data, t)))) {
            Sheet summary = wb.getSheet("总表");
            int seen = 0;
            for (Row row : summary) {
                String code = text(row.getCell(2));
                IndependentCheck.Expected e = expected.get(code);
                if (e == null) {
                    continue;
                }
                seen++;
                assertThat(rankText(row.getCell(1))).as("workbook rank of %s", code).isEqualTo(rank(e, expected));
                assertThat(number(row.getCell(4))).as("workbook indicators of %s", code).isEqualTo(scale(e.indicators()));
                assertThat(number(row.getCell(5))).isEqualTo(scale(e.appraisal()));
                assertThat(number(row.getCell(6))).isEqualTo(scale(e.deductions()));
                assertThat(number(row.getCell(7))).isEqualTo(scale(e.bonus()));
                assertThat(number(row.getCell(8))).as("workbook total of %s", code).isEqualTo(scale(e.total()));
            }
            assertThat(seen).isEqualTo(expected.size());
        }
        // The notice: each group's table row per unit.
        Map<String, IndependentCheck.Expected> byName = new HashMap<>();
        expected.values().forEach(e -> byName.put(e.name(), e));
        try (XWPFDocument doc = new XWPFDocument(new java.io.ByteArrayInputStream(NoticeDocx.toBytes(data, t)))) {
            int seen = 0;
            for (XWPFTable table : doc.getTables()) {
                for (XWPFTableRow row : table.getRows().subList(1, table.getRows().size())) {
                    IndependentCheck.Expected e = byName.get(row.getCell(1).getText());
                    assertThat(e).as(row.getCell(1).getText()).isNotNull();
                    seen++;
                    assertThat(row.getCell(0).getText()).as("notice rank of %s", e.code()).isEqualTo(rank(e, expected));
                    assertThat(printed(row.getCell(2).getText())).isEqualTo(scale(e.indicators()));
                    assertThat(printed(row.getCell(3).getText())).isEqualTo(scale(e.appraisal()));
                    assertThat(printed(row.getCell(4).getText())).isEqualTo(scale(e.deductions()));
                    assertThat(printed(row.getCell(5).getText())).isEqualTo(scale(e.bonus()));
                    assertThat(printed(row.getCell(6).getText())).as("notice total of %s", e.code())
                            .isEqualTo(scale(e.total()));
                }
            }
            assertThat(seen).as("every unit in a group's table").isEqualTo(
                    (int) expected.values().stream().filter(e -> e.group() != null).count());
        }
    }

    /** The rank as printed: 1, "并列 2", "未报送", "材料不全", "不排名". */
    private static String rank(IndependentCheck.Expected e, Map<String, IndependentCheck.Expected> all) {
        if (e.rank() == null) {
            return e.group() == null || e.standing().equals("COMPLETE") ? "不排名"
                    : e.standing().equals("NOT_SUBMITTED") ? "未报送" : "材料不全";
        }
        boolean tied = all.values().stream().anyMatch(o -> o != e && o.rank() != null && o.group().equals(e.group())
                && o.total().compareTo(e.total()) == 0);
        return tied ? "并列 " + e.rank() : String.valueOf(e.rank());
    }

    private static String rankText(Cell c) {
        return c.getCellType() == CellType.NUMERIC ? String.valueOf((int) c.getNumericCellValue()) : c.getStringCellValue();
    }

    private static String text(Cell c) {
        return c == null ? "" : c.getCellType() == CellType.STRING ? c.getStringCellValue() : "";
    }

    private static BigDecimal number(Cell c) {
        return c.getCellType() == CellType.NUMERIC ? BigDecimal.valueOf(c.getNumericCellValue()).setScale(2,
                RoundingMode.HALF_UP) : null;
    }

    private static BigDecimal printed(String s) {
        return s.equals("—") ? null : new BigDecimal(s);
    }

    private static BigDecimal dec(Object o) {
        return o == null ? null : new BigDecimal((String) o).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal scale(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * An office holding {@code units} units' material as their annual packages would leave it (written
     * straight into its store: the check is of the scoring, not of the exchange), with the variety a
     * province has: verified figures that differ, the office's own scores, inspections and bonuses, a unit
     * that sent nothing, units without their second appraisal round (one ranked anyway by decision), and
     * two units with exactly the same material (a tie).
     */
    static Path province(Path dir, int units, int nodes, long seed) {
        ProvinceBuilder builder = new ProvinceBuilder(new ProvinceBuilder.Size(units, nodes, 4, 0, 1), seed);
        try (Workspace ws = Workspace.create(dir, new Workspace.Setup(Role.OFFICE,
                new OrgUnit(ProvinceBuilder.OFFICE_CODE, "省机关效能建设领导小组办公室", OrgKind.OFFICE, null), 2008, "test"))) {
            SplittableRandom r = new SplittableRandom(seed);
            Evaluator evaluator = new Evaluator(ws);
            List<OrgUnit> orgs = new ArrayList<>();
            for (int i = 0; i < units; i++) {
                ProvinceBuilder.UnitData d = builder.unitData(i == units - 1 ? units - 2 : i);
                OrgUnit u = unitOrg(i, units);
                orgs.add(u);
                ws.orgUnits().save(u);
                if (i == 5) {
                    continue; // sent nothing: 未报送
                }
                List<GoalNode> tree = d.nodes().stream().map(n -> rehome(n, u.code())).toList();
                Map<String, String> ids = new HashMap<>();
                for (int k = 0; k < tree.size(); k++) {
                    ids.put(d.nodes().get(k).id(), tree.get(k).id());
                }
                ws.database().write(c -> {
                    ws.goals().saveAll(tree.stream().map(n -> remap(n, ids)).toList());
                    ws.progress().saveAll(d.progress().stream().map(p -> new org.perfdesk.domain.Progress(
                            ids.get(p.nodeId()), p.quarter(), p.actualValue(), p.completionPercent(), p.status(),
                            p.narrative(), p.problems(), p.causes(), p.measures())).toList());
                    ws.selfAssessments().saveAll(d.selfAssessments().stream().map(a -> new org.perfdesk.domain
                            .SelfAssessment(ids.get(a.nodeId()), a.score(), a.level(), a.narrative())).toList());
                    return null;
                });
            }
            List<Appraisal> rounds = new ArrayList<>();
            for (int i = 0; i < units; i++) {
                int seedOf = i == units - 1 ? units - 2 : i;
                SplittableRandom ar = new SplittableRandom(seed * 31 + seedOf);
                for (int round = 1; round <= 2; round++) {
                    if (round == 2 && (i == 10 || i == 11)) {
                        continue; // the second round never came in: 材料不全
                    }
                    int sample = 200 + ar.nextInt(300);
                    int a = sample * (40 + ar.nextInt(30)) / 100;
                    int b = (sample - a) * (40 + ar.nextInt(40)) / 100;
                    int c = (sample - a - b) * (30 + ar.nextInt(60)) / 100;
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    counts.put("满意", a);
                    counts.put("比较满意", b);
                    counts.put("基本满意", c);
                    counts.put("不满意", sample - a - b - c);
                    rounds.add(new Appraisal(orgs.get(i).code(), 2008, round, sample, counts));
                }
            }
            evaluator.saveAppraisals(rounds, "province test");
            // Verified figures (a third of the quantitative indicators of every fourth unit, some off by 10 %),
            // the office's own scores, inspections and bonuses, here and there.
            List<VerifiedFigure> verified = new ArrayList<>();
            for (int i = 0; i < units; i += 4) {
                OrgUnit u = orgs.get(i);
                for (GoalNode n : org.perfdesk.domain.IndicatorRule.scored(ws.goals().loadTree(u.code(), 2008))) {
                    if (n.measure() instanceof Measure.Quantitative q && r.nextInt(3) == 0) {
                        verified.add(new VerifiedFigure(n.id(), u.code(), 2008, "省统计局",
                                q.target().multiply(BigDecimal.valueOf(0.8 + r.nextInt(40) / 100.0))
                                        .setScale(1, RoundingMode.HALF_UP), null, null, false, "统计年报", "按年报口径"));
                    } else if (n.measure() instanceof Measure.Qualitative q && r.nextInt(4) == 0) {
                        verified.add(new VerifiedFigure(n.id(), u.code(), 2008, "考核部门", null,
                                q.levels().get(r.nextInt(q.levels().size())), null, false, "检查记录", "抽查"));
                    } else if (n.measure() instanceof Measure.Milestone && r.nextInt(4) == 0) {
                        boolean done = r.nextBoolean(); // found done on a date, or found not done
                        verified.add(new VerifiedFigure(n.id(), u.code(), 2008, "联合评估组", null, null,
                                done ? LocalDate.of(2008, 1 + r.nextInt(12), 15) : null, !done, "验收材料", "核实"));
                    }
                }
            }
            evaluator.saveVerifiedFigures(verified, "province test");
            for (int i = 1; i < units; i += 7) {
                if (i == 5) {
                    continue;
                }
                GoalNode n = org.perfdesk.domain.IndicatorRule.scored(ws.goals().loadTree(orgs.get(i).code(), 2008))
                        .get(0);
                evaluator.setScore(n.id(), n.weight().multiply(new BigDecimal("0.5")).setScale(2, RoundingMode.HALF_UP),
                        "抽查发现台账不全");
                evaluator.saveInspection(new Inspection("i" + i, orgs.get(i).code(), 2008, LocalDate.of(2008, 9, 9),
                        Inspection.Kind.UNANNOUNCED, "窗口人员离岗", new BigDecimal(1 + r.nextInt(12)), null), "暗访");
            }
            for (int i = 3; i < units; i += 9) {
                evaluator.saveBonus(new Bonus("b" + i, orgs.get(i).code(), 2008, new BigDecimal("1.5"), "获国家级表彰"));
                evaluator.saveBonus(new Bonus("c" + i, orgs.get(i).code(), 2008, new BigDecimal("2"), "创新项目"));
            }
            evaluator.decideStanding(orgs.get(11).code(), 2008, StandingDecision.Decision.RANK, "调查总队说明第二轮未覆盖该单位");
        }
        return dir;
    }

    private static OrgUnit unitOrg(int index, int units) {
        boolean city = index < Math.max(1, units / 9);
        OrgKind kind = city ? OrgKind.CITY : OrgKind.DEPARTMENT;
        return new OrgUnit(ProvinceBuilder.unitCode(index), city ? "第" + (index + 1) + "市人民政府" : "省第" + (index + 1) + "厅",
                kind, ProvinceBuilder.OFFICE_CODE, org.perfdesk.domain.RankingGroup.defaultFor(kind), null);
    }

    /** The same node for another unit (the last unit repeats another's material: a tie). */
    private static GoalNode rehome(GoalNode n, String unit) {
        return new GoalNode(java.util.UUID.nameUUIDFromBytes((unit + "/" + n.id()).getBytes()).toString(), unit,
                n.year(), n.parentId(), n.position(), n.kind(), n.title(), n.description(), null,
                n.qualityRequirement(), n.deadline(), n.weight(), n.measure(), null, 1, false);
    }

    private static GoalNode remap(GoalNode n, Map<String, String> ids) {
        return new GoalNode(n.id(), n.unitCode(), n.year(), n.parentId() == null ? null : ids.get(n.parentId()),
                n.position(), n.kind(), n.title(), n.description(), n.ownerCode(), n.qualityRequirement(), n.deadline(),
                n.weight(), n.measure(), null, 1, false);
    }
}
