package org.perfdesk.ui.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.IndicatorSystem;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.evaluation.DemoOffice;
import org.perfdesk.exchange.demo.DemoBuilder;
import org.perfdesk.report.xlsx.IndicatorSystemXlsx;
import org.perfdesk.ui.ShellTest;
import org.perfdesk.ui.common.Screen;

/**
 * The office imports the cities' indicator system from a spreadsheet, sees that no city has linked its tree to
 * it yet (each city's missing indicators named), and sends it: one package per city, none to a department.
 */
class IndicatorSystemFlowTest extends ShellTest {
    @TempDir
    static Path demoDir;
    @TempDir
    Path copy;

    @Test
    void importTheCitiesSystemSeeWhatUnitsLackAndSendIt() throws Exception {
        Path xlsx = copy.resolve("2008设区市指标体系.xlsx");
        IndicatorSystemXlsx.write(new IndicatorSystem(2008, RankingGroup.CITY_GOVERNMENTS, List.of(
                new IndicatorSystem.Item("C1", "经济发展", 1, null, BigDecimal.valueOf(30), null, null, "", ""),
                new IndicatorSystem.Item("C1.1", "地区生产总值增长率", 2, "C1", BigDecimal.valueOf(15), null, "%",
                        "省统计局", ""),
                new IndicatorSystem.Item("C1.2", "财政总收入增长率", 2, "C1", BigDecimal.valueOf(15), null, "%",
                        "省财政厅", ""))), xlsx);
        open(DemoOffice.importedCopy(demoDir, copy));
        clickOn("#nav-indicators");
        waitUntil("the screen", () -> !lookup("#indicators-table").queryAll().isEmpty());
        IndicatorSystemView view = (IndicatorSystemView) lookup("#screen-indicators").query().getProperties()
                .get(Screen.class);
        interact(() -> viewModel(view).importFrom(xlsx));
        @SuppressWarnings("unchecked")
        TableView<IndicatorSystem.Item> items = lookup("#indicators-table").queryAs(TableView.class);
        waitUntil("the system", () -> items.getItems().size() == 3);
        assertThat(shell.current().workspace().planStage().systems().find(2008, RankingGroup.CITY_GOVERNMENTS))
                .isPresent();
        @SuppressWarnings("unchecked")
        TableView<IndicatorSystemViewModel.UnitLine> units = lookup("#indicators-units").queryAs(TableView.class);
        waitUntil("the cities", () -> units.getItems().size() >= 2);
        assertThat(units.getItems()).allSatisfy(u -> {
            assertThat(u.linked()).isZero();
            assertThat(u.leaves()).isEqualTo(2);
            assertThat(u.missing()).contains("地区生产总值增长率").contains("财政总收入增长率");
        });

        clickOn("#indicators-send");
        waitUntil("the passphrase dialog", () -> !lookup("#unlock-passphrase").queryAll().isEmpty());
        clickOn("#unlock-passphrase").write(DemoBuilder.PASSPHRASE);
        clickOn(lookup(".dialog-pane .button").match(b -> b instanceof Button bt && bt.isDefaultButton()).queryButton());
        waitUntil("sent", () -> lookup(".dialog-pane").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.DialogPane p && p.getHeaderText() != null
                        && p.getHeaderText().startsWith("指标体系已发给")));
        clickOn(lookup(".dialog-pane .button").match(b -> b instanceof Button bt && bt.isDefaultButton()).queryButton());
        try (Stream<Path> out = Files.list(shell.current().workspace().outboxDir())) {
            List<String> names = out.map(p -> p.getFileName().toString()).filter(n -> n.contains("-indicators-")).toList();
            assertThat(names).anyMatch(n -> n.contains("-XM-")).anyMatch(n -> n.contains("-NP-"))
                    .noneMatch(n -> n.contains("-SLT-"));
        }
    }

    private static IndicatorSystemViewModel viewModel(IndicatorSystemView view) {
        return view.viewModel();
    }
}
