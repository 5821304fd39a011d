package org.perfdesk.report.xlsx;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.util.CellReference;

/**
 * A workbook opened for a goal-tree import, read once: its sheets and what each looks like (the
 * program's own form 目标分解, an office's own form with the header found, the organisation sheet,
 * a guide, a sheet without a header, an empty one), and the column mapping found for each form
 * sheet — or the one the user chose last time for a sheet with the same headings.
 */
public final class TreeWorkbook {
    /** What a sheet is, for the import. */
    public enum SheetKind { NATIVE, FORM, ORGANISATION, GUIDE, NO_HEADER, EMPTY }

    /**
     * @param headerRow the header's (last) row as Excel numbers it, 0 when none was found
     * @param dataRows  rows with values below the header
     */
    public record SheetInfo(String name, SheetKind kind, boolean hidden, int dataRows, int headerRow,
                            boolean remembered) {
    }

    /** A column for the mapping step: its letter, heading, the field found, and the first values below the header. */
    public record ColumnInfo(int index, String letter, String heading, Field field, List<String> samples) {
    }

    private static final int SAMPLES = 3;

    private final XlsxSource.Workbook workbook;
    private final Map<String, Grid> grids = new LinkedHashMap<>();
    private final Map<String, SheetInfo> infos = new LinkedHashMap<>();
    private final Map<String, SheetMapping> found = new LinkedHashMap<>();
    private final Map<String, SheetMapping> remembered = new LinkedHashMap<>();
    private final Optional<OrgXlsx.Found> orgSheet;

    TreeWorkbook(XlsxSource.Workbook workbook, Map<String, String> rememberedJson) {
        this.workbook = workbook;
        this.orgSheet = OrgXlsx.find(workbook);
        for (XlsxSource.SheetData s : workbook.sheets()) {
            Grid g = new Grid(s);
            grids.put(s.name(), g);
            infos.put(s.name(), classify(s, g, rememberedJson));
        }
    }

    private SheetInfo classify(XlsxSource.SheetData s, Grid g, Map<String, String> rememberedJson) {
        if (s.rows().isEmpty()) {
            return new SheetInfo(s.name(), SheetKind.EMPTY, s.hidden(), 0, 0, false);
        }
        if (s.name().equals(GuideSheet.NAME)) {
            return new SheetInfo(s.name(), SheetKind.GUIDE, s.hidden(), 0, 0, false);
        }
        if (orgSheet.isPresent() && orgSheet.get().sheet().equals(s.name())) {
            return new SheetInfo(s.name(), SheetKind.ORGANISATION, s.hidden(), orgSheet.get().read().rows().size(),
                    orgSheet.get().read().headerRow(), false);
        }
        int nativeHeader = nativeHeader(s);
        if (nativeHeader > 0) {
            return new SheetInfo(s.name(), SheetKind.NATIVE, s.hidden(), count(s, nativeHeader), nativeHeader, false);
        }
        Optional<SheetMapping> m = LayoutFinder.find(g);
        if (m.isEmpty()) {
            return new SheetInfo(s.name(), SheetKind.NO_HEADER, s.hidden(), s.rows().size(), 0, false);
        }
        found.put(s.name(), m.get());
        String json = rememberedJson.get(signature(s.name(), m.get()));
        boolean fromMemory = false;
        if (json != null) {
            Optional<SheetMapping> r = MappingFile.sheetMapping(json, this, s.name());
            if (r.isPresent()) {
                remembered.put(s.name(), r.get());
                fromMemory = true;
            }
        }
        SheetMapping used = mapping(s.name());
        int rows = count(s, used.headerRow());
        return new SheetInfo(s.name(), rows == 0 ? SheetKind.NO_HEADER : SheetKind.FORM, s.hidden(), rows,
                used.headerRow(), fromMemory);
    }

    /** The program's own form: 编号 and most of its columns in one of the first rows. */
    private static int nativeHeader(XlsxSource.SheetData s) {
        for (SheetRow r : s.rows().subList(0, Math.min(10, s.rows().size()))) {
            long known = r.cells().values().stream().map(v -> v.replaceAll("\\s+", ""))
                    .filter(v -> java.util.Arrays.stream(Column.values()).anyMatch(c -> c.header().equals(v))).count();
            boolean code = r.cells().values().stream().anyMatch(v -> v.replaceAll("\\s+", "").equals(Column.CODE.header()));
            if (code && known >= Column.values().length / 2) {
                return r.number();
            }
        }
        return 0;
    }

    private static int count(XlsxSource.SheetData s, int headerRow) {
        return (int) s.rows().stream().filter(r -> r.number() > headerRow).count();
    }

    public String file() {
        return workbook.file();
    }

    /** xlsx, xls or csv. */
    public String format() {
        return workbook.format().name().toLowerCase(java.util.Locale.ROOT);
    }

    public List<SheetInfo> sheets() {
        return List.copyOf(infos.values());
    }

    public SheetInfo sheet(String name) {
        return infos.get(name);
    }

    public boolean hasOrganisationSheet() {
        return orgSheet.isPresent();
    }

    /** The program's own form, when the workbook has it (the first visible one). */
    public Optional<String> nativeSheet() {
        return infos.values().stream().filter(i -> i.kind() == SheetKind.NATIVE && !i.hidden()).map(SheetInfo::name)
                .findFirst();
    }

    /** The mapping used unless the user changes it: the remembered one, else the one found. */
    public SheetMapping mapping(String sheet) {
        SheetMapping r = remembered.get(sheet);
        return r != null ? r : found.get(sheet);
    }

    /**
     * What an import does unless the user chooses otherwise: the program's own form alone when
     * the workbook has it, else every visible form sheet, each read with its mapping.
     */
    public ImportChoices defaults() {
        Map<String, SheetMapping> mappings = new LinkedHashMap<>();
        List<String> chosen = new ArrayList<>();
        Optional<String> own = nativeSheet();
        if (own.isPresent()) {
            chosen.add(own.get());
        } else {
            for (SheetInfo i : infos.values()) {
                if (i.kind() == SheetKind.FORM && !i.hidden()) {
                    chosen.add(i.name());
                }
            }
        }
        for (SheetInfo i : infos.values()) {
            if (mapping(i.name()) != null) {
                mappings.put(i.name(), mapping(i.name()));
            }
        }
        return new ImportChoices(chosen, mappings, null, false);
    }

    /** The mapping a header at this row gives (the user moved it), with the row above when that reads as a header too. */
    public SheetMapping headerAt(String sheet, int headerRow) {
        Grid g = grids.get(sheet);
        SheetMapping single = LayoutFinder.at(g, headerRow, false);
        SheetMapping pair = LayoutFinder.at(g, headerRow, true);
        return LayoutFinder.score(pair) > LayoutFinder.score(single) ? pair : single;
    }

    /** Every column of a sheet as the mapping step shows it. */
    public List<ColumnInfo> columns(String sheet, SheetMapping mapping) {
        Grid g = grids.get(sheet);
        List<ColumnInfo> out = new ArrayList<>();
        for (int col = 0; col <= g.lastColumn(); col++) {
            List<String> samples = new ArrayList<>();
            for (SheetRow r : g.rows()) {
                if (r.number() > mapping.headerRow() && samples.size() < SAMPLES) {
                    String v = g.value(r.number(), col);
                    if (v != null && g.own(r.number(), col)) {
                        samples.add(v.length() > 40 ? v.substring(0, 40) + "…" : v);
                    }
                }
            }
            String heading = mapping.headings().getOrDefault(col, "");
            if (heading.isEmpty() && samples.isEmpty()) {
                continue;
            }
            out.add(new ColumnInfo(col, CellReference.convertNumToColString(col), heading, mapping.field(col), samples));
        }
        return out;
    }

    /** The header rows a user may choose between: the first rows with values. */
    public List<Integer> rowNumbers(String sheet, int limit) {
        return grids.get(sheet).rows().stream().limit(limit).map(SheetRow::number).toList();
    }

    XlsxSource.Workbook workbook() {
        return workbook;
    }

    Grid grid(String sheet) {
        return grids.get(sheet);
    }

    XlsxSource.SheetData data(String sheet) {
        return grids.get(sheet).sheet();
    }

    Optional<OrgXlsx.Found> orgSheet() {
        return orgSheet;
    }

    /**
     * The key under which a sheet's mapping is remembered: the sheet's name and its headings as found
     * (not the row they are on), so each department's sheet keeps its own corrections.
     */
    String rememberKey(String sheet) {
        SheetMapping m = found.get(sheet);
        return m == null ? null : signature(sheet, m);
    }

    static String signature(String sheet, SheetMapping found) {
        StringBuilder b = new StringBuilder(sheet).append('\n');
        found.headings().forEach((col, h) -> b.append(col).append('=').append(HeadingWords.key(h)).append('\n'));
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return "xlsx.mapping." + HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
