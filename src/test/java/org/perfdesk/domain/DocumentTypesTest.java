package org.perfdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentTypesTest {
    @Test
    void documentsAndPicturesOpenProgramsNeverOthersNot() {
        for (String n : new String[] {"报告.PDF", "a.docx", "b.wps", "c.et", "d.ofd", "e.jpg", "f.xlsx", "g.txt"}) {
            assertThat(DocumentTypes.of(n)).as(n).isEqualTo(DocumentTypes.Kind.DOCUMENT);
        }
        for (String n : new String[] {"a.exe", "a.bat", "a.cmd", "a.com", "a.scr", "a.msi", "a.js", "a.vbs", "a.ps1",
            "a.lnk", "a.jar", "a.sh", "a.hta", "a.docm", "a.xlsm", "report.pdfgpj.exe"}) {
            assertThat(DocumentTypes.of(n)).as(n).isEqualTo(DocumentTypes.Kind.EXECUTABLE);
        }
        for (String n : new String[] {"a.html", "a.svg", "a.zip", "README", "a."}) {
            assertThat(DocumentTypes.of(n)).as(n).isEqualTo(DocumentTypes.Kind.OTHER);
        }
    }
}
