package org.perfdesk.ui.exchange;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.perfdesk.exchange.Enrollments;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.Importer;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.common.Preconditions;

/**
 * How the import screen names what became of a package. The importer has three outcomes (accepted,
 * already imported, refused); two of its refusals are not the package's fault and must not show as a
 * red 拒收: a sealed package while the keys are locked waits for the passphrase (待解密), and an
 * enrollment request is handled by 登记单位 — waiting for it (待登记), or done already (已登记).
 */
enum Verdict {
    WOULD_ACCEPT("status-on_track"),
    ACCEPTED("status-on_track"),
    ALREADY_IMPORTED("status-none"),
    /** Sealed, and the keys are not unlocked yet (or the passphrase was wrong). */
    LOCKED("status-at_risk"),
    /** An enrollment request of a unit not registered yet: 登记单位 handles it. */
    TO_REGISTER("status-at_risk"),
    /** An enrollment request whose unit (key) is registered already. */
    REGISTERED("status-none"),
    REFUSED("status-behind");

    private final String styleClass;

    Verdict(String styleClass) {
        this.styleClass = styleClass;
    }

    /** The style class of the verdict cell (a colour, always beside the word). */
    String styleClass() {
        return styleClass;
    }

    /** Text key of the verdict column. */
    String textKey() {
        return "import.verdict." + name();
    }

    /** The verdict from the report alone (an enrollment request counts as waiting for registration). */
    static Verdict of(ImportReport r) {
        return switch (r.status()) {
            case ACCEPTED -> r.dryRun() ? WOULD_ACCEPT : ACCEPTED;
            case ALREADY_IMPORTED -> ALREADY_IMPORTED;
            case REJECTED -> switch (String.valueOf(r.code())) {
                case "key-locked" -> LOCKED;
                case "enrollment-needs-confirmation" -> TO_REGISTER;
                default -> REFUSED;
            };
        };
    }

    /**
     * The verdicts of a batch, with enrollment requests looked up: those whose unit is registered are
     * 已登记. Reads the request files again (off the JavaFX thread); a report is matched to its file by
     * name, as the importer labels it.
     */
    static Map<ImportReport, Verdict> of(Workspace ws, List<Path> chosen, List<ImportReport> reports) {
        Map<ImportReport, Verdict> out = new java.util.IdentityHashMap<>();
        Map<String, Path> byName = null;
        for (ImportReport r : reports) {
            Verdict v = of(r);
            if (v == TO_REGISTER) {
                if (byName == null) {
                    byName = new HashMap<>();
                    for (Path p : Importer.expand(chosen)) {
                        byName.putIfAbsent(p.getFileName().toString(), p);
                    }
                }
                Path file = byName.get(r.file());
                if (file != null && registered(ws, file)) {
                    v = REGISTERED;
                }
            }
            out.put(r, v);
        }
        return out;
    }

    private static boolean registered(Workspace ws, Path file) {
        try {
            return Preconditions.registered(ws, Enrollments.read(file));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
