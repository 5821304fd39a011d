package org.perfdesk.report.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;
import org.perfdesk.store.Workspace;

/** What an office's own form cannot be read as: each a problem naming its row and column, and the way round. */
class OfficeFormTest {
    @TempDir
    Path dir;

    private Path form(Object[]... rows) throws Exception {
        FormCorpus.Form f = new FormCorpus.Form(new org.apache.poi.xssf.usermodel.XSSFWorkbook()).sheet("指标");
        for (int i = 0; i < rows.length; i++) {
            f.row(i + 1, rows[i]);
        }
        return Files.write(dir.resolve("form.xlsx"), f.bytes());
    }

    private static List<String> problems(XlsxImport preview) {
        Texts zh = Texts.of(Texts.CHINESE);
        return preview.problems().stream().map(p -> p.describe(zh)).toList();
    }

    @Test
    void aNameTwoOrganisationsShareIsAProblemNamingBothCodes() throws Exception {
        Path file = form(new Object[] {"指标名称", "分值", "责任处室"}, new Object[] {"公文办理", 10, "综合处"});
        try (Workspace ws = FormCorpusTest.fresh(dir.resolve("ws"))) {
            ws.orgUnits().saveAll(List.of(new OrgUnit("JSJ-01", "综合处", OrgKind.DIVISION, "JSJ"),
                    new OrgUnit("JSJ-SUB", "公路局", OrgKind.DEPARTMENT, "JSJ"),
                    new OrgUnit("JSJ-SUB-01", "综合处", OrgKind.DIVISION, "JSJ-SUB")));
            TreeWorkbook wb = GoalTreeXlsx.open(ws, file);
            XlsxImport preview = GoalTreeXlsx.read(ws, FormCorpusTest.UNIT, FormCorpusTest.YEAR, wb,
                    wb.defaults().withCreateOrg(true));
            assertThat(problems(preview)).containsExactly(
                    "第 2 行「责任处室」：有多个组织名为“综合处”（代码 JSJ-01、JSJ-SUB-01），请改填其中一个的代码。");
        }
    }

    @Test
    void withoutCreatingOrganisationsEachNewOwnerIsAProblemThatSaysHow() throws Exception {
        Path file = form(new Object[] {"指标名称", "分值", "责任处室"}, new Object[] {"公文办理", 10, "秘书科"});
        try (Workspace ws = FormCorpusTest.fresh(dir.resolve("ws"))) {
            XlsxImport preview = GoalTreeXlsx.read(ws, FormCorpusTest.UNIT, FormCorpusTest.YEAR, file);
            assertThat(problems(preview)).singleElement().asString()
                    .startsWith("第 2 行「责任处室」：“秘书科”不是本单位已有的组织。").contains("--create-org");
            assertThat(ws.orgUnits().findAll()).hasSize(1);
        }
    }

    @Test
    void aMappingWithoutAColumnOfNamesIsRefusedWithWhatToChoose() throws Exception {
        Path file = form(new Object[] {"指标名称", "分值", "目标值"}, new Object[] {"公文办理", 10, "100%"});
        try (Workspace ws = FormCorpusTest.fresh(dir.resolve("ws"))) {
            TreeWorkbook wb = GoalTreeXlsx.open(ws, file);
            SheetMapping without = wb.mapping("指标").with(0, Field.IGNORE);
            XlsxImport preview = GoalTreeXlsx.read(ws, FormCorpusTest.UNIT, FormCorpusTest.YEAR, wb,
                    wb.defaults().withMapping("指标", without));
            assertThat(problems(preview)).singleElement().asString()
                    .startsWith("第 1 行：没有指明哪一列是名称。请在列对应中把一列设为一级指标、二级指标、三级指标或指标名称");
        }
    }
}
