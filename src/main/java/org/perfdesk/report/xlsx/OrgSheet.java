package org.perfdesk.report.xlsx;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;

/**
 * The sheet 组织机构: the unit's divisions (处室), responsible persons (责任人, with their division and
 * post) and sub-units (下级单位, with code and kind), so that a goal tree's owners travel with it.
 * Row 2 names the unit itself; the header follows; then one row per organisation, parents first.
 */
final class OrgSheet {
    static final String SHEET = "组织机构";
    static final String SELF_LABEL = "本单位";

    /** The columns, in order. Chinese whatever the UI language: this is the form. */
    enum Col {
        CODE("代码", 14), NAME("名称", 28), KIND("类别", 14), POST("职务", 12), PARENT_CODE("上级代码", 14),
        PARENT_NAME("上级名称", 28);

        final String header;
        final int width;

        Col(String header, int width) {
            this.header = header;
            this.width = width;
        }
    }

    private static final Map<OrgKind, String> KINDS = new EnumMap<>(Map.of(OrgKind.OFFICE, "效能办",
            OrgKind.CITY, "设区市政府", OrgKind.COUNTY, "县（市、区）", OrgKind.DEPARTMENT, "部门",
            OrgKind.DIVISION, "处室", OrgKind.PERSON, "责任人"));
    /** What staff write for a kind besides the form's own word. */
    private static final Map<String, OrgKind> KIND_WORDS = Map.ofEntries(Map.entry("市", OrgKind.CITY),
            Map.entry("市政府", OrgKind.CITY), Map.entry("设区市", OrgKind.CITY), Map.entry("县", OrgKind.COUNTY),
            Map.entry("区", OrgKind.COUNTY), Map.entry("县区", OrgKind.COUNTY), Map.entry("县(区)", OrgKind.COUNTY),
            Map.entry("县(市、区)", OrgKind.COUNTY), Map.entry("县(市,区)", OrgKind.COUNTY),
            Map.entry("部门", OrgKind.DEPARTMENT), Map.entry("单位", OrgKind.DEPARTMENT),
            Map.entry("下级单位", OrgKind.DEPARTMENT), Map.entry("直属单位", OrgKind.DEPARTMENT),
            Map.entry("处", OrgKind.DIVISION), Map.entry("处室", OrgKind.DIVISION), Map.entry("科室", OrgKind.DIVISION),
            Map.entry("科", OrgKind.DIVISION), Map.entry("内设机构", OrgKind.DIVISION), Map.entry("人", OrgKind.PERSON),
            Map.entry("责任人", OrgKind.PERSON), Map.entry("个人", OrgKind.PERSON), Map.entry("人员", OrgKind.PERSON),
            Map.entry("效能办", OrgKind.OFFICE));
    /** A person's name as the workspace keeps it: 郑晓东（副主任）. Only full-width brackets, so it reads back the same. */
    private static final Pattern NAME_AND_POST = Pattern.compile("(.+?)（([^（）]+)）");

    private OrgSheet() {
    }

    static String kindLabel(OrgKind kind) {
        return KINDS.get(kind);
    }

    static Optional<OrgKind> parseKind(String text) {
        String key = org.perfdesk.domain.TypedInput.normalized(text).replaceAll("\\s+", "");
        for (Map.Entry<OrgKind, String> e : KINDS.entrySet()) {
            if (org.perfdesk.domain.TypedInput.normalized(e.getValue()).equals(key)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.ofNullable(KIND_WORDS.get(key));
    }

    /** A person's name and post (职务), split as the sheet shows them. */
    static String[] nameAndPost(OrgUnit o) {
        Matcher m = NAME_AND_POST.matcher(o.name());
        if (o.kind() == OrgKind.PERSON && m.matches()) {
            return new String[] {m.group(1), m.group(2)};
        }
        return new String[] {o.name(), ""};
    }

    /** The name the workspace keeps for a person with a post. */
    static String joinPost(String name, String post) {
        return post == null || post.isBlank() ? name : name + "（" + post.strip() + "）";
    }

    /** Writes the sheet for {@code unit} and everything below it ({@code subtree}, the unit first). */
    static void write(Workbook wb, SheetStyles styles, OrgUnit unit, List<OrgUnit> subtree) {
        Sheet sheet = wb.createSheet(SHEET);
        int r = 0;
        Row title = sheet.createRow(r++);
        title.setHeightInPoints(28);
        cell(title, 0, unit.name() + " 组织机构", styles.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, Col.values().length - 1));
        Row self = sheet.createRow(r++);
        cell(self, 0, SELF_LABEL, styles.guideLabel);
        cell(self, 1, unit.name(), styles.guideText);
        cell(self, 2, "代码", styles.guideLabel);
        cell(self, 3, unit.code(), styles.guideText);
        Row header = sheet.createRow(r++);
        for (Col c : Col.values()) {
            cell(header, c.ordinal(), c.header, styles.header);
            sheet.setColumnWidth(c.ordinal(), c.width * 256);
        }
        sheet.createFreezePane(0, r);
        Map<String, OrgUnit> byCode = new HashMap<>();
        subtree.forEach(o -> byCode.put(o.code(), o));
        for (OrgUnit o : subtree) {
            if (o.code().equals(unit.code())) {
                continue;
            }
            Row row = sheet.createRow(r++);
            String[] np = nameAndPost(o);
            OrgUnit parent = byCode.get(o.parentCode());
            cell(row, Col.CODE.ordinal(), o.code(), styles.guideText);
            cell(row, Col.NAME.ordinal(), np[0], styles.guideText);
            cell(row, Col.KIND.ordinal(), kindLabel(o.kind()), styles.guideText);
            cell(row, Col.POST.ordinal(), np[1], styles.guideText);
            cell(row, Col.PARENT_CODE.ordinal(), o.parentCode() == null ? "" : o.parentCode(), styles.guideText);
            cell(row, Col.PARENT_NAME.ordinal(), parent == null ? "" : parent.name(), styles.guideText);
        }
        PrintSetup ps = sheet.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sheet.setFitToPage(true);
    }

    private static void cell(Row row, int col, String text, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(text);
        c.setCellStyle(style);
    }

    /** One organisation as the sheet gives it; blanks are null. */
    record OrgRow(int row, String code, String name, String kindText, String post, String parentCode,
                  String parentName) {
    }

    /** The sheet read: the unit it names (code, name; null when missing), its rows, and where the header was. */
    record Read(String selfCode, String selfName, int headerRow, List<OrgRow> rows) {
    }

    /** Finds the header by 名称 and 类别 among the first rows; empty when the sheet has none. */
    static Optional<Read> read(XlsxSource.SheetData sheet) {
        List<SheetRow> rows = sheet.rows();
        String selfCode = null;
        String selfName = null;
        for (int i = 0; i < Math.min(10, rows.size()); i++) {
            SheetRow row = rows.get(i);
            Map<Col, Integer> index = new EnumMap<>(Col.class);
            row.cells().forEach((col, text) -> {
                for (Col c : Col.values()) {
                    if (key(text).equals(c.header)) {
                        index.putIfAbsent(c, col);
                    }
                }
            });
            if (SELF_LABEL.equals(key(row.text(0)))) {
                selfName = CellValues.text(row.text(1));
                selfCode = CellValues.text(row.text(3));
            }
            if (index.containsKey(Col.NAME) && index.containsKey(Col.KIND)) {
                List<OrgRow> out = new ArrayList<>();
                for (SheetRow data : rows.subList(i + 1, rows.size())) {
                    OrgRow o = new OrgRow(data.number(), text(data, index, Col.CODE), text(data, index, Col.NAME),
                            text(data, index, Col.KIND), text(data, index, Col.POST), text(data, index, Col.PARENT_CODE),
                            text(data, index, Col.PARENT_NAME));
                    if (o.code() != null || o.name() != null || o.kindText() != null) {
                        out.add(o);
                    }
                }
                return Optional.of(new Read(selfCode, selfName, row.number(), out));
            }
        }
        return Optional.empty();
    }

    private static String text(SheetRow row, Map<Col, Integer> index, Col c) {
        Integer i = index.get(c);
        return i == null ? null : CellValues.text(row.text(i));
    }

    private static String key(String text) {
        return org.perfdesk.domain.TypedInput.normalized(text).replaceAll("\\s+", "");
    }
}
