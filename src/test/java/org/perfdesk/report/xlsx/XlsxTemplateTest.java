package org.perfdesk.report.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.store.Workspace;

/**
 * The template {@code sample-data/goal-tree-template.xlsx} is the exporter's output for
 * {@link ExampleTree}. Regenerate it after a layout change with
 * {@code mvn -q test -Dtest=XlsxTemplateTest -Dperfdesk.writeTemplate=true}.
 */
class XlsxTemplateTest {
    @TempDir
    Path dir;

    @Test
    void templateHoldsWhatTheExporterWritesToday() throws IOException {
        Path fresh = dir.resolve("fresh.xlsx");
        try (Workspace ws = ExampleTree.workspace(dir.resolve("EX"), true)) {
            GoalTreeXlsx.export(ws, ExampleTree.UNIT, ExampleTree.YEAR, fresh);
        }
        if (Boolean.getBoolean("perfdesk.writeTemplate")) {
            Files.copy(fresh, ExampleTree.TEMPLATE, StandardCopyOption.REPLACE_EXISTING);
        }
        // Cell by cell: the zip's timestamps differ from one export to the next.
        assertThat(XlsxSource.read(ExampleTree.TEMPLATE, TreeSheetWriter.SHEET))
                .isEqualTo(XlsxSource.read(fresh, TreeSheetWriter.SHEET));
        assertThat(XlsxSource.read(ExampleTree.TEMPLATE, GuideSheet.NAME))
                .isEqualTo(XlsxSource.read(fresh, GuideSheet.NAME));
    }

    @Test
    void templateImportsWithoutProblemsIntoAWorkspaceWithItsOrganisations() {
        try (Workspace ws = ExampleTree.workspace(dir.resolve("EX"), false)) {
            XlsxImport preview = GoalTreeXlsx.read(ws, ExampleTree.UNIT, ExampleTree.YEAR, ExampleTree.TEMPLATE);
            assertThat(preview.problems()).isEmpty();
            assertThat(preview.warnings()).isEmpty();
            assertThat(preview.counts()).isEqualTo(new XlsxImport.Counts(15, 0, 0, 0));
            GoalTreeXlsx.apply(ws, preview);
            assertThat(Sheets.shapes(ws.goals().findAll(ExampleTree.UNIT, ExampleTree.YEAR)))
                    .containsExactlyElementsOf(Sheets.shapes(ExampleTree.nodes()));
        }
    }
}
