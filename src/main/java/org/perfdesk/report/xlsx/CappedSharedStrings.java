package org.perfdesk.report.xlsx;

import java.io.InputStream;
import java.util.Arrays;

import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared strings read with a cap on their total length and count, kept as one block of
 * characters and an index rather than an object per string. POI's own table keeps every string as
 * an object without a limit, so a file made of a huge string table would fill the heap before a
 * single row is read.
 */
final class CappedSharedStrings implements SharedStrings {
    /** Strings in a table; a 50,000-row form needs far fewer. */
    static final int MAX_STRINGS = 2_000_000;

    private final StringBuilder text = new StringBuilder();
    private int[] starts = new int[1024];
    private int count;

    private CappedSharedStrings() {
    }

    static CappedSharedStrings read(InputStream in, long maxChars) throws Exception {
        CappedSharedStrings table = new CappedSharedStrings();
        XMLReader xml = XMLHelper.newXMLReader();
        Handler handler = table.new Handler(maxChars);
        xml.setContentHandler(handler);
        xml.setErrorHandler(handler);
        xml.parse(new InputSource(in));
        return table;
    }

    static CappedSharedStrings empty() {
        return new CappedSharedStrings();
    }

    @Override
    public RichTextString getItemAt(int idx) {
        if (idx < 0 || idx >= count) {
            // a cell naming a string the table does not have: as if empty
            return new XSSFRichTextString("");
        }
        int end = idx + 1 < count ? starts[idx + 1] : text.length();
        return new XSSFRichTextString(text.substring(starts[idx], end));
    }

    @Override
    public int getCount() {
        return count;
    }

    @Override
    public int getUniqueCount() {
        return count;
    }

    private final class Handler extends DefaultHandler {
        private final long maxChars;
        private boolean collecting;
        private boolean inPhonetic;

        Handler(long maxChars) {
            this.maxChars = maxChars;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            switch (localName) {
                case "si" -> {
                    if (count >= MAX_STRINGS) {
                        throw new SheetHandler.CellTooLong();
                    }
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, starts.length * 2);
                    }
                    starts[count++] = text.length();
                }
                case "rPh" -> inPhonetic = true;
                case "t" -> collecting = !inPhonetic && count > 0;
                default -> {
                    // runs, fonts: only the text counts
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if ("t".equals(localName)) {
                collecting = false;
            } else if ("rPh".equals(localName)) {
                inPhonetic = false;
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (collecting) {
                if (text.length() + (long) length > maxChars) {
                    throw new SheetHandler.CellTooLong();
                }
                text.append(ch, start, length);
            }
        }
    }
}
