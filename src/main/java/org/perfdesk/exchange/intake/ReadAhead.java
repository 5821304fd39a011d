package org.perfdesk.exchange.intake;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.perfdesk.domain.TrustedKey;
import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.SuitePlan;
import org.perfdesk.exchange.crypto.KeyRing;
import org.perfdesk.exchange.crypto.Suite;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.exchange.pkg.Sealed;
import org.perfdesk.exchange.pkg.StrictJson;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.store.PackedText;
import org.perfdesk.store.Workspace;

/**
 * The next file of a batch read while the database thread imports the one before: read and verified,
 * unsealed, its snapshot parsed and packed for storing — the work that needs no database. The reader's
 * questions to the workspace (which key is trusted, whether the suite is the year's) are answered from
 * what the workspace held when the read began, and recorded. The result is used only if every one of
 * them gets the same answer from the workspace as it is when the file's turn comes (a package imported
 * in between may have revoked or registered a key); otherwise the file is read again there, as it would
 * have been without this. A failure other than a refusal is never taken over either: that step runs
 * again on the database thread, so what a person sees (code, message, details) is what it always was.
 */
final class ReadAhead {
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "perfdesk-read-ahead");
        t.setDaemon(true);
        return t;
    });

    private final Future<Result> result;
    /** A snapshot is parsed ahead only if its JSON is at most this share of the heap (4 MB of 256 MB). */
    private static final long PARSE_AHEAD_SHARE = 64;
    private static final java.util.concurrent.atomic.AtomicBoolean WARMED_UP = new java.util.concurrent.atomic.AtomicBoolean();

    private ReadAhead(Future<Result> result) {
        this.result = result;
    }

    /** The keys the workspace trusted when last asked, by id; re-read when an answer was found stale. */
    static final class TrustCache {
        private Map<String, TrustedKey> keys;

        Map<String, TrustedKey> keys(Workspace ws) {
            if (keys == null) {
                Map<String, TrustedKey> all = new HashMap<>();
                ws.trustedKeys().findAll().forEach(k -> all.put(k.keyId(), k));
                keys = all;
            }
            return keys;
        }

        void stale() {
            keys = null;
        }
    }

    /**
     * Starts reading {@code file} on the read-ahead thread.
     *
     * @param keys this workspace's unlocked keys to unseal with, or null (then it is unsealed later, in turn)
     */
    static ReadAhead start(Workspace ws, TrustCache trust, Path file, Limits limits, KeyRing keys) {
        Map<String, TrustedKey> known = trust.keys(ws);
        return new ReadAhead(WORKER.submit(() -> Result.of(file, known, limits, keys)));
    }

    /** One question the reader asked, with the answer it was given. */
    private sealed interface Asked permits KeyAsked, SuiteAsked {
    }

    private record KeyAsked(String keyId, TrustedKey answer) implements Asked {
    }

    /** The suite rule's check, passed on the read-ahead thread; it must pass in turn too. */
    private record SuiteAsked(Suite suite, PackageKind kind, Integer year) implements Asked {
    }

    /** What the read-ahead thread made of the file; a failure is kept where the step would have thrown it. */
    private record Result(List<Asked> asked, PackageReader.Opened opened, RuntimeException readFailure,
                          KeyRing unsealedWith, PackageReader.Opened unsealed, RuntimeException unsealFailure,
                          Payloads.Snapshot snapshot, PackedText packedSnapshot) {

        static Result of(Path file, Map<String, TrustedKey> known, Limits limits, KeyRing keys) {
            List<Asked> asked = new ArrayList<>();
            PackageReader.Opened opened;
            try {
                opened = PackageReader.read(file, keyId -> {
                    TrustedKey k = known.get(keyId);
                    asked.add(new KeyAsked(keyId, k));
                    return k == null ? null : KeyRegistry.readerKey(k);
                }, limits, (suite, kind, year) -> asked.add(new SuiteAsked(suite, kind, year)));
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                return new Result(asked, null, failure(e), null, null, null, null, null);
            }
            PackageReader.Opened unsealed = opened.manifest().sealed() ? null : opened;
            RuntimeException unsealFailure = null;
            if (unsealed == null && keys != null && !keys.isEmpty()) {
                try {
                    unsealed = Sealed.open(opened, keys, limits);
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    unsealFailure = failure(e);
                }
            }
            Payloads.Snapshot snapshot = null;
            PackedText packed = null;
            byte[] json = unsealed == null ? null : unsealed.entry(EntryNames.SNAPSHOT);
            // parsed objects take ten times the JSON or more; a large snapshot waits for its turn, as before
            if (json != null && json.length <= Runtime.getRuntime().maxMemory() / PARSE_AHEAD_SHARE) {
                try {
                    snapshot = StrictJson.read(json, Payloads.Snapshot.class, EntryNames.SNAPSHOT);
                    packed = PackedText.of(json);
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    // parsed again by its handler, in turn, which refuses it the same way
                    snapshot = null;
                    packed = null;
                }
            }
            return new Result(List.copyOf(asked), opened, null, keys, unsealed, unsealFailure, snapshot, packed);
        }

        /** A refusal is kept as it is; anything else is marked so the step runs again in turn. */
        private static RuntimeException failure(Throwable e) {
            return e instanceof PackageException p ? p : null;
        }
    }

    /** The outcome of a file read ahead, once the answers it was read under are known to hold. */
    static final class Taken {
        private final Result r;
        /** Handed over once, so it is not kept while the package is written. */
        private Payloads.Snapshot snapshot;

        private Taken(Result r) {
            this.r = r;
            this.snapshot = r.snapshot();
        }

        /** The file as {@link PackageReader#read} returns it now, or throws the refusal it throws now. */
        PackageReader.Opened opened() {
            if (r.readFailure() != null) {
                throw r.readFailure();
            }
            return r.opened();
        }

        /**
         * The payload unsealed with {@code keys} (or its refusal), or null when it was not unsealed ahead
         * with those keys and must be now.
         */
        PackageReader.Opened unsealed(KeyRing keys) {
            if (r.unsealedWith() != keys || keys == null) {
                return null;
            }
            if (r.unsealFailure() != null) {
                throw r.unsealFailure();
            }
            return r.unsealed();
        }

        /** Whether the file was sealed under intl-1 (AES-GCM). */
        boolean sealedWithAesGcm() {
            return r.opened() != null && r.opened().manifest().sealed() && r.opened().suite() == Suite.INTL;
        }

        /** Whether this unsealed package is the one read ahead (so its parsed and packed snapshot belong to it). */
        boolean isOf(PackageReader.Opened unsealed) {
            return unsealed != null && unsealed == r.unsealed();
        }

        /** The snapshot entry parsed, for {@link Incoming#read}; null when it was not (or failed). Once. */
        Payloads.Snapshot takeSnapshot() {
            Payloads.Snapshot out = snapshot;
            snapshot = null;
            return out;
        }

        /** The snapshot packed for storing, if it is that of these bytes; else null. */
        PackedText packed(byte[] json) {
            return r.packedSnapshot() != null && r.packedSnapshot().isOf(json) ? r.packedSnapshot() : null;
        }
    }

    /**
     * The JDK's AES-GCM decryption (one call per entry) runs in its slow first form until the methods of
     * its loop are compiled, which takes thousands of calls: a batch of sealed packages would decrypt at
     * ~50 MB/s to its end (see {@code Envelope}). Encrypting 8 throwaway megabytes in 256-byte pieces
     * makes those calls (measured in a separate program on this 2-core machine under load: 0.1-0.4 s,
     * after which 40 decryptions of 1.2 MB took 0.1-0.3 s in all instead of 1.6-2.2 s). Once per JVM, on
     * a thread of its own, before a batch of many intl-1 sealed packages; it touches nothing of the batch.
     */
    static void warmUpAesGcm() {
        if (!WARMED_UP.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
                javax.crypto.spec.SecretKeySpec key = new javax.crypto.spec.SecretKeySpec(new byte[32], "AES");
                byte[] piece = new byte[256];
                byte[] out = new byte[piece.length + 16];
                for (int round = 0; round < 8; round++) {
                    byte[] nonce = new byte[12];
                    nonce[0] = (byte) round; // a nonce used once per key, as GCM requires
                    c.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.GCMParameterSpec(128, nonce));
                    for (int i = 0; i < (1 << 20) / piece.length; i++) {
                        c.update(piece, 0, piece.length, out, 0);
                    }
                    c.doFinal(out, 0);
                }
            } catch (java.security.GeneralSecurityException | RuntimeException ignored) {
                // only a head start
            }
        }, "perfdesk-aes-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Waits for the file read ahead and returns it if every answer it was read under still holds in
     * {@code ws}; else null (the file is read again, and the trusted keys are re-read next time). A read
     * that failed unexpectedly is null as well, so it fails again in turn with its own details.
     */
    Taken take(Workspace ws, TrustCache trust) {
        Result r;
        try {
            r = result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
        if (r.opened() == null && r.readFailure() == null) {
            return null;
        }
        try {
            return stillHolds(ws, trust, r) ? new Taken(r) : null;
        } catch (RuntimeException e) {
            return null; // the workspace could not be asked: the file is read in turn, and fails there if it must
        }
    }

    private static boolean stillHolds(Workspace ws, TrustCache trust, Result r) {
        for (Asked a : r.asked()) {
            if (a instanceof KeyAsked k) {
                if (!Objects.equals(k.answer(), ws.trustedKeys().find(k.keyId()).orElse(null))) {
                    trust.stale();
                    return false;
                }
            } else if (a instanceof SuiteAsked s) {
                try {
                    SuitePlan.check(ws, s.suite(), s.kind(), s.year());
                } catch (PackageException e) {
                    return false; // read again: the refusal comes from the reader, at its own moment
                }
            }
        }
        return true;
    }

    /** A read ahead that nobody takes (the batch ended early): waited for, so at most one is ever in flight. */
    void drop() {
        try {
            result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // nobody needs it
        }
    }
}
