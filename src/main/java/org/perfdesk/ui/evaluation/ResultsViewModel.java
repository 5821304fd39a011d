package org.perfdesk.ui.evaluation;

import java.util.List;
import java.util.Optional;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.evaluation.InputHashes;
import org.perfdesk.report.docx.NoticeDocx;
import org.perfdesk.report.xlsx.ResultsWorkbook;
import org.perfdesk.ui.common.WorkspaceContext;

/** 结果汇总: the year's results by group and rank, and whether they still match the last freeze. */
public final class ResultsViewModel {
    private final WorkspaceContext ctx;
    private final ObservableList<Evaluation.UnitResult> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper freezeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper freezeStyle = new ReadOnlyStringWrapper("hint");

    public ResultsViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    private record Loaded(List<Evaluation.UnitResult> results, Optional<InputHashes.Comparison> comparison,
                          EvaluationScheme scheme) {
    }

    private EvaluationScheme scheme;

    public void load() {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.evaluate"), () -> {
            Evaluator e = new Evaluator(ctx.workspace());
            return new Loaded(e.evaluate(year), e.compareWithFreeze(year), e.scheme(year));
        }, loaded -> {
            scheme = loaded.scheme();
            results.setAll(loaded.results());
            showFreeze(loaded.comparison());
        });
    }

    private void showFreeze(Optional<InputHashes.Comparison> comparison) {
        if (comparison.isEmpty()) {
            freezeText.set(Texts.t("results.notFrozen"));
            freezeStyle.set("hint");
            return;
        }
        InputHashes.Comparison c = comparison.get();
        String when = EvaluationTexts.when(c.freeze().frozenAt());
        if (c.unchanged()) {
            freezeText.set(Texts.t("results.frozenUnchanged", when, c.freeze().schemeVersion()));
            freezeStyle.set("hint");
        } else {
            freezeText.set(Texts.t("results.frozenChanged", when, c.freeze().schemeVersion(),
                    EvaluationTexts.changes(c.changes(), code -> results.stream()
                            .filter(r -> r.unit().code().equals(code)).map(r -> r.unit().name()).findFirst()
                            .orElse(code))));
            freezeStyle.set("warning");
        }
    }

    /** Freezes the results as they are now; the reason goes into the audit log. */
    public void freeze(String reason) {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.freeze"), () -> new Evaluator(ctx.workspace()).freeze(year, reason), f -> {
            ctx.saved();
            load();
        });
    }

    /** The results workbook (总表, a sheet per group, indicator details, scheme, freeze) of the year. */
    public void exportWorkbook(java.nio.file.Path file, Runnable done) {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.exportXlsx"), () -> {
            ResultsWorkbook.export(ctx.workspace(), year, file);
            return file;
        }, f -> done.run());
    }

    /** The draft notice (通报) of the year as Word. */
    public void exportNotice(java.nio.file.Path file, Runnable done) {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.exportReport"), () -> {
            NoticeDocx.export(ctx.workspace(), year, file);
            return file;
        }, f -> done.run());
    }

    /** The weights of indicators and appraisal, as printed in the formula of the drill-down. */
    public String[] schemeWeights() {
        return scheme == null ? new String[] {"", ""}
                : new String[] {Numbers.plain(scheme.indicatorWeight()), Numbers.plain(scheme.appraisalWeight())};
    }

    public ObservableList<Evaluation.UnitResult> results() {
        return results;
    }

    public ReadOnlyStringProperty freezeTextProperty() {
        return freezeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty freezeStyleProperty() {
        return freezeStyle.getReadOnlyProperty();
    }

    public WorkspaceContext context() {
        return ctx;
    }
}
