package org.perfdesk.report.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.perfdesk.domain.UserError;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads sheets of a workbook that came from anywhere: size and type are checked before POI sees
 * the file, POI's zip-bomb and size limits are on, shared strings are capped, sheets are streamed,
 * rows are capped, and every failure becomes a {@link UserError} saying what happened and what to
 * do. An .xlsx is read as XML, an old .xls (also one saved under an .xlsx name, as WPS may) as a
 * stream of BIFF records, a .csv as text; an .ods is refused with the way round.
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

    /** A workbook's parts other than its sheets (styles, workbook, relations) are small; larger ones are not read. */
    static final long MAX_OTHER_PART_BYTES = 16L * 1024 * 1024;
    private static final String ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet";

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    static {
        // POI's limits are JVM-wide; these suit every POI reader in this program.
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxTextSize(MAX_TEXT_CHARS);
        IOUtils.setByteArrayMaxOverride((int) MAX_ENTRY_BYTES);
    }

    /**
     * A sheet's name and its non-empty rows in order; whether the sheet is hidden, its merged areas,
     * and which of its rows are hidden.
     */
    record SheetData(String name, List<SheetRow> rows, boolean hidden, List<CellArea> merged, Set<Integer> hiddenRows) {
        SheetData {
            rows = List.copyOf(rows);
            merged = List.copyOf(merged);
            hiddenRows = Set.copyOf(hiddenRows);
        }

        SheetData(String name, List<SheetRow> rows) {
            this(name, rows, false, List.of(), Set.of());
        }
    }

    /** What kind of file a workbook came from. */
    enum Format { XLSX, XLS, CSV }

    /** Every sheet of a workbook, in its order. */
    record Workbook(String file, Format format, List<SheetData> sheets) {
        Workbook {
            sheets = List.copyOf(sheets);
        }
    }

    private XlsxSource() {
    }

    /** The sheet called {@code preferred}, or the first sheet when there is none by that name. */
    static SheetData read(Path file, String preferred) {
        String name = file.toString();
        Format format = checkBeforeOpening(file, name);
        if (format != Format.XLSX) {
            List<SheetData> all = readOther(file, format, name);
            return all.stream().filter(s -> s.name().equals(preferred)).findFirst().orElse(all.get(0));
        }
        return open(file, pkg -> readSheet(pkg, preferred, name));
    }

    /**
     * Every sheet of the workbook in order, for forms whose data may sit on any sheet. The row limit
     * holds for all sheets together, so many sheets cannot add up to more than one big one.
     */
    static List<SheetData> readAll(Path file) {
        String name = file.toString();
        Format format = checkBeforeOpening(file, name);
        if (format != Format.XLSX) {
            return readOther(file, format, name);
        }
        return open(file, pkg -> readSheets(pkg, name, false));
    }

    /**
     * Every sheet with what a form of the office's own needs besides values: hidden sheets and rows,
     * merged areas, and numbers formatted as percentages as they show (95%).
     */
    static Workbook readWorkbook(Path file) {
        String name = file.toString();
        Format format = checkBeforeOpening(file, name);
        List<SheetData> sheets = format == Format.XLSX ? open(file, pkg -> readSheets(pkg, name, true))
                : readOther(file, format, name);
        return new Workbook(name, format, sheets);
    }

    private static List<SheetData> readOther(Path file, Format format, String name) {
        try (InputStream in = Files.newInputStream(file)) {
            if (format == Format.CSV) {
                String sheet = file.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
                return List.of(CsvReader.read(in.readAllBytes(), sheet, MAX_ROWS, MAX_COLUMNS));
            }
            List<SheetData> sheets = XlsReader.read(in, MAX_ROWS, MAX_COLUMNS);
            if (sheets.isEmpty()) {
                throw new UserError("xlsx.error.noSheet", name);
            }
            return sheets;
        } catch (UserError e) {
            throw e;
        } catch (XlsReader.NotWorkbook e) {
            throw new UserError(e, "xlsx.error.notWorkbook", name);
        } catch (XlsReader.Encrypted e) {
            throw new UserError(e, "xlsx.error.password", name);
        } catch (XlsReader.Limit e) {
            throw e.rows ? new UserError(e, "xlsx.error.tooManyRows", name, String.valueOf(MAX_ROWS))
                    : new UserError(e, "xlsx.error.bomb", name);
        } catch (org.apache.poi.EncryptedDocumentException e) {
            throw new UserError(e, "xlsx.error.password", name);
        } catch (IllegalArgumentException e) {
            // an OLE2 file that is not a workbook (a .doc), or one whose records make no sense
            throw new UserError(e, "xlsx.error.unreadable", name);
        } catch (Exception e) {
            throw unreadable(e, name);
        }
    }

    /** What is read from the opened package, once it is known to be a workbook. */
    private interface Body<T> {
        T read(OPCPackage pkg) throws Exception;
    }

    private static <T> T open(Path file, Body<T> body) {
        String name = file.toString();
        OPCPackage pkg;
        ZipSecureFile zip = null;
        try {
            // Through ZipSecureFile ourselves: a damaged zip is refused here, where POI's own open
            // would fall back to reading it as a stream, past its central directory.
            zip = new ZipSecureFile(file.toFile());
            if (isOpenDocument(zip)) {
                throw new UserError("xlsx.error.ods", name);
            }
            pkg = OPCPackage.open(new ZipFileZipEntrySource(zip));
        } catch (UserError e) {
            closeQuietly(zip);
            throw e;
        } catch (Exception e) {
            closeQuietly(zip);
            throw unreadable(e, name);
        }
        try {
            if (!isWorkbook(pkg)) {
                throw new UserError("xlsx.error.notWorkbook", name);
            }
            checkPartSizes(pkg, name);
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

    /** The kind of file by its first bytes (and a .csv by its name); refuses what cannot be a workbook. */
    private static Format checkBeforeOpening(Path file, String name) {
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
            return Format.XLS;
        }
        if (Arrays.equals(head, ZIP)) {
            return Format.XLSX;
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return Format.CSV;
        }
        throw new UserError("xlsx.error.notXlsx", name);
    }

    /** An OpenDocument file names its kind in its first entry, {@code mimetype}. */
    private static boolean isOpenDocument(ZipSecureFile zip) throws IOException {
        var entry = zip.getEntry("mimetype");
        if (entry == null || entry.getSize() > 200) {
            return false;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readNBytes(200), java.nio.charset.StandardCharsets.US_ASCII).strip().startsWith(ODS_MIME);
        }
    }

    /**
     * Parts that POI reads whole (styles, the workbook, relations) must say they are small: a huge
     * one would fill the heap before any limit applies. Sheets and shared strings are streamed and capped.
     */
    private static void checkPartSizes(OPCPackage pkg, String name) throws Exception {
        for (PackagePart part : pkg.getParts()) {
            String type = part.getContentType();
            boolean streamed = type.endsWith(".worksheet+xml") || type.endsWith(".sharedStrings+xml");
            if (!streamed && part.getSize() > MAX_OTHER_PART_BYTES) {
                throw new UserError("xlsx.error.bomb", name);
            }
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
        boolean date1904 = sheetStates(reader).date1904();
        CappedSharedStrings strings = sharedStrings(pkg);
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
        return new SheetData(chosenName, handler.rows());
    }

    private static List<SheetData> readSheets(OPCPackage pkg, String name, boolean layout) throws Exception {
        XSSFReader reader = new XSSFReader(pkg);
        SheetStates states = sheetStates(reader);
        CappedSharedStrings strings = sharedStrings(pkg);
        StylesTable styles = reader.getStylesTable();
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        List<SheetData> out = new ArrayList<>();
        int rows = 0;
        while (sheets.hasNext()) {
            try (InputStream in = sheets.next()) {
                SheetHandler handler = new SheetHandler(strings, styles, states.date1904(), MAX_ROWS - rows, MAX_COLUMNS);
                if (layout) {
                    handler.readingPercentAsShown();
                }
                parse(in, handler);
                rows += handler.rows().size();
                String sheetName = sheets.getSheetName();
                out.add(layout ? new SheetData(sheetName, handler.rows(), states.hidden().contains(sheetName),
                        handler.merged(), handler.hiddenRows()) : new SheetData(sheetName, handler.rows()));
            }
        }
        if (out.isEmpty()) {
            throw new UserError("xlsx.error.noSheet", name);
        }
        return out;
    }

    /** From workbook.xml: the 1904 date system, and the names of hidden sheets. */
    private record SheetStates(boolean date1904, Set<String> hidden) {
    }

    private static SheetStates sheetStates(XSSFReader reader) throws Exception {
        boolean[] found = {false};
        Set<String> hidden = new HashSet<>();
        try (InputStream in = reader.getWorkbookData()) {
            parse(in, new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes atts) {
                    if ("workbookPr".equals(localName)) {
                        String v = atts.getValue("date1904");
                        found[0] = "1".equals(v) || "true".equals(v);
                    } else if ("sheet".equals(localName)) {
                        String state = atts.getValue("state");
                        if ("hidden".equals(state) || "veryHidden".equals(state)) {
                            hidden.add(String.valueOf(atts.getValue("name")));
                        }
                    }
                }
            });
        }
        return new SheetStates(found[0], hidden);
    }

    /** The shared strings, capped at {@link #MAX_TEXT_CHARS} characters; a workbook may have none. */
    private static CappedSharedStrings sharedStrings(OPCPackage pkg) throws Exception {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return CappedSharedStrings.empty();
        }
        try (InputStream in = parts.get(0).getInputStream()) {
            return CappedSharedStrings.read(in, MAX_TEXT_CHARS);
        }
    }

    private static void parse(InputStream in, DefaultHandler handler) throws Exception {
        // POI's XML reader: no external entities, no DTDs, secure processing limits.
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(handler);
        // Errors end the read as exceptions (and become our message); POI's own handler would also log them.
        xml.setErrorHandler(handler);
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
