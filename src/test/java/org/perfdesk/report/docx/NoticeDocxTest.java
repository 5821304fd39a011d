package org.perfdesk.report.docx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.report.DemoOffice;
import org.perfdesk.report.ResultsData;
import org.perfdesk.report.xlsx.AppraisalXlsx;
import org.perfdesk.store.Workspace;

/** The draft notice (通报): what a reader checks in it — each unit, its rank and its scores. */
class NoticeDocxTest {
    private static final LocalDate DATE = LocalDate.of(2009, 3, 15);

    @TempDir
    Path dir;

    private static XWPFDocument read(byte[] bytes) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(bytes));
    }

    private static String paragraphs(XWPFDocument doc) {
        return String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
    }

    private static List<List<String>> cells(XWPFTable table) {
        return table.getRows().stream().map(r -> r.getTableCells().stream().map(c -> c.getText()).toList()).toList();
    }

    @Test
    void theNoticeRanksEveryDemoUnitInItsGroupWithItsScores() throws IOException {
        try (Workspace office = Workspace.open(DemoOffice.copyTo(dir.resolve("office")))) {
            AppraisalXlsx.apply(office, AppraisalXlsx.parse(office, 2008, Path.of("sample-data", "appraisal-2008.xlsx")));
            List<Evaluation.UnitResult> results = new Evaluator(office).evaluate(2008);

            try (XWPFDocument doc = read(NoticeDocx.toBytes(ResultsData.load(office, 2008, DATE), Texts.of(Texts.CHINESE)))) {
                String text = paragraphs(doc);
                assertThat(text).startsWith("关于2008年度绩效评估结果的通报\n（征求意见稿）\n各设区市人民政府，省直各有关部门：")
                        .contains("对2个设区市政府和5个省直部门2008年度的绩效进行了评估")
                        .contains("评估总分＝70%×指标考核得分＋30%×公众评议得分－察访核验扣分＋加分（评估方案第1版）")
                        .contains("一、设区市政府评估结果").contains("二、省直部门评估结果").contains("三、各单位得分情况")
                        .contains("（以上结果尚未经领导小组审定。）")
                        .contains("福建省机关效能建设领导小组办公室\n2009年3月15日");
                for (Evaluation.UnitResult r : results) {
                    String group = r.group() == RankingGroup.CITY_GOVERNMENTS ? "设区市政府" : "省直部门";
                    assertThat(text).contains(r.unit().name() + "：总分" + r.total().toPlainString() + "分，在" + group
                            + "中排名第" + r.rank() + "。其中，指标考核得分" + r.indicatorScore().toPlainString()
                            + "分（" + r.indicators().size() + "项指标），公众评议得分" + r.appraisalScore().toPlainString()
                            + "分（2轮调查）");
                }
                assertThat(doc.getTables()).hasSize(2);
                for (int t = 0; t < 2; t++) {
                    RankingGroup g = RankingGroup.values()[t];
                    List<List<String>> rows = cells(doc.getTables().get(t));
                    assertThat(rows.get(0)).containsExactly("排名", "单位", "指标考核", "公众评议", "察访扣分", "加分", "总分");
                    List<Evaluation.UnitResult> members = results.stream().filter(r -> r.group() == g).toList();
                    assertThat(rows.subList(1, rows.size())).containsExactlyElementsOf(members.stream().map(r -> List.of(
                            String.valueOf(r.rank()), r.unit().name(), r.indicatorScore().toPlainString(),
                            r.appraisalScore().toPlainString(), r.deductions().toPlainString(), r.bonus().toPlainString(),
                            r.total().toPlainString())).toList());
                    assertThat(doc.getTables().get(t).getRow(0).isRepeatHeader()).isTrue();
                }
            }

            new Evaluator(office).approve(2008, java.time.LocalDate.of(2009, 3, 10), "第十四次会议",
                    "省机关效能建设领导小组", "");
            new Evaluator(office).freeze(2008, "审定");
            try (XWPFDocument doc = read(NoticeDocx.toBytes(ResultsData.load(office, 2008, DATE), Texts.of(Texts.CHINESE)))) {
                assertThat(paragraphs(doc)).doesNotContain("征求意见稿")
                        .contains("以上结果已经省机关效能建设领导小组审定（2009年3月10日，第十四次会议）。");
            }
            Path out = dir.resolve("通报/2008.docx");
            NoticeDocx.export(office, 2008, out);
            assertThat(out).exists();
            assertThat(Files.list(out.getParent())).containsExactly(out);
        }
    }

    @Test
    void tiedUnitsShareARankAndSaySo() throws IOException {
        EvaluationScheme scheme = EvaluationScheme.defaults(2008);
        OrgUnit a = new OrgUnit("A", "甲市人民政府", OrgKind.CITY, "XNB", RankingGroup.CITY_GOVERNMENTS, null);
        OrgUnit b = new OrgUnit("B", "乙市人民政府", OrgKind.CITY, "XNB", RankingGroup.CITY_GOVERNMENTS, null);
        OrgUnit c = new OrgUnit("C", "丙市人民政府", OrgKind.CITY, "XNB", RankingGroup.CITY_GOVERNMENTS, null);
        List<Evaluation.UnitResult> results = List.of(result(a, "80.00", 1, List.of("B")), result(b, "80.00", 1, List.of("A")),
                result(c, "75.50", 3, List.of()));
        OrgUnit office = new OrgUnit("XNB", "效能办", OrgKind.OFFICE, null);
        ResultsData data = new ResultsData(2008, office, scheme, results, Map.of(), Map.of(), Optional.empty(), DATE);

        try (XWPFDocument doc = read(NoticeDocx.toBytes(data, Texts.of(Texts.CHINESE)))) {
            assertThat(paragraphs(doc)).contains("甲市人民政府：总分80.00分，在设区市政府中并列第1（与乙市人民政府并列）")
                    .contains("丙市人民政府：总分75.50分，在设区市政府中排名第3")
                    .contains("对3个设区市政府2008年度的绩效");
            assertThat(cells(doc.getTables().get(0))).extracting(r -> r.get(0)).containsExactly("排名", "并列 1", "并列 1", "3");
        }
        try (XWPFDocument doc = read(NoticeDocx.toBytes(data, Texts.of(java.util.Locale.ENGLISH)))) {
            assertThat(paragraphs(doc)).startsWith("Notice on the performance evaluation results of 2008")
                    .contains("甲市人民政府: total 80.00, rank 1 among City governments, tied with 乙市人民政府.");
        }
    }

    private static Evaluation.UnitResult result(OrgUnit u, String total, int rank, List<String> tied) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new Evaluation.UnitResult(u, u.group(), new BigDecimal(total), zero, zero, zero, new BigDecimal(total),
                rank, tied, List.of(), List.of(), List.of(), List.of(), List.of(), Evaluation.Standing.COMPLETE,
                List.of(), null);
    }
}
