package org.perfdesk.ui.evaluation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.domain.IndicatorRule;

/**
 * The results as charts: each unit's total by ranking group, and how the indicators' completion is
 * spread (how many indicators fall in each band), for all units together.
 */
final class ResultsCharts extends VBox {
    /** Completion bands, lower bounds in %: below 60, 60–80, 80–100, 100 and over. */
    static final int[] BANDS = {0, 60, 80, 100};

    private final BarChart<String, Number> totals;
    private final BarChart<String, Number> spread;

    ResultsCharts(ObservableList<Evaluation.UnitResult> results) {
        super(8);
        setId("results-charts");
        totals = new BarChart<>(new CategoryAxis(), new NumberAxis());
        totals.setId("results-chart-totals");
        totals.setTitle(Texts.t("results.ui.chart.totals"));
        totals.setAnimated(false);
        spread = new BarChart<>(new CategoryAxis(), new NumberAxis());
        spread.setId("results-chart-spread");
        spread.setTitle(Texts.t("results.ui.chart.spread"));
        spread.setAnimated(false);
        spread.setLegendVisible(false);
        getChildren().addAll(totals, spread);
        VBox.setVgrow(totals, Priority.ALWAYS);
        VBox.setVgrow(spread, Priority.ALWAYS);
        results.addListener((ListChangeListener<Evaluation.UnitResult>) c -> show(results));
        show(results);
    }

    private void show(List<Evaluation.UnitResult> results) {
        Map<String, XYChart.Series<String, Number>> byGroup = new LinkedHashMap<>();
        for (Evaluation.UnitResult r : results) {
            if (r.total() == null) {
                continue; // 未报送: no total to draw
            }
            String group = r.group() == null ? Texts.t("results.unranked") : Texts.current().of(r.group());
            byGroup.computeIfAbsent(group, g -> {
                XYChart.Series<String, Number> s = new XYChart.Series<>();
                s.setName(g);
                return s;
            }).getData().add(new XYChart.Data<>(r.unit().name(), r.total()));
        }
        totals.getData().setAll(byGroup.values());

        int[] counts = bandCounts(results);
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        for (int i = 0; i < BANDS.length; i++) {
            s.getData().add(new XYChart.Data<>(Texts.t("results.ui.band." + i), counts[i]));
        }
        spread.getData().setAll(List.of(s));
    }

    /** How many indicators scored by completion fall in each band. */
    static int[] bandCounts(List<Evaluation.UnitResult> results) {
        int[] counts = new int[BANDS.length];
        for (Evaluation.UnitResult r : results) {
            for (IndicatorRule.Line l : r.indicators()) {
                if (l.source() != IndicatorRule.Source.COMPLETION || l.completion() == null) {
                    continue;
                }
                BigDecimal c = l.completion();
                int band = 0;
                for (int i = 0; i < BANDS.length; i++) {
                    if (c.compareTo(BigDecimal.valueOf(BANDS[i])) >= 0) {
                        band = i;
                    }
                }
                counts[band]++;
            }
        }
        return counts;
    }
}
