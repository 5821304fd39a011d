package org.perfdesk.exchange;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;

import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.PackageRecord;
import org.perfdesk.domain.SafeText;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.crypto.Suite;
import org.perfdesk.exchange.intake.EnrollmentHandler;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.exchange.pkg.PackageWriter;
import org.perfdesk.exchange.pkg.StrictJson;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.exchange.snapshot.SnapshotMapper;
import org.perfdesk.store.Workspace;

/**
 * A unit joins: it sends an enrollment package signed with its new key (in the clear: it holds only
 * public keys), with its encryption key beside it; the office (or a collector) reads the fingerprint
 * off it, compares it with the one the unit reads over the phone, registers both keys and answers
 * with a signed certificate, sealed for the unit's encryption key.
 */
public final class Enrollments {
    private Enrollments() {
    }

    /**
     * An enrollment as read from its file: who, which key, the fingerprint to compare, and the unit's
     * encryption key (null from a version without encryption).
     */
    public record Request(Payloads.Enrollment enrollment, String fingerprint, PackageReader.Opened opened,
                          Payloads.EncryptionKey encryptionKey) {
        /** The algorithm suite of the key it introduces (the package's). */
        public Suite suite() {
            return opened.suite();
        }

        public String unitCode() {
            return enrollment.unit().code();
        }

        public String unitName() {
            return enrollment.unit().name();
        }
    }

    /** Reads and checks an enrollment package; nothing is trusted or written yet. */
    public static Request read(Path file) {
        Payloads.Enrollment[] holder = new Payloads.Enrollment[1];
        PackageReader.Opened opened = PackageReader.readSelfSigned(file, Limits.DEFAULT, bytes -> {
            if (bytes == null) {
                throw new PackageException("missing-entry", EntryNames.ENROLLMENT);
            }
            Payloads.Enrollment e = StrictJson.read(bytes, Payloads.Enrollment.class, EntryNames.ENROLLMENT);
            if (!validFormat(e) || e.unit() == null || e.publicKey() == null) {
                throw new PackageException("bad-snapshot", EntryNames.ENROLLMENT);
            }
            holder[0] = e;
            try {
                return suiteOf(e).signingKey(e.publicKey());
            } catch (IllegalArgumentException ex) {
                throw new PackageException(ex, "bad-snapshot", EntryNames.ENROLLMENT);
            }
        });
        Manifest m = opened.manifest();
        Payloads.Enrollment e = holder[0];
        if (m.kind() != PackageKind.ENROLLMENT) {
            throw new PackageException("not-an-enrollment", m.kind().cliName());
        }
        Suite suite = opened.suite();
        PublicKey key = suite.signingKey(e.publicKey());
        if (!m.sender().code().equals(e.unit().code()) || !suite.keyId(key).equals(m.sender().keyId())) {
            throw new PackageException("bad-snapshot", EntryNames.ENROLLMENT);
        }
        SnapshotMapper.toOrgUnit(e.unit()); // a valid code and name, or refused
        byte[] encryption = opened.entry(EntryNames.ENCRYPTION_KEY);
        return new Request(e, suite.fingerprint(key), opened,
                encryption == null ? null : KeyRegistry.readEncryptionKey(encryption, m.sender().code(), suite));
    }

    /** Version 1 is intl-1 and names no suite; version 2 names a known one. */
    private static boolean validFormat(Payloads.Enrollment e) {
        return Payloads.ENROLLMENT_FORMAT.equals(e.format()) && e.suite() == null
                || Payloads.ENROLLMENT_FORMAT_V2.equals(e.format()) && Suite.known(e.suite());
    }

    /** The suite of the key an enrollment introduces. */
    public static Suite suiteOf(Payloads.Enrollment e) {
        return Suite.named(e.suite());
    }

    /**
     * Registers the unit's key with the defaults (under this workspace's unit, ranked by kind, no key
     * replaced) once the typed fingerprint matches; see {@link #accept(Workspace, Signer, Path,
     * EnrollmentHandler.Decision, Path)}.
     */
    public static PackageWriter.Written accept(Workspace ws, Signer signer, Path file, String typedFingerprint,
                                               Path out) {
        return accept(ws, signer, file, EnrollmentHandler.Decision.of(typedFingerprint), out);
    }

    /** What accepting this request with these decisions would register, and which key it would replace. */
    public static EnrollmentHandler.Preview preview(Workspace ws, Request request, EnrollmentHandler.Decision d) {
        return EnrollmentHandler.preview(ws, request.enrollment(), d);
    }

    /**
     * Registers the unit's key as the office decided ({@link EnrollmentHandler}), records the
     * enrollment in the sender's chain — both in one transaction, with the old key revoked when the
     * office confirmed a replacement — and writes the signed certificate for the unit into
     * {@code out} (a file or folder).
     */
    public static PackageWriter.Written accept(Workspace ws, Signer signer, Path file,
                                               EnrollmentHandler.Decision decision, Path out) {
        Request request = read(file);
        Manifest m = request.opened().manifest();
        OrgUnit self = ws.self();
        if (!self.code().equals(m.recipient().code())) {
            throw new PackageException("wrong-recipient", String.valueOf(m.recipient().code()));
        }
        // Only keys of a suite this office uses: a gm-1 key where intl-1 is required, or the other way round,
        // is refused naming both, before anything is written.
        SuitePlan.check(ws, request.suite(), PackageKind.ENROLLMENT, m.year());
        if (ws.packages().find(m.packageId()).isPresent()) {
            throw new UserError("error.enroll.already", SafeText.escaped(request.unitName()));
        }
        Runnable registration = EnrollmentHandler.registration(ws, request.enrollment(), request.encryptionKey(),
                decision);
        Inbox.keep(ws, file, m.packageId(), request.suite(), request.opened().fileHash(),
                request.opened().fileBytes());
        ws.database().write(c -> {
            registration.run();
            ws.packages().add(new PackageRecord(m.packageId(), PackageRecord.Direction.IN, m.kind().name(),
                    m.sender().code(), m.sender().keyId(), m.recipient().code(), m.year(), m.sequence(), m.previousHash(),
                    request.opened().fileHash(), file.getFileName().toString(), request.opened().fileSize(),
                    Instant.parse(m.createdAt()), Instant.now(), null, null, null, request.opened().manifestHash(),
                    request.suite().id()));
            return null;
        });
        OrgUnit registered = ws.orgUnits().find(request.unitCode()).orElseThrow();
        Suite suite = request.suite();
        Signer issuer = signer.forSuite(suite);
        Payloads.Certificate cert = suite == Suite.INTL
                ? new Payloads.Certificate(Payloads.CERTIFICATE_FORMAT, registered.code(), registered.name(),
                        m.sender().keyId(), request.enrollment().publicKey(), Instant.now().toString(), self.code(),
                        issuer.keyId())
                : new Payloads.Certificate(Payloads.CERTIFICATE_FORMAT_V2, suite.id(), registered.code(),
                        registered.name(), m.sender().keyId(), request.enrollment().publicKey(),
                        Instant.now().toString(), self.code(), issuer.keyId());
        // An enrollment without an encryption key comes from a version that cannot decrypt: its
        // certificate (public keys only) goes in the clear, so the unit can still take part. The
        // certificate is of the certified key's suite, signed with the office's key of that suite.
        return new Exporter(ws, signer).exportOfficePackage(PackageKind.CERTIFICATE, request.unitCode(), m.year(),
                suite, EntryNames.CERTIFICATE, cert, out, request.encryptionKey() == null);
    }
}
