package org.perfdesk.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One node of a unit's goal-decomposition tree for one year.
 *
 * <p>The id is a UUID that never changes, so packages, history and next year's copy can refer to it.
 * Drafts are allowed to be incomplete: nothing here checks that a leaf has an owner or that weights
 * add up; {@link GoalTreeRules} reports such problems without preventing a save.
 *
 * @param parentId           null for a top-level goal
 * @param position           order among siblings, from 0
 * @param ownerCode          code of the division, person or sub-unit responsible (责任单位/责任人)
 * @param qualityRequirement 质量要求
 * @param deadline           时限
 * @param weight             分值 / 权重; children's weights add up to their parent's
 * @param measure            null for goals without their own measure
 * @param originId           the node of last year's tree this one was copied from, or null
 * @param revision           incremented on every saved change
 * @param deleted            tombstone: kept so that a later package can say the node was removed
 * @param systemCode         the code of the office's indicator system (指标体系) this node stands for, or null
 */
public record GoalNode(
        String id,
        String unitCode,
        int year,
        String parentId,
        int position,
        NodeKind kind,
        String title,
        String description,
        String ownerCode,
        String qualityRequirement,
        LocalDate deadline,
        BigDecimal weight,
        Measure measure,
        String originId,
        int revision,
        boolean deleted,
        String systemCode) {

    public GoalNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(kind, "kind");
        title = title == null ? "" : title;
        systemCode = systemCode == null || systemCode.isBlank() ? null : systemCode.strip();
    }

    /** A node not linked to the indicator system. */
    public GoalNode(String id, String unitCode, int year, String parentId, int position, NodeKind kind, String title,
                    String description, String ownerCode, String qualityRequirement, LocalDate deadline,
                    BigDecimal weight, Measure measure, String originId, int revision, boolean deleted) {
        this(id, unitCode, year, parentId, position, kind, title, description, ownerCode, qualityRequirement, deadline,
                weight, measure, originId, revision, deleted, null);
    }

    /** A fresh node with a new time-ordered id ({@link Ids}), revision 1. */
    public static GoalNode create(String unitCode, int year, String parentId, int position, NodeKind kind, String title) {
        return new GoalNode(Ids.newId(), unitCode, year, parentId, position, kind, title,
                null, null, null, null, null, null, null, 1, false);
    }

    public boolean isRoot() {
        return parentId == null;
    }

    public GoalNode withOwner(String code) {
        return new GoalNode(id, unitCode, year, parentId, position, kind, title, description, code,
                qualityRequirement, deadline, weight, measure, originId, revision, deleted, systemCode);
    }

    public GoalNode withWeight(BigDecimal w) {
        return new GoalNode(id, unitCode, year, parentId, position, kind, title, description, ownerCode,
                qualityRequirement, deadline, w, measure, originId, revision, deleted, systemCode);
    }

    public GoalNode withDeadline(LocalDate d) {
        return new GoalNode(id, unitCode, year, parentId, position, kind, title, description, ownerCode,
                qualityRequirement, d, weight, measure, originId, revision, deleted, systemCode);
    }

    public GoalNode withMeasure(Measure m) {
        return new GoalNode(id, unitCode, year, parentId, position, kind, title, description, ownerCode,
                qualityRequirement, deadline, weight, m, originId, revision, deleted, systemCode);
    }

    public GoalNode withDetails(String newDescription, String newQuality) {
        return new GoalNode(id, unitCode, year, parentId, position, kind, title, newDescription, ownerCode,
                newQuality, deadline, weight, measure, originId, revision, deleted, systemCode);
    }

    public GoalNode withPlace(String newParentId, int newPosition) {
        return new GoalNode(id, unitCode, year, newParentId, newPosition, kind, title, description, ownerCode,
                qualityRequirement, deadline, weight, measure, originId, revision, deleted, systemCode);
    }

    public GoalNode withRevision(int newRevision) {
        return new GoalNode(id, unitCode, year, parentId, position, kind, title, description, ownerCode,
                qualityRequirement, deadline, weight, measure, originId, newRevision, deleted, systemCode);
    }

    /** Linked to the indicator system's indicator with this code (null: unlinked). */
    public GoalNode withSystemCode(String code) {
        return new GoalNode(id, unitCode, year, parentId, position, kind, title, description, ownerCode,
                qualityRequirement, deadline, weight, measure, originId, revision, deleted, code);
    }

    public GoalNode withDeleted(boolean tombstone) {
        return new GoalNode(id, unitCode, year, parentId, position, kind, title, description, ownerCode,
                qualityRequirement, deadline, weight, measure, originId, revision, tombstone, systemCode);
    }
}
