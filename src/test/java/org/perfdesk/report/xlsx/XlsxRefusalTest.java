package org.perfdesk.report.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.UserError;
import org.perfdesk.report.xlsx.RowProblem.Reason;
import org.perfdesk.store.Workspace;

/**
 * Broken and hostile files: each is refused with the exact row and column (or a clear message for
 * the file as a whole), and the workspace's tree is exactly what it was.
 */
class XlsxRefusalTest {
    private static final String OWNER = "责任单位/责任人";

    @TempDir
    Path dir;
    private Workspace ws;
    private Path good;
    private List<GoalNode> before;

    @BeforeEach
    void exampleWorkspaceAndItsSheet() {
        ws = ExampleTree.workspace(dir.resolve("EX"), true);
        good = dir.resolve("good.xlsx");
        GoalTreeXlsx.export(ws, ExampleTree.UNIT, ExampleTree.YEAR, good);
        before = ws.goals().findAll(ExampleTree.UNIT, ExampleTree.YEAR);
    }

    @AfterEach
    void nothingWasImported() {
        try {
            assertThat(ws.goals().findAll(ExampleTree.UNIT, ExampleTree.YEAR)).containsExactlyInAnyOrderElementsOf(before);
        } finally {
            ws.close();
        }
    }

    /** Reads the file; a refused preview cannot be applied. */
    private List<RowProblem> problems(Path file) {
        XlsxImport preview = GoalTreeXlsx.read(ws, ExampleTree.UNIT, ExampleTree.YEAR, file);
        assertThat(preview.refused()).as("refused").isTrue();
        assertThat(preview.toSave()).isEmpty();
        assertThatThrownBy(() -> GoalTreeXlsx.apply(ws, preview)).isInstanceOf(IllegalStateException.class);
        return preview.problems();
    }

    private UserError fileError(Path file) {
        return (UserError) org.assertj.core.api.Assertions.catchThrowable(
                () -> GoalTreeXlsx.read(ws, ExampleTree.UNIT, ExampleTree.YEAR, file));
    }

    @Test
    void theGoodSheetImportsAsIs() {
        XlsxImport preview = GoalTreeXlsx.read(ws, ExampleTree.UNIT, ExampleTree.YEAR, good);
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.warnings()).isEmpty();
        assertThat(preview.counts()).isEqualTo(new XlsxImport.Counts(0, 0, 15, 0));
    }

    @Test
    void renamedAndDeletedColumnsAreNamedAtTheHeaderRow() throws IOException {
        Path f = Sheets.edit(good, dir.resolve("columns.xlsx"), s -> {
            Sheets.set(s, 2, "分值", "得分");
            Sheets.set(s, 2, "说明", null);
        });
        assertThat(problems(f)).extracting(RowProblem::row, RowProblem::column, RowProblem::reason)
                .containsExactlyInAnyOrder(tuple(2, "分值", Reason.MISSING_COLUMN), tuple(2, "说明", Reason.MISSING_COLUMN));
    }

    @Test
    void aSheetWithoutAnyHeaderSaysWhatAHeaderNeeds() throws IOException {
        Path f = dir.resolve("other.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(f)) {
            var s = wb.createSheet("Sheet1");
            s.createRow(0).createCell(0).setCellValue("会议纪要");
            s.createRow(1).createCell(1).setCellValue("做好工作");
            wb.write(os);
        }
        assertThat(problems(f)).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(1);
            assertThat(p.reason()).isEqualTo(Reason.NO_HEADER);
            assertThat(p.args().get(0).toString()).startsWith("一级指标、二级指标、三级指标、指标名称");
        });
    }

    @Test
    void textInNumberColumns() throws IOException {
        Path f = Sheets.edit(good, dir.resolve("numbers.xlsx"), s -> {
            Sheets.set(s, 4, "分值", "三十五");
            Sheets.set(s, 5, "目标值", "约12亿元");
            Sheets.set(s, 10, "基期值", "95%");
            Sheets.set(s, 11, "目标值", "1,250.5"); // thousands separator: a number
        });
        assertThat(problems(f)).extracting(RowProblem::row, RowProblem::column, RowProblem::reason)
                .containsExactly(tuple(4, "分值", Reason.NOT_A_NUMBER), tuple(5, "目标值", Reason.NOT_A_NUMBER),
                        tuple(10, "基期值", Reason.NOT_A_NUMBER));
    }

    @Test
    void anUnknownOwnerIsRefusedAndALeafWithoutOwnerIsOnlyAWarning() throws IOException {
        Path f = Sheets.edit(good, dir.resolve("owners.xlsx"), s -> {
            Sheets.set(s, 6, OWNER, null);            // a task: a leaf
            Sheets.set(s, 4, OWNER, null);            // a sub-goal: split further, may stay empty
            Sheets.set(s, 10, OWNER, "财务处");        // not one of the unit's organisations
            Sheets.set(s, 11, OWNER, "EX-YW1");       // a code is as good as a name
            Sheets.set(s, 14, OWNER, "张明(处长)");    // half-width brackets match the full-width name
        });
        assertThat(problems(f)).extracting(RowProblem::row, RowProblem::column, RowProblem::reason)
                .containsExactly(tuple(10, OWNER, Reason.UNKNOWN_OWNER));
        Path leaf = Sheets.edit(good, dir.resolve("leaf.xlsx"), s -> Sheets.set(s, 6, OWNER, null));
        XlsxImport preview = GoalTreeXlsx.read(ws, ExampleTree.UNIT, ExampleTree.YEAR, leaf);
        assertThat(preview.refused()).isFalse();
        assertThat(preview.warnings()).singleElement().satisfies(w -> {
            assertThat(w.row()).isEqualTo(6);
            assertThat(w.problem().type()).isEqualTo(org.perfdesk.domain.ProblemType.LEAF_WITHOUT_OWNER);
        });
    }

    @Test
    void aDuplicateCode() throws IOException {
        Path f = Sheets.edit(good, dir.resolve("duplicate.xlsx"), s -> Sheets.set(s, 11, "编号", "1.2.1"));
        assertThat(problems(f)).singleElement().satisfies(p -> {
            assertThat(p).extracting(RowProblem::row, RowProblem::column, RowProblem::reason)
                    .containsExactly(11, "编号", Reason.DUPLICATE_CODE);
            assertThat(p.args()).containsExactly("1.2.1", "10");
        });
    }

    @Test
    void aCodeWhoseParentRowIsMissing() throws IOException {
        Path f = Sheets.edit(good, dir.resolve("parent.xlsx"), s -> {
            Sheets.set(s, 11, "编号", "1.3.1");
            Sheets.set(s, 16, "编号", "2.2.1.");    // not a code at all
            Sheets.set(s, 17, "编号", null);        // none, and a bad date in the same row
            Sheets.set(s, 17, "时限", "待定");
        });
        assertThat(problems(f)).extracting(RowProblem::row, RowProblem::column, RowProblem::reason)
                .containsExactly(tuple(11, "编号", Reason.MISSING_PARENT), tuple(16, "编号", Reason.BAD_CODE),
                        tuple(17, "编号", Reason.MISSING_CODE), tuple(17, "时限", Reason.BAD_DATE));
    }

    @Test
    void unreadableDates() throws IOException {
        Path f = Sheets.edit(good, dir.resolve("dates.xlsx"), s -> {
            Sheets.set(s, 6, "时限", "长期");
            Sheets.set(s, 8, "节点日期", "2008-02-30");
            Sheets.set(s, 7, "时限", "2008年12月31日");   // readable
            Sheets.set(s, 10, "时限", "2008/12/31");      // readable
            Sheets.set(s, 11, "时限", "一季度末");         // readable, as the first quarter's end
        });
        assertThat(problems(f)).extracting(RowProblem::row, RowProblem::column, RowProblem::reason)
                .containsExactly(tuple(6, "时限", Reason.BAD_DATE), tuple(8, "节点日期", Reason.BAD_DATE));
    }

    @Test
    void datesAsClerksWriteThemAreReadAndTheDateChosenIsNoted() throws IOException {
        Path f = Sheets.edit(good, dir.resolve("words.xlsx"), s -> {
            Sheets.set(s, 6, "时限", "一季度末");
            Sheets.set(s, 10, "时限", "6月30日前完成初稿，年底前验收");
        });
        XlsxImport preview = GoalTreeXlsx.read(ws, ExampleTree.UNIT, ExampleTree.YEAR, f);
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.notes()).extracting(RowNote::row, RowNote::kind).containsExactly(
                tuple(6, RowNote.Kind.DATE_READ), tuple(10, RowNote.Kind.DATES_SEVERAL));
        assertThat(preview.notes().get(0).describe(org.perfdesk.domain.Texts.of(org.perfdesk.domain.Texts.CHINESE), false))
                .isEqualTo("第 6 行「时限」：“一季度末”读作 2008-03-31。");
        assertThat(preview.nodes()).extracting(GoalNode::deadline)
                .contains(java.time.LocalDate.of(2008, 3, 31), java.time.LocalDate.of(2008, 12, 31));
    }

    @Test
    void titlesMethodsAndChoicesOutOfPlace() throws IOException {
        Path f = Sheets.edit(good, dir.resolve("places.xlsx"), s -> {
            Sheets.set(s, 5, "三级指标", null);
            Sheets.set(s, 5, "二级指标", "完成年度重点项目投资");  // 1.1.1 is level 3
            Sheets.set(s, 10, "评价等级", "好、差");             // not for 定量
            Sheets.set(s, 11, "方向", "越快越好");
            Sheets.set(s, 14, "目标等级", "优");
            Sheets.set(s, 16, "评价方式", null);                 // 目标值 and others left behind
        });
        assertThat(problems(f)).extracting(RowProblem::row, RowProblem::column, RowProblem::reason)
                .containsExactly(tuple(5, "二级指标", Reason.TITLE_IN_WRONG_COLUMN),
                        tuple(10, "评价等级", Reason.NOT_FOR_METHOD), tuple(11, "方向", Reason.BAD_CHOICE),
                        tuple(14, "目标等级", Reason.TARGET_LEVEL_NOT_LISTED),
                        tuple(16, "评价方式", Reason.METHOD_MISSING));
    }

    @Test
    void problemsReadInBothLanguages() throws IOException {
        Path f = Sheets.edit(good, dir.resolve("numbers.xlsx"), s -> Sheets.set(s, 4, "分值", "三十五"));
        RowProblem p = problems(f).get(0);
        assertThat(p.describe(org.perfdesk.domain.Texts.of(org.perfdesk.domain.Texts.CHINESE)))
                .isEqualTo("第 4 行「分值」：“三十五”不是数字。此列只填数字，单位写在「计量单位」列。");
        assertThat(p.describe(org.perfdesk.domain.Texts.of(java.util.Locale.ENGLISH)))
                .isEqualTo("row 4, column \"分值\": \"三十五\" is not a number. This column takes numbers only; "
                        + "the unit goes in \"计量单位\".");
    }

    @Test
    void aTextFileRenamedToXlsx() throws IOException {
        Path f = Files.writeString(dir.resolve("notes.xlsx"), "编号,一级指标\n1,目标\n", StandardCharsets.UTF_8);
        assertThat(fileError(f).key()).isEqualTo("xlsx.error.notXlsx");
    }

    @Test
    void aWordDocument() throws IOException {
        Path f = dir.resolve("plan.xlsx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream os = Files.newOutputStream(f)) {
            doc.createParagraph().createRun().setText("绩效目标分解");
            doc.write(os);
        }
        UserError e = fileError(f);
        assertThat(e.key()).isEqualTo("xlsx.error.notWorkbook");
        assertThat(e.getMessage()).contains("plan.xlsx").contains("不是 Excel 工作簿");
    }

    @Test
    void aPasswordProtectedOldWorkbookAnOldWordFileAndAnOpenDocumentSheetEachSaySo() throws IOException {
        Path locked = dir.resolve("locked.xls");
        org.apache.poi.hssf.record.crypto.Biff8EncryptionKey.setCurrentUserPassword("secret");
        try (var wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook(); OutputStream os = Files.newOutputStream(locked)) {
            wb.createSheet("目标").createRow(0).createCell(0).setCellValue("一级指标");
            wb.write(os);
        } finally {
            org.apache.poi.hssf.record.crypto.Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        assertThat(fileError(locked).key()).isEqualTo("xlsx.error.password");

        Path doc = dir.resolve("plan.xls");
        try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(); OutputStream os = Files.newOutputStream(doc)) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), "WordDocument");
            fs.writeFilesystem(os);
        }
        assertThat(fileError(doc).key()).isEqualTo("xlsx.error.notWorkbook");

        UserError ods = fileError(Path.of("src/test/resources/org/perfdesk/report/xlsx/corpus/libreoffice.ods"));
        assertThat(ods.key()).isEqualTo("xlsx.error.ods");
    }

    @Test
    void aDamagedZip() throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        Path f = Files.write(dir.resolve("cut.xlsx"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(fileError(f).key()).isEqualTo("xlsx.error.unreadable");
    }

    @Test
    void anOversizedFileIsRefusedBeforeOpening() throws IOException {
        Path f = dir.resolve("huge.xlsx");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.write(new byte[] {'P', 'K', 3, 4});
            raf.setLength(XlsxSource.MAX_FILE_BYTES + 1); // sparse: costs no disk
        }
        UserError e = fileError(f);
        assertThat(e.key()).isEqualTo("xlsx.error.tooBig");
        assertThat(e.getMessage()).contains("有 21 MB，超过 20 MB 的上限");
    }

    @Test
    void aZipBombIsRefusedUnread() throws IOException {
        // The real sheet, preceded by 60 MB of blanks that deflate to a few dozen KB.
        Path f = dir.resolve("bomb.xlsx");
        try (ZipFile in = new ZipFile(good.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(f))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream is = in.getInputStream(e)) {
                    byte[] content = is.readAllBytes();
                    if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                        String xml = new String(content, StandardCharsets.UTF_8);
                        int body = xml.indexOf("<sheetData>");
                        out.write(xml.substring(0, body).getBytes(StandardCharsets.UTF_8));
                        byte[] blanks = new byte[1 << 20];
                        java.util.Arrays.fill(blanks, (byte) ' ');
                        for (int i = 0; i < 60; i++) {
                            out.write(blanks);
                        }
                        out.write(xml.substring(body).getBytes(StandardCharsets.UTF_8));
                    } else {
                        out.write(content);
                    }
                }
                out.closeEntry();
            }
        }
        assertThat(Files.size(f)).isLessThan(1024 * 1024);
        UserError e = fileError(f);
        assertThat(e.key()).isEqualTo("xlsx.error.bomb");
        assertThat(e.getMessage()).contains("压缩炸弹");
    }

    @Test
    void moreRowsThanTheLimit() throws IOException {
        Path f = dir.resolve("rows.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream os = Files.newOutputStream(f)) {
            SXSSFSheet s = wb.createSheet(TreeSheetWriter.SHEET);
            for (int r = 0; r <= XlsxSource.MAX_ROWS; r++) {
                s.createRow(r).createCell(0).setCellValue(r + 1);
            }
            wb.write(os);
        }
        assertThat(fileError(f).key()).isEqualTo("xlsx.error.tooManyRows");
    }

    @Test
    void anEmptySheetAndAHeaderWithoutRows() throws IOException {
        Path empty = dir.resolve("empty.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(empty)) {
            wb.createSheet(TreeSheetWriter.SHEET);
            wb.write(os);
        }
        assertThat(fileError(empty).key()).isEqualTo("xlsx.error.empty");

        Path headerOnly = Sheets.edit(good, dir.resolve("header-only.xlsx"), s -> {
            for (int r = s.getLastRowNum(); r >= TreeSheetWriter.FIRST_DATA_ROW; r--) {
                s.removeRow(s.getRow(r));
            }
        });
        UserError e = fileError(headerOnly);
        assertThat(e.key()).isEqualTo("xlsx.error.empty");
        assertThat(e.getMessage()).contains("目标分解").contains("没有任何目标行");
    }

    @Test
    void aMissingFile() {
        assertThat(fileError(dir.resolve("nowhere.xlsx")).key()).isEqualTo("xlsx.error.missing");
    }

    @Test
    void aTreeChangedAfterReadingIsNotOverwritten() {
        XlsxImport preview = GoalTreeXlsx.read(ws, ExampleTree.UNIT, ExampleTree.YEAR, good);
        GoalNode first = before.get(0);
        GoalNode edited = ws.goals().save(first.withDetails("改过的说明", first.qualityRequirement()));
        before = ws.goals().findAll(ExampleTree.UNIT, ExampleTree.YEAR);
        assertThatThrownBy(() -> GoalTreeXlsx.apply(ws, preview)).isInstanceOf(UserError.class)
                .extracting(e -> ((UserError) e).key()).isEqualTo("xlsx.error.changedSinceRead");
        assertThat(ws.goals().find(edited.id())).contains(edited);
    }
}
