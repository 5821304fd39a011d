package org.perfdesk.report.xlsx;

import java.util.LinkedHashMap;
import java.util.Map;

import org.perfdesk.store.Workspace;

/**
 * The column mappings a workspace remembers, one per form (by its headings), so the next import of
 * the same form reads it the way the user corrected it. Kept in the workspace's key–value facts
 * under {@code xlsx.mapping.<hash of the headings>}, written with the import that used them.
 */
final class RememberedMappings {
    private RememberedMappings() {
    }

    static Map<String, String> all(Workspace ws) {
        return new LinkedHashMap<>(ws.meta().withPrefix("xlsx.mapping."));
    }

    /** Inside the import's transaction. */
    static void save(Workspace ws, Map<String, String> mappings) {
        mappings.forEach((k, v) -> ws.meta().put(k, v));
    }
}
