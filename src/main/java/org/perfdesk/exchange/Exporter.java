package org.perfdesk.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.DoubleConsumer;

import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.PackageRecord;
import org.perfdesk.domain.ProgramInfo;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.crypto.Ed25519;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.Hashing;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageWriter;
import org.perfdesk.exchange.pkg.StrictJson;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.exchange.snapshot.SnapshotMapper;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/**
 * Writes this workspace's packages: next sequence number, previous package's hash, the payload for
 * the kind, signed. Every package is first written and verified in {@code outbox/} and logged; a copy
 * to the chosen place (a USB stick) is then written the same safe way and verified again.
 */
public final class Exporter {
    private final Workspace ws;
    private final Signer signer;

    public Exporter(Workspace ws, Signer signer) {
        this.ws = ws;
        this.signer = signer;
    }

    /** What a unit sends upward for the year: enrollment, plan, progress, midyear, annual or rectification. */
    public PackageWriter.Written exportUnitPackage(PackageKind kind, int year, Path out, DoubleConsumer progress) {
        if (kind.fromOffice()) {
            throw new UserError("error.export.officeKind", kind.cliName());
        }
        OrgUnit self = ws.self();
        if (self.parentCode() == null) {
            throw new UserError("error.export.noParent");
        }
        List<PackageWriter.Source> sources = new ArrayList<>();
        if (kind == PackageKind.ENROLLMENT) {
            Payloads.Enrollment e = new Payloads.Enrollment(Payloads.ENROLLMENT_FORMAT,
                    new Payloads.Org(self.code(), self.name(), self.kind(), self.parentCode(), self.group()),
                    Ed25519.toBase64(signer.publicKey()), Instant.now().toString());
            sources.add(PackageWriter.Source.of(EntryNames.ENROLLMENT, StrictJson.write(e)));
        } else {
            if (!ws.years().findAll().contains(year)) {
                throw new UserError("error.export.noYear", String.valueOf(year));
            }
            Payloads.Snapshot snapshot = SnapshotMapper.take(ws, self.code(), year);
            sources.add(PackageWriter.Source.of(EntryNames.SNAPSHOT, StrictJson.write(snapshot)));
            sources.addAll(evidenceFiles(snapshot));
            if (kind == PackageKind.RECTIFICATION) {
                java.util.Set<String> attached = new java.util.HashSet<>();
                snapshot.evidence().forEach(e -> attached.add(e.sha256()));
                sources.addAll(Feedbacks.rectificationSources(ws, self.code(), year, attached));
            }
            sources.addAll(innerPackages(year));
        }
        return write(kind, self.parentCode(), year, sources, out, progress);
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
     * the office can check every unit's own signature.
     */
    private List<PackageWriter.Source> innerPackages(int year) {
        List<PackageWriter.Source> out = new ArrayList<>();
        for (OrgUnit sub : ws.orgUnits().findChildren(ws.self().code())) {
            if (sub.kind().isInternal()) {
                continue;
            }
            List<PackageRecord> received = ws.packages().findIncoming(sub.code()).stream()
                    .filter(p -> p.year() == year && PackageKind.valueOf(p.kind()).carriesSnapshot())
                    .toList();
            if (!received.isEmpty()) {
                PackageRecord latest = received.get(received.size() - 1);
                out.add(PackageWriter.Source.of(EntryNames.inner(latest.packageId()),
                        Inbox.fileOf(ws, latest)));
            }
        }
        return out;
    }

    /** The office's packages to a unit; every one carries the current revocations. */
    public PackageWriter.Written exportOfficePackage(PackageKind kind, String unitCode, int year, String payloadEntry,
                                                     Object payload, Path out) {
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
        return write(kind, unitCode, year, sources, out, null);
    }

    private PackageWriter.Written write(PackageKind kind, String recipient, int year,
                                        List<PackageWriter.Source> sources, Path out, DoubleConsumer progress) {
        // One chain per recipient: each unit sees the office's answers to it numbered without gaps.
        Optional<PackageRecord> last = ws.packages().lastOutgoing(signer.keyId(), recipient);
        long sequence = last.map(p -> p.sequence() + 1).orElse(1L);
        String previousHash = last.map(PackageRecord::fileHash).orElse(null);
        String packageId = UUID.randomUUID().toString();
        Manifest header = new Manifest(Manifest.FORMAT, packageId, kind,
                Manifest.Party.sender(ws.self().code(), signer.keyId()),
                Manifest.Party.recipient(recipient, ws.orgUnits().find(recipient).map(OrgUnit::name).orElse(null)),
                year, sequence, previousHash,
                Instant.now().toString(), ProgramInfo.version(), List.of());
        // Sender, recipient and sequence first, so a folder listing shows each chain in order.
        String fileName = String.format("%s-%s-%03d-%s-%d.perfpkg", ws.self().code(), recipient, sequence,
                kind.cliName(), year);
        Path inOutbox = ws.outboxDir().resolve(fileName);
        PackageWriter.Written written = PackageWriter.write(inOutbox, header, sources, signer.privateKey(),
                signer.publicKey(), progress == null ? null : p -> progress.accept(p * 0.8));
        // The snapshot a package carries is not copied into the sender's own database: nothing reads it
        // there, the package in outbox/ keeps it byte for byte, and a 2,000-node unit's 3.5 MB per export
        // was half the export's time and all of the database's growth.
        ws.packages().add(new PackageRecord(packageId, PackageRecord.Direction.OUT, kind.name(), ws.self().code(),
                signer.keyId(), recipient, year, sequence, previousHash, written.fileHash(), fileName,
                written.fileSize(), Instant.parse(header.createdAt()), Instant.now(), null, null, null));
        if (out != null && !out.toAbsolutePath().normalize().equals(inOutbox.toAbsolutePath().normalize())) {
            copyVerified(inOutbox, targetFile(out, fileName), written.fileHash());
        }
        if (progress != null) {
            progress.accept(1.0);
        }
        Path finalPath = out == null ? inOutbox : targetFile(out, fileName);
        return new PackageWriter.Written(finalPath, written.manifest(), written.fileHash(), written.fileSize());
    }

    /** A folder means "put it in there under its own name". */
    private static Path targetFile(Path out, String fileName) {
        return Files.isDirectory(out) ? out.resolve(fileName) : out;
    }

    /**
     * Copies to the stick through a temporary name, then reads the copy back and compares its hash with
     * the package verified in outbox/: the same bytes, so the same verdict (the check is not repeated).
     */
    private void copyVerified(Path from, Path to, String hash) {
        try {
            Path tmp = SafeFiles.temporaryFor(to);
            Files.createDirectories(to.toAbsolutePath().getParent());
            Files.copy(from, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            SafeFiles.commit(tmp, to);
            if (!Hashing.sha256(to).equals(hash)) {
                throw new IOException("the copy reads back different from what was written");
            }
        } catch (IOException e) {
            throw new UserError(e, "error.export.copyFailed", to.toString(), String.valueOf(e.getMessage()),
                    from.toString());
        }
    }
}
