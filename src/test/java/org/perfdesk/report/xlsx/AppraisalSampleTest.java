package org.perfdesk.report.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.report.DemoOffice;
import org.perfdesk.store.Workspace;

/**
 * {@code sample-data/appraisal-2008.xlsx} is the demo office's public-appraisal form filled in with
 * {@link AppraisalSheets#DEMO}. Regenerate it after a layout change with
 * {@code mvn -q test -Dtest=AppraisalSampleTest -Dperfdesk.writeTemplate=true}.
 */
class AppraisalSampleTest {
    static final Path SAMPLE = Path.of("sample-data", "appraisal-2008.xlsx");

    @TempDir
    Path dir;

    @Test
    void theSampleIsTheFormFilledInAndGivesEveryDemoUnitItsAppraisal() throws IOException {
        try (Workspace office = Workspace.open(DemoOffice.copyTo(dir.resolve("office")))) {
            Path form = dir.resolve("form.xlsx");
            AppraisalXlsx.template(office, 2008, form);
            Path fresh = AppraisalSheets.edit(form, dir.resolve("fresh.xlsx"), s -> AppraisalSheets.fill(s, AppraisalSheets.DEMO));
            if (Boolean.getBoolean("perfdesk.writeTemplate")) {
                Files.copy(fresh, SAMPLE, StandardCopyOption.REPLACE_EXISTING);
            }
            // Cell by cell: the zip's timestamps differ from one write to the next.
            assertThat(XlsxSource.readAll(SAMPLE)).isEqualTo(XlsxSource.readAll(fresh));

            AppraisalXlsx.Parsed parsed = AppraisalXlsx.parse(office, 2008, SAMPLE);
            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.rows()).hasSize(14);
            AppraisalXlsx.apply(office, parsed);

            List<Evaluation.UnitResult> results = new Evaluator(office).evaluate(2008);
            assertThat(results).hasSize(7).allSatisfy(r -> {
                assertThat(r.rounds()).hasSize(2);
                assertThat(r.appraisalScore()).isBetween(new java.math.BigDecimal("70"), new java.math.BigDecimal("95"));
                assertThat(r.rank()).isNotNull();
            });
            assertThat(results).extracting(Evaluation.UnitResult::group).containsOnly(RankingGroup.CITY_GOVERNMENTS,
                    RankingGroup.PROVINCIAL_DEPARTMENTS);
        }
    }
}
