package org.perfdesk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One rectification item (整改事项): what the office found at a unit and requires, and what the unit
 * does about it, until the office closes it (销号). The office owns finding, requirement and due;
 * the unit owns measure, owner, planned date, status, note and evidence.
 *
 * @param owner    the unit's responsible division or person, by name (the office does not know the
 *                 unit's internal codes)
 * @param sentIn   id of the feedback package that carried the item to the unit, null before
 * @param evidence SHA-256 hashes of evidence files
 */
public record RectificationItem(String id, String unitCode, int year, int number, String finding,
                                String requirement, LocalDate due, String measure, String owner, LocalDate planned,
                                Status status, String note, Instant closedAt, String closedReason, String sentIn,
                                List<String> evidence) {

    public enum Status { OPEN, IN_PROGRESS, DONE }

    public RectificationItem {
        requirement = requirement == null ? "" : requirement;
        measure = measure == null ? "" : measure;
        owner = owner == null ? "" : owner;
        note = note == null ? "" : note;
        status = status == null ? Status.OPEN : status;
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
    }

    public boolean closed() {
        return closedAt != null;
    }

    /** The office's part changed (finding, requirement, due). */
    public RectificationItem withOffice(String newFinding, String newRequirement, LocalDate newDue) {
        return new RectificationItem(id, unitCode, year, number, newFinding, newRequirement, newDue, measure, owner,
                planned, status, note, closedAt, closedReason, sentIn, evidence);
    }

    /** The unit's part changed (measure, owner, planned date, status, note, evidence). */
    public RectificationItem withUnit(String newMeasure, String newOwner, LocalDate newPlanned, Status newStatus,
                                      String newNote, List<String> newEvidence) {
        return new RectificationItem(id, unitCode, year, number, finding, requirement, due, newMeasure, newOwner,
                newPlanned, newStatus, newNote, closedAt, closedReason, sentIn, newEvidence);
    }

    public RectificationItem withClosure(Instant at, String reason) {
        return new RectificationItem(id, unitCode, year, number, finding, requirement, due, measure, owner, planned,
                status, note, at, reason, sentIn, evidence);
    }

    public RectificationItem withSentIn(String packageId) {
        return new RectificationItem(id, unitCode, year, number, finding, requirement, due, measure, owner, planned,
                status, note, closedAt, closedReason, packageId, evidence);
    }
}
