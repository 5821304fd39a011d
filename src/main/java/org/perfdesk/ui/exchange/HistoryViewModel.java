package org.perfdesk.ui.exchange;

import java.util.List;
import java.util.Map;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.PackageRecord;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.NodeDiff;
import org.perfdesk.exchange.PlanRevisions;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.ui.common.WorkspaceContext;

/** Every package a unit sent for the year, and the difference between any two of them. */
public final class HistoryViewModel {
    /** One received snapshot, as the lists show it. */
    public record Revision(PackageRecord record, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final WorkspaceContext ctx;
    private final ObservableList<OrgUnit> units = FXCollections.observableArrayList();
    private final ObservableList<Revision> revisions = FXCollections.observableArrayList();
    private final ObservableList<String> diff = FXCollections.observableArrayList();

    public HistoryViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    public void loadUnits() {
        String self = ctx.self().code();
        ctx.tasks().run(Texts.t("task.loadUnits"), () -> ctx.workspace().orgUnits().findSubtree(self).stream()
                .filter(o -> !o.code().equals(self) && !o.kind().isInternal() && o.kind() != OrgKind.OFFICE).toList(),
                units::setAll);
    }

    public void selectUnit(OrgUnit unit) {
        diff.clear();
        if (unit == null) {
            revisions.clear();
            return;
        }
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.loadHistory"), () -> ctx.workspace().packages()
                .findSnapshotsOf(unit.code(), year).stream().map(HistoryViewModel::revision).toList(),
                revisions::setAll);
    }

    private static Revision revision(PackageRecord r) {
        return new Revision(r, Texts.t("history.revision", r.sequence(),
                Texts.t("kind." + PackageKind.valueOf(r.kind()).cliName()), r.processedAt().toString().substring(0, 10)));
    }

    /** The node changes from one revision to another (either may be the earlier). */
    public void compare(Revision from, Revision to) {
        if (from == null || to == null) {
            diff.clear();
            return;
        }
        ctx.tasks().run(Texts.t("task.loadHistory"), () -> {
            List<GoalNode> before = nodes(from.record());
            List<GoalNode> after = nodes(to.record());
            List<ImportReport.NodeChange> changes = NodeDiff.between(before, after, Map.of());
            Texts t = Texts.current();
            if (changes.isEmpty()) {
                return List.of(t.get("history.same"));
            }
            return changes.stream().map(c -> t.get("import.change." + c.change(), c.title())
                    + (c.fields().isEmpty() ? "" : t.get("import.fields",
                    String.join(", ", c.fields().stream().map(f -> t.get("field." + f)).toList())))).toList();
        }, diff::setAll);
    }

    private List<GoalNode> nodes(PackageRecord r) {
        return PlanRevisions.nodesOf(ctx.workspace(), r.packageId());
    }

    public ObservableList<OrgUnit> units() {
        return units;
    }

    public ObservableList<Revision> revisions() {
        return revisions;
    }

    public ObservableList<String> diff() {
        return diff;
    }
}
