package org.perfdesk.report.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellCopyPolicy;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.ProblemType;
import org.perfdesk.store.Workspace;

/** A sheet edited the way staff edit it: what is kept, changed, added and removed, and which ids survive. */
class XlsxChangesTest {
    private static final String UNIT = ExampleTree.UNIT;
    private static final int YEAR = ExampleTree.YEAR;

    @TempDir
    Path dir;

    @Test
    void aRangeTargetTravelsThroughTheFormAndAClerksRangeIsRead() throws IOException {
        try (Workspace ws = ExampleTree.workspace(dir.resolve("EX"), true)) {
            GoalNode indicator = ws.goals().findAll(UNIT, YEAR).stream()
                    .filter(n -> n.measure() instanceof org.perfdesk.domain.Measure.Quantitative).findFirst().orElseThrow();
            var range = new org.perfdesk.domain.Measure.Quantitative(new java.math.BigDecimal("3"), null, "%",
                    org.perfdesk.domain.Direction.AT_TARGET, new java.math.BigDecimal("5"));
            ws.goals().saveAll(List.of(indicator.withMeasure(range)));
            Path form = dir.resolve("range.xlsx");
            GoalTreeXlsx.export(ws, UNIT, YEAR, form);
            XlsxImport same = GoalTreeXlsx.read(ws, UNIT, YEAR, form);
            assertThat(same.problems()).isEmpty();
            assertThat(same.counts().changed()).as("a range read back is the same range").isZero();

            // A clerk types a range into another indicator's 目标值 and picks 等于目标值（或区间）.
            GoalNode other = ws.goals().findAll(UNIT, YEAR).stream().filter(n -> !n.id().equals(indicator.id())
                    && n.measure() instanceof org.perfdesk.domain.Measure.Quantitative).findFirst().orElseThrow();
            Path typed = Sheets.edit(form, dir.resolve("typed.xlsx"), s -> {
                int row = excelRowOf(s, other.title());
                Sheets.set(s, row, "目标值", "90～95");
                Sheets.set(s, row, "方向", "等于目标值（或区间）");
            });
            XlsxImport read = GoalTreeXlsx.read(ws, UNIT, YEAR, typed);
            assertThat(read.problems()).isEmpty();
            GoalTreeXlsx.apply(ws, read);
            var q = (org.perfdesk.domain.Measure.Quantitative) ws.goals().find(other.id()).orElseThrow().measure();
            assertThat(q.target()).isEqualByComparingTo("90");
            assertThat(q.targetHigh()).isEqualByComparingTo("95");
            assertThat(q.direction()).isEqualTo(org.perfdesk.domain.Direction.AT_TARGET);
        }
    }

    /** The row (as Excel numbers it) whose cells hold {@code title}. */
    private static int excelRowOf(XSSFSheet sheet, String title) {
        for (org.apache.poi.ss.usermodel.Row r : sheet) {
            for (org.apache.poi.ss.usermodel.Cell c : r) {
                if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && title.equals(c.getStringCellValue())) {
                    return r.getRowNum() + 1;
                }
            }
        }
        throw new AssertionError("no row holds " + title);
    }

    @Test
    void movedAndRenamedRowsKeepTheirIdsNewRowsAreAddedAndMissingOnesBecomeTombstones() throws IOException {
        try (Workspace ws = ExampleTree.workspace(dir.resolve("EX"), true)) {
            Path good = dir.resolve("good.xlsx");
            GoalTreeXlsx.export(ws, UNIT, YEAR, good);
            Map<String, GoalNode> before = byTitle(ws.goals().findAll(UNIT, YEAR));
            Path edited = Sheets.edit(good, dir.resolve("edited.xlsx"), s -> {
                swapSiblings(s, 10, 11);                                    // 1.2.1 ⇄ 1.2.2
                Sheets.set(s, 14, "三级指标", "绩效管理制度建设与执行");       // renamed in place
                for (int col = 0; col < Column.values().length; col++) {    // task 1.1.1.2 deleted
                    Sheets.set(s, 7, Column.values()[col].header(), null);
                }
                Sheets.set(s, 16, "分值", 12);                               // 2.2's children now 22 of 20
                Sheets.set(s, 18, "编号", "2.3");                            // a new sub-goal below the tree
                Sheets.set(s, 18, "二级指标", "加强干部队伍建设");
                Sheets.set(s, 18, "责任单位/责任人", "办公室");
            });

            XlsxImport preview = GoalTreeXlsx.read(ws, UNIT, YEAR, edited);
            assertThat(preview.problems()).isEmpty();
            assertThat(preview.counts()).isEqualTo(new XlsxImport.Counts(1, 4, 10, 1));
            assertThat(preview.warnings()).singleElement().satisfies(w -> {
                assertThat(w.row()).isEqualTo(15);
                assertThat(w.problem().type()).isEqualTo(ProblemType.CHILD_WEIGHTS_MISMATCH);
            });
            assertThat(ws.goals().findAll(UNIT, YEAR)).as("read writes nothing")
                    .containsExactlyInAnyOrderElementsOf(before.values());

            GoalTreeXlsx.apply(ws, preview);
            Map<String, GoalNode> after = byTitle(ws.goals().findAll(UNIT, YEAR));
            GoalNode complaints = after.get("群众投诉办结率");
            GoalNode approvals = after.get("行政审批平均办理时间");
            assertThat(complaints.id()).isEqualTo(before.get("群众投诉办结率").id());
            assertThat(complaints.position()).isEqualTo(1);
            assertThat(complaints.revision()).isEqualTo(2);
            assertThat(approvals.id()).isEqualTo(before.get("行政审批平均办理时间").id());
            assertThat(approvals.position()).isZero();

            GoalNode renamed = after.get("绩效管理制度建设与执行");
            assertThat(renamed.id()).isEqualTo(before.get("绩效管理制度建设").id());
            assertThat(renamed.revision()).isEqualTo(2);
            assertThat(after).doesNotContainKey("绩效管理制度建设");
            assertThat(after.get("按季调度项目进展，通报完成情况").deleted()).isTrue();
            assertThat(after.get("按季调度项目进展，通报完成情况").revision()).isEqualTo(2);

            GoalNode added = after.get("加强干部队伍建设");
            assertThat(added.kind()).isEqualTo(org.perfdesk.domain.NodeKind.SUB_GOAL);
            assertThat(added.parentId()).isEqualTo(before.get("加强机关效能建设").id());
            assertThat(added.position()).isEqualTo(2);
            assertThat(added.revision()).isEqualTo(1);
            assertThat(added.ownerCode()).isEqualTo("EX-BGS");
            assertThat(after.get("完成年度重点项目投资")).isEqualTo(before.get("完成年度重点项目投资"));

            // The same sheet again: nothing left to do.
            XlsxImport again = GoalTreeXlsx.read(ws, UNIT, YEAR, edited);
            assertThat(again.counts()).isEqualTo(new XlsxImport.Counts(0, 0, 15, 0));
        }
    }

    @Test
    void aRowTurnedIntoAnotherKindOfItemIsANewNode() throws IOException {
        try (Workspace ws = ExampleTree.workspace(dir.resolve("EX"), true)) {
            Path good = dir.resolve("good.xlsx");
            GoalTreeXlsx.export(ws, UNIT, YEAR, good);
            GoalNode old = byTitle(ws.goals().findAll(UNIT, YEAR)).get("完成项目前期工作");
            Path replaced = Sheets.edit(good, dir.resolve("replaced.xlsx"), s -> {
                Sheets.set(s, 8, "三级指标", "开展项目后评价");
                Sheets.set(s, 8, "类型", "任务");
            });
            XlsxImport preview = GoalTreeXlsx.read(ws, UNIT, YEAR, replaced);
            assertThat(preview.counts()).isEqualTo(new XlsxImport.Counts(1, 0, 14, 1));
            GoalTreeXlsx.apply(ws, preview);
            Map<String, GoalNode> after = byTitle(ws.goals().findAll(UNIT, YEAR));
            assertThat(after.get("开展项目后评价").id()).isNotEqualTo(old.id());
            assertThat(after.get("完成项目前期工作").deleted()).isTrue();
        }
    }

    @Test
    void numbersTypedAsTextAndDatesTypedByHandReadLikeTheirCells() throws IOException {
        try (Workspace ws = ExampleTree.workspace(dir.resolve("EX"), true)) {
            Path good = dir.resolve("good.xlsx");
            GoalTreeXlsx.export(ws, UNIT, YEAR, good);
            Path typed = Sheets.edit(good, dir.resolve("typed.xlsx"), s -> {
                Sheets.set(s, 3, "分值", "60.0");
                Sheets.set(s, 5, "目标值", "１２");           // full-width digits
                Sheets.set(s, 6, "时限", "2008年3月31日");
                Sheets.set(s, 8, "节点日期", "2008/9/30");
                Sheets.set(s, 3, "编号", "１");
            });
            XlsxImport preview = GoalTreeXlsx.read(ws, UNIT, YEAR, typed);
            assertThat(preview.problems()).isEmpty();
            assertThat(preview.counts()).isEqualTo(new XlsxImport.Counts(0, 0, 15, 0));
        }
    }

    @Test
    void anEmptyWorkspaceTakesTheWholeSheetAndKindsDefaultByLevel() throws IOException {
        Path good = dir.resolve("good.xlsx");
        try (Workspace source = ExampleTree.workspace(dir.resolve("source"), true)) {
            GoalTreeXlsx.export(source, UNIT, YEAR, good);
        }
        Path noKinds = Sheets.edit(good, dir.resolve("no-kinds.xlsx"), s -> {
            for (int r = TreeSheetWriter.FIRST_DATA_ROW + 1; r <= 17; r++) {
                Sheets.set(s, r, "类型", null);
            }
        });
        try (Workspace ws = ExampleTree.workspace(dir.resolve("EX"), false)) {
            XlsxImport preview = GoalTreeXlsx.read(ws, UNIT, YEAR, noKinds);
            assertThat(preview.problems()).isEmpty();
            GoalTreeXlsx.apply(ws, preview);
            assertThat(Sheets.shapes(ws.goals().findAll(UNIT, YEAR)))
                    .containsExactlyElementsOf(Sheets.shapes(ExampleTree.nodes()));
        }
    }

    @Test
    void levelsBelowTheFourthShareItsColumnAndComeBackFromTheirCodes() {
        Path file = dir.resolve("deep.xlsx");
        List<GoalNode> deep = new java.util.ArrayList<>(ExampleTree.nodes());
        GoalNode task = deep.stream().filter(n -> n.title().equals("制定重点项目年度计划并分解下达")).findFirst().orElseThrow();
        GoalNode step = GoalNode.create(UNIT, YEAR, task.id(), 0, org.perfdesk.domain.NodeKind.TASK, "起草年度计划")
                .withOwner("EX-GHC-01");
        deep.add(step);
        deep.add(GoalNode.create(UNIT, YEAR, step.id(), 0, org.perfdesk.domain.NodeKind.TASK, "征求各处室意见")
                .withOwner("EX-BGS"));
        try (Workspace ws = ExampleTree.workspace(dir.resolve("source"), false)) {
            ws.goals().saveAll(deep);
            GoalTreeXlsx.export(ws, UNIT, YEAR, file);
        }
        assertThat(Sheets.cellText(file, 8, "编号")).isEqualTo("1.1.1.1.1.1");
        assertThat(Sheets.cellText(file, 8, "四级指标（任务）")).isEqualTo("征求各处室意见");
        try (Workspace ws = ExampleTree.workspace(dir.resolve("EX"), false)) {
            GoalTreeXlsx.apply(ws, GoalTreeXlsx.read(ws, UNIT, YEAR, file));
            assertThat(Sheets.shapes(ws.goals().findAll(UNIT, YEAR))).containsExactlyElementsOf(Sheets.shapes(deep));
        }
    }

    @Test
    void anOwnerWhoseNameIsSharedIsWrittenByCodeAndATypedSharedNameIsRefused() throws IOException {
        Path file = dir.resolve("shared-name.xlsx");
        try (Workspace ws = ExampleTree.workspace(dir.resolve("EX"), true)) {
            // A second 办公室, inside 业务一处: the name alone no longer says which.
            ws.orgUnits().save(new org.perfdesk.domain.OrgUnit("EX-YW1-BGS", "办公室",
                    org.perfdesk.domain.OrgKind.DIVISION, "EX-YW1"));
            GoalTreeXlsx.export(ws, UNIT, YEAR, file);
            assertThat(Sheets.cellText(file, 14, "责任单位/责任人")).isEqualTo("EX-BGS");
            assertThat(GoalTreeXlsx.read(ws, UNIT, YEAR, file).counts()).isEqualTo(new XlsxImport.Counts(0, 0, 15, 0));

            Path typed = Sheets.edit(file, dir.resolve("typed.xlsx"), s -> Sheets.set(s, 14, "责任单位/责任人", "办公室"));
            assertThat(GoalTreeXlsx.read(ws, UNIT, YEAR, typed).problems()).singleElement().satisfies(p -> {
                assertThat(p.row()).isEqualTo(14);
                assertThat(p.reason()).isEqualTo(RowProblem.Reason.AMBIGUOUS_OWNER);
                assertThat(p.args()).containsExactly("办公室", "EX-BGS、EX-YW1-BGS");
            });
        }
    }

    private static Map<String, GoalNode> byTitle(List<GoalNode> nodes) {
        return nodes.stream().collect(Collectors.toMap(GoalNode::title, Function.identity()));
    }

    /** Swaps the contents of two rows and puts their 编号 back, as cutting and pasting rows in Excel does. */
    private static void swapSiblings(XSSFSheet s, int excelRowA, int excelRowB) {
        String codeA = Sheets.get(s, excelRowA, "编号");
        String codeB = Sheets.get(s, excelRowB, "编号");
        XSSFRow a = s.getRow(excelRowA - 1);
        XSSFRow b = s.getRow(excelRowB - 1);
        XSSFRow spare = s.createRow(s.getLastRowNum() + 5);
        CellCopyPolicy policy = new CellCopyPolicy();
        spare.copyRowFrom(a, policy);
        a.copyRowFrom(b, policy);
        b.copyRowFrom(spare, policy);
        s.removeRow(spare);
        Sheets.set(s, excelRowA, "编号", codeA);
        Sheets.set(s, excelRowB, "编号", codeB);
    }
}
