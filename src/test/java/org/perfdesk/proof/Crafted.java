package org.perfdesk.proof;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;

import org.perfdesk.exchange.crypto.Suite;
import org.perfdesk.exchange.pkg.Hashing;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.snapshot.Payloads;

/**
 * What the proof tests write by hand, in the run's suite ({@link ProofWorld#SUITE}), as the exporter
 * would: the manifest's format and suite, each entry's hash under its suite's name ({@code sha256} or
 * {@code sm3}), the signature, an enrollment's version. So a crafted file is refused for the lie it
 * tells, under either suite, and not for being of another suite than the office's.
 */
final class Crafted {
    static final Suite SUITE = ProofWorld.SUITE;

    private Crafted() {
    }

    /** The name of an entry's hash in the manifest: {@code sha256} or {@code sm3}. */
    static String hashField() {
        return SUITE.hashName();
    }

    static String hash(byte[] bytes) {
        return Hashing.hash(SUITE, bytes);
    }

    static byte[] sign(PrivateKey key, byte[] data) {
        return SUITE.sign(key, data);
    }

    static KeyPair newSigningKey() {
        return SUITE.newSigningKey();
    }

    static Manifest.Entry entry(String path, byte[] bytes) {
        return Manifest.Entry.of(SUITE, path, bytes.length, hash(bytes));
    }

    /** A manifest in the clear of the run's suite (version 1, or 3 naming gm-1). */
    static Manifest manifest(String packageId, PackageKind kind, Manifest.Party sender, Manifest.Party recipient, int year,
                             long sequence, String previousHash, String createdAt, String programVersion,
                             List<Manifest.Entry> entries) {
        return new Manifest(Manifest.formatFor(SUITE, false), SUITE == Suite.INTL ? null : SUITE.id(), packageId, kind,
                sender, recipient, year, sequence, previousHash, createdAt, programVersion, null, entries);
    }

    /** An enrollment introducing {@code key} (version 1 for intl-1, version 2 naming the suite otherwise). */
    static Payloads.Enrollment enrollment(Payloads.Org unit, PublicKey key, String createdAt) {
        return SUITE == Suite.INTL
                ? new Payloads.Enrollment(Payloads.ENROLLMENT_FORMAT, unit, Suite.toBase64(key), createdAt)
                : new Payloads.Enrollment(Payloads.ENROLLMENT_FORMAT_V2, SUITE.id(), unit, Suite.toBase64(key), createdAt);
    }
}
