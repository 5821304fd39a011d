package org.perfdesk.report.xlsx;

import java.nio.file.Path;
import java.util.List;

import org.perfdesk.domain.GoalNode;
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
 */
public record XlsxImport(Path file, String unitCode, int year, List<RowProblem> problems, List<GoalNode> nodes,
                         List<GoalNode> toSave, List<GoalNode> base, Counts counts, List<Warning> warnings) {

    public XlsxImport {
        problems = List.copyOf(problems);
        nodes = List.copyOf(nodes);
        toSave = List.copyOf(toSave);
        base = List.copyOf(base);
        warnings = List.copyOf(warnings);
    }

    static XlsxImport refused(Path file, String unitCode, int year, List<RowProblem> problems) {
        return new XlsxImport(file, unitCode, year, problems, List.of(), List.of(), List.of(),
                new Counts(0, 0, 0, 0), List.of());
    }

    public boolean refused() {
        return !problems.isEmpty();
    }

    public record Counts(int added, int changed, int unchanged, int removed) {
    }

    /** A rule finding tied to the sheet row of its node; row is 0 for findings about the whole tree. */
    public record Warning(int row, Problem problem) {
        public String describe(Texts texts) {
            String text = texts.get(problem.messageKey(), problem.args().toArray());
            return row == 0 ? text : texts.get("xlsx.warning.at", String.valueOf(row), text);
        }
    }
}
