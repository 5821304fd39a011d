package org.perfdesk.exchange.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.PackageRecord;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.Inbox;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.store.Workspace;

/**
 * Where a package stands in its sender's chain (package-format.md §7). A package is its signed
 * content: the SHA-256 of its {@code manifest.json}, which lists every entry's hash, names it, so a
 * copy zipped differently (a comment added, recompressed, entries reordered) is the same package.
 */
public final class Chain {
    private Chain() {
    }

    /**
     * The record of this very package when it was accepted before (nothing more to do); null when it
     * is new and in order. Refuses a reused id ({@code id-reused}), a second package for one place
     * ({@code fork}) and an old one sent late ({@code stale}).
     */
    static PackageRecord check(Workspace ws, PackageReader.Opened opened) {
        Manifest m = opened.manifest();
        PackageRecord same = ws.packages().find(m.packageId()).orElse(null);
        if (same != null) {
            if (isSamePackage(ws, same, opened)) {
                return same;
            }
            throw new PackageException("id-reused", m.packageId());
        }
        List<PackageRecord> chain = ws.packages().findChain(opened.signer().keyId(), m.recipient().code());
        long max = 0;
        for (PackageRecord r : chain) {
            if (r.sequence() == m.sequence()) {
                throw new PackageException("fork", unitName(ws, m.sender().code()), m.sequence(),
                        r.processedAt().toString().substring(0, 10));
            }
            if (r.sequence() == m.sequence() - 1 && m.previousHash() != null && !r.isNamedBy(m.previousHash())) {
                throw new PackageException("fork", unitName(ws, m.sender().code()), m.sequence() - 1,
                        r.processedAt().toString().substring(0, 10));
            }
            max = Math.max(max, r.sequence());
        }
        if (m.sequence() < max) {
            throw new PackageException("stale", unitName(ws, m.sender().code()), m.sequence(), max);
        }
        return null;
    }

    /**
     * The same manifest. A package recorded before manifest hashes were kept is compared by file
     * hash, and failing that by the manifest of the copy kept in {@code inbox/}.
     */
    private static boolean isSamePackage(Workspace ws, PackageRecord r, PackageReader.Opened opened) {
        if (r.manifestHash() != null) {
            return r.manifestHash().equals(opened.manifestHash());
        }
        if (r.fileHash().equals(opened.fileHash())) {
            return true;
        }
        String kept = manifestHashOfKept(ws, r);
        return kept != null && kept.equals(opened.manifestHash());
    }

    /** The manifest hash of a package as kept in {@code inbox/}; null when it is not there or does not read. */
    public static String manifestHashOfKept(Workspace ws, PackageRecord r) {
        Path kept = Inbox.fileOf(ws, r);
        if (!Files.isRegularFile(kept)) {
            return null;
        }
        try {
            return PackageReader.readWithoutSignature(kept, Limits.DEFAULT).manifestHash();
        } catch (PackageException e) {
            return null;
        }
    }

    /** A warning naming the sequence numbers that never arrived, or null. */
    static String gapWarning(Workspace ws, Manifest m, String keyId) {
        long max = ws.packages().findChain(keyId, m.recipient().code()).stream().mapToLong(PackageRecord::sequence)
                .max().orElse(0);
        if (m.sequence() <= max + 1) {
            return null;
        }
        StringBuilder missing = new StringBuilder();
        for (long s = max + 1; s < m.sequence() && missing.length() < 200; s++) {
            if (missing.length() > 0) {
                missing.append(", ");
            }
            missing.append(s);
        }
        return Texts.t("pkg.sequence-gap", missing.toString());
    }

    static String unitName(Workspace ws, String code) {
        return ws.orgUnits().find(code).map(OrgUnit::name).orElse(code);
    }
}
