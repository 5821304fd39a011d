package org.perfdesk.exchange;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.crypto.Suite;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.store.SuiteYearRepository;
import org.perfdesk.store.Workspace;

/**
 * Which algorithm suite a workspace uses for which year (package-format.md §11, "Which suite for which
 * year"). An office chooses when its workspace is made (国密 gm-1 or the international intl-1) and may move
 * to gm-1 from a new year; a unit learns the suite, and the year it starts, from its office's card. A
 * package for year Y is written, and must arrive, in the suite of Y: packages of the years before a move
 * keep verifying and importing under intl-1, while a package of the other suite is refused naming both.
 * Enrollments and certificates introduce keys, not a year's data: they may be of any suite the workspace
 * uses.
 */
public final class SuitePlan {
    private SuitePlan() {
    }

    /** The suite of packages for {@code year}. */
    public static Suite forYear(Workspace ws, int year) {
        return Suite.of(ws.suiteYears().forYear(year));
    }

    /** The suite of the newest year: what new keys, cards and enrollments use. */
    public static Suite newest(Workspace ws) {
        return Suite.of(ws.suiteYears().newest());
    }

    /** The suites the workspace uses for some year, oldest first (intl-1 alone for a workspace from before suites). */
    public static Set<Suite> used(Workspace ws) {
        Set<Suite> out = new LinkedHashSet<>();
        for (SuiteYearRepository.Row r : ws.suiteYears().findAll()) {
            out.add(Suite.of(r.suite()));
        }
        if (out.isEmpty()) {
            out.add(Suite.INTL);
        }
        return out;
    }

    /** The first year of the newest suite's run (what a card tells the units), or null when it is every year. */
    public static Integer fromYear(Workspace ws) {
        List<SuiteYearRepository.Row> rows = ws.suiteYears().findAll();
        return rows.isEmpty() ? null : rows.get(rows.size() - 1).fromYear();
    }

    /** A new workspace's suite, for every year. */
    static void start(Workspace ws, Suite suite) {
        ws.suiteYears().setFrom(ws.currentYear(), suite.id());
    }

    /** What the reader applies on a package's first scan, before any key is looked up. */
    public static PackageReader.SuiteRule rule(Workspace ws) {
        return (suite, kind, year) -> check(ws, suite, kind, year);
    }

    /**
     * Refuses a package of a suite the workspace does not use for its year ({@code wrong-suite}, naming
     * both), or an enrollment or certificate of a suite it does not use at all.
     *
     * @param year the package's year; null skips the year's rule (the manifest check refuses such a package)
     */
    public static void check(Workspace ws, Suite suite, PackageKind kind, Integer year) {
        if (kind == PackageKind.ENROLLMENT || kind == PackageKind.CERTIFICATE) {
            Set<Suite> used = used(ws);
            if (!used.contains(suite)) {
                List<String> names = new ArrayList<>();
                used.forEach(s -> names.add(s.label()));
                throw new PackageException("wrong-suite-keys", suite.label(),
                        String.join(Texts.t("pkg.listSeparator"), names));
            }
            return;
        }
        if (year == null) {
            return;
        }
        Suite required = forYear(ws, year);
        if (required != suite) {
            throw new PackageException("wrong-suite", suite.label(), String.valueOf(year), required.label());
        }
    }

    /**
     * Moves the workspace to {@code suite} from {@code fromYear} on: the suite's keys are made if the
     * workspace has none (under the same passphrase), and the year's rule is recorded with an audit entry.
     * Years before keep their suite. Refused for a year whose data packages were exchanged under another
     * suite already (they would no longer be the suite of their year).
     */
    public static Signer move(Workspace ws, char[] passphrase, Suite suite, int fromYear) {
        if (fromYear < 2000 || fromYear > 2100) {
            throw new UserError("cli.init.badYear", String.valueOf(fromYear));
        }
        if (forYear(ws, fromYear) == suite && newest(ws) == suite) {
            throw new UserError("error.suite.already", suite.label(), String.valueOf(fromYear));
        }
        requireYearFree(ws, suite, fromYear);
        WorkspaceKeys.addSuite(ws, passphrase, suite);
        record(ws, suite, fromYear);
        return WorkspaceKeys.unlock(ws, passphrase);
    }

    /**
     * A unit follows its office's card: from {@code fromYear} on (every year when null), {@code suite}.
     * The keys of that suite must exist already. Nothing is recorded when the plan says so already.
     */
    static void follow(Workspace ws, Suite suite, Integer fromYear) {
        List<SuiteYearRepository.Row> rows = ws.suiteYears().findAll();
        int from = fromYear == null ? 0 : fromYear;
        if (rows.isEmpty() && suite == Suite.INTL && fromYear == null) {
            return; // a workspace from before suites is intl-1 for every year already
        }
        if (rows.size() > 0 && forYear(ws, from) == suite && newest(ws) == suite
                && (fromYear == null || rows.stream().noneMatch(r -> r.fromYear() > from))) {
            return;
        }
        requireYearFree(ws, suite, from);
        record(ws, suite, from);
    }

    private static void requireYearFree(Workspace ws, Suite suite, int fromYear) {
        long exchanged = ws.packages().findAll().stream()
                .filter(p -> p.year() >= fromYear && !suite.id().equals(p.suite()))
                .filter(p -> !p.kind().equals(PackageKind.ENROLLMENT.name())
                        && !p.kind().equals(PackageKind.CERTIFICATE.name()))
                .count();
        if (exchanged > 0) {
            throw new UserError("error.suite.yearInUse", String.valueOf(fromYear), exchanged,
                    forYear(ws, fromYear).label());
        }
    }

    /** The year's rule and its audit entry, in one transaction; the entry is the first of the new suite's chain. */
    private static void record(Workspace ws, Suite suite, int fromYear) {
        Suite before = forYear(ws, fromYear);
        ws.database().write(c -> {
            if (ws.suiteYears().findAll().isEmpty() && fromYear > 0) {
                // a workspace from before suites: every year so far is intl-1's
                ws.suiteYears().setFrom(0, Suite.INTL.id());
            }
            ws.suiteYears().setFrom(fromYear, suite.id());
            String key = WorkspaceKeys.exists(ws, suite) ? WorkspaceKeys.fingerprintOf(WorkspaceKeys.keyId(ws, suite))
                    : null;
            ws.audit().append("suite", ws.self().code(), before.id(), suite.id() + " from " + fromYear, "",
                    org.perfdesk.store.AuditLog.facts("unit", ws.self().code(), "year", fromYear, "before",
                            before.id(), "after", suite.id(), "key", key));
            return null;
        });
    }
}
