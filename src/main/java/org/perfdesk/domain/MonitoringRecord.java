package org.perfdesk.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One monitoring record of a unit: a quarterly report to its leadership or one of its two meetings, when
 * it was held, who chaired it, what was decided, and the indicators discussed (by node id).
 *
 * @param quarter 1–4 for a quarterly report, else null
 */
public record MonitoringRecord(String id, String unitCode, int year, MonitoringKind kind, Integer quarter,
                               LocalDate heldOn, String chairedBy, String decisions, List<String> nodeIds) {
    public MonitoringRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        chairedBy = chairedBy == null ? "" : chairedBy.strip();
        decisions = decisions == null ? "" : decisions.strip();
        nodeIds = List.copyOf(nodeIds == null ? List.of() : nodeIds);
        quarter = kind == MonitoringKind.QUARTERLY ? quarter : null;
    }

    public static MonitoringRecord create(String unitCode, int year, MonitoringKind kind, Integer quarter,
                                          LocalDate heldOn) {
        return new MonitoringRecord(Ids.newId(), unitCode, year, kind, quarter, heldOn, "", "",
                List.of());
    }

    /** What is wrong with it before it can be saved, as a text key, or null. */
    public String problem() {
        if (heldOn == null) {
            return "monitoring.problem.date";
        }
        if (kind == MonitoringKind.QUARTERLY && (quarter == null || quarter < 1 || quarter > 4)) {
            return "monitoring.problem.quarter";
        }
        return null;
    }

    /** "第 2 季度汇报", "半年绩效情况分析会" … */
    public String label() {
        return kind == MonitoringKind.QUARTERLY ? Texts.t("monitoring.label.quarterly", quarter)
                : Texts.current().of(kind);
    }
}
