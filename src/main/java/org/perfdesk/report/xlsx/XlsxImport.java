package org.perfdesk.report.xlsx;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Problem;
import org.perfdesk.domain.Texts;

/**
 * What importing a sheet would do, worked out without writing anything: refused when
 * {@link #problems()} is not empty (then nothing else is filled in), otherwise the new tree,
 * the nodes to write and the counts. {@link GoalTreeXlsx#apply} carries it out.
 *
 * @param nodes    the unit's tree as it will be, in reading order
 * @param toSave   added and changed nodes, and tombstones for the nodes the sheet no longer has
 * @param base     the unit's nodes (tombstones included) the plan was made against
 * @param warnings what {@code GoalTreeRules} finds in the new tree; drafts may be incomplete, so
 *                 these never refuse an import
 * @param newOrganisations divisions, persons and sub-units created with the tree (parents first)
 * @param notes    what was read in a way worth knowing (a date from words, a converted weight, a
 *                 footer left out); these never refuse an import either
 * @param remember column mappings the workspace keeps for the next import of the same form
 * @param severalSheets true when rows came from several sheets, so messages name the sheet
 * @param deadlineTexts the deadline as typed, by node id, where it was read from words (6月底)
 */
public record XlsxImport(Path file, String unitCode, int year, List<RowProblem> problems, List<GoalNode> nodes,
                         List<GoalNode> toSave, List<GoalNode> base, Counts counts, List<Warning> warnings,
                         List<OrgUnit> newOrganisations, List<RowNote> notes, Map<String, String> remember,
                         boolean severalSheets, Map<String, String> deadlineTexts) {

    public XlsxImport {
        problems = List.copyOf(problems);
        nodes = List.copyOf(nodes);
        toSave = List.copyOf(toSave);
        base = List.copyOf(base);
        warnings = List.copyOf(warnings);
        newOrganisations = List.copyOf(newOrganisations);
        notes = List.copyOf(notes);
        remember = Map.copyOf(remember);
        deadlineTexts = Map.copyOf(deadlineTexts);
    }

    XlsxImport(Path file, String unitCode, int year, List<RowProblem> problems, List<GoalNode> nodes,
               List<GoalNode> toSave, List<GoalNode> base, Counts counts, List<Warning> warnings) {
        this(file, unitCode, year, problems, nodes, toSave, base, counts, warnings, List.of(), List.of(), Map.of(),
                false, Map.of());
    }

    static XlsxImport refused(Path file, String unitCode, int year, List<RowProblem> problems) {
        return new XlsxImport(file, unitCode, year, problems, List.of(), List.of(), List.of(),
                new Counts(0, 0, 0, 0), List.of());
    }

    /** The same plan with what the workbook adds besides the tree. */
    XlsxImport with(List<OrgUnit> organisations, List<RowNote> readNotes, Map<String, String> mappings, boolean several,
                    Map<String, String> deadlines) {
        return new XlsxImport(file, unitCode, year, problems, nodes, toSave, base, counts, warnings, organisations,
                readNotes, mappings, several, deadlines);
    }

    public boolean refused() {
        return !problems.isEmpty();
    }

    public record Counts(int added, int changed, int unchanged, int removed) {
    }

    /** A rule finding tied to the sheet row of its node; row is 0 for findings about the whole tree. */
    public record Warning(int row, Problem problem, String sheet) {
        public Warning {
            sheet = sheet == null ? "" : sheet;
        }

        public Warning(int row, Problem problem) {
            this(row, problem, "");
        }

        public String describe(Texts texts) {
            return describe(texts, false);
        }

        /** Led by 「工作表」 when rows came from several sheets. */
        public String describe(Texts texts, boolean nameSheet) {
            String text = texts.get(problem.messageKey(), problem.args().toArray());
            String at = row == 0 ? text : texts.get("xlsx.warning.at", String.valueOf(row), text);
            return nameSheet && row != 0 && !sheet.isEmpty() ? texts.get("xlsx.note.sheet", sheet) + at : at;
        }
    }
}
