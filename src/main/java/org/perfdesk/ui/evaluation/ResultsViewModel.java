package org.perfdesk.ui.evaluation;

import java.util.List;
import java.util.Optional;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.ResultApproval;
import org.perfdesk.domain.StandingDecision;
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
    private final ReadOnlyStringWrapper approvalText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper approvalStyle = new ReadOnlyStringWrapper("hint");
    private final ReadOnlyStringWrapper blockersText = new ReadOnlyStringWrapper("");

    public ResultsViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    private record Loaded(List<Evaluation.UnitResult> results, Optional<InputHashes.Comparison> comparison,
                          EvaluationScheme scheme, Optional<ResultApproval> approval, boolean approvalHolds,
                          List<String> blockers) {
    }

    private EvaluationScheme scheme;

    public void load() {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.evaluate"), () -> {
            Evaluator e = new Evaluator(ctx.workspace());
            Optional<ResultApproval> approval = ctx.workspace().evaluation().approvals().latest(year);
            return new Loaded(e.evaluate(year), e.compareWithFreeze(year), e.scheme(year), approval,
                    approval.isPresent() && e.currentApproval(year).isPresent(), e.blockers(year));
        }, loaded -> {
            scheme = loaded.scheme();
            results.setAll(loaded.results());
            showFreeze(loaded.comparison());
            showApproval(loaded.approval(), loaded.approvalHolds());
            blockersText.set(loaded.blockers().isEmpty() ? ""
                    : Texts.t("results.blockers", String.join("\n", loaded.blockers())));
        });
    }

    private void showApproval(Optional<ResultApproval> approval, boolean holds) {
        if (approval.isEmpty()) {
            approvalText.set(Texts.t("results.approval.none"));
            approvalStyle.set("hint");
            return;
        }
        ResultApproval a = approval.get();
        approvalText.set(Texts.t(holds ? "results.approval.holds" : "results.approval.stale",
                a.approvedOn().toString(), a.reference(), a.approvedBy()));
        approvalStyle.set(holds ? "hint" : "warning");
    }

    /** Records the leading group's 审定 of the results as they are now. */
    public void approve(java.time.LocalDate on, String reference, String by, String note) {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.approve"), () -> new Evaluator(ctx.workspace()).approve(year, on, reference, by,
                note), a -> {
            ctx.saved();
            load();
        });
    }

    /** The office's decision on a unit 未报送 or 材料不全. */
    public void decide(String unitCode, StandingDecision.Decision decision, String reason) {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.decide"), () -> {
            new Evaluator(ctx.workspace()).decideStanding(unitCode, year, decision, reason);
            return null;
        }, x -> {
            ctx.saved();
            load();
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

    public ReadOnlyStringProperty approvalTextProperty() {
        return approvalText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty approvalStyleProperty() {
        return approvalStyle.getReadOnlyProperty();
    }

    /** Units 未报送 or 材料不全 waiting for the office's decision, in words; empty when none. */
    public ReadOnlyStringProperty blockersTextProperty() {
        return blockersText.getReadOnlyProperty();
    }

    public EvaluationScheme scheme() {
        return scheme;
    }

    public WorkspaceContext context() {
        return ctx;
    }
}
