package org.perfdesk.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.YearCalendar;
import org.perfdesk.evaluation.DemoOffice;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.demo.DemoBuilder;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.ShellTest;

/**
 * One calendar: the office moves the plan's date in its 概览 and sends the calendar; a department imports it
 * and its 概览 shows the office's date and says whose dates they are.
 */
class CalendarFlowTest extends ShellTest {
    @TempDir
    static Path demoDir;
    @TempDir
    Path copy;

    @Test
    void theOfficeMovesADateAndTheUnitLearnsIt() throws Exception {
        open(DemoOffice.importedCopy(demoDir, copy));
        clickOn("#nav-overview");
        waitUntil("the office's calendar line", () -> lookup("#overview-calendar-source").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().contains("发送工作日程")));
        @SuppressWarnings("unchecked")
        TableView<OverviewViewModel.DeadlineRow> table = lookup("#overview-deadlines").queryAs(TableView.class);
        waitUntil("the calendar", () -> table.getItems().stream().anyMatch(r -> r.key().equals(YearCalendar.PLAN)));
        int row = rowOf(table, YearCalendar.PLAN);
        @SuppressWarnings("unchecked")
        TableColumn<OverviewViewModel.DeadlineRow, String> date =
                (TableColumn<OverviewViewModel.DeadlineRow, String>) table.getColumns().get(1);
        interact(() -> {
            table.requestFocus();
            table.edit(row, date);
        });
        write("2008/7/25").type(KeyCode.ENTER);
        waitUntil("the new date", () -> table.getItems().get(rowOf(table, YearCalendar.PLAN)).date()
                .equals(LocalDate.of(2008, 7, 25)));

        clickOn("#overview-send-calendar");
        waitUntil("the passphrase dialog", () -> !lookup("#unlock-passphrase").queryAll().isEmpty());
        clickOn("#unlock-passphrase").write(DemoBuilder.PASSPHRASE);
        clickOn(lookup(".dialog-pane .button").match(b -> b instanceof Button bt && bt.isDefaultButton()).queryButton());
        waitUntil("the calendar sent", () -> lookup(".dialog-pane").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.DialogPane p && p.getHeaderText() != null
                        && p.getHeaderText().startsWith("工作日程已发给")));
        clickOn(lookup(".dialog-pane .button").match(b -> b instanceof Button bt && bt.isDefaultButton()).queryButton());
        Path forSlt;
        try (Stream<Path> out = Files.list(shell.current().workspace().outboxDir())) {
            forSlt = out.filter(p -> p.getFileName().toString().contains("-SLT-")
                    && p.getFileName().toString().contains("-calendar-")).findFirst().orElseThrow();
        }

        Path slt = DemoBuilder.bundled().folderOf(demoDir, "SLT");
        try (Workspace unit = Workspace.open(slt)) {
            List<ImportReport> reports = new Importer(unit, WorkspaceKeys.unlock(unit,
                    DemoBuilder.PASSPHRASE.toCharArray())).importAll(List.of(forSlt), false);
            assertThat(reports).singleElement().satisfies(r -> assertThat(r.status()).as(r.message())
                    .isEqualTo(ImportReport.Status.ACCEPTED));
        }
        open(slt);
        clickOn("#nav-overview");
        waitUntil("the unit's overview", () -> !lookup("#overview-calendar-source").queryAll().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<OverviewViewModel.DeadlineRow> unitTable = lookup("#overview-deadlines").queryAs(TableView.class);
        waitUntil("the unit's calendar", () -> unitTable.getItems().stream()
                .anyMatch(r -> r.key().equals(YearCalendar.PLAN)));
        assertThat(unitTable.getItems().get(rowOf(unitTable, YearCalendar.PLAN)).date())
                .isEqualTo(LocalDate.of(2008, 7, 25));
        waitUntil("whose dates", () -> lookup("#overview-calendar-source").queryAs(Label.class).getText()
                .startsWith("日期以效能办"));
    }

    private static int rowOf(TableView<OverviewViewModel.DeadlineRow> table, String key) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).key().equals(key)) {
                return i;
            }
        }
        throw new AssertionError("no step " + key);
    }
}
