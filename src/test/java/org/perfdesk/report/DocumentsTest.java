package org.perfdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.DocumentIdentity;
import org.perfdesk.domain.DocumentNumber;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.Workspace;

/** The identity set once and the register of 文号: a number used is never given to another document. */
class DocumentsTest {
    private static final DocumentIdentity OFFICE = new DocumentIdentity(
            List.of(new DocumentIdentity.Issuer("福建省机关效能建设领导小组办公室", "福建省机关效能建设领导小组办公室")), "文件", "闽效",
            5, 2009, "各设区市人民政府，省直各有关部门", List.of("省委组织部", "省人事厅"), "福建省机关效能建设领导小组办公室", "");

    @TempDir
    Path dir;

    private Workspace office() {
        return Workspace.create(dir.resolve("office"), new Workspace.Setup(Role.OFFICE,
                new OrgUnit("XNB", "福建省机关效能建设领导小组办公室", OrgKind.OFFICE, null), 2008, "test"));
    }

    @Test
    void theIdentityIsSavedOnceAndNumbersAreProposedFromWhereTheOfficeStarts() {
        try (Workspace ws = office()) {
            // Before anything is set: the office itself, no 文号 prefix, so no 版头.
            assertThat(Documents.identity(ws).letterhead()).isFalse();
            assertThat(Documents.identity(ws).copyTo()).contains("省委组织部");
            ws.documents().saveIdentity(OFFICE);
        }
        try (Workspace ws = Workspace.open(dir.resolve("office"))) {
            assertThat(Documents.identity(ws)).isEqualTo(OFFICE);
            // 2009 starts at 5 (numbers used outside PerfDesk before); another year starts at 1.
            assertThat(Documents.proposal(ws, OFFICE, 2009)).contains(new DocumentNumber("闽效", 2009, 5));
            assertThat(Documents.proposal(ws, OFFICE, 2010)).contains(new DocumentNumber("闽效", 2010, 1));
            assertThat(new DocumentNumber("闽效", 2009, 5).text()).isEqualTo("闽效〔2009〕5号");
        }
    }

    @Test
    void aNumberUsedIsRecordedWithItsFileAndRefusedForAnotherDocument() throws Exception {
        try (Workspace ws = office()) {
            ws.documents().saveIdentity(OFFICE);
            Issue first = Documents.issue(ws, LocalDate.of(2009, 3, 20), null);
            assertThat(first.number().text()).isEqualTo("闽效〔2009〕5号");
            Path notice = dir.resolve("notice.docx");
            Documents.write(ws, first, Documents.NOTICE, "关于2008年度绩效评估结果的通报", OFFICE.mainTo(), new byte[] {1}, notice);
            assertThat(notice).exists();
            assertThat(Documents.proposal(ws, OFFICE, 2009)).contains(new DocumentNumber("闽效", 2009, 6));

            // The same document exported again keeps its number.
            Documents.write(ws, first, Documents.NOTICE, "关于2008年度绩效评估结果的通报", OFFICE.mainTo(), new byte[] {2}, notice);
            assertThat(Files.readAllBytes(notice)).containsExactly(2);

            // Another document under the same number is refused, naming the one that has it and the next free one.
            Path letter = dir.resolve("letter.docx");
            assertThatThrownBy(() -> Documents.write(ws, first, Documents.FEEDBACK, "关于反馈福建省水利厅2008年度绩效评估结果的函",
                    "福建省水利厅", new byte[] {3}, letter))
                    .isInstanceOf(UserError.class)
                    .satisfies(e -> assertThat(Texts.of(Texts.CHINESE).get(((UserError) e).key(), ((UserError) e).args().toArray()))
                            .contains("闽效〔2009〕5号").contains("关于2008年度绩效评估结果的通报").contains("闽效〔2009〕6号"));
            assertThat(letter).doesNotExist();
            assertThat(ws.documents().register("闽效", 2009)).hasSize(1);
        }
    }

    @Test
    void aFileThatCannotBeWrittenLeavesItsNumberFree() throws Exception {
        try (Workspace ws = office()) {
            ws.documents().saveIdentity(OFFICE);
            Issue issue = Documents.issue(ws, LocalDate.of(2009, 3, 20), 7);
            Path blocked = dir.resolve("a-file");
            Files.writeString(blocked, "not a folder");
            assertThatThrownBy(() -> Documents.write(ws, issue, Documents.NOTICE, "通报", "", new byte[] {1},
                    blocked.resolve("notice.docx"))).isInstanceOf(UserError.class);
            assertThat(ws.documents().issued(new DocumentNumber("闽效", 2009, 7))).isEmpty();
        }
    }
}
