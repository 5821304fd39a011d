package org.perfdesk.report.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.store.Workspace;

/** The check that a demo unit's workbook gives a fresh workspace of the unit exactly the demo's tree and organisation. */
final class DemoUnits {
    static final int YEAR = 2008;

    private DemoUnits() {
    }

    /**
     * Imports {@code file} into a new workspace of {@code unit} (nothing but the unit itself in it), creating the
     * organisation, and compares node by node (place, kind, name, points, measure, owner, deadline, 质量要求, 说明)
     * and organisation by organisation (code, name, kind, parent) with the demo workspace the file came from.
     */
    static void assertImportsAsTheDemoUnit(Path demo, String unit, Path file, Path freshDir) {
        List<GoalNode> source;
        List<OrgUnit> organisation;
        OrgUnit self;
        try (Workspace ws = Workspace.open(demo.resolve(unit))) {
            source = ws.goals().findAll(unit, YEAR);
            self = ws.self();
            organisation = ws.orgUnits().findSubtree(unit);
        }
        try (Workspace fresh = Workspace.create(freshDir, new Workspace.Setup(Role.UNIT, self, YEAR, "test"))) {
            TreeWorkbook wb = GoalTreeXlsx.open(fresh, file);
            XlsxImport preview = GoalTreeXlsx.read(fresh, unit, YEAR, wb, wb.defaults().withCreateOrg(true));
            assertThat(preview.problems()).as(file + " problems").isEmpty();
            assertThat(preview.newOrganisations()).as("organisations created")
                    .containsExactlyInAnyOrderElementsOf(organisation.subList(1, organisation.size()));
            XlsxImport.Counts counts = GoalTreeXlsx.apply(fresh, preview);
            assertThat(counts.added()).isEqualTo(source.size());
            assertThat(counts.changed() + counts.unchanged() + counts.removed()).isZero();
            List<GoalNode> imported = fresh.goals().findAll(unit, YEAR);
            assertThat(Sheets.shapes(imported)).as(file + " tree").containsExactlyElementsOf(Sheets.shapes(source));
            assertThat(fresh.orgUnits().findSubtree(unit)).as(file + " organisation").containsExactlyElementsOf(organisation);
        }
    }
}
