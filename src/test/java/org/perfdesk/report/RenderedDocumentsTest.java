package org.perfdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.DocumentIdentity;
import org.perfdesk.domain.PlanReview;
import org.perfdesk.domain.ReportKind;
import org.perfdesk.domain.ReviewMode;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.DemoOffice;
import org.perfdesk.report.docx.FeedbackDocx;
import org.perfdesk.report.docx.NoticeDocx;
import org.perfdesk.report.docx.ReportDocx;
import org.perfdesk.report.docx.ReviewLetterDocx;
import org.perfdesk.store.Workspace;

/**
 * Every kind of document the program writes — the 通报, a unit's half-year analysis and annual summary,
 * the 批复 of a plan and the feedback letter — made from the demo and printed by a program other than
 * Word (LibreOffice to PDF): no line of running text holds more than 28 characters (±1) and no page
 * more than 22 lines of it (±1), as GB/T 9704's grid asks. With {@code -Dperfdesk.writeDocuments=true}
 * the first pages are also written as PNGs to {@code src/site/resources/documents/}. Skipped, saying
 * so, where LibreOffice, pdftotext or pdftoppm is not installed.
 */
class RenderedDocumentsTest {
    private static final DocumentIdentity OFFICE = new DocumentIdentity(
            List.of(new DocumentIdentity.Issuer("中共福建省委办公厅", "中共福建省委办公厅"),
                    new DocumentIdentity.Issuer("福建省人民政府办公厅", "福建省人民政府办公厅")), "文件", "闽委办",
            1, 2009, "各设区市人民政府，省直各有关部门", List.of("省委组织部", "省直机关工委", "省人事厅"),
            "福建省机关效能建设领导小组办公室", "");

    @TempDir
    static Path demo;
    @TempDir
    Path dir;

    private void run(String... command) throws IOException, InterruptedException {
        ExternalTools.run(dir, 300, command);
    }

    @Test
    void everyKindOfDocumentKeepsTheGridWhenPrinted() throws Exception {
        assumeTrue(ExternalTools.installed("soffice") && ExternalTools.installed("pdftotext")
                        && ExternalTools.installed("pdftoppm"),
                "LibreOffice (soffice), pdftotext or pdftoppm is not installed: the documents are not rendered");
        Path officeDir = DemoOffice.approvedCopy(demo, dir.resolve("demo"));
        Map<String, Path> docs = new LinkedHashMap<>();
        try (Workspace office = Workspace.open(officeDir)) {
            office.documents().saveIdentity(OFFICE);
            LocalDate date = LocalDate.of(2009, 3, 20);
            docs.put("notice", dir.resolve("notice.docx"));
            NoticeDocx.export(office, 2008, Documents.issue(office, date, null), docs.get("notice"));
            docs.put("midyear", dir.resolve("midyear.docx"));
            ReportDocx.export(office, "XM", 2008, ReportKind.MIDYEAR, Documents.issue(office, date, null),
                    docs.get("midyear"));
            docs.put("annual", dir.resolve("annual.docx"));
            ReportDocx.export(office, "SLT", 2008, ReportKind.ANNUAL, Documents.issue(office, date, null),
                    docs.get("annual"));
            docs.put("review", dir.resolve("review.docx"));
            PlanReview review = new PlanReview("r1", "SLT", 2008, "plan-1", PlanReview.Decision.APPROVED,
                    "目标分解到处室和责任人，指标可考核，同意实施。", java.time.Instant.parse("2008-07-25T02:00:00Z"), "a1",
                    List.of(), ReviewMode.APPROVAL);
            Files.write(docs.get("review"), ReviewLetterDocx.toBytes(office.orgUnits().find("SLT").orElseThrow(), 2008,
                    review, LocalDate.of(2008, 7, 14), Documents.issue(office, date, null), Texts.of(Texts.CHINESE)));
            docs.put("feedback", dir.resolve("feedback.docx"));
            FeedbackDocx.export(office, "NP", 2008, Documents.issue(office, date, null), docs.get("feedback"));
        }
        List<String> command = new ArrayList<>(List.of("soffice",
                "-env:UserInstallation=file://" + dir.resolve("profile").toAbsolutePath(), "--headless",
                "--convert-to", "pdf", "--outdir", dir.toString()));
        docs.values().forEach(p -> command.add(p.toString()));
        run(command.toArray(String[]::new));

        boolean write = Boolean.getBoolean("perfdesk.writeDocuments");
        Path pictures = Path.of("src/site/resources/documents");
        List<String> faults = new ArrayList<>();
        int runningLines = 0;
        for (String kind : docs.keySet()) {
            Path pdf = dir.resolve(kind + ".pdf");
            assertThat(pdf).as(kind + " printed").exists();
            Path text = dir.resolve(kind + ".txt");
            run("pdftotext", "-layout", pdf.toString(), text.toString());
            String[] pages = Files.readString(text, StandardCharsets.UTF_8).split("\f");
            int fullest = 0;
            int widest = 0;
            String fullestPage = "";
            for (int i = 0; i < pages.length; i++) {
                List<String> lines = running(pages[i]);
                runningLines += lines.size();
                int count = textLines(pages[i]);
                if (count > fullest) {
                    fullest = count;
                    fullestPage = pages[i];
                }
                widest = Math.max(widest, lines.stream().mapToInt(RenderedDocumentsTest::width).max().orElse(0));
                if (count > 23) {
                    faults.add(kind + " page " + (i + 1) + ": " + count + " lines");
                }
                for (String line : lines) {
                    if (width(line) > 29) {
                        faults.add(kind + " page " + (i + 1) + ": " + width(line) + " characters: " + line);
                    }
                }
            }
            // A full page and a full line of text are the grid's, not fewer (a smaller font or wider margins);
            // the reports' pages are mostly running text (the notice's and letters' have headings and tables).
            if (kind.equals("midyear") || kind.equals("annual")) {
                assertThat(fullest).as(kind + ": lines on its fullest page:\n" + fullestPage).isBetween(21, 23);
            }
            if (!kind.equals("review")) { // a short letter of a few lines need not fill one
                assertThat(widest).as(kind + ": characters on its widest line").isBetween(27, 29);
            }
            if (write) {
                Files.createDirectories(pictures);
                run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", pdf.toString(),
                        pictures.toAbsolutePath().resolve(kind).toString());
            }
        }
        assertThat(faults).as("lines and pages beyond the 22 × 28 grid").isEmpty();
        // Not a check that cannot fail: the documents hold running text to measure.
        assertThat(runningLines).as("lines of running text measured").isGreaterThan(100);
    }

    /**
     * A page's lines of running text: Chinese prose (tables come out of pdftotext with columns apart,
     * titles in larger type are short), page numbers left out.
     */
    private static List<String> running(String page) {
        return Arrays.stream(page.split("\\R")).map(String::strip)
                .filter(s -> width(s) >= 12 && !s.contains("   ") && !s.matches("—\\s*\\d+\\s*—"))
                .toList();
    }

    /**
     * A page's lines of text on the grid: every line but the page number; 0 for a page with a table or
     * a diagram (columns apart), whose rows are set in smaller type and not on the grid.
     */
    private static int textLines(String page) {
        List<String> lines = Arrays.stream(page.split("\\R")).map(String::strip)
                .filter(s -> !s.isEmpty() && !s.matches("—\\s*\\d+\\s*—")).toList();
        return lines.stream().anyMatch(s -> s.contains("   ")) ? 0 : lines.size();
    }

    /** Characters as the grid counts them: a Chinese character or full-width mark 1, a half-width one ½. */
    private static int width(String line) {
        double w = 0;
        // Spaces are not characters here: pdftotext writes the gaps of a justified line and the
        // spacing between Chinese and digits as spaces.
        for (int cp : line.replace(" ", "").codePoints().toArray()) {
            w += cp < 0x2E80 && cp != '—' && cp != '“' && cp != '”' && cp != '…' ? 0.5 : 1;
        }
        return (int) Math.ceil(w);
    }
}
