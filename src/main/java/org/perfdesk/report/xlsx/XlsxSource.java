package org.perfdesk.report.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.perfdesk.domain.UserError;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads one sheet of an xlsx that came from anywhere: size and type are checked before POI sees
 * the file, POI's zip-bomb and size limits are on, the sheet is streamed, rows are capped, and
 * every failure becomes a {@link UserError} saying what happened and what to do.
 */
final class XlsxSource {
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    static final int MAX_ROWS = 50_000;
    /** Cells further right than this are ignored; the form has 19 columns. */
    static final int MAX_COLUMNS = 64;
    /** A legitimate sheet of 50,000 rows is about 40 MB of XML; nothing in the file may unpack to more. */
    static final long MAX_ENTRY_BYTES = 100L * 1024 * 1024;
    /** Real sheets compress about 10:1; a part that compresses better than 100:1 is refused as a zip bomb. */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** POI's own default; more draws a warning from POI and no form needs it. */
    static final long MAX_TEXT_CHARS = 10L * 1024 * 1024;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    static {
        // POI's limits are JVM-wide; these suit every POI reader in this program.
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxTextSize(MAX_TEXT_CHARS);
        IOUtils.setByteArrayMaxOverride((int) MAX_ENTRY_BYTES);
    }

    /** The chosen sheet's name and its non-empty rows in order. */
    record SheetData(String name, List<SheetRow> rows) {
    }

    private XlsxSource() {
    }

    /** The sheet called {@code preferred}, or the first sheet when there is none by that name. */
    static SheetData read(Path file, String preferred) {
        String name = file.toString();
        return open(file, pkg -> readSheet(pkg, preferred, name));
    }

    /**
     * Every sheet of the workbook in order, for forms whose data may sit on any sheet. The row limit
     * holds for all sheets together, so many sheets cannot add up to more than one big one.
     */
    static List<SheetData> readAll(Path file) {
        String name = file.toString();
        return open(file, pkg -> readSheets(pkg, name));
    }

    /** What is read from the opened package, once it is known to be a workbook. */
    private interface Body<T> {
        T read(OPCPackage pkg) throws Exception;
    }

    private static <T> T open(Path file, Body<T> body) {
        String name = file.toString();
        checkBeforeOpening(file, name);
        OPCPackage pkg;
        ZipSecureFile zip = null;
        try {
            // Through ZipSecureFile ourselves: a damaged zip is refused here, where POI's own open
            // would fall back to reading it as a stream, past its central directory.
            zip = new ZipSecureFile(file.toFile());
            pkg = OPCPackage.open(new ZipFileZipEntrySource(zip));
        } catch (Exception e) {
            closeQuietly(zip);
            throw unreadable(e, name);
        }
        try {
            if (!isWorkbook(pkg)) {
                throw new UserError("xlsx.error.notWorkbook", name);
            }
            return body.read(pkg);
        } catch (UserError e) {
            throw e;
        } catch (SheetHandler.TooManyRows e) {
            throw new UserError(e, "xlsx.error.tooManyRows", name, String.valueOf(MAX_ROWS));
        } catch (Exception e) {
            throw unreadable(e, name);
        } finally {
            // Opened for reading: revert() closes the zip without trying to save anything.
            pkg.revert();
        }
    }

    private static void checkBeforeOpening(Path file, String name) {
        byte[] head = new byte[4];
        long size;
        try {
            if (!Files.isRegularFile(file)) {
                throw new UserError("xlsx.error.missing", name);
            }
            size = Files.size(file);
            try (InputStream in = Files.newInputStream(file)) {
                in.readNBytes(head, 0, head.length);
            }
        } catch (IOException e) {
            throw new UserError(e, "xlsx.error.cannotRead", name, String.valueOf(e.getMessage()));
        }
        if (size > MAX_FILE_BYTES) {
            long mb = 1024 * 1024;
            // Rounded up, so a file just over the limit does not read as "20 MB, over 20 MB".
            throw new UserError("xlsx.error.tooBig", name, String.valueOf((size + mb - 1) / mb),
                    String.valueOf(MAX_FILE_BYTES / mb));
        }
        if (Arrays.equals(head, OLE2)) {
            throw new UserError("xlsx.error.oldFormat", name);
        }
        if (!Arrays.equals(head, ZIP)) {
            throw new UserError("xlsx.error.notXlsx", name);
        }
    }

    private static void closeQuietly(ZipSecureFile zip) {
        if (zip != null) {
            try {
                zip.close();
            } catch (IOException ignored) {
                // the error that led here is the one to report
            }
        }
    }

    private static boolean isWorkbook(OPCPackage pkg) {
        return List.of(XSSFRelation.WORKBOOK, XSSFRelation.MACROS_WORKBOOK, XSSFRelation.TEMPLATE_WORKBOOK,
                        XSSFRelation.MACRO_TEMPLATE_WORKBOOK).stream()
                .anyMatch(r -> !pkg.getPartsByContentType(r.getContentType()).isEmpty());
    }

    private static SheetData readSheet(OPCPackage pkg, String preferred, String name) throws Exception {
        XSSFReader reader = new XSSFReader(pkg);
        boolean date1904 = isDate1904(reader);
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
        StylesTable styles = reader.getStylesTable();
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        String chosenName = null;
        InputStream chosen = null;
        while (sheets.hasNext()) {
            InputStream in = sheets.next();
            if (chosen == null || preferred.equals(sheets.getSheetName()) && !preferred.equals(chosenName)) {
                if (chosen != null) {
                    chosen.close();
                }
                chosen = in;
                chosenName = sheets.getSheetName();
            } else {
                in.close();
            }
        }
        if (chosen == null) {
            throw new UserError("xlsx.error.noSheet", name);
        }
        SheetHandler handler = new SheetHandler(strings, styles, date1904, MAX_ROWS, MAX_COLUMNS);
        try (InputStream in = chosen) {
            parse(in, handler);
        }
        return new SheetData(chosenName, List.copyOf(handler.rows()));
    }

    private static List<SheetData> readSheets(OPCPackage pkg, String name) throws Exception {
        XSSFReader reader = new XSSFReader(pkg);
        boolean date1904 = isDate1904(reader);
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
        StylesTable styles = reader.getStylesTable();
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        List<SheetData> out = new ArrayList<>();
        int rows = 0;
        while (sheets.hasNext()) {
            try (InputStream in = sheets.next()) {
                SheetHandler handler = new SheetHandler(strings, styles, date1904, MAX_ROWS - rows, MAX_COLUMNS);
                parse(in, handler);
                rows += handler.rows().size();
                out.add(new SheetData(sheets.getSheetName(), List.copyOf(handler.rows())));
            }
        }
        if (out.isEmpty()) {
            throw new UserError("xlsx.error.noSheet", name);
        }
        return out;
    }

    private static boolean isDate1904(XSSFReader reader) throws Exception {
        boolean[] found = {false};
        try (InputStream in = reader.getWorkbookData()) {
            parse(in, new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes atts) {
                    if ("workbookPr".equals(localName)) {
                        String v = atts.getValue("date1904");
                        found[0] = "1".equals(v) || "true".equals(v);
                    }
                }
            });
        }
        return found[0];
    }

    private static void parse(InputStream in, DefaultHandler handler) throws Exception {
        // POI's XML reader: no external entities, no DTDs, secure processing limits.
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(handler);
        xml.parse(new InputSource(in));
    }

    /** POI says "Zip bomb detected" or names the entry-size limit; either way the file is refused unread. */
    private static UserError unreadable(Throwable e, String name) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("zip bomb") || m.contains("max entry size") || m.contains("maximum entry size")
                    || t instanceof SheetHandler.CellTooLong) {
                return new UserError(e, "xlsx.error.bomb", name);
            }
        }
        return new UserError(e, "xlsx.error.unreadable", name);
    }
}
