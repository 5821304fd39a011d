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

    /** Writes this workspace's card for the units below to hand out. */
    /** Whether the keys must be unlocked once before the card can carry the encryption key. */
    public boolean cardNeedsUnlock() {
        return org.perfdesk.exchange.KeyRegistry.cardNeedsUnlock(ctx.workspace());
    }

    public WorkspaceContext context() {
        return ctx;
    }

    public void exportCard(java.nio.file.Path file, java.util.function.Consumer<String> done) {
        ctx.tasks().run(Texts.t("task.exportCard"), () -> {
            var card = org.perfdesk.exchange.KeyRegistry.card(ctx.workspace());
            org.perfdesk.exchange.KeyRegistry.writeCard(card, file);
            return card.fingerprint();
        }, done);
    }

    /** Revokes every key of the unit; the revocation travels in the next packages sent down. */
    public void revoke(OrgUnit unit, String reason, Runnable done) {
        ctx.tasks().run(Texts.t("task.revoke"), () -> org.perfdesk.exchange.KeyRegistry.revoke(ctx.workspace(),
                unit.code(), reason), n -> {
                    ctx.saved();
                    load();
                    done.run();
                });
    }

    /** The key column: the fingerprint, or why there is none. */
    public boolean isOffice() {
        return ctx.role() == org.perfdesk.domain.Role.OFFICE;
    }

    public void setGroup(OrgUnit unit, org.perfdesk.domain.RankingGroup group, String reason) {
        ctx.tasks().run(Texts.t("task.loadUnits"), () -> new org.perfdesk.evaluation.Evaluator(ctx.workspace())
                .setGroup(unit.code(), group, reason), u -> {
                    ctx.saved();
                    load();
                });
    }

    public String keyText(OrgUnit o) {
        if (o.keyId() == null) {
            return Texts.t("units.keyMissing");
        }
        boolean revoked = ctx.workspace().trustedKeys().find(o.keyId()).map(k -> k.revoked()).orElse(false);
        String fp = org.perfdesk.exchange.crypto.Ed25519.fingerprintOf(o.keyId());
        return revoked ? Texts.t("units.keyRevoked", fp) : fp;
    }

    public ObservableList<OrgUnit> units() {
        return units;
    }
}
