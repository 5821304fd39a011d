package org.perfdesk.report.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/**
 * A unit's goal tree for a year as an xlsx evaluation form (目标分解表) and back.
 *
 * <p>Import is two steps: {@link #read} parses and checks the file and works out the changes
 * without writing anything (a preview, also what a dry run shows); {@link #apply} writes them in
 * one transaction. A sheet with any problem is refused whole.
 */
public final class GoalTreeXlsx {
    private GoalTreeXlsx() {
    }

    /** Writes the form to {@code out}, whole or not at all (temporary file, then rename). */
    public static void export(Workspace ws, String unitCode, int year, Path out) {
        OrgUnit unit = ws.orgUnits().find(unitCode)
                .orElseThrow(() -> new UserError("xlsx.error.unknownUnit", unitCode));
        GoalTree tree = ws.goals().loadTree(unitCode, year);
        OwnerNames owners = new OwnerNames(ws.orgUnits().findSubtree(unitCode));
        Path tmp = SafeFiles.temporaryFor(out);
        // Closing the streaming workbook also deletes its temporary files (POI 5.3 and later).
        try (SXSSFWorkbook wb = TreeSheetWriter.write(unit, year, tree, owners)) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (OutputStream os = Files.newOutputStream(tmp)) {
                wb.write(os);
            }
            SafeFiles.commit(tmp, out);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UserError(e, "xlsx.error.cannotWrite", out.toString(), String.valueOf(e.getMessage()));
        }
    }

    /**
     * Opens a workbook for import: every sheet read once, the program's own form or the header of
     * an office's own form found on each, and the column mappings the workspace remembers applied.
     * Problems with the file as a whole (not a workbook, too big, a zip bomb) are thrown as {@link UserError}.
     */
    public static TreeWorkbook open(Workspace ws, Path file) {
        return new TreeWorkbook(XlsxSource.readWorkbook(file), RememberedMappings.all(ws));
    }

    /**
     * Reads and checks {@code file} against the unit's organisations and its tree for the year, as
     * {@link TreeWorkbook#defaults()} reads it, creating no organisation.
     * Problems in rows come back in {@link XlsxImport#problems()}.
     */
    public static XlsxImport read(Workspace ws, String unitCode, int year, Path file) {
        TreeWorkbook wb = open(ws, file);
        return read(ws, unitCode, year, wb, wb.defaults());
    }

    /**
     * Reads the chosen sheets of an opened workbook as the choices say (sheets, column mappings,
     * one goal per sheet, whether organisations the workspace lacks are created): a preview, also
     * what a dry run shows. Nothing is written.
     */
    public static XlsxImport read(Workspace ws, String unitCode, int year, TreeWorkbook wb, ImportChoices choices) {
        return TreeImporter.read(ws, unitCode, year, wb, choices);
    }

    /**
     * Replaces the unit's tree for the year with the previewed one, creating the previewed
     * organisations first and remembering the column mappings, in one transaction: all of it or,
     * on any error, none. Refuses when the tree or the organisations changed after {@link #read}.
     */
    public static XlsxImport.Counts apply(Workspace ws, XlsxImport preview) {
        if (preview.refused()) {
            throw new IllegalStateException("a refused import cannot be applied");
        }
        ws.database().write(c -> {
            if (!sameNodes(ws.goals().findAll(preview.unitCode(), preview.year()), preview.base())) {
                throw new UserError("xlsx.error.changedSinceRead", preview.file().toString());
            }
            OrgXlsx.create(ws, preview.newOrganisations(), preview.file());
            ws.years().open(preview.year());
            ws.goals().saveAll(preview.toSave());
            RememberedMappings.save(ws, preview.remember());
            return null;
        });
        return preview.counts();
    }

    private static boolean sameNodes(List<GoalNode> now, List<GoalNode> then) {
        Map<String, GoalNode> byId = new HashMap<>();
        then.forEach(n -> byId.put(n.id(), n));
        return now.size() == then.size() && now.stream().allMatch(n -> n.equals(byId.get(n.id())));
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the write error is the one to report
        }
    }
}
