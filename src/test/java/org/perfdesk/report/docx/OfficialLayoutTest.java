package org.perfdesk.report.docx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.perfdesk.domain.DocumentIdentity;
import org.perfdesk.domain.DocumentNumber;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.ReportKind;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.report.DemoSet;
import org.perfdesk.report.Issue;
import org.perfdesk.report.ReportData;
import org.perfdesk.report.ReportDrafts;
import org.perfdesk.report.ResultsData;
import org.perfdesk.store.Workspace;

/**
 * What a 文秘 checks in a generated 公文 against GB/T 9704-2012, read from the document's XML: page and
 * grid, fonts named with their fallbacks and their sizes per level, page numbers at the outer edge of odd
 * and even pages, the red 版头 with its 文号, the 主送, 署名 and 成文日期, and the 版记 lines.
 */
class OfficialLayoutTest {
    private static final Texts ZH = Texts.of(Texts.CHINESE);
    private static final LocalDate DATE = LocalDate.of(2009, 3, 20);
    /** The plan circulates the results in the name of both 办公厅, copied to the bodies that judge leadership. */
    private static final DocumentIdentity JOINT = new DocumentIdentity(List.of(
            new DocumentIdentity.Issuer("中共福建省委办公厅", ""), new DocumentIdentity.Issuer("福建省人民政府办公厅", "")),
            "文件", "闽委办", 1, 2009, "各设区市人民政府，省直各有关部门", List.of("省委组织部", "省委省直机关工委", "省人事厅"),
            "中共福建省委办公厅", "");

    @TempDir
    Path dir;

    private static XWPFDocument read(byte[] bytes) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(bytes));
    }

    private static byte[] notice(DocumentIdentity identity, DocumentNumber number) {
        EvaluationScheme scheme = EvaluationScheme.defaults(2008);
        OrgUnit a = new OrgUnit("A", "甲市人民政府", OrgKind.CITY, "XNB", RankingGroup.CITY_GOVERNMENTS, null);
        OrgUnit b = new OrgUnit("B", "乙市人民政府", OrgKind.CITY, "XNB", RankingGroup.CITY_GOVERNMENTS, null);
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        List<Evaluation.UnitResult> results = List.of(
                new Evaluation.UnitResult(a, a.group(), new BigDecimal("92.10"), zero, zero, zero,
                        new BigDecimal("92.10"), 1, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                        Evaluation.Standing.COMPLETE, List.of(), null),
                new Evaluation.UnitResult(b, b.group(), new BigDecimal("58.00"), zero, zero, zero,
                        new BigDecimal("58.00"), 2, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                        Evaluation.Standing.COMPLETE, List.of(), null));
        OrgUnit office = new OrgUnit("XNB", "福建省机关效能建设领导小组办公室", OrgKind.OFFICE, null);
        ResultsData data = new ResultsData(2008, office, scheme, results, Map.of(), Map.of(), Optional.empty(), DATE);
        return NoticeDocx.toBytes(data, ZH, new Issue(identity, DATE, number));
    }

    private static List<XWPFParagraph> nonEmpty(XWPFDocument doc) {
        return doc.getParagraphs().stream().filter(p -> !p.getText().isEmpty()).toList();
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String text) {
        return doc.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph " + text));
    }

    private static String eastAsia(XWPFRun r) {
        return r.getFontFamily(XWPFRun.FontCharRange.eastAsia);
    }

    private static String part(XWPFDocument doc, String name) throws Exception {
        for (PackagePart p : doc.getPackage().getParts()) {
            if (p.getPartName().getName().equals(name)) {
                try (InputStream in = p.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no part " + name);
    }

    @Test
    void a4WithTheStandardsMarginsAndAGridOf22LinesOf28Characters() throws Exception {
        try (XWPFDocument doc = read(notice(JOINT, new DocumentNumber("闽委办", 2009, 1)))) {
            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            assertThat(sect.getPgSz().getW()).hasToString("11906");
            assertThat(sect.getPgSz().getH()).hasToString("16838");
            // 天头 37 mm, 订口 28 mm: a 156 × 225 mm 版心.
            int top = ((BigInteger) sect.getPgMar().getTop()).intValue();
            int bottom = ((BigInteger) sect.getPgMar().getBottom()).intValue();
            int left = ((BigInteger) sect.getPgMar().getLeft()).intValue();
            int right = ((BigInteger) sect.getPgMar().getRight()).intValue();
            assertThat(top / 1440.0 * 25.4).isCloseTo(37, within(0.1));
            assertThat(left / 1440.0 * 25.4).isCloseTo(28, within(0.1));
            double textWidth = 11906 - left - right;
            double textHeight = 16838 - top - bottom;
            assertThat(textWidth / 1440 * 25.4).isCloseTo(156, within(0.2));
            assertThat(textHeight / 1440 * 25.4).isCloseTo(225, within(0.2));
            int pitch = ((BigInteger) sect.getDocGrid().getLinePitch()).intValue();
            assertThat((int) (textHeight / pitch)).as("grid lines per page").isEqualTo(22);

            XWPFParagraph body = paragraph(doc, nonEmpty(doc).stream().map(XWPFParagraph::getText)
                    .filter(s -> s.startsWith("根据2008年度")).findFirst().orElseThrow());
            assertThat(body.getSpacingBetween() * 20).as("body line height in twips").isCloseTo(pitch, within(1.0));
            XWPFRun run = body.getRuns().get(0);
            assertThat(run.getFontSizeAsDouble()).as("3号").isEqualTo(16.0);
            assertThat(eastAsia(run)).isEqualTo("仿宋_GB2312");
            // 28 characters as set fill the line; a 29th does not fit.
            double charTwips = 16 * 20 + run.getCharacterSpacing();
            assertThat((int) (textWidth / charTwips)).as("characters per line").isEqualTo(28);
            assertThat(body.getAlignment()).isEqualTo(ParagraphAlignment.BOTH);
            assertThat(body.getIndentationFirstLine()).as("two characters in").isEqualTo((int) Math.round(2 * charTwips));
        }
    }

    @Test
    void fontsAreNamedWithTheirFallbacksAndSizedPerLevel() throws Exception {
        try (XWPFDocument doc = read(notice(JOINT, new DocumentNumber("闽委办", 2009, 1)))) {
            String fonts = part(doc, "/word/fontTable.xml");
            assertThat(fonts).contains("<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋,FangSong\"/>")
                    .contains("<w:font w:name=\"方正小标宋简体\"><w:altName w:val=\"华文中宋,STZhongsong,宋体,SimSun\"/>")
                    .contains("<w:font w:name=\"楷体_GB2312\"><w:altName w:val=\"楷体,KaiTi\"/>")
                    .contains("<w:font w:name=\"黑体\"><w:altName w:val=\"SimHei\"/>");
            XWPFRun title = paragraph(doc, "关于2008年度绩效评估结果的通报").getRuns().get(0);
            assertThat(eastAsia(title)).isEqualTo("方正小标宋简体");
            assertThat(title.getFontSizeAsDouble()).as("2号").isEqualTo(22.0);
            assertThat(paragraph(doc, "关于2008年度绩效评估结果的通报").getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            XWPFRun one = paragraph(doc, "一、评估结果").getRuns().get(0);
            assertThat(eastAsia(one)).isEqualTo("黑体");
            assertThat(one.getFontSizeAsDouble()).isEqualTo(16.0);
            XWPFRun two = paragraph(doc, "（一）设区市政府").getRuns().get(0);
            assertThat(eastAsia(two)).isEqualTo("楷体_GB2312");
            // The score table in 小四, not 9 pt; its header in 黑体.
            XWPFTable table = doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals("排名"))
                    .findFirst().orElseThrow();
            XWPFRun cell = table.getRow(1).getCell(1).getParagraphs().get(0).getRuns().get(0);
            assertThat(cell.getFontSizeAsDouble()).isGreaterThanOrEqualTo(10.5);
            assertThat(eastAsia(cell)).isEqualTo("仿宋_GB2312");
        }
    }

    @Test
    void pageNumbersSitAtTheOuterEdgeOfOddAndEvenPages() throws Exception {
        try (XWPFDocument doc = read(notice(JOINT, null))) {
            assertThat(part(doc, "/word/settings.xml")).contains("evenAndOddHeaders");
            XWPFHeaderFooterPolicy policy = doc.getHeaderFooterPolicy();
            XWPFFooter odd = policy.getDefaultFooter();
            XWPFFooter even = policy.getEvenPageFooter();
            assertThat(odd.getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(even.getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.LEFT);
            for (XWPFFooter f : List.of(odd, even)) {
                XWPFParagraph p = f.getParagraphs().get(0);
                assertThat(p.getText()).isEqualTo("— 1 —");
                assertThat(p.getCTP().xmlText()).contains("PAGE");
                assertThat(eastAsia(p.getRuns().get(0))).isEqualTo("宋体");
                assertThat(p.getRuns().get(0).getFontSizeAsDouble()).as("4号").isEqualTo(14.0);
            }
            assertThat(odd.getParagraphs().get(0).getIndentationRight()).isEqualTo(280);
            assertThat(even.getParagraphs().get(0).getIndentationLeft()).isEqualTo(280);
            // The number about 7 mm under the 版心.
            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            int footer = ((BigInteger) sect.getPgMar().getFooter()).intValue();
            int bottom = ((BigInteger) sect.getPgMar().getBottom()).intValue();
            assertThat((bottom - footer - 280) / 1440.0 * 25.4).isCloseTo(7, within(0.5));
        }
    }

    @Test
    void theNoticeHasItsRedLetterheadItsNumberAndItsImprint() throws Exception {
        try (XWPFDocument doc = read(notice(JOINT, new DocumentNumber("闽委办", 2009, 1)))) {
            // Joint issuers in red 小标宋, one above the other, 文件 beside them.
            XWPFTable head = doc.getTables().get(0);
            assertThat(head.getRow(0).getCell(0).getText()).isEqualTo("中共福建省委办公厅");
            assertThat(head.getRow(1).getCell(0).getText()).isEqualTo("福建省人民政府办公厅");
            assertThat(head.getRow(0).getCell(1).getText()).isEqualTo("文件");
            for (XWPFRun r : head.getRow(0).getCell(0).getParagraphs().get(0).getRuns()) {
                assertThat(r.getColor()).isEqualTo("FF0000");
                assertThat(eastAsia(r)).isEqualTo("方正小标宋简体");
            }
            XWPFParagraph number = paragraph(doc, "闽委办〔2009〕1号");
            assertThat(number.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            int n = doc.getParagraphs().indexOf(number);
            String line = doc.getParagraphs().get(n + 1).getCTP().xmlText();
            assertThat(line).contains("w:bottom").contains("FF0000");
            assertThat(doc.getParagraphs().get(n + 1).getCTP().getPPr().getPBdr().getBottom().getSz().intValue())
                    .isGreaterThanOrEqualTo(8);
            // The title follows the red line; the 主送 follows the title.
            List<String> texts = nonEmpty(doc).stream().map(XWPFParagraph::getText).toList();
            int title = texts.indexOf("关于2008年度绩效评估结果的通报");
            assertThat(title).isGreaterThan(texts.indexOf("闽委办〔2009〕1号"));
            assertThat(texts.get(title + 2)).isEqualTo("各设区市人民政府，省直各有关部门：");
            // 署名 of both issuers, then the 成文日期 chosen, after the 附件说明.
            int attachments = texts.indexOf("附件：2008年度绩效评估得分表");
            assertThat(texts.subList(attachments + 1, attachments + 4))
                    .containsExactly("中共福建省委办公厅", "福建省人民政府办公厅", "2009年3月20日");
            // GB/T 9704 7.3.5.3: the names 右空二字, the date's first character two characters right of theirs.
            XWPFParagraph date = paragraph(doc, "2009年3月20日");
            XWPFParagraph leading = paragraph(doc, "中共福建省委办公厅");
            assertThat(date.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            double ch = DocxFormat.CHAR_PITCH;
            assertThat(paragraph(doc, "福建省人民政府办公厅").getIndentationRight()).as("右空二字").isEqualTo((int) Math.round(2 * ch));
            double namesStart = leading.getIndentationRight() + 9 * ch;
            double dateStart = date.getIndentationRight() + 6.5 * ch;
            assertThat(namesStart - dateStart).isCloseTo(2 * ch, within(2.0));
            // 等次 and 奖优罚劣: praise for the best, a written account from the lowest.
            String all = String.join("\n", texts);
            assertThat(all).contains("甲市人民政府：总分92.10分，在设区市政府中排名第1，等次为优秀。")
                    .contains("乙市人民政府：总分58.00分，在设区市政府中排名第2，等次为较差。")
                    .contains("评估结果抄送省委组织部、省委省直机关工委、省人事厅");
            assertThat(texts).anyMatch(s -> s.contains("优秀") && s.contains("甲市人民政府") && s.contains("表扬"));
            assertThat(texts).anyMatch(s -> s.contains("较差") && s.contains("乙市人民政府") && !s.contains("甲市"));

            // The 版记 at the foot of the last page: thick rules above and below, a thin one between.
            XWPFTable imprint = doc.getTables().get(doc.getTables().size() - 1);
            assertThat(imprint.getRow(0).getCell(0).getText()).isEqualTo("抄送：省委组织部，省委省直机关工委，省人事厅。");
            assertThat(imprint.getRow(1).getCell(0).getText()).isEqualTo("中共福建省委办公厅\t2009年3月20日印发");
            assertThat(imprint.getTopBorderSize()).isEqualTo(Imprint.THICK);
            assertThat(imprint.getBottomBorderSize()).isEqualTo(Imprint.THICK);
            assertThat(imprint.getInsideHBorderSize()).isEqualTo(Imprint.THIN);
            assertThat(imprint.getCTTbl().getTblPr().getTblpPr().getTblpYSpec().toString()).isEqualTo("bottom");
            XWPFRun copy = imprint.getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0);
            assertThat(copy.getFontSizeAsDouble()).as("4号").isEqualTo(14.0);
        }
    }

    @Test
    void withoutANumberPrefixThereIsNoLetterheadAndNoImprint() throws Exception {
        DocumentIdentity plain = new DocumentIdentity(List.of(new DocumentIdentity.Issuer("福建省机关效能建设领导小组办公室", "")),
                "文件", "", 1, 0, "各设区市人民政府，省直各有关部门", List.of(), "", "");
        try (XWPFDocument doc = read(notice(plain, null))) {
            assertThat(nonEmpty(doc).get(0).getText()).isEqualTo("关于2008年度绩效评估结果的通报");
            assertThat(doc.getParagraphs()).noneMatch(p -> p.getText().contains("〔"));
            assertThat(doc.getTables()).noneMatch(t -> t.getText().contains("印发"));
            assertThat(nonEmpty(doc).stream().map(XWPFParagraph::getText).toList())
                    .containsSequence("福建省机关效能建设领导小组办公室", "2009年3月20日");
        }
    }

    @Test
    void aUnitsReportSentUpwardHasItsNumberOnTheLeftAndItsSignerOnTheRight() throws Exception {
        DocumentIdentity unit = new DocumentIdentity(List.of(new DocumentIdentity.Issuer("福建省水利厅", "")), "文件",
                "闽水", 1, 2009, "福建省机关效能建设领导小组办公室", List.of(), "福建省水利厅办公室", "张三");
        try (Workspace ws = Workspace.open(DemoSet.unit("SLT"))) {
            ReportData data = ReportData.load(ws, "SLT", 2008, ReportKind.ANNUAL);
            byte[] bytes = new ReportDocx(data, ZH).toBytes(new ReportDrafts(ZH).draft(data),
                    new Issue(unit, LocalDate.of(2009, 1, 15), new DocumentNumber("闽水", 2009, 3)));
            try (XWPFDocument doc = read(bytes)) {
                XWPFParagraph number = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("闽水〔2009〕3号"))
                        .findFirst().orElseThrow();
                assertThat(number.getText()).isEqualTo("闽水〔2009〕3号\t签发人：张三");
                assertThat(number.getAlignment()).isEqualTo(ParagraphAlignment.LEFT);
                List<String> texts = nonEmpty(doc).stream().map(XWPFParagraph::getText).toList();
                assertThat(texts).contains("福建省水利厅2008年度绩效总结报告", "福建省机关效能建设领导小组办公室：");
                assertThat(String.join("\n", texts)).doesNotContain("年年");
                int end = texts.indexOf("附件：福建省水利厅2008年绩效目标分解流程示意图");
                assertThat(texts.subList(end + 1, end + 3)).containsExactly("福建省水利厅", "2009年1月15日");
                assertThat(doc.getTables().get(doc.getTables().size() - 1).getText()).contains("福建省水利厅办公室")
                        .contains("2009年1月15日印发");
            }
        }
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }
}
