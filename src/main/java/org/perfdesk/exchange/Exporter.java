package org.perfdesk.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;

import org.perfdesk.domain.EncryptionKey;
import org.perfdesk.domain.Ids;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.PackageRecord;
import org.perfdesk.domain.ProgramInfo;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.crypto.Suite;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.Hashing;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.exchange.pkg.PackageWriter;
import org.perfdesk.exchange.pkg.PackingStream;
import org.perfdesk.exchange.pkg.Sealed;
import org.perfdesk.exchange.pkg.StrictJson;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.exchange.snapshot.SnapshotJson;
import org.perfdesk.exchange.snapshot.SnapshotMapper;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/**
 * Writes this workspace's packages: next sequence number, previous package's hash, the payload for
 * the kind, sealed for the recipient and the sender itself (unless asked for in the clear), signed.
 * Every package is first written and verified (and opened again with the sender's own key) in
 * {@code outbox/} and logged; a copy to the chosen place (a USB stick) is then written the same safe
 * way and verified again. An enrollment is always in the clear: it carries only public keys and must
 * be readable before the office trusts anything of the unit's.
 *
 * <p>A package is written in the algorithm suite of its year ({@link SuitePlan}), signed with that
 * suite's key and sealed for the recipient's key of that suite; an enrollment in the newest suite (the
 * keys it introduces), a certificate in the suite of the key it certifies.
 */
public final class Exporter {
    private final Workspace ws;
    private final Signer signer;
    /** Gives the creation time each manifest signs (the demo dates its packages in the demo's year). */
    private final java.time.Clock clock;

    public Exporter(Workspace ws, Signer signer) {
        this(ws, signer, java.time.Clock.systemUTC());
    }

    public Exporter(Workspace ws, Signer signer, java.time.Clock clock) {
        this.ws = ws;
        this.signer = signer;
        this.clock = clock;
    }

    /** What a unit sends upward for the year, sealed: enrollment (in the clear), plan, progress, midyear, annual or rectification. */
    public PackageWriter.Written exportUnitPackage(PackageKind kind, int year, Path out, DoubleConsumer progress) {
        return exportUnitPackage(kind, year, out, progress, false);
    }

    /** The same; {@code plain} writes it in the clear (the rare case of a recipient that cannot decrypt). */
    public PackageWriter.Written exportUnitPackage(PackageKind kind, int year, Path out, DoubleConsumer progress,
                                                   boolean plain) {
        if (kind.fromOffice()) {
            throw new UserError("error.export.officeKind", kind.cliName());
        }
        OrgUnit self = ws.self();
        if (self.parentCode() == null) {
            throw new UserError("error.export.noParent");
        }
        List<PackageWriter.Source> sources = new ArrayList<>();
        if (kind == PackageKind.ENROLLMENT) {
            Suite suite = SuitePlan.newest(ws);
            Signer keys = signer.forSuite(suite);
            Payloads.Org org = new Payloads.Org(self.code(), self.name(), self.kind(), self.parentCode(), self.group());
            Payloads.Enrollment e = suite == Suite.INTL
                    ? new Payloads.Enrollment(Payloads.ENROLLMENT_FORMAT, org, Suite.toBase64(keys.publicKey()),
                            clock.instant().toString())
                    : new Payloads.Enrollment(Payloads.ENROLLMENT_FORMAT_V2, suite.id(), org,
                            Suite.toBase64(keys.publicKey()), clock.instant().toString());
            sources.add(PackageWriter.Source.of(EntryNames.ENROLLMENT, StrictJson.write(e)));
            sources.addAll(encryptionKey(keys));
            return write(kind, self.parentCode(), year, suite, sources, out, progress, false);
        } else {
            if (!ws.years().findAll().contains(year)) {
                throw new UserError("error.export.noYear", String.valueOf(year));
            }
            ExportWarmUp.start(SuitePlan.forYear(ws, year), self.code(), self.parentCode(), year);
            Suite suite = SuitePlan.forYear(ws, year);
            // Read on a second thread while its JSON is written here (see takeAhead).
            SnapshotMapper.Ahead reading = SnapshotMapper.takeAhead(ws, self.code(), year);
            sources.add(snapshotSource(reading, suite, !plain));
            Payloads.Snapshot snapshot = reading.snapshot();
            sources.addAll(evidenceFiles(snapshot));
            java.util.Set<String> attached = new java.util.HashSet<>();
            snapshot.evidence().forEach(e -> attached.add(e.sha256()));
            sources.addAll(UnitDocumentSources.of(ws, self.code(), year, attached));
            if (kind == PackageKind.RECTIFICATION) {
                sources.addAll(Feedbacks.rectificationSources(ws, self.code(), year, attached));
            }
            sources.addAll(encryptionKey(signer.forSuite(suite)));
            sources.addAll(innerPackages(year, !plain));
            return write(kind, self.parentCode(), year, suite, sources, out, progress, !plain);
        }
    }

    /**
     * The snapshot's JSON; for a sealed package hashed and compressed on a second core while it is written
     * (the largest entry by far: its deflate was the longest part of sealing, after the JSON was done).
     */
    private static PackageWriter.Source snapshotSource(SnapshotJson.Parts snapshot, Suite suite, boolean sealed) {
        if (!sealed) {
            return PackageWriter.Source.of(EntryNames.SNAPSHOT, SnapshotJson.write(snapshot));
        }
        PackingStream packing = new PackingStream(suite);
        try {
            SnapshotJson.write(snapshot, packing);
            return PackageWriter.Source.of(EntryNames.SNAPSHOT, packing.packed());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            try {
                packing.close(); // the worker ends even when writing failed
            } catch (IOException ignored) {
                // closing again after packed() does nothing
            }
        }
    }

    /**
     * The sender's current encryption key of the package's suite, so the other side seals its answers
     * for it (and learns a new one).
     */
    private List<PackageWriter.Source> encryptionKey(Signer keys) {
        if (keys.encryptionKey() == null) {
            return List.of();
        }
        return List.of(PackageWriter.Source.of(EntryNames.ENCRYPTION_KEY,
                StrictJson.write(KeyRegistry.encryptionKeyStatement(ws, keys.encryptionKey()))));
    }

    /** Each evidence file once, under its hash, read from the workspace's own copy. */
    private List<PackageWriter.Source> evidenceFiles(Payloads.Snapshot snapshot) {
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        List<PackageWriter.Source> out = new ArrayList<>();
        for (Payloads.EvidenceItem e : snapshot.evidence()) {
            if (seen.add(e.sha256())) {
                Path file = ws.evidence().file(e.sha256())
                        .orElseThrow(() -> new UserError("self.evidenceMissing", e.fileName()));
                out.add(PackageWriter.Source.of(EntryNames.attachment(e.sha256()), file));
            }
        }
        return out;
    }

    /**
     * A collector forwards its sub-units' latest accepted packages for the year, byte for byte, so
     * the office can check every unit's own signature. A forwarded package sealed for the collector
     * travels with its content key, inside the collector's own sealed payload
     * ({@code payload/inner-keys.json}), so the office can open it; a package in the clear cannot carry
     * them, so forwarding sealed packages requires a sealed one.
     */
    private List<PackageWriter.Source> innerPackages(int year, boolean sealed) {
        List<PackageWriter.Source> out = new ArrayList<>();
        List<Payloads.InnerKey> keys = new ArrayList<>();
        for (OrgUnit sub : ws.orgUnits().findChildren(ws.self().code())) {
            if (sub.kind().isInternal()) {
                continue;
            }
            List<PackageRecord> received = ws.packages().findIncoming(sub.code()).stream()
                    .filter(p -> p.year() == year && PackageKind.valueOf(p.kind()).carriesSnapshot())
                    .toList();
            if (!received.isEmpty()) {
                PackageRecord latest = received.get(received.size() - 1);
                Path file = Inbox.fileOf(ws, latest);
                out.add(PackageWriter.Source.of(EntryNames.inner(latest.packageId()), file));
                PackageReader.Opened inner = PackageReader.readWithoutSignature(file, Limits.DEFAULT);
                if (inner.manifest().sealed()) {
                    if (!sealed) {
                        throw new UserError("error.export.plainWithSealedInner", sub.name());
                    }
                    byte[] key = Sealed.contentKey(inner, signer.keyRing());
                    keys.add(new Payloads.InnerKey(latest.packageId(), java.util.Base64.getEncoder().encodeToString(key)));
                    java.util.Arrays.fill(key, (byte) 0);
                }
            }
        }
        if (!keys.isEmpty()) {
            out.add(PackageWriter.Source.of(EntryNames.INNER_KEYS,
                    StrictJson.write(new Payloads.InnerKeys(Payloads.INNER_KEYS_FORMAT, keys))));
        }
        return out;
    }

    /** The office's packages to a unit, sealed; every one carries the current revocations. */
    public PackageWriter.Written exportOfficePackage(PackageKind kind, String unitCode, int year, String payloadEntry,
                                                     Object payload, Path out) {
        return exportOfficePackage(kind, unitCode, year, payloadEntry, payload, out, false);
    }

    public PackageWriter.Written exportOfficePackage(PackageKind kind, String unitCode, int year, String payloadEntry,
                                                     Object payload, Path out, boolean plain) {
        return exportOfficePackage(kind, unitCode, year, SuitePlan.forYear(ws, year), payloadEntry, payload, out, plain);
    }

    /** The same in a given suite (a certificate: the suite of the key it certifies). */
    public PackageWriter.Written exportOfficePackage(PackageKind kind, String unitCode, int year, Suite suite,
                                                     String payloadEntry, Object payload, Path out, boolean plain) {
        if (!kind.fromOffice()) {
            throw new UserError("error.export.unitKind", kind.cliName());
        }
        if (ws.role() != Role.OFFICE && ws.orgUnits().findChildren(ws.self().code()).stream()
                .noneMatch(o -> o.code().equals(unitCode))) {
            throw new UserError("error.trust.notOffice");
        }
        List<PackageWriter.Source> sources = new ArrayList<>();
        sources.add(PackageWriter.Source.of(payloadEntry, StrictJson.write(payload)));
        sources.add(PackageWriter.Source.of(EntryNames.REVOCATIONS, StrictJson.write(KeyRegistry.revocations(ws))));
        sources.addAll(encryptionKey(signer.forSuite(suite)));
        return write(kind, unitCode, year, suite, sources, out, null, !plain);
    }

    private PackageWriter.Written write(PackageKind kind, String recipient, int year, Suite suite,
                                        List<PackageWriter.Source> sources, Path out, DoubleConsumer progress,
                                        boolean sealed) {
        Signer signer = this.signer.forSuite(suite);
        List<Sealed.Recipient> recipients = sealed ? recipients(recipient, signer) : null;
        // One chain per signing key and recipient: each unit sees the office's answers to it numbered without gaps.
        Optional<PackageRecord> last = ws.packages().lastOutgoing(signer.keyId(), recipient);
        long sequence = last.map(p -> p.sequence() + 1).orElse(1L);
        // The link names the previous package by its identity (manifest hash), so any copy of it matches.
        String previousHash = last.map(PackageRecord::identity).orElse(null);
        String packageId = Ids.newId();
        Manifest header = new Manifest(Manifest.FORMAT, packageId, kind,
                Manifest.Party.sender(ws.self().code(), signer.keyId()),
                Manifest.Party.recipient(recipient, ws.orgUnits().find(recipient).map(OrgUnit::name).orElse(null)),
                year, sequence, previousHash,
                clock.instant().toString(), ProgramInfo.version(), List.of());
        // Sender, recipient and sequence first, so a folder listing shows each chain in order.
        // A suite other than intl-1 starts a chain of its own (a new key): its name says so, so it never
        // takes the name of an earlier package in outbox/.
        String fileName = String.format("%s-%s-%03d-%s-%d%s.perfpkg", ws.self().code(), recipient, sequence,
                kind.cliName(), year, suite == Suite.INTL ? "" : "-" + suite.id());
        Path inOutbox = ws.outboxDir().resolve(fileName);
        // Where it goes is settled before anything is written: a file already there is refused, untouched.
        Path target = out == null ? inOutbox : targetFile(out, fileName);
        PackageWriter.Written written = PackageWriter.write(inOutbox, header, suite, sources, signer.privateKey(),
                signer.publicKey(), recipients, signer.keyRing(), progress == null ? null : p -> progress.accept(p * 0.8));
        // The snapshot a package carries is not copied into the sender's own database: nothing reads it
        // there, the package in outbox/ keeps it byte for byte, and a 2,000-node unit's 3.5 MB per export
        // was half the export's time and all of the database's growth.
        ws.packages().add(new PackageRecord(packageId, PackageRecord.Direction.OUT, kind.name(), ws.self().code(),
                signer.keyId(), recipient, year, sequence, previousHash, written.fileHash(), fileName,
                written.fileSize(), Instant.parse(header.createdAt()), Instant.now(), null, null, null,
                written.manifestHash(), suite.id()));
        if (!target.toAbsolutePath().normalize().equals(inOutbox.toAbsolutePath().normalize())) {
            copyVerified(inOutbox, target, suite, written.fileHash(), written.fileBytes());
        }
        if (progress != null) {
            progress.accept(1.0);
        }
        return new PackageWriter.Written(target, written.manifest(), written.fileHash(), written.fileSize(),
                written.manifestHash(), null);
    }

    /**
     * Whom a package is sealed for: the recipient's current encryption key (which must be known: from
     * its card, enrollment or any package it sent) and the sender's own, so it can open what it sent.
     */
    private List<Sealed.Recipient> recipients(String recipient, Signer signer) {
        Suite suite = signer.suite();
        EncryptionKey theirs = ws.encryptionKeys().current(recipient, suite.id()).orElseThrow(() -> new UserError(
                "error.export.noRecipientKey", ws.orgUnits().find(recipient).map(OrgUnit::name).orElse(recipient)));
        List<Sealed.Recipient> out = new ArrayList<>();
        out.add(new Sealed.Recipient(recipient, suite.encryptionKey(theirs.publicKey())));
        if (signer.encryptionKey() != null) {
            out.add(new Sealed.Recipient(ws.self().code(), signer.encryptionKey()));
        }
        return out;
    }

    /**
     * A folder — one that exists, or a new path not named *.perfpkg (made when the package is copied) —
     * means "put it in there under its own name". A file already there is never replaced: it may be
     * another unit's package written to the same path a moment before.
     */
    private static Path targetFile(Path out, String fileName) {
        if (Files.isDirectory(out) || !Files.exists(out)
                && !out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".perfpkg")) {
            return out.resolve(fileName);
        }
        if (Files.exists(out)) {
            throw new UserError("error.export.fileExists", out.toString());
        }
        return out;
    }

    /**
     * Copies to the stick through a temporary name, then reads the copy back and compares its hash with
     * the package verified in outbox/: the same bytes, so the same verdict (the check is not repeated).
     */
    private void copyVerified(Path from, Path to, Suite suite, String hash, byte[] verified) {
        try {
            Path tmp = SafeFiles.temporaryFor(to);
            Files.createDirectories(to.toAbsolutePath().getParent());
            if (verified != null) {
                // The bytes the read-back verified (and hashed) are the ones copied, and the copy is compared
                // with them byte for byte: the same bytes have the same hash, without hashing them again.
                try {
                    Files.write(tmp, verified);
                } catch (IOException e) {
                    Files.deleteIfExists(tmp); // a full stick keeps no partial copy
                    throw e;
                }
                SafeFiles.commit(tmp, to);
                if (!java.util.Arrays.equals(Files.readAllBytes(to), verified)) {
                    throw new IOException("the copy reads back different from what was written");
                }
                return;
            }
            Files.copy(from, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            SafeFiles.commit(tmp, to);
            if (!Hashing.hash(suite, to).equals(hash)) {
                throw new IOException("the copy reads back different from what was written");
            }
        } catch (IOException e) {
            throw new UserError(e, "error.export.copyFailed", to.toString(), String.valueOf(e.getMessage()),
                    from.toString());
        }
    }
}
