package org.perfdesk.ui.exchange;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.SafeText;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.Enrollments;
import org.perfdesk.exchange.intake.EnrollmentHandler;
import org.perfdesk.store.Workspace;

/**
 * 登记单位: the office's decisions on an enrollment request. The fingerprint is typed after the phone
 * call; the parent (this unit or a collector registered below it) and the ranking group are chosen
 * here, never taken from the request; a unit registered before with another key shows both
 * fingerprints and needs the replacement ticked before OK is possible.
 */
public final class EnrollViewModel {
    /** A ranking group to choose, or "not ranked" (group null). */
    public record GroupChoice(RankingGroup group) {
        @Override
        public String toString() {
            return group == null ? Texts.t("cli.enroll.notRanked") : Texts.current().of(group);
        }
    }

    private final Workspace ws;
    private final Enrollments.Request request;
    private final List<OrgUnit> parents = new ArrayList<>();
    private final List<GroupChoice> groups = List.of(new GroupChoice(RankingGroup.PROVINCIAL_DEPARTMENTS),
            new GroupChoice(RankingGroup.CITY_GOVERNMENTS), new GroupChoice(null));
    private final StringProperty typed = new SimpleStringProperty("");
    private final ObjectProperty<OrgUnit> parent = new SimpleObjectProperty<>();
    private final ObjectProperty<GroupChoice> group = new SimpleObjectProperty<>();
    private final BooleanProperty replaceKey = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper replaceText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final boolean replaces;

    public EnrollViewModel(Workspace ws, Enrollments.Request request) {
        this.ws = ws;
        this.request = request;
        EnrollmentHandler.Preview defaults = Enrollments.preview(ws, request,
                EnrollmentHandler.Decision.of(request.fingerprint()));
        parents.add(ws.self());
        ws.orgUnits().findChildren(ws.self().code()).stream()
                .filter(o -> !o.kind().isInternal() && !o.code().equals(request.unitCode())
                        && !ws.trustedKeys().findByUnit(o.code()).isEmpty())
                .forEach(parents::add);
        parent.set(parents.stream().filter(p -> p.code().equals(defaults.unit().parentCode())).findFirst()
                .orElse(parents.get(0)));
        group.set(groups.stream().filter(g -> g.group() == defaults.unit().group()).findFirst().orElseThrow());
        replaces = defaults.replacesKey();
        if (replaces) {
            replaceText.set(Texts.t("cli.enroll.replaces", request.unitCode(),
                    String.join(", ", defaults.oldFingerprints()), defaults.newFingerprint()));
        }
        if (defaults.describedBy() != null) {
            note.set(Texts.t("cli.enroll.describedBy", request.unitCode(), defaults.describedBy().name(),
                    Texts.t("enroll.chosenParent")));
        }
    }

    /** Who asks, for the dialog's header: code, name (escaped) and kind. */
    public String who() {
        return Texts.t("enroll.who", request.unitCode(), SafeText.escaped(request.unitName()),
                Texts.current().of(request.enrollment().unit().kind()));
    }

    public String fingerprintInFile() {
        return request.fingerprint();
    }

    public List<OrgUnit> parents() {
        return parents;
    }

    public List<GroupChoice> groups() {
        return groups;
    }

    public StringProperty typedFingerprint() {
        return typed;
    }

    public ObjectProperty<OrgUnit> parent() {
        return parent;
    }

    public ObjectProperty<GroupChoice> group() {
        return group;
    }

    /** Ticked by the office to confirm a key replacement (only asked when the code has another key here). */
    public BooleanProperty replaceKey() {
        return replaceKey;
    }

    public boolean replacesKey() {
        return replaces;
    }

    /** Both fingerprints and what replacing does, when the code has another key here; else empty. */
    public ReadOnlyStringProperty replaceText() {
        return replaceText.getReadOnlyProperty();
    }

    /** A note when the code was only described in another unit's data so far; else empty. */
    public ReadOnlyStringProperty note() {
        return note.getReadOnlyProperty();
    }

    /** OK is possible once a fingerprint is typed and, for a replacement, the replacement is confirmed. */
    public BooleanBinding ready() {
        return Bindings.createBooleanBinding(() -> !typed.get().isBlank() && (!replaces || replaceKey.get()),
                typed, replaceKey);
    }

    /** The office's decisions as chosen. */
    public EnrollmentHandler.Decision decision() {
        return EnrollmentHandler.Decision.of(typed.get()).withParent(parent.get().code())
                .withGroup(group.get().group()).replacingKey(replaceKey.get());
    }
}
