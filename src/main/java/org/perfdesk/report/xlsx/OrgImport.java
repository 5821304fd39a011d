package org.perfdesk.report.xlsx;

import java.nio.file.Path;
import java.util.List;

import org.perfdesk.domain.OrgUnit;

/**
 * What importing an organisation sheet (组织机构) would do, worked out without writing anything:
 * refused when {@link #problems()} is not empty, otherwise the organisations to create (parents
 * before children), how many the workspace already has as the sheet gives them, and notes (an
 * organisation the workspace has under another name is kept as the workspace has it). An import
 * only ever adds organisations; it never renames or removes one.
 */
public record OrgImport(Path file, String unitCode, List<RowProblem> problems, List<OrgUnit> toCreate, int unchanged,
                        List<RowNote> notes) {

    public OrgImport {
        problems = List.copyOf(problems);
        toCreate = List.copyOf(toCreate);
        notes = List.copyOf(notes);
    }

    public boolean refused() {
        return !problems.isEmpty();
    }
}
