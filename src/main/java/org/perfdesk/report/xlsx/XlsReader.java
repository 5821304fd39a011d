package org.perfdesk.report.xlsx;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FilePassRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.MergeCellsRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.RowRecord;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * Reads an old Excel workbook (.xls, BIFF8) as a stream of records, the way {@link SheetHandler}
 * reads an .xlsx: rows with values as text in the same notation, merged areas, hidden sheets and
 * rows, numbers formatted as percentages as they show. No object tree of the workbook is built.
 */
final class XlsReader implements HSSFListener {
    /** A password-protected .xls: it cannot be read without the password. */
    static final class Encrypted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Encrypted() {
            super("encrypted workbook", null, false, false);
        }
    }

    /** An OLE2 file without a workbook stream, such as an old Word document. */
    static final class NotWorkbook extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotWorkbook() {
            super("not a workbook", null, false, false);
        }
    }

    /** Past a limit, unchecked so it can leave POI's listener. */
    static final class Limit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean rows;

        Limit(boolean rows) {
            super(rows ? "too many rows" : "too much text", null, false, false);
            this.rows = rows;
        }
    }

    private final FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(this);
    private final int maxRows;
    private final int maxColumns;
    private final List<String> names = new ArrayList<>();
    private final List<Boolean> hidden = new ArrayList<>();
    private final List<XlsxSource.SheetData> sheets = new ArrayList<>();
    private SSTRecord strings;
    private boolean date1904;
    private int sheetIndex = -1;
    private boolean inSheet;
    private TreeMap<Integer, TreeMap<Integer, String>> cells;
    private List<CellArea> merged;
    private Set<Integer> hiddenRowNumbers;
    private FormulaRecord pendingString;
    private int totalRows;

    private XlsReader(int maxRows, int maxColumns) {
        this.maxRows = maxRows;
        this.maxColumns = maxColumns;
    }

    static List<XlsxSource.SheetData> read(InputStream in, int maxRows, int maxColumns) throws Exception {
        XlsReader reader = new XlsReader(maxRows, maxColumns);
        try (POIFSFileSystem fs = new POIFSFileSystem(in)) {
            if (fs.getRoot().hasEntry("EncryptionInfo")) {
                throw new Encrypted(); // an encrypted .xlsx wrapped in an OLE2 container
            }
            if (!fs.getRoot().hasEntry("Workbook") && !fs.getRoot().hasEntry("WORKBOOK")
                    && !fs.getRoot().hasEntry("Book")) {
                throw new NotWorkbook(); // a .doc or another OLE2 file
            }
            HSSFRequest request = new HSSFRequest();
            request.addListenerForAllRecords(reader.formats);
            new HSSFEventFactory().processWorkbookEvents(request, fs);
        }
        return reader.sheets;
    }

    @Override
    public void processRecord(Record record) {
        if (record instanceof FilePassRecord) {
            throw new Encrypted();
        } else if (record instanceof BoundSheetRecord b) {
            names.add(b.getSheetname());
            hidden.add(b.isHidden() || b.isVeryHidden());
        } else if (record instanceof DateWindow1904Record d) {
            date1904 = d.getWindowing() == 1;
        } else if (record instanceof SSTRecord s) {
            strings = s;
        } else if (record instanceof BOFRecord bof) {
            inSheet = bof.getType() == BOFRecord.TYPE_WORKSHEET;
            if (inSheet) {
                sheetIndex++;
                cells = new TreeMap<>();
                merged = new ArrayList<>();
                hiddenRowNumbers = new TreeSet<>();
            }
        } else if (record instanceof EOFRecord) {
            if (inSheet) {
                finishSheet();
            }
            inSheet = false;
        } else if (inSheet) {
            sheetRecord(record);
        }
    }

    private void sheetRecord(Record record) {
        if (record instanceof LabelSSTRecord l) {
            put(l, strings == null || l.getSSTIndex() >= strings.getNumUniqueStrings() ? ""
                    : strings.getString(l.getSSTIndex()).getString());
        } else if (record instanceof LabelRecord l) {
            put(l, l.getValue());
        } else if (record instanceof NumberRecord n) {
            put(n, number(n, n.getValue()));
        } else if (record instanceof BoolErrRecord b) {
            put(b, b.isBoolean() ? (b.getBooleanValue() ? "TRUE" : "FALSE")
                    : org.apache.poi.ss.usermodel.FormulaError.forInt(b.getErrorValue()).getString());
        } else if (record instanceof FormulaRecord f) {
            formula(f);
        } else if (record instanceof StringRecord s) {
            if (pendingString != null) {
                put(pendingString, s.getString());
                pendingString = null;
            }
        } else if (record instanceof RowRecord r) {
            if (r.getZeroHeight()) {
                hiddenRowNumbers.add(r.getRowNumber() + 1);
            }
        } else if (record instanceof MergeCellsRecord m) {
            for (int i = 0; i < m.getNumAreas(); i++) {
                CellArea a = CellArea.of(m.getAreaAt(i));
                if (a != null && !a.isSingleCell()) {
                    if (merged.size() >= SheetHandler.MAX_MERGED_AREAS) {
                        throw new Limit(false);
                    }
                    merged.add(a);
                }
            }
        }
    }

    /** A formula counts by its cached value, as Excel last showed it. */
    private void formula(FormulaRecord f) {
        if (f.hasCachedResultString()) {
            pendingString = f; // the text follows in a StringRecord
        } else if (f.getCachedResultTypeEnum() == org.apache.poi.ss.usermodel.CellType.BOOLEAN) {
            put(f, f.getCachedBooleanValue() ? "TRUE" : "FALSE");
        } else if (f.getCachedResultTypeEnum() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
            put(f, number(f, f.getValue()));
        }
    }

    private String number(CellValueRecordInterface cell, double value) {
        int format = formats.getFormatIndex(cell);
        String formatString = formats.getFormatString(cell);
        if (DateUtil.isADateFormat(format, formatString) && DateUtil.isValidExcelDate(value)) {
            LocalDate d = DateUtil.getLocalDateTime(value, date1904).toLocalDate();
            return d.toString();
        }
        String text = NumberToTextConverter.toText(value);
        return SheetHandler.isPercentFormat(formatString) ? SheetHandler.percent(text) : text;
    }

    private void put(CellValueRecordInterface cell, String value) {
        if (value == null || value.isBlank() || cell.getColumn() >= maxColumns) {
            return;
        }
        if (value.length() > SheetHandler.MAX_CELL_CHARS) {
            throw new Limit(false);
        }
        int row = cell.getRow() + 1;
        TreeMap<Integer, String> r = cells.get(row);
        if (r == null) {
            if (totalRows >= maxRows) {
                throw new Limit(true);
            }
            totalRows++;
            r = new TreeMap<>();
            cells.put(row, r);
        }
        r.put((int) cell.getColumn(), value);
    }

    private void finishSheet() {
        List<SheetRow> rows = new ArrayList<>();
        Set<Integer> hiddenWithValues = new TreeSet<>();
        for (Map.Entry<Integer, TreeMap<Integer, String>> e : cells.entrySet()) {
            rows.add(new SheetRow(e.getKey(), e.getValue()));
            if (hiddenRowNumbers.contains(e.getKey())) {
                hiddenWithValues.add(e.getKey());
            }
        }
        String name = sheetIndex < names.size() ? names.get(sheetIndex) : "Sheet" + (sheetIndex + 1);
        boolean isHidden = sheetIndex < hidden.size() && hidden.get(sheetIndex);
        sheets.add(new XlsxSource.SheetData(name, List.copyOf(rows), isHidden, List.copyOf(merged),
                Set.copyOf(hiddenWithValues)));
    }
}
