package org.perfdesk.report.xlsx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams a worksheet's XML into {@link SheetRow}s, keeping only rows with values, so a big or
 * hostile sheet never becomes a big object tree. Stops with {@link TooManyRows} past the limit.
 * Also notes the merged areas and which rows with values are hidden, for forms whose layout is
 * their own.
 */
final class SheetHandler extends DefaultHandler {
    /** Excel holds at most this many characters in a cell; a longer one was not written by Excel. */
    static final int MAX_CELL_CHARS = 32_767;
    /** More merged areas than this are not a form but a file made to exhaust memory. */
    static final int MAX_MERGED_AREAS = 100_000;

    static final class TooManyRows extends SAXException {
        private static final long serialVersionUID = 1L;

        TooManyRows() {
            super("too many rows");
        }
    }

    static final class CellTooLong extends SAXException {
        private static final long serialVersionUID = 1L;

        CellTooLong() {
            super("cell text too long");
        }
    }

    private final SharedStrings strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final int maxRows;
    private final int maxColumns;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private final List<SheetRow> rows = new ArrayList<>();
    private final List<CellArea> merged = new ArrayList<>();
    private final Set<Integer> hiddenRows = new TreeSet<>();
    private final Map<Integer, Boolean> percentStyles = new HashMap<>();
    private boolean percentAsText;
    private boolean rowHidden;

    private int rowNumber;
    private Map<Integer, String> cells;
    private int column;
    private String type;
    private int style;
    private final StringBuilder text = new StringBuilder();
    private boolean collecting;
    private boolean inPhonetic;

    SheetHandler(SharedStrings strings, StylesTable styles, boolean date1904, int maxRows, int maxColumns) {
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
        this.maxRows = maxRows;
        this.maxColumns = maxColumns;
    }

    List<SheetRow> rows() {
        return rows;
    }

    /** The merged areas, in the order the sheet lists them. */
    List<CellArea> merged() {
        return merged;
    }

    /** Numbers of the rows with values that are hidden. */
    Set<Integer> hiddenRows() {
        return hiddenRows;
    }

    /**
     * Numbers formatted as percentages read as they show (95%), not as their value (0.95): a form
     * of the office's own may hold a target so. The program's own forms write none.
     */
    SheetHandler readingPercentAsShown() {
        percentAsText = true;
        return this;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        switch (localName) {
            case "row" -> {
                String r = atts.getValue("r");
                rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                cells = new TreeMap<>();
                column = -1;
                String hidden = atts.getValue("hidden");
                rowHidden = "1".equals(hidden) || "true".equals(hidden);
            }
            case "mergeCell" -> {
                CellArea area = CellArea.parse(String.valueOf(atts.getValue("ref")));
                if (area != null && !area.isSingleCell()) {
                    if (merged.size() >= MAX_MERGED_AREAS) {
                        throw new CellTooLong();
                    }
                    merged.add(area);
                }
            }
            case "c" -> {
                String ref = atts.getValue("r");
                column = ref == null ? column + 1 : new CellReference(ref).getCol();
                type = atts.getValue("t") == null ? "n" : atts.getValue("t");
                style = atts.getValue("s") == null ? -1 : Integer.parseInt(atts.getValue("s"));
                text.setLength(0);
            }
            case "v" -> {
                text.setLength(0);
                collecting = true;
            }
            case "is" -> text.setLength(0);
            case "rPh" -> inPhonetic = true;
            case "t" -> collecting = !inPhonetic;
            default -> {
                // formulas, styles inside the sheet XML: not needed, the cached value is in <v>
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (collecting) {
            if (text.length() + length > MAX_CELL_CHARS) {
                throw new CellTooLong();
            }
            text.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        switch (localName) {
            case "v", "t" -> collecting = false;
            case "rPh" -> inPhonetic = false;
            case "c" -> {
                // text holds the cached value <v>, or the runs of an inline string
                if (text.length() > 0 && cells != null && column >= 0 && column < maxColumns) {
                    String s = interpret(text.toString());
                    if (!s.isBlank()) {
                        cells.put(column, s);
                    }
                }
            }
            case "row" -> {
                if (cells != null && !cells.isEmpty()) {
                    if (rows.size() >= maxRows) {
                        throw new TooManyRows();
                    }
                    rows.add(new SheetRow(rowNumber, cells));
                    if (rowHidden) {
                        hiddenRows.add(rowNumber);
                    }
                }
                cells = null;
            }
            default -> {
                // nothing to do
            }
        }
    }

    private String interpret(String raw) {
        return switch (type) {
            case "s" -> strings.getItemAt(Integer.parseInt(raw.strip())).getString();
            case "inlineStr", "str", "e" -> raw;
            case "b" -> "1".equals(raw.strip()) ? "TRUE" : "FALSE";
            case "d" -> LocalDate.parse(raw.strip().substring(0, Math.min(10, raw.strip().length()))).toString();
            default -> number(Double.parseDouble(raw.strip()));
        };
    }

    private String number(double d) {
        if (style >= 0 && isDateStyle(style) && DateUtil.isValidExcelDate(d)) {
            return DateUtil.getLocalDateTime(d, date1904).toLocalDate().toString();
        }
        String text = NumberToTextConverter.toText(d);
        if (percentAsText && style >= 0 && isPercentStyle(style)) {
            return percent(text);
        }
        return text;
    }

    /** 0.95 → 95%: the value as a percentage shows it, in plain notation. */
    static String percent(String value) {
        try {
            return new BigDecimal(value).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private boolean isPercentStyle(int index) {
        return percentStyles.computeIfAbsent(index, i -> {
            if (styles == null || i >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle s = styles.getStyleAt(i);
            return s != null && isPercentFormat(s.getDataFormatString());
        });
    }

    /** A number format that shows a percentage: a % outside quotes. */
    static boolean isPercentFormat(String format) {
        return format != null && format.replaceAll("\"[^\"]*\"", "").contains("%");
    }

    private boolean isDateStyle(int index) {
        return dateStyles.computeIfAbsent(index, i -> {
            if (styles == null || i >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle s = styles.getStyleAt(i);
            return s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
        });
    }
}
