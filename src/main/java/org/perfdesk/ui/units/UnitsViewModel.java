package org.perfdesk.ui.units;

import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.WorkspaceContext;

/** The units that report to this workspace: the office's units, or a collector's sub-units. */
public final class UnitsViewModel {
    private final WorkspaceContext ctx;
    private final ObservableList<OrgUnit> units = FXCollections.observableArrayList();

    public UnitsViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    public void load() {
        String self = ctx.self().code();
        ctx.tasks().run(Texts.t("task.loadUnits"), () -> reporting(ctx.workspace().orgUnits().findChildren(self)),
                units::setAll);
    }

    /** Divisions and persons are inside the unit; only units that keep a workspace report to it. */
    static List<OrgUnit> reporting(List<OrgUnit> children) {
        return children.stream().filter(o -> !o.kind().isInternal() && o.kind() != OrgKind.OFFICE).toList();
    }

    public ObservableList<OrgUnit> units() {
        return units;
    }
}
