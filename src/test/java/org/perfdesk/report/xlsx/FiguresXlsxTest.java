package org.perfdesk.report.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.IndicatorRule;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.domain.VerifiedFigure;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.report.DemoOffice;
import org.perfdesk.store.AuditLog;
import org.perfdesk.store.Workspace;

/**
 * The 指标考核数据表: written per assessing body, read back with every bad row named by row and column and
 * nothing saved, applied with a backup and an audit entry per figure; the verified figure then counts
 * instead of the unit's own. {@code sample-data/figures-2008-省统计局.xlsx} is the demo cities' form as
 * 省统计局 returns it (regenerate with {@code -Dperfdesk.writeTemplate=true}).
 */
class FiguresXlsxTest {
    static final Path SAMPLE = Path.of("sample-data", "figures-2008-省统计局.xlsx");

    @TempDir
    Path dir;

    @Test
    void theSampleIsTheFormFilledInByTheStatisticsBureau() throws IOException {
        try (Workspace office = Workspace.open(DemoOffice.copyTo(dir.resolve("office")))) {
            Path form = dir.resolve("form.xlsx");
            FiguresXlsx.template(office, 2008, "省统计局", RankingGroup.CITY_GOVERNMENTS, form);
            Path fresh = FiguresSheets.edit(form, dir.resolve("fresh.xlsx"), s -> FiguresSheets.fill(s, FiguresSheets.DEMO));
            if (Boolean.getBoolean("perfdesk.writeTemplate")) {
                Files.copy(fresh, SAMPLE, StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(XlsxSource.readAll(SAMPLE)).isEqualTo(XlsxSource.readAll(fresh));
            // Only the two cities, every one of their scored indicators.
            int indicators = 0;
            for (String code : List.of("XM", "NP")) {
                indicators += IndicatorRule.scored(office.goals().loadTree(code, 2008)).size();
            }
            assertThat(XlsxSource.read(form, FiguresSheetWriter.SHEET).rows()).hasSize(indicators + 4);
        }
    }

    @Test
    void aVerifiedFigureReplacesTheReportedOneWithBothKeptAndEveryChangeAudited() throws IOException {
        try (Workspace office = Workspace.open(DemoOffice.copyTo(dir.resolve("office")))) {
            FiguresXlsx.Parsed parsed = FiguresXlsx.parse(office, 2008, SAMPLE);
            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.body()).isEqualTo("省统计局");
            assertThat(parsed.rows()).hasSize(FiguresSheets.DEMO.size());
            assertThat(parsed.differing()).isEqualTo(3);
            assertThat(parsed.count(FiguresXlsx.Change.ADDED)).isEqualTo(8);
            long audited = office.audit().all().size();
            assertThat(office.evaluation().verified().findByYear(2008)).as("nothing before apply").isEmpty();

            FiguresXlsx.Applied applied = FiguresXlsx.apply(office, parsed);
            assertThat(applied.added()).isEqualTo(8);
            assertThat(applied.backup()).exists();
            List<AuditLog.Entry> entries = office.audit().all();
            assertThat(entries).hasSize((int) audited + 8);
            AuditLog.Entry invest = entries.stream().filter(e -> e.subject().equals("XM/全社会固定资产投资"))
                    .findFirst().orElseThrow();
            assertThat(invest.action()).isEqualTo("verified");
            assertThat(invest.before()).isNull();
            assertThat(invest.after()).contains("\"actual\":\"914\"").contains("\"body\":\"省统计局\"");
            assertThat(invest.reason()).contains("figures-2008-省统计局.xlsx");

            // XM's investment counts 914 of 900, not the 927 it reported; both stay visible.
            Evaluation.UnitResult xm = new Evaluator(office).evaluate(2008).stream()
                    .filter(r -> r.unit().code().equals("XM")).findFirst().orElseThrow();
            IndicatorRule.Line line = xm.indicators().stream().filter(l -> l.title().equals("全社会固定资产投资"))
                    .findFirst().orElseThrow();
            assertThat(line.reported().actual()).isEqualByComparingTo("927");
            assertThat(line.verified().actual()).isEqualByComparingTo("914");
            assertThat(line.verifiedBy()).isEqualTo("省统计局");
            assertThat(line.differs()).isTrue();
            assertThat(line.completion()).isEqualByComparingTo("101.6");
            // The form written again carries what was verified, so re-importing it changes nothing.
            Path again = dir.resolve("again.xlsx");
            FiguresXlsx.template(office, 2008, "省统计局", RankingGroup.CITY_GOVERNMENTS, again);
            FiguresXlsx.Parsed second = FiguresXlsx.parse(office, 2008, again);
            assertThat(second.count(FiguresXlsx.Change.UNCHANGED)).isEqualTo(8);
            assertThat(FiguresXlsx.apply(office, second).backup()).isNull();
        }
    }

    @Test
    void everyBadRowIsNamedByRowAndColumnAndNothingIsSaved() throws IOException {
        try (Workspace office = Workspace.open(DemoOffice.copyTo(dir.resolve("office")))) {
            Path bad = FiguresSheets.edit(SAMPLE, dir.resolve("bad.xlsx"), s -> {
                FiguresSheets.set(s, FiguresSheets.rowOf(s, "XM", "地区生产总值增长率"), "核定值", "约11");
                FiguresSheets.set(s, FiguresSheets.rowOf(s, "XM", "财政总收入"), "数据来源", "");
                FiguresSheets.set(s, FiguresSheets.rowOf(s, "XM", "外贸进出口总额"), "核定值", "430");
                FiguresSheets.set(s, FiguresSheets.rowOf(s, "NP", "财政总收入"), "单位名称", "南平市");
                FiguresSheets.set(s, FiguresSheets.rowOf(s, "NP", "农民人均纯收入"), "指标", "农民收入");
                int level = FiguresSheets.rowOf(s, "XM", "行政执法责任制评议考核");
                FiguresSheets.set(s, level, "核定值", "很好");
                FiguresSheets.set(s, level, "数据来源", "检查记录");
                int milestone = FiguresSheets.rowOf(s, "XM", "区级行政服务中心标准化建设");
                FiguresSheets.set(s, milestone, "核定值", "年底");
                FiguresSheets.set(s, milestone, "数据来源", "验收");
            });
            FiguresXlsx.Parsed parsed = FiguresXlsx.parse(office, 2008, bad);
            assertThat(parsed.refused()).isTrue();
            Texts t = Texts.of(Texts.CHINESE);
            assertThat(parsed.problems()).extracting(p -> p.describe(t)).anySatisfy(s -> assertThat(s)
                    .contains("「核定值」：核定值“约11”不是数字")).anySatisfy(s -> assertThat(s)
                    .contains("「数据来源」：填了核定值，请写明数据来源")).anySatisfy(s -> assertThat(s)
                    .contains("「说明」：核定值 430 与单位报送值不同")).anySatisfy(s -> assertThat(s)
                    .contains("「单位名称」：单位名称“南平市”与代码 NP 不符")).anySatisfy(s -> assertThat(s)
                    .contains("「指标」：指标名称“农民收入”与指标标识不符")).anySatisfy(s -> assertThat(s)
                    .contains("等级“很好”不在该指标的评价等级（好、较好、一般、差）之中")).anySatisfy(s -> assertThat(s)
                    .contains("“年底”不是日期"));
            assertThat(parsed.problems()).hasSize(7);
            assertThat(parsed.problems()).extracting(FiguresProblem::row).isSorted();
            assertThatThrownBy(() -> FiguresXlsx.apply(office, parsed)).isInstanceOf(IllegalStateException.class);
            assertThat(office.evaluation().verified().findByYear(2008)).isEmpty();
            // A form of another year is refused as a whole.
            Path other = FiguresSheets.edit(SAMPLE, dir.resolve("2007.xlsx"), s -> s.getRow(0).getCell(0)
                    .setCellValue("2007年度指标考核数据表"));
            assertThatThrownBy(() -> FiguresXlsx.parse(office, 2008, other)).isInstanceOf(UserError.class)
                    .hasFieldOrPropertyWithValue("key", "figures.import.error.otherYear");
        }
    }

    @Test
    void aMilestoneFoundDoneOnADateOrNotDoneAndALevelAreRead() throws IOException {
        try (Workspace office = Workspace.open(DemoOffice.copyTo(dir.resolve("office")))) {
            Path form = dir.resolve("form.xlsx");
            FiguresXlsx.template(office, 2008, "设区市政府联合评估组", RankingGroup.CITY_GOVERNMENTS, form);
            Path filled = FiguresSheets.edit(form, dir.resolve("joint.xlsx"), s -> {
                int m = FiguresSheets.rowOf(s, "XM", "区级行政服务中心标准化建设");
                FiguresSheets.set(s, m, "核定值", "2009年1月15日");
                FiguresSheets.set(s, m, "数据来源", "验收报告");
                FiguresSheets.set(s, m, "说明", "翔安区中心次年验收");
                int q = FiguresSheets.rowOf(s, "XM", "行政执法责任制评议考核");
                FiguresSheets.set(s, q, "核定值", "较好");
                FiguresSheets.set(s, q, "数据来源", "执法检查");
                FiguresSheets.set(s, q, "说明", "抽查案卷2件不规范");
                int n = FiguresSheets.rowOf(s, "NP", "闽江南平城区段防洪工程征地拆迁");
                FiguresSheets.set(s, n, "核定值", "未完成");
                FiguresSheets.set(s, n, "数据来源", "现场核查");
                FiguresSheets.set(s, n, "说明", "尚有12户未签约");
            });
            FiguresXlsx.Parsed parsed = FiguresXlsx.parse(office, 2008, filled);
            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.rows()).extracting(l -> l.figure()).extracting(VerifiedFigure::doneOn,
                    VerifiedFigure::level, VerifiedFigure::notDone).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(java.time.LocalDate.of(2009, 1, 15), null, false),
                    org.assertj.core.groups.Tuple.tuple(null, "较好", false),
                    org.assertj.core.groups.Tuple.tuple(null, null, true));
            assertThat(parsed.rows()).allMatch(FiguresXlsx.Line::differs);
        }
    }
}
