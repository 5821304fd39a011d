package org.perfdesk.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.IndicatorSystem;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageWriter;
import org.perfdesk.exchange.snapshot.PlanStagePayloads;
import org.perfdesk.store.Workspace;

/**
 * What the office sends its units down at the start of the year, each as a signed package per unit: the
 * indicator system (指标体系) of the unit's ranking group, and the year's calendar (工作步骤) with the dates
 * as the office set them, whether the unit is a pilot unit (联系点) and the days the scheme gives for a
 * rectification plan. Sent again after a change, the newer package replaces the older at the unit.
 */
public final class Guidance {
    private Guidance() {
    }

    /** The units the office sends to: those it evaluates in the year whose key it registered. */
    public static List<OrgUnit> recipients(Workspace ws, int year) {
        // The units the evaluation counts (Evaluator.units): registered in a group or with goals for the year.
        return ws.orgUnits().findAll().stream()
                .filter(u -> !u.code().equals(ws.self().code()) && !u.kind().isInternal())
                .filter(u -> u.group() != null || ws.goals().count(u.code(), year) > 0)
                .filter(u -> u.keyId() != null).toList();
    }

    /** The system of the unit's group, sealed for it; refused when the group has none or it has a problem. */
    public static PackageWriter.Written sendIndicatorSystem(Workspace ws, Signer signer, int year, OrgUnit unit,
                                                            Path out, boolean plain) {
        if (unit.group() == null) {
            throw new UserError("error.system.noGroup", unit.name());
        }
        IndicatorSystem system = ws.planStage().systems().find(year, unit.group()).orElseThrow(() ->
                new UserError("error.system.none", String.valueOf(year), org.perfdesk.domain.Texts.current().of(unit.group())));
        if (!system.problems().isEmpty()) {
            throw new UserError("error.system.problems", system.problems().get(0).text());
        }
        return new Exporter(ws, signer).exportOfficePackage(PackageKind.INDICATORS, unit.code(), year,
                EntryNames.INDICATOR_SYSTEM, PlanStagePayloads.toPayload(system, Instant.now()), out, plain);
    }

    /** The year's calendar as the office set it, for one unit. */
    public static PackageWriter.Written sendCalendar(Workspace ws, Signer signer, int year, OrgUnit unit, Path out,
                                                     boolean plain) {
        EvaluationScheme scheme = Reviews.schemeToRead(ws, year);
        boolean pilot = ws.planStage().pilots().isPilot(unit.code(), year);
        return new Exporter(ws, signer).exportOfficePackage(PackageKind.CALENDAR, unit.code(), year,
                EntryNames.CALENDAR, PlanStagePayloads.toPayload(unit.code(), year, ws.calendar().find(year), pilot,
                        scheme.rectificationDays(), Instant.now()), out, plain);
    }

    /** Which of the two. */
    public enum What {
        INDICATORS, CALENDAR
    }

    /**
     * Sends one of them to every recipient (or to {@code only}, a unit code): one package each, into
     * {@code out}, a folder made when missing (a path that is no folder would take each unit's package in
     * turn, leaving only the last). A unit whose key or group is missing stops nothing before it: what was
     * written stays.
     */
    public static List<PackageWriter.Written> sendAll(Workspace ws, Signer signer, int year, What what, String only,
                                                      Path out, boolean plain) {
        List<OrgUnit> units = recipients(ws, year).stream()
                .filter(u -> only == null || org.perfdesk.domain.Codes.same(u.code(), only)).toList();
        if (units.isEmpty()) {
            throw new UserError(only == null ? "error.guidance.noUnits" : "error.guidance.unknownUnit",
                    only == null ? String.valueOf(year) : only);
        }
        folder(out);
        List<PackageWriter.Written> written = new ArrayList<>();
        for (OrgUnit u : units) {
            if (what == What.INDICATORS && u.group() == null) {
                continue;
            }
            written.add(what == What.INDICATORS ? sendIndicatorSystem(ws, signer, year, u, out, plain)
                    : sendCalendar(ws, signer, year, u, out, plain));
        }
        return written;
    }

    private static void folder(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError("error.guidance.notFolder", out.toString());
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UserError(e, "error.guidance.cannotMakeFolder", out.toString(), String.valueOf(e.getMessage()));
        }
    }
}
