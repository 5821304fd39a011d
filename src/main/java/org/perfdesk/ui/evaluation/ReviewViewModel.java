package org.perfdesk.ui.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.PackageRecord;
import org.perfdesk.domain.PlanReview;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.PlanRevisions;
import org.perfdesk.exchange.Reviews;
import org.perfdesk.exchange.Signer;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * 审核批复: each unit's plan for the year, its review state, and for the selected unit the tree as
 * received, what changed against the previous plan and against last year, and the earlier answers.
 * Approving or returning writes the signed answer package to the outbox.
 */
public final class ReviewViewModel {
    /** One unit's line in the list. */
    /** @param mode how the scheme has this unit's plans answered: 批复 or 备案 */
    public record Row(OrgUnit unit, List<PackageRecord> plans, PlanReview latestReview, int changedSinceApproval,
                      org.perfdesk.domain.ReviewMode mode) {
        public Optional<PackageRecord> latestPlan() {
            return plans.isEmpty() ? Optional.empty() : Optional.of(plans.get(plans.size() - 1));
        }
    }

    /** What the right-hand side shows for the selected unit. */
    public record Detail(Row row, GoalTree tree, Map<String, String> ownerNames, List<String> sincePrevious,
                         List<String> sinceLastYear, List<PlanReview> reviews, String plan) {
        public String ownerName(GoalNode n) {
            return n.ownerCode() == null ? "" : ownerNames.getOrDefault(n.ownerCode(), n.ownerCode());
        }
    }

    private final WorkspaceContext ctx;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Detail> detail = new SimpleObjectProperty<>();

    public ReviewViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    public void load() {
        int year = ctx.year();
        String selected = detail.get() == null ? null : detail.get().row().unit().code();
        ctx.tasks().run(Texts.t("task.loadReviews"), () -> {
            Workspace ws = ctx.workspace();
            List<Row> out = new ArrayList<>();
            for (OrgUnit u : new Evaluator(ws).units(year)) {
                out.add(row(ws, u, year));
            }
            return out;
        }, loaded -> {
            rows.setAll(loaded);
            loaded.stream().filter(r -> r.unit().code().equals(selected)).findFirst().ifPresent(this::select);
        });
    }

    private static Row row(Workspace ws, OrgUnit u, int year) {
        List<PackageRecord> plans = PlanRevisions.plans(ws, u.code(), year);
        PlanReview latest = ws.reviews().latest(u.code(), year).orElse(null);
        int changed = 0;
        if (latest != null && latest.decision() == PlanReview.Decision.APPROVED) {
            Map<String, Integer> approved = ws.reviews().approvedRevisions(u.code(), year);
            for (GoalNode n : ws.goals().findAll(u.code(), year)) {
                Integer rev = approved.get(n.id());
                if (rev == null ? !n.deleted() : rev != n.revision()) {
                    changed++;
                }
            }
        }
        return new Row(u, plans, latest, changed, Reviews.modeFor(ws, u.code(), year));
    }

    public void select(Row row) {
        if (row == null) {
            detail.set(null);
            return;
        }
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.loadReviews"), () -> {
            Workspace ws = ctx.workspace();
            String code = row.unit().code();
            List<GoalNode> now = ws.goals().findAll(code, year);
            List<String> sincePrevious;
            if (row.plans().size() < 2) {
                sincePrevious = List.of(Texts.t(row.plans().isEmpty() ? "review.noPlan" : "review.firstPlan"));
            } else {
                PackageRecord before = row.plans().get(row.plans().size() - 2);
                PackageRecord after = row.plans().get(row.plans().size() - 1);
                sincePrevious = lines(PlanRevisions.between(PlanRevisions.nodesOf(ws, before.packageId()),
                        PlanRevisions.nodesOf(ws, after.packageId())), "review.samePlans");
            }
            List<GoalNode> lastYear = ws.goals().findAll(code, year - 1);
            List<String> sinceLastYear = lastYear.isEmpty()
                    ? List.of(Texts.t("review.noLastYear", String.valueOf(year - 1)))
                    : lines(PlanRevisions.againstLastYear(lastYear, now), "review.sameAsLastYear");
            Map<String, String> owners = new java.util.HashMap<>();
            ws.orgUnits().findSubtree(code).forEach(o -> owners.put(o.code(), o.name()));
            return new Detail(row, ws.goals().loadTree(code, year), owners, sincePrevious, sinceLastYear,
                    ws.reviews().findByUnit(code, year), planText(ws, code, year));
        }, detail::set);
    }

    /** The 方案 the unit's latest plan package carried, to read beside its tree. */
    private static String planText(Workspace ws, String code, int year) {
        List<String> lines = org.perfdesk.report.PlanDocuments.savedLines(ws, code, year, Texts.current());
        return lines.isEmpty() ? Texts.t("review.noPlanDocument") : String.join("\n", lines);
    }

    private static List<String> lines(List<ImportReport.NodeChange> changes, String sameKey) {
        Texts t = Texts.current();
        if (changes.isEmpty()) {
            return List.of(t.get(sameKey));
        }
        return changes.stream().map(c -> t.get("import.change." + c.change(), c.title())
                + (c.fields().isEmpty() ? "" : t.get("import.fields",
                String.join(", ", c.fields().stream().map(f -> t.get("field." + f)).toList())))).toList();
    }

    /** Approves or returns the selected unit's latest plan; the signed answer goes to the outbox. */
    public void decide(Signer signer, PlanReview.Decision decision, String reason,
                       java.util.function.Consumer<java.nio.file.Path> written) {
        Row row = detail.get().row();
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.review"), () -> Reviews.decide(ctx.workspace(), signer, row.unit().code(), year,
                decision, reason, ctx.workspace().outboxDir()).file(), file -> {
            ctx.saved();
            load();
            written.accept(file);
        });
    }

    /** Writes the letter of the unit's latest review (批复 or 审核意见函) as Word, issued as chosen. */
    public void exportLetter(String unitCode, org.perfdesk.report.Issue issue, java.nio.file.Path out,
                             java.util.function.Consumer<java.nio.file.Path> done) {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.exportLetter"), () -> org.perfdesk.report.docx.ReviewLetterDocx.export(
                ctx.workspace(), unitCode, year, issue, out), done);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Detail> detailProperty() {
        return detail;
    }

    public WorkspaceContext context() {
        return ctx;
    }
}
