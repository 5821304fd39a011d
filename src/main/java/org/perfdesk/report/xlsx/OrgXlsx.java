package org.perfdesk.report.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/**
 * A unit's organisation on its own as a workbook (the sheet 组织机构, as the goal-tree form also
 * carries it) and back: {@link #read} previews, {@link #apply} adds the organisations the workspace
 * lacks in one transaction.
 */
public final class OrgXlsx {
    private static final List<String> RULES = List.of(
            "每行一个处室、责任人或下级单位，上级在前。类别填：处室、责任人、部门、县（市、区）或设区市政府。",
            "责任人的「职务」可不填；「上级代码」或「上级名称」指明其所属处室（不填为本单位）。",
            "代码可不填，导入时自动编排；已有代码的组织不会被改名或删除，导入只增加工作区还没有的组织。",
            "表中有任何错误时什么也不导入，程序会列出每个出错的行号、列名和原因。");

    private OrgXlsx() {
    }

    /** Writes the unit's organisation to {@code out}, whole or not at all. */
    public static void export(Workspace ws, String unitCode, Path out) {
        OrgUnit unit = ws.orgUnits().find(unitCode).orElseThrow(() -> new UserError("xlsx.error.unknownUnit", unitCode));
        List<OrgUnit> subtree = ws.orgUnits().findSubtree(unitCode);
        XSSFWorkbook wb = new XSSFWorkbook();
        byte[] bytes;
        try {
            SheetStyles styles = new SheetStyles(wb);
            OrgSheet.write(wb, styles, unit, subtree);
            GuideSheet guide = GuideSheet.start(wb, styles);
            guide.rules("填写规则", RULES);
            guide.finish();
        } finally {
            bytes = NewWorkbooks.bytesAndDiscard(wb);
        }
        Path tmp = SafeFiles.temporaryFor(out);
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (OutputStream os = Files.newOutputStream(tmp)) {
                os.write(bytes);
            }
            SafeFiles.commit(tmp, out);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write error is the one to report
            }
            throw new UserError(e, "xlsx.error.cannotWrite", out.toString(), String.valueOf(e.getMessage()));
        }
    }

    /** Reads the organisation sheet of {@code file} (组织机构, or the first sheet with 名称 and 类别) and plans it. */
    public static OrgImport read(Workspace ws, String unitCode, Path file) {
        XlsxSource.Workbook wb = XlsxSource.readWorkbook(file);
        OrgUnit self = ws.orgUnits().find(unitCode).orElseThrow(() -> new UserError("xlsx.error.unknownUnit", unitCode));
        Optional<Found> found = find(wb);
        if (found.isEmpty()) {
            throw new UserError("xlsx.org.error.noSheet", file.toString());
        }
        OrgPlanner.Plan plan = OrgPlanner.plan(found.get().sheet(), found.get().read(), self, ws.orgUnits().findAll(),
                ws.orgUnits().findSubtree(unitCode));
        return new OrgImport(file, unitCode, plan.problems(), plan.problems().isEmpty() ? plan.toCreate() : List.of(),
                plan.unchanged(), plan.notes());
    }

    /** The organisation sheet of a workbook and what it says. */
    record Found(String sheet, OrgSheet.Read read) {
    }

    static Optional<Found> find(XlsxSource.Workbook wb) {
        for (XlsxSource.SheetData s : wb.sheets()) {
            if (s.name().equals(OrgSheet.SHEET)) {
                return OrgSheet.read(s).map(r -> new Found(s.name(), r));
            }
        }
        for (XlsxSource.SheetData s : wb.sheets()) {
            Optional<OrgSheet.Read> r = OrgSheet.read(s);
            if (r.isPresent() && !s.hidden()) {
                return Optional.of(new Found(s.name(), r.get()));
            }
        }
        return Optional.empty();
    }

    /** Adds the previewed organisations in one transaction; refuses when the workspace gained any of them since. */
    public static int apply(Workspace ws, OrgImport preview) {
        if (preview.refused()) {
            throw new IllegalStateException("a refused import cannot be applied");
        }
        ws.database().write(c -> {
            create(ws, preview.toCreate(), preview.file());
            return null;
        });
        return preview.toCreate().size();
    }

    /** Inside the caller's transaction: the organisations, none of which may exist yet. */
    static void create(Workspace ws, List<OrgUnit> toCreate, Path file) {
        for (OrgUnit o : toCreate) {
            if (ws.orgUnits().find(o.code()).isPresent()) {
                throw new UserError("xlsx.error.changedSinceRead", file.toString());
            }
        }
        ws.orgUnits().saveAll(toCreate);
    }
}
