package org.perfdesk.report.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.Workspace;

/**
 * Workbooks made to hurt: a zip bomb, a million rows, a huge shared-string table, external entities
 * and entity expansion. Each is refused with a message, in a JVM whose heap is capped at what a
 * normal import of a real unit's form needs, and the workspace is left as it was. The figures (time,
 * highest heap used) are printed, not asserted: speed goals live in benchmarks.
 */
class HostileWorkbookTest {
    /** The heap the child JVM gets: a normal import of the largest demo unit's form fits in it. */
    static final String HEAP = "-Xmx64m";

    @TempDir
    Path dir;

    @Test
    void hostileWorkbooksAreRefusedWithAMessageWithinTheHeapOfANormalImportAndNothingIsWritten() throws Exception {
        Path ws = dir.resolve("EX");
        ExampleTree.workspace(ws, true).close();
        Path normal = dir.resolve("normal.xlsx");
        List<GoalNode> before;
        try (Workspace w = Workspace.open(ws)) {
            GoalTreeXlsx.export(w, ExampleTree.UNIT, ExampleTree.YEAR, normal);
            before = w.goals().findAll(ExampleTree.UNIT, ExampleTree.YEAR);
        }
        List<String> files = new ArrayList<>(List.of(normal.toString(), zipBomb(dir).toString(),
                millionRows(dir).toString(), hugeSharedStrings(dir).toString(), externalEntity(dir).toString(),
                entityExpansion(dir).toString(), millionEmptyRows(dir).toString()));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-Dfile.encoding=UTF-8", "-cp", classPath(), HostileWorkbookTest.class.getName(), ws.toString()));
        cmd.addAll(files);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                out.add(line);
                System.out.println("hostile workbooks: " + line);
            }
        }
        assertThat(p.waitFor()).as(String.join("\n", out)).isZero();
        assertThat(out).as(String.join("\n", out)).filteredOn(l -> l.startsWith("normal.xlsx"))
                .singleElement().asString().contains("read, 15 nodes");
        assertThat(line(out, "bomb.xlsx")).contains("refused xlsx.error.bomb");
        assertThat(line(out, "million-rows.xlsx")).contains("refused xlsx.error.tooManyRows");
        assertThat(line(out, "shared-strings.xlsx")).contains("refused xlsx.error.bomb");
        assertThat(line(out, "external-entity.xlsx")).contains("refused xlsx.error.unreadable").doesNotContain("root:");
        assertThat(line(out, "entity-expansion.xlsx")).contains("refused xlsx.error.unreadable");
        // A million formatted rows without values stream past like empty space: what is left is a sheet without a header.
        assertThat(line(out, "million-empty-rows.xlsx")).containsPattern("read|refused");
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.goals().findAll(ExampleTree.UNIT, ExampleTree.YEAR)).containsExactlyInAnyOrderElementsOf(before);
            assertThat(w.backupsDir().toFile().list()).isNullOrEmpty();
        }
    }

    private static String line(List<String> out, String file) {
        return out.stream().filter(l -> l.startsWith(file)).findFirst().orElse("(no line for " + file + ")");
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    /** The child: reads each file as an import would (a preview; nothing is applied) and prints what happened. */
    public static void main(String[] args) {
        Path ws = Path.of(args[0]);
        try (Workspace w = Workspace.open(ws)) {
            for (int i = 1; i < args.length; i++) {
                Path file = Path.of(args[i]);
                System.gc();
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                long t0 = System.nanoTime();
                String result;
                try {
                    XlsxImport preview = GoalTreeXlsx.read(w, ExampleTree.UNIT, ExampleTree.YEAR, file);
                    result = preview.refused() ? "refused with " + preview.problems().size() + " problems"
                            : "read, " + preview.nodes().size() + " nodes";
                } catch (UserError e) {
                    result = "refused " + e.key() + ": " + e.getMessage();
                } catch (OutOfMemoryError e) {
                    result = "OUT OF MEMORY";
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(m -> m.getType() == MemoryType.HEAP).mapToLong(m -> m.getPeakUsage().getUsed()).sum();
                System.out.printf("%s (%,d bytes): %s in %d ms, heap pools' peak %d MB%n", file.getFileName(),
                        file.toFile().length(), result, ms, peak / (1024 * 1024));
            }
        }
    }

    /** A workbook with one sheet whose XML is written by {@code sheet}, and optional shared strings. */
    interface Part {
        void write(Writer w) throws IOException;
    }

    static Path workbook(Path file, Part sheet, Part sharedStrings) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            put(zip, "[Content_Types].xml", w -> w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + (sharedStrings == null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
                    + "</Types>"));
            put(zip, "_rels/.rels", w -> w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
            put(zip, "xl/workbook.xml", w -> w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"目标分解\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            put(zip, "xl/_rels/workbook.xml.rels", w -> w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + (sharedStrings == null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                    + "</Relationships>"));
            put(zip, "xl/worksheets/sheet1.xml", sheet);
            if (sharedStrings != null) {
                put(zip, "xl/sharedStrings.xml", sharedStrings);
            }
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, Part part) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Writer w = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8);
        part.write(w);
        w.flush();
        zip.closeEntry();
    }

    private static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    private static final String SHEET_END = "</sheetData></worksheet>";

    /** 90 MB of one repeated row that deflates a thousandfold. */
    static Path zipBomb(Path dir) throws IOException {
        return workbook(dir.resolve("bomb.xlsx"), w -> {
            w.write(SHEET_START);
            char[] blanks = new char[1 << 20];
            java.util.Arrays.fill(blanks, ' ');
            for (int i = 0; i < 90; i++) {
                w.write(blanks);
            }
            w.write(SHEET_END);
        }, null);
    }

    /** A million rows, each with a value. */
    static Path millionRows(Path dir) throws IOException {
        return workbook(dir.resolve("million-rows.xlsx"), w -> {
            w.write(SHEET_START);
            for (int r = 1; r <= 1_000_000; r++) {
                w.write("<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>" + r + "</v></c></row>");
            }
            w.write(SHEET_END);
        }, null);
    }

    /** A million formatted rows with nothing in them after a header that is not a form's. */
    static Path millionEmptyRows(Path dir) throws IOException {
        return workbook(dir.resolve("million-empty-rows.xlsx"), w -> {
            w.write(SHEET_START);
            w.write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>会议纪要</t></is></c></row>");
            for (int r = 2; r <= 1_000_000; r++) {
                w.write("<row r=\"" + r + "\" ht=\"15\" customHeight=\"1\"/>");
            }
            w.write(SHEET_END);
        }, null);
    }

    /** 12 million characters of strings that do not compress (so the zip-bomb check lets them through). */
    static Path hugeSharedStrings(Path dir) throws IOException {
        Random random = new Random(20);
        return workbook(dir.resolve("shared-strings.xlsx"), w -> {
            w.write(SHEET_START + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>" + SHEET_END);
        }, w -> {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            char[] text = new char[100];
            for (int i = 0; i < 120_000; i++) {
                for (int c = 0; c < text.length; c++) {
                    text[c] = (char) ('A' + random.nextInt(58));
                    if (text[c] > 'Z' && text[c] < 'a') {
                        text[c] = 'x';
                    }
                }
                w.write("<si><t>");
                w.write(text);
                w.write("</t></si>");
            }
            w.write("</sst>");
        });
    }

    /** A sheet that names a file of the machine as an entity. */
    static Path externalEntity(Path dir) throws IOException {
        return workbook(dir.resolve("external-entity.xlsx"), w -> w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>" + SHEET_END), null);
    }

    /** Shared strings whose entities expand a billion-fold. */
    static Path entityExpansion(Path dir) throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE sst [<!ENTITY a0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY a").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                dtd.append("&a").append(i - 1).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>");
        return workbook(dir.resolve("entity-expansion.xlsx"),
                w -> w.write(SHEET_START + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>" + SHEET_END),
                w -> w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + dtd
                        + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&a9;</t></si></sst>"));
    }
}
