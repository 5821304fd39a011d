package org.perfdesk.exchange.intake;

import java.nio.file.Path;

import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.Signer;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.exchange.pkg.Sealed;
import org.perfdesk.store.Workspace;

/** For handler tests: a package read, verified and unsealed as the pipeline hands it to a handler. */
final class Opening {
    private Opening() {
    }

    static Incoming of(Workspace ws, Signer keys, Path file) {
        PackageReader.Opened opened = PackageReader.read(file, KeyRegistry.trust(ws), Limits.DEFAULT);
        if (opened.manifest().sealed()) {
            opened = Sealed.open(opened, keys.keyRing(), Limits.DEFAULT);
        }
        return new Incoming(ws, opened);
    }

    /** Runs a plan's writes in a transaction, as the pipeline does. */
    static void apply(Workspace ws, Plan plan) {
        ws.database().write(c -> {
            plan.apply();
            return null;
        });
    }
}
