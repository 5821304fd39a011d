package org.perfdesk.report.xlsx;

import java.util.EnumMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The few cell styles of the export: a workbook may hold only so many, so they are made once. */
final class SheetStyles {
    /** 宋体 is what government forms use; LibreOffice and WPS substitute a Song face where it is missing. */
    static final String FONT = "宋体";
    static final short FONT_POINTS = 11;

    private final Workbook wb;
    final CellStyle title;
    final CellStyle header;
    final CellStyle note;
    final CellStyle guideText;
    final CellStyle guideLabel;
    /** Per column type: ordinary rows, and the emphasised rows of top-level goals. */
    private final Map<Column.Type, CellStyle> plain = new EnumMap<>(Column.Type.class);
    private final Map<Column.Type, CellStyle> goal = new EnumMap<>(Column.Type.class);

    SheetStyles(Workbook wb) {
        this.wb = wb;
        Font regular = font(false, FONT_POINTS);
        Font bold = font(true, FONT_POINTS);
        title = wb.createCellStyle();
        title.setFont(font(true, (short) 16));
        title.setAlignment(HorizontalAlignment.CENTER);
        title.setVerticalAlignment(VerticalAlignment.CENTER);
        header = bordered(bold, HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        note = wb.createCellStyle();
        note.setFont(regular);
        note.setWrapText(true);
        note.setVerticalAlignment(VerticalAlignment.TOP);
        guideText = bordered(regular, HorizontalAlignment.LEFT);
        guideLabel = bordered(bold, HorizontalAlignment.LEFT);
        for (Column.Type type : Column.Type.values()) {
            plain.put(type, cell(type, regular, false));
            goal.put(type, cell(type, bold, true));
        }
    }

    CellStyle cell(Column.Type type, boolean topLevel) {
        return (topLevel ? goal : plain).get(type);
    }

    private CellStyle cell(Column.Type type, Font font, boolean shaded) {
        HorizontalAlignment align = switch (type) {
            case CODE, TEXT -> HorizontalAlignment.LEFT;
            case CENTERED, DATE -> HorizontalAlignment.CENTER;
            case NUMBER -> HorizontalAlignment.RIGHT;
        };
        CellStyle s = bordered(font, align);
        if (type == Column.Type.CODE) {
            // Text, so that Excel keeps 1.10 as typed instead of turning it into the number 1.1.
            s.setDataFormat(wb.createDataFormat().getFormat("@"));
        } else if (type == Column.Type.DATE) {
            s.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        }
        if (shaded) {
            s.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        return s;
    }

    private CellStyle bordered(Font font, HorizontalAlignment align) {
        CellStyle s = wb.createCellStyle();
        s.setFont(font);
        s.setAlignment(align);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        s.setWrapText(true);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        return s;
    }

    private Font font(boolean bold, short points) {
        Font f = wb.createFont();
        f.setFontName(FONT);
        f.setFontHeightInPoints(points);
        f.setBold(bold);
        return f;
    }
}
