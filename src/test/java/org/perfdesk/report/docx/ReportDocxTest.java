package org.perfdesk.report.docx;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPictureData;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.ReportKind;
import org.perfdesk.domain.ReportSection;
import org.perfdesk.domain.Texts;
import org.perfdesk.report.DemoSet;
import org.perfdesk.report.ReportData;
import org.perfdesk.report.ReportDrafts;
import org.perfdesk.report.diagram.DiagramLayout;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/** The Word document read back with POI: title, numbered sections, tables with the right numbers, the diagram. */
class ReportDocxTest {
    private static final Texts ZH = Texts.of(Texts.CHINESE);
    private static final LocalDate DATE = LocalDate.of(2008, 8, 25);

    @TempDir
    Path dir;

    private record Written(Path file, ReportData data, List<ReportSection> sections) {
    }

    private Written write(String unit, ReportKind kind, Texts t, java.util.function.UnaryOperator<List<ReportSection>> edit)
            throws java.io.IOException {
        try (Workspace ws = Workspace.open(DemoSet.unit(unit))) {
            ReportData data = ReportData.load(ws, unit, 2008, kind);
            List<ReportSection> sections = edit.apply(new ReportDrafts(t).draft(data));
            Path out = dir.resolve(unit + "-" + kind + ".docx");
            Files.write(out, new ReportDocx(data, t).toBytes(sections, org.perfdesk.report.Issue.unnumbered(org.perfdesk.report.Documents.defaults(ws, t), DATE)));
            return new Written(out, data, sections);
        }
    }

    private static XWPFDocument read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XWPFDocument(in);
        }
    }

    @Test
    void titleDateAndTheSectionsNumberedInChineseInOrder() throws Exception {
        Written w = write("SLT", ReportKind.MIDYEAR, ZH, s -> s);
        try (XWPFDocument doc = read(w.file())) {
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).filter(s -> !s.isEmpty())
                    .toList();
            assertThat(texts.get(0)).isEqualTo("福建省水利厅2008年半年绩效分析报告");
            // 主送 the office under the title; 附件说明, 署名 and 成文日期 (the date chosen) after the last section.
            assertThat(texts.get(1)).isEqualTo("福建省机关效能建设领导小组办公室：");
            int end = texts.indexOf("附件：福建省水利厅2008年绩效目标分解流程示意图");
            assertThat(end).isGreaterThan(texts.indexOf("七、下一步工作打算"));
            assertThat(texts.subList(end + 1, end + 3)).containsExactly("福建省水利厅", "2008年8月25日");
            assertThat(texts.subList(0, end)).doesNotContain("2008年8月25日");
            List<String> headings = texts.stream().filter(s -> s.matches("^[一二三四五六七八九十]+、.*")).toList();
            List<String> expected = new ArrayList<>();
            String[] numbers = {"一", "二", "三", "四", "五", "六", "七"};
            for (int i = 0; i < w.sections().size(); i++) {
                expected.add(numbers[i] + "、" + w.sections().get(i).title());
            }
            assertThat(headings).containsExactlyElementsOf(expected);
            assertThat(headings.get(0)).isEqualTo("一、总体情况");
            assertThat(headings.get(1)).isEqualTo("二、防汛抗旱减灾");
            assertThat(headings.get(6)).isEqualTo("七、下一步工作打算");
            assertThat(doc.getProperties().getCoreProperties().getTitle()).isEqualTo("福建省水利厅2008年半年绩效分析报告");
        }
    }

    @Test
    void eachGoalSectionHasATableOfItsIndicatorsWithTheRightNumbers() throws Exception {
        Written w = write("SLT", ReportKind.MIDYEAR, ZH, s -> s);
        GoalTree tree = w.data().tree();
        try (XWPFDocument doc = read(w.file())) {
            assertThat(doc.getTables()).hasSize(tree.roots().size());
            for (int g = 0; g < tree.roots().size(); g++) {
                GoalNode goal = tree.roots().get(g);
                XWPFTable table = doc.getTables().get(g);
                assertThat(cells(table.getRow(0)))
                        .containsExactly("指标", "责任人", "目标值", "完成值", "完成率", "状态", "问题、原因和措施");
                assertThat(table.getRow(0).isRepeatHeader()).isTrue();
                List<String> firstColumn = table.getRows().stream().skip(1).filter(r -> r.getTableCells().size() == 7)
                        .map(r -> r.getCell(0).getText()).toList();
                assertThat(firstColumn).containsExactlyElementsOf(
                        w.data().indicatorsUnder(goal).stream().map(GoalNode::title).toList());
            }
            XWPFTableRow irrigation = rowOf(doc, "新增农田有效灌溉面积");
            assertThat(cells(irrigation)).containsExactly("新增农田有效灌溉面积", "林建华（处长）", "20万亩", "9.6万亩",
                    "48.0%", "正常", "");
            XWPFTableRow reservoirs = rowOf(doc, "中型病险水库除险加固完工数");
            assertThat(cells(reservoirs).subList(2, 6)).containsExactly("10座", "2座", "20.0%", "有风险");
            assertThat(reservoirs.getCell(6).getText()).startsWith("问题：完工进度落后于计划").contains("原因：").contains("措施：");
            assertThat(rowOf(doc, "万元工业增加值用水量").getCell(2).getText()).isEqualTo("≤95立方米");
            List<String> groupRows = doc.getTables().get(0).getRows().stream().filter(r -> r.getTableCells().size() == 1)
                    .map(r -> r.getCell(0).getText()).toList();
            assertThat(groupRows).containsExactly("（一）防汛抗旱指挥体系建设", "（二）汛期安全度汛");
        }
    }

    @Test
    void editedProseIsPrintedAndTheTablesStillComeFromTheData() throws Exception {
        Written w = write("SLT", ReportKind.MIDYEAR, ZH, drafts -> {
            List<ReportSection> edited = new ArrayList<>(drafts);
            edited.set(3, drafts.get(3).withBody("第一段：用户改写。\n\n　　第二段：用户改写，完成率写成了99%。"));
            return edited;
        });
        try (XWPFDocument doc = read(w.file())) {
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            int heading = texts.indexOf("四、农村水利与民生水利");
            assertThat(texts.subList(heading + 1, heading + 3))
                    .containsExactly("第一段：用户改写。", "第二段：用户改写，完成率写成了99%。");
            assertThat(cells(rowOf(doc, "新增农田有效灌溉面积")).get(4)).isEqualTo("48.0%");
        }
    }

    @Test
    void theDiagramIsEmbeddedAfterTheSectionsAsPngPicturesAtTheTextWidth() throws Exception {
        Written w = write("XM", ReportKind.MIDYEAR, ZH, s -> s);
        try (XWPFDocument doc = read(w.file())) {
            List<XWPFPictureData> pictures = doc.getAllPictures();
            assertThat(pictures).isNotEmpty();
            int totalHeight = 0;
            for (XWPFPictureData p : pictures) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(p.getData()));
                assertThat(image.getWidth()).isGreaterThan(1200);
                totalHeight += image.getHeight();
            }
            DiagramLayout whole = org.perfdesk.report.diagram.DecompositionDiagram
                    .of(w.data().unit(), 2008, w.data().orgs(), w.data().tree(), ZH).layout();
            assertThat(totalHeight).isGreaterThan((int) whole.height());
            List<IBodyElement> body = doc.getBodyElements();
            int lastTable = body.lastIndexOf(doc.getTables().get(doc.getTables().size() - 1));
            int annex = -1;
            for (int i = 0; i < body.size(); i++) {
                if (body.get(i) instanceof XWPFParagraph p && p.getText().equals("附件")) {
                    annex = i;
                }
            }
            assertThat(annex).isGreaterThan(lastTable);
            XWPFParagraph annexHeading = (XWPFParagraph) body.get(annex);
            assertThat(annexHeading.isPageBreak()).isTrue();
            // The annex's title is text (two lines: the unit, then the rest), not only inside the picture.
            List<String> annexTexts = body.subList(annex, body.size()).stream()
                    .filter(e -> e instanceof XWPFParagraph).map(e -> ((XWPFParagraph) e).getText())
                    .filter(s -> !s.isEmpty()).toList();
            assertThat(annexTexts.subList(0, 3)).containsExactly("附件", "厦门市人民政府",
                    "2008年绩效目标分解流程示意图");
            XWPFParagraph firstPicture = body.subList(annex, body.size()).stream()
                    .filter(e -> e instanceof XWPFParagraph p && !p.getRuns().isEmpty()
                            && !p.getRuns().get(0).getEmbeddedPictures().isEmpty())
                    .map(e -> (XWPFParagraph) e).findFirst().orElseThrow();
            assertThat(firstPicture).isNotNull();
            // Every page of the diagram within the text width, its smallest text (12 px at 1:1) at least 10 pt on paper.
            for (XWPFParagraph p : doc.getParagraphs()) {
                for (var run : p.getRuns()) {
                    for (var picture : run.getEmbeddedPictures()) {
                        double points = picture.getWidth();
                        BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture.getPictureData().getData()));
                        double layoutWidth = image.getWidth() / ReportDocx.DIAGRAM_RESOLUTION;
                        assertThat(points).as("picture width in points").isLessThanOrEqualTo(DocxFormat.TEXT_WIDTH / 20.0 + 1);
                        assertThat(12 * points / layoutWidth).as("smallest diagram text in points").isGreaterThanOrEqualTo(10);
                        assertThat(colouredPixels(image)).as("black and white, to print on an office printer").isZero();
                    }
                }
            }
        }
    }

    @Test
    void a4PageSetUpWithPageNumbersInTheFooter() throws Exception {
        Written w = write("NP", ReportKind.ANNUAL, ZH, s -> s);
        try (XWPFDocument doc = read(w.file())) {
            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            assertThat(sect.getPgSz().getW()).hasToString("11906");
            assertThat(sect.getPgSz().getH()).hasToString("16838");
            assertThat(sect.getPgMar().getLeft()).hasToString("1588");
            assertThat(doc.getFooterList()).hasSize(2);
            assertThat(doc.getFooterList().get(0).getParagraphs().get(0).getCTP().xmlText()).contains("PAGE");
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("南平市人民政府2008年度绩效总结报告");
            assertThat(doc.getParagraphs().get(0).getRuns().get(0).getFontFamily(
                    org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia)).isEqualTo("方正小标宋简体");
        }
        assertThat(Files.exists(SafeFiles.temporaryFor(w.file()))).isFalse();
    }

    @Test
    void englishDocumentsUseEnglishNumberingAndHeaders() throws Exception {
        Texts en = Texts.of(Locale.ENGLISH);
        Written w = write("SLT", ReportKind.MIDYEAR, en, s -> s);
        try (XWPFDocument doc = read(w.file())) {
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).contains("1. Overview", "August 25, 2008");
            assertThat(cells(doc.getTables().get(0).getRow(0))).startsWith("Indicator", "Responsible");
            assertThat(texts).noneMatch(s -> s.contains("!report."));
        }
    }

    @Test
    void exportUsesTheSavedSectionsAndLeavesTheWorkspaceAlone() throws Exception {
        Path out = dir.resolve("WJJ.docx");
        try (Workspace ws = Workspace.open(DemoSet.unit("WJJ"))) {
            ReportDocx.export(ws, "WJJ", 2008, ReportKind.MIDYEAR, org.perfdesk.report.Documents.issue(ws, DATE, null), out);
            assertThat(ws.reports().find("WJJ", 2008, ReportKind.MIDYEAR)).isEmpty();
        }
        try (XWPFDocument doc = read(out)) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("福建省物价局2008年半年绩效分析报告");
        }
    }

    private static int colouredPixels(BufferedImage image) {
        int coloured = 0;
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xFF;
                int g = rgb >> 8 & 0xFF;
                int b = rgb & 0xFF;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 16) {
                    coloured++;
                }
            }
        }
        return coloured;
    }

    private static XWPFTableRow rowOf(XWPFDocument doc, String indicator) {
        for (XWPFTable t : doc.getTables()) {
            for (XWPFTableRow r : t.getRows()) {
                if (r.getCell(0).getText().equals(indicator)) {
                    return r;
                }
            }
        }
        throw new AssertionError("no row for " + indicator);
    }

    /** Cell texts with the lines of a cell joined, as a reader sees them. */
    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(c -> c.getText().replace("\n", "")).toList();
    }
}
