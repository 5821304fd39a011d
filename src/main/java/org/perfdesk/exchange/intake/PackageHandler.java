package org.perfdesk.exchange.intake;

import java.util.Set;

import org.perfdesk.exchange.pkg.PackageKind;

/**
 * What importing one kind of package does. A handler reads its payload, checks it against the
 * workspace and returns the {@link Plan}; it writes nothing itself (the pipeline runs the plan's
 * writes in one transaction) and refuses with a {@link org.perfdesk.exchange.pkg.PackageException}
 * whose code is stable. Every kind has exactly one handler ({@link Handlers}); a new kind is a new
 * handler and one line there.
 */
public interface PackageHandler {
    /** The kinds this handler takes. */
    Set<PackageKind> kinds();

    /** Checks the package and says what importing it would change. */
    Plan plan(Incoming in);
}
