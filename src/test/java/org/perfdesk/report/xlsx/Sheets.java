package org.perfdesk.report.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.Numbers;

/** Test helpers: change cells of an exported sheet the way a person would in Excel, and compare trees. */
final class Sheets {
    private Sheets() {
    }

    /** Copies {@code in} to {@code out} with the sheet 目标分解 changed by {@code change}. */
    static Path edit(Path in, Path out, Consumer<XSSFSheet> change) throws IOException {
        try (InputStream is = Files.newInputStream(in); XSSFWorkbook wb = new XSSFWorkbook(is)) {
            change.accept(wb.getSheet(TreeSheetWriter.SHEET));
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        }
        return out;
    }

    /** Sets (or with null, clears) the cell of the row as Excel numbers it, in the column with that header. */
    static void set(XSSFSheet sheet, int excelRow, String header, Object value) {
        int col = column(sheet, header);
        Row row = sheet.getRow(excelRow - 1) == null ? sheet.createRow(excelRow - 1) : sheet.getRow(excelRow - 1);
        Cell old = row.getCell(col);
        CellStyle style = old == null ? null : old.getCellStyle();
        if (old != null) {
            // A new cell rather than a changed one: POI would write the new text beside the old inline
            // string of an exported cell, where Excel and this reader still see the old one.
            row.removeCell(old);
        }
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(col);
        if (style != null) {
            cell.setCellStyle(style);
        }
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else {
            cell.setCellValue(value.toString());
        }
    }

    /** The text of one cell of the sheet 目标分解 in a file. */
    static String cellText(Path file, int excelRow, String header) {
        try (InputStream is = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(is)) {
            return get(wb.getSheet(TreeSheetWriter.SHEET), excelRow, header);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String get(XSSFSheet sheet, int excelRow, String header) {
        Cell cell = sheet.getRow(excelRow - 1).getCell(column(sheet, header));
        return cell == null ? "" : new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(cell);
    }

    static int column(XSSFSheet sheet, String header) {
        for (Cell c : sheet.getRow(TreeSheetWriter.HEADER_ROW)) {
            if (header.equals(c.getStringCellValue())) {
                return c.getColumnIndex();
            }
        }
        throw new IllegalArgumentException("no column " + header);
    }

    /** What a node is, without its id: place (编号), kind, title, points, measure, owner, dates and texts. */
    record Shape(String path, NodeKind kind, String title, String weight, String measure, String owner,
                 LocalDate deadline, String quality, String description) {
    }

    static List<Shape> shapes(List<GoalNode> nodes) {
        GoalTree tree = new GoalTree(nodes);
        Map<String, String> paths = TreePaths.of(tree);
        List<Shape> out = new ArrayList<>();
        for (GoalNode n : tree.inOrder()) {
            out.add(new Shape(paths.get(n.id()), n.kind(), n.title(), Numbers.plain(n.weight()), measure(n.measure()),
                    n.ownerCode(), n.deadline(), n.qualityRequirement(), n.description()));
        }
        return out;
    }

    private static String measure(Measure m) {
        if (m instanceof Measure.Quantitative q) {
            return "quantitative " + plain(q.target()) + " " + plain(q.baseline()) + " " + q.unitOfMeasure() + " "
                    + q.direction();
        }
        return String.valueOf(m);
    }

    private static String plain(BigDecimal d) {
        return d == null ? "-" : Numbers.plain(d);
    }
}
