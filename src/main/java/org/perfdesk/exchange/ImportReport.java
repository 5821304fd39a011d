package org.perfdesk.exchange;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What became of one package: accepted, already imported or rejected (with a stable code and a
 * message), and for data packages what changed node by node. {@code --json} prints exactly this.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"file", "status", "code", "message", "dryRun", "packageId", "kind", "sender", "year", "sequence",
    "warning", "counts", "changes", "inner"})
public record ImportReport(String file, Status status, String code, String message, boolean dryRun,
                           String packageId, String kind, String sender, Integer year, Long sequence, String warning,
                           Counts counts, List<NodeChange> changes, List<ImportReport> inner) {

    public enum Status {
        @JsonProperty("accepted") ACCEPTED,
        @JsonProperty("already-imported") ALREADY_IMPORTED,
        @JsonProperty("rejected") REJECTED
    }

    /** Nodes added, changed, unchanged and removed; flagged = changed after the office approved them. */
    public record Counts(int added, int changed, int unchanged, int removed, int flagged) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }

    /** One node's change: "added", "changed" (with the fields) or "removed". */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NodeChange(String id, String title, String change, List<String> fields, boolean flagged) {
    }

    public boolean accepted() {
        return status == Status.ACCEPTED;
    }

    /** Accepted or already there: nothing for the user to fix. */
    public boolean ok() {
        return status != Status.REJECTED && (inner == null || inner.stream().allMatch(ImportReport::ok));
    }

    public ImportReport withInner(List<ImportReport> innerReports) {
        return new ImportReport(file, status, code, message, dryRun, packageId, kind, sender, year, sequence, warning,
                counts, changes, innerReports);
    }
}
