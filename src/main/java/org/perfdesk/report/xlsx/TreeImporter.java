package org.perfdesk.report.xlsx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.UserError;
import org.perfdesk.report.xlsx.RowProblem.Reason;
import org.perfdesk.store.Workspace;

/**
 * Reads the chosen sheets of a workbook into a plan for the unit's tree: the program's own form
 * through {@link TreeSheetParser}, an office's own form through its column mapping
 * ({@link FormSheetReader}, {@link DraftReader}); the organisation sheet and the owners the form
 * names give the organisations to create with it. Nothing is written.
 */
final class TreeImporter {
    private TreeImporter() {
    }

    static XlsxImport read(Workspace ws, String unitCode, int year, TreeWorkbook wb, ImportChoices choices) {
        Path file = Path.of(wb.file());
        OrgUnit self = ws.orgUnits().find(unitCode).orElseThrow(() -> new UserError("xlsx.error.unknownUnit", unitCode));
        List<OrgUnit> all = ws.orgUnits().findAll();
        List<OrgUnit> subtree = ws.orgUnits().findSubtree(unitCode);
        List<RowProblem> problems = new ArrayList<>();
        List<RowNote> notes = new ArrayList<>();

        List<OrgUnit> planned = new ArrayList<>();
        List<OrgUnit> named = new ArrayList<>();
        wb.orgSheet().ifPresent(found -> {
            OrgPlanner.Plan plan = OrgPlanner.plan(found.sheet(), found.read(), self, all, subtree);
            problems.addAll(plan.problems());
            notes.addAll(plan.notes());
            planned.addAll(plan.toCreate());
            named.addAll(plan.named());
        });
        List<OrgUnit> known = new ArrayList<>(subtree);
        known.addAll(planned);
        OwnerNames names = new OwnerNames(known).withAliases(named);
        Set<String> plannedCodes = new HashSet<>();
        planned.forEach(o -> plannedCodes.add(o.code()));
        Set<String> taken = new HashSet<>(plannedCodes);
        all.forEach(o -> taken.add(o.code()));

        List<String> chosen = choices.sheets().stream().filter(s -> wb.sheet(s) != null).toList();
        if (chosen.isEmpty()) {
            boolean anyForm = wb.sheets().stream().anyMatch(i -> i.kind() == TreeWorkbook.SheetKind.FORM
                    || i.kind() == TreeWorkbook.SheetKind.NATIVE);
            TreeWorkbook.SheetInfo first = wb.sheets().stream().filter(i -> i.kind() == TreeWorkbook.SheetKind.NO_HEADER)
                    .findFirst().orElse(null);
            if (wb.sheets().stream().allMatch(i -> i.kind() == TreeWorkbook.SheetKind.EMPTY)) {
                throw new UserError("xlsx.error.empty", wb.file(), wb.sheets().get(0).name());
            }
            if (anyForm || first == null) {
                throw new UserError("xlsx.error.noSheetChosen", wb.file());
            }
            // Nothing in the workbook reads as a header: say what one needs, at the first sheet's first row.
            int row = wb.data(first.name()).rows().get(0).number();
            problems.add(RowProblem.at(first.name(), row, "", Reason.NO_HEADER, HeadingWords.examples()));
            return XlsxImport.refused(file, unitCode, year, problems).with(List.of(), notes, Map.of(), false, Map.of());
        }
        for (TreeWorkbook.SheetInfo info : wb.sheets()) {
            boolean form = info.kind() == TreeWorkbook.SheetKind.FORM || info.kind() == TreeWorkbook.SheetKind.NATIVE;
            if (info.hidden() && form && !chosen.contains(info.name())) {
                notes.add(RowNote.of(info.name(), 0, "", RowNote.Kind.HIDDEN_SHEET, info.name()));
            }
        }
        String own = chosen.stream().filter(s -> wb.sheet(s).kind() == TreeWorkbook.SheetKind.NATIVE).findFirst()
                .orElse(null);
        List<ParsedRow> rows;
        List<OrgUnit> proposals = List.of();
        Map<String, String> deadlineByPath = Map.of();
        Map<String, String> remember = Map.of();
        boolean several = false;
        if (own != null) {
            TreeSheetParser.Result parsed = TreeSheetParser.parse(wb.data(own), wb.file(), names, year,
                    choices.createOrg() ? Set.of() : plannedCodes, notes);
            problems.addAll(parsed.problems());
            rows = parsed.rows();
        } else {
            OwnerResolver resolver = new OwnerResolver(self, names, taken::contains);
            several = chosen.size() > 1;
            List<DraftNode> tops = new ArrayList<>();
            for (String sheet : chosen) {
                tops.addAll(readForm(wb, sheet, choices, several, notes, problems));
            }
            DraftReader reader = new DraftReader(year, resolver, choices.createOrg(), notes, problems);
            rows = reader.read(tops);
            proposals = resolver.proposals();
            deadlineByPath = reader.deadlineTexts();
            remember = MappingFile.rememberable(wb, choices);
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            throw new UserError("xlsx.error.empty", wb.file(), String.join("、", chosen));
        }
        if (!problems.isEmpty()) {
            return XlsxImport.refused(file, unitCode, year, problems).with(List.of(), notes, Map.of(), several, Map.of());
        }
        List<OrgUnit> create = new ArrayList<>();
        if (choices.createOrg()) {
            create.addAll(planned);
            create.addAll(proposals);
        }
        Set<String> ownerCodes = new HashSet<>();
        subtree.forEach(o -> ownerCodes.add(o.code()));
        create.forEach(o -> ownerCodes.add(o.code()));
        XlsxImport plan = ImportPlanner.plan(file, unitCode, year, rows, ws.goals().findAll(unitCode, year), ownerCodes);
        return plan.with(create, notes, remember, several, byId(plan, deadlineByPath));
    }

    /** One sheet of an office's own form, as one goal of its own when the sheets are departments or it names a project. */
    private static List<DraftNode> readForm(TreeWorkbook wb, String sheet, ImportChoices choices, boolean several,
                                            List<RowNote> notes, List<RowProblem> problems) {
        SheetMapping mapping = choices.mappings().getOrDefault(sheet, wb.mapping(sheet));
        TreeWorkbook.SheetInfo info = wb.sheet(sheet);
        if (mapping == null || !mapping.hasTitleColumn()) {
            int row = mapping == null ? 1 : mapping.headerRow();
            problems.add(RowProblem.at(sheet, row, "", Reason.NO_TITLE_COLUMN,
                    HeadingWords.examples()));
            return List.of();
        }
        Grid grid = wb.grid(sheet);
        KeyValues kv = KeyValues.read(grid, mapping.headerFirst());
        boolean oneGoal = choices.oneGoalPerSheet() != null ? choices.oneGoalPerSheet()
                : several || kv.namesProject() || LayoutFinder.levelColumns(mapping).size() == 1;
        DraftNode root = null;
        if (oneGoal) {
            String title = goalTitle(kv, sheet, several);
            root = new DraftNode(sheet, mapping.headerRow(), null, -1, title);
            root.description = kv.description();
            // The project's implementing unit, or the department the sheet is, owns what names no owner.
            if (kv.owner() != null) {
                root.defaultOwnerText = kv.owner();
            } else if (several && OwnerResolver.looksLikeOrganisation(sheet)) {
                root.defaultOwnerText = sheet;
            }
            notes.add(RowNote.of(sheet, 0, "", RowNote.Kind.SHEET_AS_GOAL, title));
        }
        if (!kv.values.isEmpty()) {
            notes.add(RowNote.of(sheet, 0, "", oneGoal ? RowNote.Kind.KEY_VALUE : RowNote.Kind.KEY_VALUE_UNUSED,
                    String.join("、", kv.values.keySet())));
        }
        List<DraftNode> nodes = new FormSheetReader(grid, mapping, notes, problems).read(root);
        if (nodes.isEmpty() || root != null && root.children.isEmpty()) {
            problems.add(RowProblem.at(sheet, mapping.headerRow(), "", Reason.NO_DATA, sheet));
            return List.of();
        }
        if (info != null && info.remembered()) {
            notes.add(RowNote.of(sheet, 0, "", RowNote.Kind.MAPPING_REMEMBERED));
        }
        return nodes;
    }

    private static String goalTitle(KeyValues kv, String sheet, boolean several) {
        if (kv.name() != null) {
            return kv.name();
        }
        if (several) {
            return kv.title != null && kv.title.contains(sheet) ? kv.title : sheet;
        }
        return kv.title != null ? kv.title : sheet;
    }

    /** Deadline texts by the id the node ends up with (paths are the planner's, in reading order). */
    private static Map<String, String> byId(XlsxImport plan, Map<String, String> byPath) {
        if (byPath.isEmpty()) {
            return Map.of();
        }
        Map<String, String> pathOf = TreePaths.of(new GoalTree(plan.nodes()));
        Map<String, String> idOfPath = new HashMap<>();
        pathOf.forEach((id, path) -> idOfPath.put(path, id));
        Map<String, String> out = new LinkedHashMap<>();
        byPath.forEach((path, text) -> {
            String id = idOfPath.get(path);
            if (id != null) {
                out.put(id, text);
            }
        });
        return out;
    }
}
