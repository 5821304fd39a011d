package org.perfdesk.ui.common;

import java.util.Optional;

import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.TrustedKey;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.exchange.Enrollments;
import org.perfdesk.exchange.PlanRevisions;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.store.Workspace;

/**
 * What an action needs before it may ask for a folder, a file or the passphrase, checked first so the
 * user is never sent through choosers and dialogs only to be told at the end that something was
 * missing all along. Each check names what is missing and the place that puts it right; the code
 * behind the action (exporter, reviews, …) keeps its own checks, these only come earlier. Quick reads
 * of the workspace, fine on the JavaFX thread.
 */
public final class Preconditions {
    private Preconditions() {
    }

    /**
     * A unit's package to its office (the enrollment request too): the office's key file imported; for
     * the year's material, the year in the workspace (and feedback to answer, for a rectification
     * report); when sealed, the office's encryption key.
     */
    public static Optional<Blocker> unitExport(Workspace ws, PackageKind kind, int year, boolean plain) {
        Optional<Blocker> office = officeKeyFile(ws);
        if (office.isPresent()) {
            return office;
        }
        OrgUnit self = ws.self();
        if (kind != PackageKind.ENROLLMENT) {
            if (!ws.years().findAll().contains(year) || ws.goals().count(self.code(), year) == 0) {
                return Optional.of(Blocker.of(Place.GOALS, "refuse.noYear", String.valueOf(year)));
            }
            if (kind == PackageKind.RECTIFICATION && ws.rectifications().findByUnit(self.code(), year).isEmpty()) {
                return Optional.of(Blocker.of(Place.EXCHANGE_RECEIVE, "refuse.noRectification",
                        String.valueOf(year)));
            }
            if (!plain && ws.encryptionKeys().current(self.parentCode()).isEmpty()) {
                return Optional.of(Blocker.of(Place.EXCHANGE_SETUP, "refuse.noOfficeEncryptionKey",
                        nameOf(ws, self.parentCode())));
            }
        }
        return Optional.empty();
    }

    /**
     * The office's answers (certificate, approval, feedback, receipts) can only be checked against the
     * office's key, so a unit imports them once it has imported the office's key file.
     */
    public static Optional<Blocker> answersFromOffice(Workspace ws) {
        return officeKeyFile(ws);
    }

    private static Optional<Blocker> officeKeyFile(Workspace ws) {
        String parent = ws.self().parentCode();
        boolean pinned = parent != null && ws.trustedKeys().findByUnit(parent).stream()
                .anyMatch(k -> k.source() == TrustedKey.Source.PINNED && !k.revoked());
        return pinned ? Optional.empty() : Optional.of(Blocker.of(Place.EXCHANGE_SETUP, "refuse.noOfficeKeyFile"));
    }

    /** The office's answer to a unit (approval, return, feedback) is sealed for the unit's encryption key. */
    public static Optional<Blocker> answerToUnit(Workspace ws, OrgUnit unit) {
        return ws.encryptionKeys().current(unit.code()).isPresent() ? Optional.empty()
                : Optional.of(Blocker.of(Place.INBOX, "refuse.noUnitEncryptionKey", unit.name()));
    }

    /** Approving or returning a plan needs the plan, and a key to seal the answer for. */
    public static Optional<Blocker> reviewAnswer(Workspace ws, OrgUnit unit, int year) {
        if (PlanRevisions.plans(ws, unit.code(), year).isEmpty()) {
            return Optional.of(Blocker.of(Place.INBOX, "refuse.noPlan", unit.name(), String.valueOf(year)));
        }
        return answerToUnit(ws, unit);
    }

    /** A unit's report (Word, print) is drafted from its goal tree of the year. */
    public static Optional<Blocker> goalsOfYear(Workspace ws, int year) {
        return ws.goals().count(ws.self().code(), year) > 0 ? Optional.empty()
                : Optional.of(Blocker.of(Place.GOALS, "refuse.noGoals", String.valueOf(year)));
    }

    /** The office's forms and results list the units it evaluates in the year. */
    public static Optional<Blocker> unitsToEvaluate(Workspace ws, int year) {
        return new Evaluator(ws).units(year).isEmpty()
                ? Optional.of(Blocker.of(Place.INBOX, "refuse.noUnits", String.valueOf(year))) : Optional.empty();
    }

    /**
     * An enrollment request whose key is registered already needs nothing more: said before the check
     * code, the folder for the certificate and the passphrase are asked for.
     */
    public static Optional<Blocker> enrollment(Workspace ws, Enrollments.Request request) {
        return registered(ws, request) ? Optional.of(Blocker.of(null, "refuse.alreadyRegistered", request.unitName(),
                request.unitCode())) : Optional.empty();
    }

    /** Whether this request, or another with the same key, has been registered already. */
    public static boolean registered(Workspace ws, Enrollments.Request request) {
        var m = request.opened().manifest();
        return ws.packages().find(m.packageId()).isPresent() || ws.trustedKeys().find(m.sender().keyId())
                .filter(k -> k.unitCode().equals(request.unitCode()) && !k.revoked()).isPresent();
    }

    private static String nameOf(Workspace ws, String code) {
        return ws.orgUnits().find(code).map(OrgUnit::name).orElse(code);
    }
}
