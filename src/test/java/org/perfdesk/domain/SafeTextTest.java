package org.perfdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {
    @Test
    void controlBidiAndZeroWidthCharactersAreHidden() {
        for (String s : new String[] {"\u202E", "\u202A", "\u2066", "\u200F", "\u061C", "\u200B", "\u200D", "\uFEFF",
            "\u001b", "\u0007", "\r", "\u0085", "\u2028", "\uDB40\uDC01"}) {
            assertThat(SafeText.hasHidden("水利厅" + s)).as("U+%04X", s.codePointAt(0)).isTrue();
        }
        assertThat(SafeText.hasHidden("福建省水利厅（综合处）· Café №1")).isFalse();
    }

    @Test
    void aNameIsNfcAndRefusedWithHiddenCharacters() {
        assertThat(SafeText.name(" Cafe\u0301 ")).isEqualTo("Caf\u00e9");
        assertThat(SafeText.name("福建省\u200B水利厅")).isNull();
    }

    @Test
    void forATerminalHiddenCharactersAreWrittenOutAndLineEndsKept() {
        assertThat(SafeText.escaped("a\u001b[2Jb\u202Ec\n\td")).isEqualTo("a\\u001b[2Jb\\u202ec\n\td");
        assertThat(SafeText.escaped("\uDB40\uDC01")).isEqualTo("\\udb40\\udc01");
        assertThat(SafeText.escaped("福建省水利厅")).isEqualTo("福建省水利厅");
    }

    @Test
    void anEvidenceNameKeepsOnlyItsLastPartAndNothingThatHidesItsType() {
        assertThat(SafeText.fileName("report.pdf\u202Egpj.exe", "x")).isEqualTo("report.pdfgpj.exe");
        assertThat(SafeText.fileName("..\\..\\Startup\\run.bat", "x")).isEqualTo("run.bat");
        assertThat(SafeText.fileName("/etc/passwd", "x")).isEqualTo("passwd");
        assertThat(SafeText.fileName("invoice.exe. . ", "x")).isEqualTo("invoice.exe");
        assertThat(SafeText.fileName("a:b*c?.txt", "x")).isEqualTo("abc.txt");
        assertThat(SafeText.fileName("..", "x")).isEqualTo("x");
        assertThat(SafeText.fileName("长".repeat(300) + ".pdf", "x")).hasSize(SafeText.MAX_FILE_NAME).endsWith(".pdf");
    }
}
