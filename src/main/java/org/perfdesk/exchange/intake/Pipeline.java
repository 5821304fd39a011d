package org.perfdesk.exchange.intake;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.perfdesk.domain.OtherThread;
import org.perfdesk.domain.PackageRecord;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.ImportReport.Status;
import org.perfdesk.exchange.Inbox;
import org.perfdesk.exchange.OfficePolicy;
import org.perfdesk.exchange.SuitePlan;
import org.perfdesk.exchange.crypto.Envelope;
import org.perfdesk.exchange.crypto.KeyRing;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.exchange.pkg.Sealed;
import org.perfdesk.exchange.pkg.StrictJson;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.store.PackedText;
import org.perfdesk.store.Workspace;

/**
 * One package file through the import, step by step; each step may refuse it, and nothing is written
 * before the last:
 * <ol>
 *   <li><b>read</b> within the limits and <b>verify</b> the signature with a key this workspace trusts
 *       ({@link PackageReader}), the package's algorithm suite being the one this workspace uses for its
 *       year ({@link SuitePlan}: checked on the manifest's first scan, and again on the mapped manifest);</li>
 *   <li><b>addressing</b>: for this workspace, from someone who may send this kind ({@link Addressing});</li>
 *   <li><b>chain</b>: the same package again, a reused id, a fork, a stale one ({@link Chain});</li>
 *   <li><b>policy</b>: a unit's package in the clear where the office requires encryption ({@link OfficePolicy});</li>
 *   <li><b>unseal</b> an encrypted payload ({@link Sealed});</li>
 *   <li><b>handler</b> of the kind: checks the payload, plans the writes ({@link Handlers});</li>
 *   <li><b>one transaction</b>: the plan's writes, the sender's statements and the package's record,
 *       with the file kept in {@code inbox/} and its evidence in {@code attachments/}.</li>
 * </ol>
 * A collector's forwarded packages then go through the same steps, each on its own. An unexpected
 * error in a file is that file's refusal ({@code internal-error}); it never ends a batch.
 */
public final class Pipeline {
    private final Workspace ws;
    private final Limits limits;
    private final Supplier<KeyRing> keys;
    private final Handlers handlers;
    private KeyRing unlocked;
    /** Why the keys could not be unlocked (a wrong passphrase): said for every sealed package, asked once. */
    private UserError keyFailure;
    /** The trusted keys the next file of a batch is read ahead with. */
    private final ReadAhead.TrustCache readAheadTrust = new ReadAhead.TrustCache();

    /**
     * @param keys asked once, when the first sealed package needs them; null when there are none
     */
    public Pipeline(Workspace ws, Limits limits, Supplier<KeyRing> keys, Handlers handlers) {
        this.ws = ws;
        this.limits = limits;
        this.keys = keys;
        this.handlers = handlers;
    }

    /** What became of a file, and for an unexpected error the details kept for support (else null). */
    public record Outcome(ImportReport report, String details) {
    }

    /** One file addressed to this workspace. Never throws: the report says why a file was refused. */
    public Outcome run(Path file, boolean dryRun) {
        return run(file, dryRun, null);
    }

    /**
     * The files in order, each as {@link #run} does it, handed on as each is done: while one is planned
     * and written, the next is read, verified, unsealed and parsed on another thread ({@link ReadAhead};
     * one file ahead, never more), and taken only if the workspace still answers its questions the same.
     */
    public void runEach(List<Path> files, boolean dryRun, java.util.function.BiConsumer<Path, Outcome> each) {
        ReadAhead next = files.isEmpty() ? null : ReadAhead.start(ws, readAheadTrust, files.get(0), limits, unlocked);
        try {
            for (int i = 0; i < files.size(); i++) {
                ReadAhead.Taken taken = next.take(ws, readAheadTrust);
                next = i + 1 < files.size()
                        ? ReadAhead.start(ws, readAheadTrust, files.get(i + 1), limits, unlocked) : null;
                if (i == 0 && files.size() >= WARM_UP_FROM && taken != null && taken.sealedWithAesGcm()) {
                    ReadAhead.warmUpAesGcm();
                }
                each.accept(files.get(i), run(files.get(i), dryRun, taken));
                taken = null; // not kept while the next one is waited for
            }
        } finally {
            if (next != null) {
                next.drop();
            }
        }
    }

    /** A batch of this many files or more warms AES-GCM up first: it costs a few files' decryption. */
    private static final int WARM_UP_FROM = 10;

    private Outcome run(Path file, boolean dryRun, ReadAhead.Taken ahead) {
        String[] details = new String[1];
        ImportReport report = guarded(file.getFileName().toString(), dryRun, details,
                () -> process(file, file.getFileName().toString(), dryRun, ws.self().code(), null, null, ahead));
        return new Outcome(report, details[0]);
    }

    /** The per-file guard: an error nobody foresaw refuses this file and keeps the details. */
    private ImportReport guarded(String label, boolean dryRun, String[] details, Supplier<ImportReport> step) {
        try {
            return step.get();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // Out of memory here is one allocation a package asked for that could not be made (the
            // database work was rolled back): the next file starts afresh.
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            details[0] = trace.toString();
            return rejected(label, "internal-error", Texts.t("pkg.internal-error", String.valueOf(e)), dryRun);
        }
    }

    /**
     * @param contentKey for a sealed package a collector forwarded: the key it released for it; else null
     * @param ahead      the file as read ahead, checked to still hold; null to read it now
     */
    private ImportReport process(Path file, String label, boolean dryRun, String expectedRecipient, String outerId,
                                 byte[] contentKey, ReadAhead.Taken ahead) {
        try {
            PackageReader.Opened opened = ahead != null ? ahead.opened()
                    : PackageReader.read(file, org.perfdesk.exchange.KeyRegistry.trust(ws), limits, SuitePlan.rule(ws));
            Manifest m = opened.manifest();
            SuitePlan.check(ws, opened.suite(), m.kind(), m.year());
            Addressing.check(ws, m, expectedRecipient, outerId);
            PackageRecord already = Chain.check(ws, opened);
            if (already != null) {
                return new ImportReport(label, Status.ALREADY_IMPORTED, "already-imported",
                        Texts.t("pkg.already-imported", Chain.unitName(ws, m.sender().code()),
                                already.processedAt().toString().substring(0, 10)), dryRun, m.packageId(),
                        m.kind().cliName(), m.sender().code(), m.year(), m.sequence(), null, ImportReport.Counts.NONE,
                        List.of(), null);
            }
            OfficePolicy.checkEncryption(ws, m);
            opened = unseal(opened, contentKey, ahead);
            String warning = Chain.gapWarning(ws, m, opened.signer().keyId());

            boolean readAhead = ahead != null && ahead.isOf(opened);
            Incoming in = new Incoming(ws, opened, readAhead ? ahead : null);
            Runnable revocations = SenderStatements.revocations(in);
            Plan plan = handlers.forKind(m.kind()).plan(in);
            Runnable encryptionKey = SenderStatements.encryptionKey(in);
            Map<String, byte[]> innerKeys = innerKeys(opened);
            ImportReport report = new ImportReport(label, Status.ACCEPTED, null, accepted(m, plan, dryRun, warning),
                    dryRun, m.packageId(), m.kind().cliName(), m.sender().code(), m.year(), m.sequence(), warning,
                    plan.counts(), plan.changes(), null);
            PackedText packed = readAhead ? ahead.packed(plan.snapshotJson()) : null;
            commit(file, opened, plan, packed, () -> {
                revocations.run();
                plan.apply();
                encryptionKey.run();
            }, report, outerId, dryRun);
            return report.withInner(inner(opened, dryRun, innerKeys));
        } catch (PackageException e) {
            if (e.code().equals("unknown-key")) {
                ImportReport elsewhere = addressedElsewhere(file, label, expectedRecipient, dryRun);
                if (elsewhere != null) {
                    return elsewhere;
                }
            }
            if (e.code().equals("enrollment-needs-confirmation") && !e.args().isEmpty()) {
                // Whose request it says it is (unverified until enroll accept checks it): for the command line.
                return new ImportReport(label, Status.REJECTED, e.code(), e.getLocalizedMessage(), dryRun, null,
                        PackageKind.ENROLLMENT.cliName(), String.valueOf(e.args().get(0)), null, null, null, null,
                        null, null);
            }
            return rejected(label, e.code(), e.getLocalizedMessage(), dryRun);
        } catch (KeysLocked e) {
            return rejected(label, "key-locked", e.getCause().getLocalizedMessage(), dryRun);
        } catch (UserError e) {
            return rejected(label, "not-imported", e.getLocalizedMessage(), dryRun);
        }
    }

    /** The keys could not be unlocked; the cause says why (a wrong passphrase). */
    private static final class KeysLocked extends RuntimeException {
        KeysLocked(UserError cause) {
            super(cause);
        }
    }

    /**
     * A package signed by a key we do not know is usually one for another unit (a stick handed to the
     * wrong office, a neighbour's package): say whose it is, from the clear manifest. It is refused
     * either way, so nothing is trusted from the unverified name.
     */
    private ImportReport addressedElsewhere(Path file, String label, String expectedRecipient, boolean dryRun) {
        PackageReader.Peek peek = PackageReader.peek(file);
        if (peek == null || peek.recipient() == null || peek.recipient().code() == null
                || expectedRecipient.equals(peek.recipient().code())) {
            return null;
        }
        PackageException e = new PackageException("wrong-recipient", Addressing.recipientName(ws, peek.recipient()));
        return rejected(label, e.code(), e.getLocalizedMessage(), dryRun);
    }

    static ImportReport rejected(String label, String code, String message, boolean dryRun) {
        return new ImportReport(label, Status.REJECTED, code, message, dryRun, null, null, null, null, null, null,
                null, null, null);
    }

    private String accepted(Manifest m, Plan plan, boolean dryRun, String warning) {
        Texts t = Texts.current();
        String what = t.get(dryRun ? "import.wouldAccept" : "import.accepted", Chain.unitName(ws, m.sender().code()),
                t.get("kind." + m.kind().cliName()), String.valueOf(m.year()), m.sequence());
        if (plan.summary() != null) {
            what += " " + plan.summary();
        }
        return warning == null ? what : what + " " + warning;
    }

    /**
     * A sealed package's payload, decrypted after the signature and every sealed entry's hash were
     * checked: with the key its forwarder released, or with this workspace's keys.
     */
    private PackageReader.Opened unseal(PackageReader.Opened opened, byte[] contentKey, ReadAhead.Taken ahead) {
        if (!opened.manifest().sealed()) {
            return opened;
        }
        if (contentKey != null) {
            return Sealed.open(opened, contentKey, limits);
        }
        if (unlocked == null && keys != null && keyFailure == null) {
            try {
                unlocked = keys.get();
            } catch (UserError e) {
                keyFailure = e;
            }
        }
        if (keyFailure != null) {
            throw new KeysLocked(keyFailure);
        }
        if (unlocked == null || unlocked.isEmpty()) {
            throw new PackageException("key-locked");
        }
        PackageReader.Opened unsealedAhead = ahead == null ? null : ahead.unsealed(unlocked);
        return unsealedAhead != null ? unsealedAhead : Sealed.open(opened, unlocked, limits);
    }

    /** The content keys a collector released for the sealed packages it forwards, by package id. */
    private static Map<String, byte[]> innerKeys(PackageReader.Opened opened) {
        byte[] bytes = opened.entry(EntryNames.INNER_KEYS);
        if (bytes == null) {
            return Map.of();
        }
        Payloads.InnerKeys keys = StrictJson.read(bytes, Payloads.InnerKeys.class, EntryNames.INNER_KEYS);
        if (!Payloads.INNER_KEYS_FORMAT.equals(keys.format()) || keys.keys() == null) {
            throw new PackageException("bad-snapshot", EntryNames.INNER_KEYS);
        }
        Map<String, byte[]> out = new HashMap<>();
        for (Payloads.InnerKey k : keys.keys()) {
            try {
                byte[] key = java.util.Base64.getDecoder().decode(k.contentKey());
                // the forwarded package's own suite decides whether the key opens it (32 bytes intl-1, 16 gm-1)
                if (k.packageId() == null || key.length != Envelope.CONTENT_KEY_LENGTH && key.length != 16
                        || opened.entry(EntryNames.inner(k.packageId())) == null || out.put(k.packageId(), key) != null) {
                    throw new IllegalArgumentException("not a content key of a forwarded package");
                }
            } catch (RuntimeException e) {
                throw new PackageException(e, "bad-snapshot", EntryNames.INNER_KEYS);
            }
        }
        return out;
    }

    /**
     * Keeps the file, then runs the writes and records the package in one transaction. In a dry run
     * (inside a simulated transaction) the database part runs and is undone later, and no file is kept.
     *
     * @param packed the plan's snapshot packed ahead, or null to pack it here
     */
    private void commit(Path file, PackageReader.Opened opened, Plan plan, PackedText packed, Runnable writes,
                        ImportReport report, String outerId, boolean dryRun) {
        Manifest m = opened.manifest();
        // The copy and the evidence files are written and forced to disk on another thread while the rows
        // are written, and waited for before the commit: a recorded package always has its files, and their
        // failure is the one reported, as when they were kept before the rows.
        CompletableFuture<Path> keeping = dryRun ? null : CompletableFuture.supplyAsync(() -> {
            Path kept = Inbox.keep(ws, file, m.packageId(), opened.suite(), opened.fileHash(), opened.fileBytes());
            // Content-addressed and verified: a file kept for a package that then fails harms nothing.
            ws.evidence().storeAllChecked(plan.files());
            return kept;
        }, KEEPER);
        try {
            ws.database().write(c -> {
                writes.run();
                ws.packages().add(new PackageRecord(m.packageId(), PackageRecord.Direction.IN, m.kind().name(),
                        m.sender().code(), opened.signer().keyId(), m.recipient().code(), m.year(), m.sequence(),
                        m.previousHash(), opened.fileHash(), file.getFileName().toString(), opened.fileSize(),
                        parseInstant(m.createdAt()), Instant.now(), report.warning(),
                        new String(StrictJson.writeCompact(report), StandardCharsets.UTF_8), outerId, opened.manifestHash(),
                        opened.suite().id()));
                if (packed != null) {
                    ws.packages().saveSnapshot(m.packageId(), m.sender().code(), m.year(), packed);
                } else if (plan.snapshotJson() != null) {
                    ws.packages().saveSnapshot(m.packageId(), m.sender().code(), m.year(), plan.snapshotJson());
                }
                if (keeping != null) {
                    OtherThread.result(keeping);
                }
                return null;
            });
        } catch (RuntimeException e) {
            RuntimeException keepFailure = null;
            try {
                Path kept = keeping == null ? null : OtherThread.result(keeping);
                if (kept != null) {
                    Files.deleteIfExists(kept);
                }
            } catch (RuntimeException k) {
                keepFailure = k;
            } catch (IOException ignored) {
                // the failure itself is what the user must see
            }
            throw keepFailure != null ? keepFailure : e;
        }
    }

    /** Keeps received files in {@code inbox/} beside the database work (see {@link #commit}). */
    private static final java.util.concurrent.ExecutorService KEEPER =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "perfdesk-inbox-keep");
                t.setDaemon(true);
                return t;
            });


    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            throw new PackageException(e, "bad-manifest", "createdAt");
        }
    }

    /** A collector's forwarded packages, each checked against its own sender's key, each under the guard. */
    private List<ImportReport> inner(PackageReader.Opened opened, boolean dryRun, Map<String, byte[]> innerKeys) {
        List<ImportReport> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : opened.entries().entrySet()) {
            if (!e.getKey().startsWith(EntryNames.INNER)) {
                continue;
            }
            Path tmp = null;
            try {
                tmp = Files.createTempFile("perfdesk-inner-", ".perfpkg");
                Files.write(tmp, e.getValue());
                String id = e.getKey().substring(EntryNames.INNER.length(), e.getKey().length() - ".perfpkg".length());
                Path inner = tmp;
                out.add(guarded(e.getKey(), dryRun, new String[1], () -> process(inner, e.getKey(), dryRun,
                        opened.manifest().sender().code(), opened.manifest().packageId(), innerKeys.get(id), null)));
            } catch (IOException ex) {
                out.add(rejected(e.getKey(), "unreadable", ex.getMessage(), dryRun));
            } finally {
                if (tmp != null) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // a temporary file left behind is harmless
                    }
                }
            }
        }
        return out.isEmpty() ? null : out;
    }
}
