package org.perfdesk.exchange.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.perfdesk.exchange.ImportReport;

/**
 * What a package would change, worked out by its handler without writing anything: the words and
 * node changes for the report, the evidence files to keep, and the writes, which the pipeline runs
 * inside the package's one transaction.
 */
public final class Plan {
    private String summary;
    private ImportReport.Counts counts;
    private List<ImportReport.NodeChange> changes;
    private byte[] snapshotJson;
    private final Map<String, byte[]> files = new HashMap<>();
    private final List<Runnable> writes = new ArrayList<>();

    /** A sentence for the report after "accepted …", or null. */
    public Plan summary(String text) {
        this.summary = text;
        return this;
    }

    /** Node changes, for a package that carries a goal tree. */
    public Plan changes(ImportReport.Counts nodeCounts, List<ImportReport.NodeChange> nodeChanges) {
        this.counts = nodeCounts;
        this.changes = nodeChanges;
        return this;
    }

    /**
     * The snapshot's JSON as it came (its UTF-8 bytes, kept as they are: a unit's snapshot is megabytes, and
     * decoding it only to encode it again for storage was a tenth of the import's work), kept with the
     * package for history and diffs.
     */
    public Plan snapshot(byte[] json) {
        this.snapshotJson = json;
        return this;
    }

    /** Evidence files (checked against their hashes) to keep under {@code attachments/}, by hash. */
    public Plan keep(Map<String, byte[]> byHash) {
        files.putAll(byHash);
        return this;
    }

    /** A write, run in the order given inside the package's transaction. */
    public Plan write(Runnable write) {
        writes.add(write);
        return this;
    }

    public String summary() {
        return summary;
    }

    public ImportReport.Counts counts() {
        return counts;
    }

    public List<ImportReport.NodeChange> changes() {
        return changes;
    }

    public byte[] snapshotJson() {
        return snapshotJson;
    }

    public Map<String, byte[]> files() {
        return files;
    }

    /** Runs the writes; called by the pipeline inside the transaction. */
    void apply() {
        writes.forEach(Runnable::run);
    }
}
