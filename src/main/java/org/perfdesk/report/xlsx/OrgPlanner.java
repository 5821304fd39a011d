package org.perfdesk.report.xlsx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.perfdesk.domain.Codes;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.TypedInput;
import org.perfdesk.report.xlsx.OrgSheet.Col;
import org.perfdesk.report.xlsx.RowProblem.Reason;

/**
 * Works out what an organisation sheet adds to a workspace. Rows keep their codes; a row without
 * one takes the code of the organisation of the same name and kind the unit has, or a new code
 * under its parent. Parents are named by code or, on hand-made sheets, by name; the code the sheet
 * gives the unit itself stands for this workspace's unit, whatever it is.
 */
final class OrgPlanner {
    /** The plan, and every organisation the sheet names with the code it ends up with (for owner names). */
    record Plan(List<RowProblem> problems, List<OrgUnit> toCreate, int unchanged, List<RowNote> notes,
                List<OrgUnit> named) {
    }

    private final String sheet;
    private final OrgUnit self;
    private final Map<String, OrgUnit> all = new HashMap<>();
    private final Map<String, OrgUnit> subtree = new LinkedHashMap<>();
    private final List<RowProblem> problems = new ArrayList<>();
    private final List<RowNote> notes = new ArrayList<>();
    /** Codes of rows refused for a problem of their own: no further problem for the rows under them. */
    private final Set<String> refused = new HashSet<>();
    /** The unit's own name as the sheet gives it, which a hand-made sheet may use as a parent's name. */
    private String sheetSelfName;

    private OrgPlanner(String sheet, OrgUnit self, List<OrgUnit> allUnits, List<OrgUnit> subtreeUnits) {
        this.sheet = sheet;
        this.self = self;
        allUnits.forEach(o -> all.put(o.code(), o));
        subtreeUnits.forEach(o -> subtree.put(o.code(), o));
    }

    /**
     * @param allUnits     every organisation of the workspace (codes must not clash with any)
     * @param subtreeUnits the unit and everything below it
     */
    static Plan plan(String sheetName, OrgSheet.Read read, OrgUnit self, List<OrgUnit> allUnits,
                     List<OrgUnit> subtreeUnits) {
        return new OrgPlanner(sheetName, self, allUnits, subtreeUnits).plan(read);
    }

    private record Draft(OrgSheet.OrgRow row, String name, OrgKind kind, String code) {
    }

    private Plan plan(OrgSheet.Read read) {
        String sheetSelf = read.selfCode();
        sheetSelfName = read.selfName();
        List<Draft> drafts = new ArrayList<>();
        Set<String> sheetCodes = new HashSet<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (OrgSheet.OrgRow r : read.rows()) {
            if (r.code() != null && (r.code().equals(sheetSelf) || r.code().equals(self.code()))) {
                continue; // the unit itself, listed as a row
            }
            Draft d = draft(r);
            if (d == null) {
                if (r.code() != null) {
                    refused.add(TypedInput.normalized(r.code())); // its children's problem is its own row's
                }
                continue;
            }
            if (d.code() != null) {
                Integer earlier = firstRow.putIfAbsent(d.code(), r.row());
                if (earlier != null) {
                    problem(r.row(), Col.CODE, Reason.ORG_DUPLICATE_CODE, d.code(), String.valueOf(earlier));
                    continue;
                }
                sheetCodes.add(d.code());
            }
            drafts.add(d);
        }
        // Codes for rows without one: the same organisation the unit has, else a new one below the parent.
        Map<Draft, String> parents = new LinkedHashMap<>();
        Map<String, String> codeByName = new HashMap<>();
        for (Draft d : drafts) {
            if (d.code() != null) {
                codeByName.putIfAbsent(nameKey(d.name()), d.code());
            }
        }
        List<Draft> coded = new ArrayList<>();
        for (Draft d : drafts) {
            Draft c = d;
            if (d.code() == null) {
                String existing = existingByName(d.name(), d.kind());
                String code = existing != null ? existing
                        : Codes.child(self.code(), k -> all.containsKey(k) || sheetCodes.contains(k));
                sheetCodes.add(code);
                c = new Draft(d.row(), d.name(), d.kind(), code);
                codeByName.putIfAbsent(nameKey(d.name()), code);
            }
            coded.add(c);
        }
        Map<String, Draft> byCode = new LinkedHashMap<>();
        coded.forEach(d -> byCode.put(d.code(), d));
        for (Draft d : coded) {
            String parent = parent(d, sheetSelf, byCode, codeByName);
            if (parent != null) {
                parents.put(d, parent);
            }
        }
        List<OrgUnit> named = new ArrayList<>();
        List<OrgUnit> toCreate = new ArrayList<>();
        int unchanged = 0;
        for (Draft d : coded) {
            String parent = parents.get(d);
            if (parent == null) {
                continue;
            }
            OrgUnit unit = new OrgUnit(d.code(), d.name(), d.kind(), parent);
            named.add(unit);
            OrgUnit there = all.get(d.code());
            if (there == null) {
                toCreate.add(unit);
            } else if (!subtree.containsKey(d.code())) {
                problem(d.row().row(), Col.CODE, Reason.ORG_CODE_TAKEN, d.code(), there.name());
            } else if (there.name().equals(unit.name()) && there.kind() == unit.kind()
                    && java.util.Objects.equals(there.parentCode(), unit.parentCode())) {
                unchanged++;
            } else {
                notes.add(RowNote.of(sheet, d.row().row(), Col.NAME.header, RowNote.Kind.ORG_DIFFERS, d.code(),
                        there.name(), unit.name()));
            }
        }
        return new Plan(problems, parentsFirst(toCreate), unchanged, notes, named);
    }

    private Draft draft(OrgSheet.OrgRow r) {
        boolean ok = true;
        if (r.name() == null) {
            problem(r.row(), Col.NAME, Reason.ORG_MISSING_NAME);
            ok = false;
        }
        OrgKind kind;
        if (r.kindText() == null) {
            kind = r.post() != null ? OrgKind.PERSON : OrgKind.DIVISION;
        } else {
            Optional<OrgKind> k = OrgSheet.parseKind(r.kindText()).filter(x -> x != OrgKind.OFFICE);
            if (k.isEmpty()) {
                problem(r.row(), Col.KIND, Reason.ORG_BAD_KIND, r.kindText());
                ok = false;
            }
            kind = k.orElse(OrgKind.DIVISION);
        }
        String code = r.code() == null ? null : TypedInput.normalized(r.code());
        if (code != null && !Codes.isValid(code)) {
            problem(r.row(), Col.CODE, Reason.ORG_BAD_CODE, r.code());
            ok = false;
        }
        if (!ok) {
            return null;
        }
        String name = kind == OrgKind.PERSON ? OrgSheet.joinPost(r.name(), r.post()) : r.name();
        return new Draft(r, name.strip(), kind, code);
    }

    private String existingByName(String name, OrgKind kind) {
        for (OrgUnit o : subtree.values()) {
            if (o.kind() == kind && nameKey(o.name()).equals(nameKey(name))) {
                return o.code();
            }
        }
        return null;
    }

    /** The parent's code: by code, else by name, else the unit; null (with a problem) when it cannot be found. */
    private String parent(Draft d, String sheetSelf, Map<String, Draft> byCode, Map<String, String> codeByName) {
        OrgSheet.OrgRow r = d.row();
        String code = r.parentCode() == null ? null : TypedInput.normalized(r.parentCode());
        String parent;
        if (code != null) {
            if (code.equals(sheetSelf) || code.equals(self.code())) {
                parent = self.code();
            } else if (byCode.containsKey(code) || subtree.containsKey(code)) {
                parent = code;
            } else if (refused.contains(code)) {
                return null;
            } else {
                problem(r.row(), Col.PARENT_CODE, Reason.ORG_UNKNOWN_PARENT, r.parentCode());
                return null;
            }
        } else if (r.parentName() != null) {
            String key = nameKey(r.parentName());
            if (key.equals(nameKey(self.name())) || sheetSelfName != null && key.equals(nameKey(sheetSelfName))) {
                parent = self.code();
            } else if (codeByName.containsKey(key)) {
                parent = codeByName.get(key);
            } else {
                parent = subtree.values().stream().filter(o -> nameKey(o.name()).equals(key)).map(OrgUnit::code)
                        .findFirst().orElse(null);
                if (parent == null) {
                    problem(r.row(), Col.PARENT_NAME, Reason.ORG_UNKNOWN_PARENT, r.parentName());
                    return null;
                }
            }
        } else {
            parent = self.code();
        }
        if (parent.equals(d.code())) {
            problem(r.row(), Col.PARENT_CODE, Reason.ORG_BAD_PARENT, d.name());
            return null;
        }
        OrgUnit p = subtree.get(parent);
        Draft pd = byCode.get(parent);
        if ((p != null && p.kind() == OrgKind.PERSON) || (pd != null && pd.kind() == OrgKind.PERSON)) {
            problem(r.row(), code != null ? Col.PARENT_CODE : Col.PARENT_NAME, Reason.ORG_BAD_PARENT, d.name());
            return null;
        }
        return parent;
    }

    /** Parents before their children, otherwise in the sheet's order; a cycle stays in the sheet's order. */
    private List<OrgUnit> parentsFirst(List<OrgUnit> units) {
        Map<String, OrgUnit> pending = new LinkedHashMap<>();
        units.forEach(u -> pending.put(u.code(), u));
        List<OrgUnit> out = new ArrayList<>();
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (OrgUnit u : List.copyOf(pending.values())) {
                if (!pending.containsKey(u.parentCode())) {
                    out.add(u);
                    pending.remove(u.code());
                    progress = true;
                }
            }
            if (!progress) {
                OrgUnit first = pending.values().iterator().next();
                problems.add(RowProblem.at(sheet, 0, Col.PARENT_CODE.header, Reason.ORG_BAD_PARENT, first.name()));
                out.addAll(pending.values());
                break;
            }
        }
        return out;
    }

    private void problem(int row, Col col, Reason reason, Object... args) {
        problems.add(RowProblem.at(sheet, row, col.header, reason, args));
    }

    static String nameKey(String name) {
        return TypedInput.normalized(name).replaceAll("\\s+", "");
    }
}
