package org.perfdesk.exchange.intake;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageKind;

/** Which handler takes which kind of package: one per kind, no kind twice. */
public final class Handlers {
    private final Map<PackageKind, PackageHandler> byKind;

    private Handlers(Map<PackageKind, PackageHandler> byKind) {
        this.byKind = byKind;
    }

    /** Every kind this version imports. */
    public static Handlers standard() {
        return of(List.of(
                new SnapshotHandler(),       // PLAN, PROGRESS, MIDYEAR, ANNUAL
                new RectificationHandler(),  // RECTIFICATION
                new EnrollmentHandler(),     // ENROLLMENT
                new CertificateHandler(),    // CERTIFICATE
                new ReviewHandler(),         // APPROVAL, RETURN
                new ReceiptHandler(),        // RECEIPT
                new FeedbackHandler()));     // FEEDBACK
    }

    /** These handlers; a kind taken by two of them is a programming error. */
    public static Handlers of(List<PackageHandler> handlers) {
        Map<PackageKind, PackageHandler> map = new EnumMap<>(PackageKind.class);
        for (PackageHandler h : handlers) {
            for (PackageKind k : h.kinds()) {
                if (map.put(k, h) != null) {
                    throw new IllegalStateException("two handlers for " + k);
                }
            }
        }
        return new Handlers(map);
    }

    /** The same, with {@code handler} taking its kinds instead (tests put a failing one in). */
    public Handlers with(PackageHandler handler) {
        Map<PackageKind, PackageHandler> map = new EnumMap<>(byKind);
        handler.kinds().forEach(k -> map.put(k, handler));
        return new Handlers(map);
    }

    /** The handler of a kind; a kind without one is {@code unsupported-kind}. */
    public PackageHandler forKind(PackageKind kind) {
        PackageHandler h = byKind.get(kind);
        if (h == null) {
            throw new PackageException("unsupported-kind", kind.cliName());
        }
        return h;
    }
}
