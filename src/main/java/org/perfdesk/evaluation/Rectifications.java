package org.perfdesk.evaluation;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.perfdesk.domain.Ids;
import org.perfdesk.domain.RectificationItem;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.Workspace;

/**
 * Feedback and rectification (反馈与整改). The office writes a unit's items (finding, requirement,
 * due date), sends them in a feedback package, and closes (销号) or reopens each with a reason, all
 * in the audit log; the unit answers each with measure, owner, date, status, note and evidence.
 */
public final class Rectifications {
    private final Workspace ws;

    public Rectifications(Workspace ws) {
        this.ws = ws;
    }

    public List<RectificationItem> of(String unitCode, int year) {
        return ws.rectifications().findByUnit(unitCode, year);
    }

    // ---- the office ------------------------------------------------------------------------

    /** A new item, numbered after the unit's last one. */
    /**
     * The due date a new item is offered with: the scheme's days for a rectification plan (30 by default)
     * after the feedback, counted from the end of the calendar's feedback step or from today when later.
     */
    public LocalDate defaultDue(int year, LocalDate today) {
        LocalDate feedback = ws.calendar().find(year).stream().filter(d -> d.key().equals("feedback"))
                .map(org.perfdesk.domain.YearCalendar.Deadline::date).findFirst().orElse(today);
        LocalDate from = feedback.isAfter(today) ? feedback : today;
        return from.plusDays(new Evaluator(ws).schemeToRead(year).rectificationDays());
    }

    public RectificationItem add(String unitCode, int year, String finding, String requirement, LocalDate due) {
        if (finding == null || finding.isBlank()) {
            throw new UserError("error.rectification.needFinding");
        }
        int number = of(unitCode, year).stream().mapToInt(RectificationItem::number).max().orElse(0) + 1;
        RectificationItem item = new RectificationItem(Ids.newId(), unitCode, year, number,
                finding.strip(), requirement == null ? "" : requirement.strip(), due, "", "", null,
                RectificationItem.Status.OPEN, "", null, null, null, List.of());
        ws.database().write(c -> {
            ws.rectifications().save(item);
            ws.audit().append("rectification", unitCode + " " + year + " #" + number, null, item.finding(), "",
                    facts("add", item));
            return null;
        });
        return item;
    }

    /** Changes the office's part; after the item was sent, a reason is required. */
    public RectificationItem edit(RectificationItem item, String finding, String requirement, LocalDate due,
                                  String reason) {
        if (finding == null || finding.isBlank()) {
            throw new UserError("error.rectification.needFinding");
        }
        RectificationItem now = current(item);
        if (now.sentIn() != null && (reason == null || reason.isBlank())) {
            throw new UserError("error.evaluation.needReason");
        }
        RectificationItem changed = now.withOffice(finding.strip(),
                requirement == null ? "" : requirement.strip(), due);
        ws.database().write(c -> {
            ws.rectifications().save(changed);
            ws.audit().append("rectification", item.unitCode() + " " + item.year() + " #" + item.number(),
                    item.finding() + " | " + item.requirement(), changed.finding() + " | " + changed.requirement(),
                    reason == null ? "" : reason, facts("edit", changed));
            return null;
        });
        return changed;
    }

    /** Removes an item the unit has not been sent yet. */
    public void delete(RectificationItem item) {
        if (current(item).sentIn() != null) {
            throw new UserError("error.rectification.alreadySent", item.number());
        }
        ws.database().write(c -> {
            ws.rectifications().delete(item.id());
            ws.audit().append("rectification", item.unitCode() + " " + item.year() + " #" + item.number(),
                    item.finding(), null, "", facts("delete", item));
            return null;
        });
    }

    /** 销号: the office accepts the item as rectified. */
    public RectificationItem close(RectificationItem item, String reason) {
        return closure(item, Instant.now(), reason, "closed");
    }

    /** Takes a closure back, or sends an item back to the unit as not done, with the reason. */
    public RectificationItem reopen(RectificationItem item, String reason) {
        return closure(item, null, reason, "reopened");
    }

    private RectificationItem closure(RectificationItem item, Instant at, String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new UserError("error.evaluation.needReason");
        }
        RectificationItem changed = current(item).withClosure(at, reason.strip());
        ws.database().write(c -> {
            ws.rectifications().save(changed);
            ws.audit().append("rectification", item.unitCode() + " " + item.year() + " #" + item.number(),
                    item.closed() ? "closed" : "open", what, reason.strip(),
                    facts(at == null ? "reopen" : "close", item));
            return null;
        });
        return changed;
    }

    private static java.util.Map<String, String> facts(String op, RectificationItem item) {
        return org.perfdesk.store.AuditLog.facts("op", op, "unit", item.unitCode(), "year", item.year(),
                "number", item.number(), "finding", item.finding());
    }

    /** Records that the items went out in this feedback package. */
    public void markSent(String unitCode, int year, String packageId) {
        ws.database().write(c -> {
            for (RectificationItem i : of(unitCode, year)) {
                ws.rectifications().save(i.withSentIn(packageId));
            }
            return null;
        });
    }

    // ---- the unit --------------------------------------------------------------------------

    /** The unit's answer to an item. */
    public RectificationItem answer(RectificationItem item, String measure, String owner, LocalDate planned,
                                    RectificationItem.Status status, String note) {
        RectificationItem now = current(item);
        RectificationItem changed = now.withUnit(measure == null ? "" : measure.strip(),
                owner == null ? "" : owner.strip(), planned, status, note == null ? "" : note.strip(), now.evidence());
        ws.rectifications().save(changed);
        return changed;
    }

    /** Copies an evidence file into the workspace and attaches it to the item. */
    public RectificationItem attach(RectificationItem item, Path file) {
        String sha = ws.evidence().store(file).sha256();
        RectificationItem now = current(item);
        if (now.evidence().contains(sha)) {
            return now;
        }
        List<String> evidence = new ArrayList<>(now.evidence());
        evidence.add(sha);
        RectificationItem changed = now.withUnit(now.measure(), now.owner(), now.planned(), now.status(), now.note(),
                evidence);
        ws.rectifications().save(changed);
        return changed;
    }

    private RectificationItem current(RectificationItem item) {
        return ws.rectifications().find(item.id()).orElseThrow(() -> new UserError("error.rectification.gone",
                item.number()));
    }
}
