package org.perfdesk.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.ImportReport.Status;
import org.perfdesk.exchange.crypto.KeyRing;
import org.perfdesk.exchange.intake.Handlers;
import org.perfdesk.exchange.intake.Pipeline;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.store.Backups;
import org.perfdesk.store.Workspace;

/**
 * Imports a batch of package files: each sender's packages in chain order, one backup before the
 * batch, each file through the {@link Pipeline} (read, verify, chain, unseal, its kind's handler, one
 * transaction; the next file read ahead on another thread meanwhile). A refused package changes nothing in the database: its file is kept under
 * {@code inbox/rejected/} with the reason (and, for an unexpected error, the details for support).
 * One bad file never ends the batch.
 */
public final class Importer {
    private final Workspace ws;
    private final Pipeline pipeline;

    /** Without keys: packages in the clear import, sealed ones are refused as {@code key-locked}. */
    public Importer(Workspace ws) {
        this(ws, Limits.DEFAULT);
    }

    /** With the session's unlocked keys, so sealed packages are opened. */
    public Importer(Workspace ws, Signer signer) {
        this(ws, Limits.DEFAULT, signer == null ? null : signer::keyRing);
    }

    public Importer(Workspace ws, Limits limits) {
        this(ws, limits, null);
    }

    /**
     * @param keys asked once, when the first sealed package needs them (the command line asks for the
     *             passphrase only then); null when there are none
     */
    public Importer(Workspace ws, Limits limits, Supplier<KeyRing> keys) {
        this(ws, limits, keys, Handlers.standard());
    }

    /** With other handlers (tests put a failing one in to check that a batch goes on). */
    public Importer(Workspace ws, Limits limits, Supplier<KeyRing> keys, Handlers handlers) {
        this.ws = ws;
        this.pipeline = new Pipeline(ws, limits, keys, handlers);
    }

    /** Whether any of the files (or the packages in the folders) is sealed, so importing needs the keys. */
    public static boolean needsKeys(List<Path> filesOrFolders) {
        for (Path p : expand(filesOrFolders)) {
            PackageReader.Peek peek = PackageReader.peek(p);
            if (peek != null && peek.sealed()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Imports files and every {@code *.perfpkg} in given folders: each sender's packages in the order
     * of their sequence numbers (whatever the files are called), unreadable files last.
     */
    public List<ImportReport> importAll(List<Path> filesOrFolders, boolean dryRun) {
        List<Path> files = inChainOrder(expand(filesOrFolders));
        if (dryRun) {
            // The whole batch, applied in order and then undone: the preview shows what the second
            // package of a unit would change after the first, not against the state before both.
            return ws.database().simulate(c -> {
                List<ImportReport> out = new ArrayList<>();
                pipeline.runEach(files, true, (f, o) -> out.add(o.report()));
                return out;
            });
        }
        List<ImportReport> out = new ArrayList<>();
        importEach(files, out::add);
        return out;
    }

    /**
     * Imports as {@link #importAll} does (one backup, each sender's packages in chain order), handing
     * each report on as it is made instead of keeping them all: a report lists every node its package
     * changed, and a national roll-up is a thousand packages of 2,000 nodes.
     */
    public void importEach(List<Path> filesOrFolders, java.util.function.Consumer<ImportReport> each) {
        List<Path> files = inChainOrder(expand(filesOrFolders));
        if (!files.isEmpty()) {
            // One copy per batch: a batch that merged something unwanted can be undone from 设置 → 备份.
            Backups.of(ws).automatic("before-import");
        }
        pipeline.runEach(files, false, (f, o) -> each.accept(keptIfRejected(f, o)));
    }

    static List<Path> inChainOrder(List<Path> files) {
        Map<Path, PackageReader.Peek> peeks = new HashMap<>();
        files.forEach(f -> peeks.put(f, PackageReader.peek(f)));
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(java.util.Comparator
                .comparing((Path f) -> peeks.get(f) == null)
                .thenComparing(f -> peeks.get(f) == null ? "" : peeks.get(f).sender())
                .thenComparingLong(f -> peeks.get(f) == null ? 0 : peeks.get(f).sequence())
                .thenComparing(Path::toString));
        return sorted;
    }

    public static List<Path> expand(List<Path> filesOrFolders) {
        List<Path> files = new ArrayList<>();
        for (Path p : filesOrFolders) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".perfpkg") && Files.isRegularFile(f))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UserError(e, "error.import.folderUnreadable", p.toString(), String.valueOf(e.getMessage()));
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    /** Never throws for a bad package: the report says why it was refused. A dry run writes nothing. */
    public ImportReport importFile(Path file, boolean dryRun) {
        if (dryRun) {
            return importAll(List.of(file), true).get(0);
        }
        return keptIfRejected(file, pipeline.run(file, false));
    }

    private ImportReport keptIfRejected(Path file, Pipeline.Outcome outcome) {
        ImportReport report = outcome.report();
        // A package refused because this workspace's keys are locked is not at fault: nothing to keep.
        if (report.status() == Status.REJECTED && !"key-locked".equals(report.code())) {
            Inbox.keepRejected(ws, file, report.code(), outcome.details() == null ? report.message()
                    : report.message() + "\n\n" + outcome.details());
        }
        return report;
    }
}

