package org.perfdesk.report.docx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.Texts;
import org.perfdesk.report.ExternalTools;

/**
 * The page model as a program other than Word sets it: a document of body text converted to PDF by
 * LibreOffice, its lines per page and characters per line counted from the PDF's text — 22 × 28 as
 * GB/T 9704 asks. Skipped, saying so, where LibreOffice or poppler's pdftotext is not installed.
 */
class RenderedGridTest {
    /** 33 characters of Chinese without punctuation, so that no line break moves for 禁则. */
    private static final String TEXT = "根据年度绩效管理工作方案效能办采取指标考核公众评议和察访核验相结合";

    @TempDir
    Path dir;

    private void run(String... command) throws IOException, InterruptedException {
        ExternalTools.run(dir, 120, command);
    }

    @Test
    void aPageOfBodyTextHolds22LinesOf28Characters() throws Exception {
        assumeTrue(ExternalTools.installed("soffice") && ExternalTools.installed("pdftotext"),
                "LibreOffice (soffice) and pdftotext are not installed: the rendered grid is not measured");
        Path docx = dir.resolve("grid.docx");
        try (OfficialDocument d = new OfficialDocument(Texts.of(Texts.CHINESE), "grid", "test")) {
            d.paragraph(TEXT.repeat(40));
            Files.write(docx, d.toBytes());
        }
        run("soffice", "-env:UserInstallation=file://" + dir.resolve("profile").toAbsolutePath(), "--headless",
                "--convert-to", "pdf", "--outdir", dir.toString(), docx.toString());
        Path pdf = dir.resolve("grid.pdf");
        assertThat(pdf).exists();
        run("pdftotext", "-f", "1", "-l", "1", "-layout", pdf.toString(), dir.resolve("page1.txt").toString());
        List<String> lines = Arrays.stream(Files.readString(dir.resolve("page1.txt"), StandardCharsets.UTF_8).split("\\R"))
                .map(String::strip).filter(s -> !s.isEmpty()).filter(s -> s.codePoints().allMatch(Character::isIdeographic))
                .toList();
        assertThat(lines).as("lines of text on the first page").hasSizeBetween(21, 23);
        int longest = lines.stream().mapToInt(s -> s.codePointCount(0, s.length())).max().orElse(0);
        assertThat(longest).as("characters on a full line").isBetween(27, 29);
        assertThat(lines.get(0).length()).as("the first line indented two characters").isEqualTo(longest - 2);
    }
}
