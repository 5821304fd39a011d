package org.perfdesk.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.PackageRecord;
import org.perfdesk.domain.PlanReview;
import org.perfdesk.domain.Receipt;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.TrustedKey;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.ImportReport.Status;
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
import org.perfdesk.exchange.snapshot.SnapshotMapper;
import org.perfdesk.store.Backups;
import org.perfdesk.store.GoalNodeRepository;
import org.perfdesk.store.Workspace;

/**
 * Verifies and imports packages. Every check runs before anything is written; then one transaction
 * merges the package and records it. A refused package changes nothing in the database: its file is
 * kept under {@code inbox/rejected/} with the reason. A collector's inner packages are imported after
 * the outer one, each on its own, with the outer report listing their verdicts.
 */
public final class Importer {
    private final Workspace ws;
    private final Limits limits;
    private final Supplier<KeyRing> keys;
    private KeyRing unlocked;
    /** Why the keys could not be unlocked (a wrong passphrase): said for every sealed package, asked once. */
    private UserError keyFailure;

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
        this.ws = ws;
        this.limits = limits;
        this.keys = keys;
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
                for (Path p : files) {
                    out.add(process(p, p.getFileName().toString(), true, ws.self().code(), null, null));
                }
                return out;
            });
        }
        if (!files.isEmpty()) {
            // One copy per batch: a batch that merged something unwanted can be undone from 设置 → 备份.
            Backups.of(ws).automatic("before-import");
        }
        List<ImportReport> out = new ArrayList<>();
        for (Path p : files) {
            out.add(importFile(p, false));
        }
        return out;
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
        ImportReport report = process(file, file.getFileName().toString(), false, ws.self().code(), null, null);
        // A package refused because this workspace's keys are locked is not at fault: nothing to keep.
        if (report.status() == Status.REJECTED && !dryRun && !"key-locked".equals(report.code())) {
            Inbox.keepRejected(ws, file, report.code(), report.message());
        }
        return report;
    }

    /**
     * @param contentKey for a sealed package a collector forwarded: the key it released for it; else null
     */
    private ImportReport process(Path file, String label, boolean dryRun, String expectedRecipient, String outerId,
                                 byte[] contentKey) {
        try {
            PackageReader.Opened opened = PackageReader.read(file, KeyRegistry.trust(ws), limits);
            Manifest m = opened.manifest();
            checkAddressing(m, expectedRecipient, outerId);
            ImportReport already = checkChain(label, opened, dryRun);
            if (already != null) {
                return already;
            }
            opened = unseal(opened, contentKey);
            String warning = gapWarning(m, opened.signer().keyId());

            Plan plan = plan(opened);
            Map<String, byte[]> innerKeys = innerKeys(opened);
            ImportReport report = new ImportReport(label, Status.ACCEPTED, null, accepted(m, plan, dryRun, warning),
                    dryRun, m.packageId(), m.kind().cliName(), m.sender().code(), m.year(), m.sequence(), warning,
                    plan.counts, plan.changes, null);
            commit(file, opened, plan, report, outerId, dryRun);
            return report.withInner(inner(opened, dryRun, innerKeys));
        } catch (PackageException e) {
            if (e.code().equals("unknown-key")) {
                ImportReport elsewhere = addressedElsewhere(file, label, expectedRecipient, dryRun);
                if (elsewhere != null) {
                    return elsewhere;
                }
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
        PackageException e = new PackageException("wrong-recipient", recipientName(peek.recipient()));
        return rejected(label, e.code(), e.getLocalizedMessage(), dryRun);
    }

    private static ImportReport rejected(String label, String code, String message, boolean dryRun) {
        return new ImportReport(label, Status.REJECTED, code, message, dryRun, null, null, null, null, null, null,
                null, null, null);
    }

    private String accepted(Manifest m, Plan plan, boolean dryRun, String warning) {
        Texts t = Texts.current();
        String what = t.get(dryRun ? "import.wouldAccept" : "import.accepted", unitName(m.sender().code()),
                t.get("kind." + m.kind().cliName()), String.valueOf(m.year()), m.sequence());
        if (plan.summary != null) {
            what += " " + plan.summary;
        }
        return warning == null ? what : what + " " + warning;
    }

    /** The recipient as this workspace knows it, else as the package names it. */
    private String recipientName(Manifest.Party recipient) {
        String known = unitName(recipient.code());
        if (!known.equals(recipient.code())) {
            return known;
        }
        return recipient.name() == null ? recipient.code()
                : Texts.current().get("pkg.nameWithCode", recipient.name(), recipient.code());
    }

    private String unitName(String code) {
        return ws.orgUnits().find(code).map(OrgUnit::name).orElse(code);
    }

    /** The package is for us, from someone who may send us this kind. */
    private void checkAddressing(Manifest m, String expectedRecipient, String outerId) {
        OrgUnit self = ws.self();
        if (!expectedRecipient.equals(m.recipient().code())) {
            throw new PackageException("wrong-recipient", recipientName(m.recipient()));
        }
        String sender = m.sender().code();
        if (outerId == null && sender.equals(self.code())) {
            throw new PackageException("own-package");
        }
        if (m.kind() == PackageKind.ENROLLMENT) {
            throw new PackageException("enrollment-needs-confirmation", sender);
        }
        if (m.kind().fromOffice()) {
            if (!sender.equals(self.parentCode())) {
                throw new PackageException("unexpected-sender", sender);
            }
        } else {
            String collector = outerId == null ? self.code() : expectedRecipient;
            OrgUnit unit = ws.orgUnits().find(sender).orElse(null);
            if (unit == null || !collector.equals(unit.parentCode())) {
                throw new PackageException("unexpected-sender", sender);
            }
        }
    }

    /**
     * A sealed package's payload, decrypted after the signature and every sealed entry's hash were
     * checked: with the key its forwarder released, or with this workspace's keys.
     */
    private PackageReader.Opened unseal(PackageReader.Opened opened, byte[] contentKey) {
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
        return Sealed.open(opened, unlocked, limits);
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
                if (k.packageId() == null || key.length != org.perfdesk.exchange.crypto.Envelope.CONTENT_KEY_LENGTH
                        || opened.entry(EntryNames.inner(k.packageId())) == null || out.put(k.packageId(), key) != null) {
                    throw new IllegalArgumentException("not a content key of a forwarded package");
                }
            } catch (RuntimeException e) {
                throw new PackageException(e, "bad-snapshot", EntryNames.INNER_KEYS);
            }
        }
        return out;
    }

    /** Replay, reused id, fork and stale sequence; null when the package is new and in order. */
    private ImportReport checkChain(String label, PackageReader.Opened opened, boolean dryRun) {
        Manifest m = opened.manifest();
        PackageRecord same = ws.packages().find(m.packageId()).orElse(null);
        if (same != null) {
            if (same.fileHash().equals(opened.fileHash())) {
                return new ImportReport(label, Status.ALREADY_IMPORTED, "already-imported",
                        Texts.t("pkg.already-imported", unitName(m.sender().code()), same.processedAt().toString()
                                .substring(0, 10)), dryRun, m.packageId(), m.kind().cliName(), m.sender().code(),
                        m.year(), m.sequence(), null, ImportReport.Counts.NONE, List.of(), null);
            }
            throw new PackageException("id-reused", m.packageId());
        }
        List<PackageRecord> chain = ws.packages().findChain(opened.signer().keyId(), m.recipient().code());
        long max = 0;
        for (PackageRecord r : chain) {
            if (r.sequence() == m.sequence()) {
                throw new PackageException("fork", unitName(m.sender().code()), m.sequence(),
                        r.processedAt().toString().substring(0, 10));
            }
            if (r.sequence() == m.sequence() - 1 && m.previousHash() != null && !m.previousHash().equals(r.fileHash())) {
                throw new PackageException("fork", unitName(m.sender().code()), m.sequence() - 1,
                        r.processedAt().toString().substring(0, 10));
            }
            max = Math.max(max, r.sequence());
        }
        if (m.sequence() < max) {
            throw new PackageException("stale", unitName(m.sender().code()), m.sequence(), max);
        }
        return null;
    }

    /** A warning naming the sequence numbers that never arrived, or null. */
    private String gapWarning(Manifest m, String keyId) {
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

    /** What the package would change, computed without writing; {@code apply} writes it. */
    private static final class Plan {
        ImportReport.Counts counts;
        List<ImportReport.NodeChange> changes;
        String summary;
        Runnable apply = () -> { };
        Payloads.Snapshot snapshot;
        String snapshotJson;
        /** Evidence files to keep in attachments/, by hash; written before the transaction. */
        Map<String, byte[]> files = Map.of();
    }

    private Plan plan(PackageReader.Opened opened) {
        Plan plan = planPayload(opened);
        byte[] statement = opened.entry(EntryNames.ENCRYPTION_KEY);
        if (statement != null) {
            // The sender's current encryption key, vouched for by the signature just checked.
            Payloads.EncryptionKey key = KeyRegistry.readEncryptionKey(statement, opened.manifest().sender().code());
            Runnable payload = plan.apply;
            String signingKeyId = opened.signer().keyId();
            plan.apply = () -> {
                payload.run();
                KeyRegistry.saveEncryptionKey(ws, key, signingKeyId, org.perfdesk.domain.EncryptionKey.Source.PACKAGE);
            };
        }
        return plan;
    }

    private Plan planPayload(PackageReader.Opened opened) {
        Manifest m = opened.manifest();
        Plan plan = new Plan();
        if (m.kind().carriesSnapshot()) {
            planSnapshot(opened, plan);
            return plan;
        }
        Payloads.Revocations revocations = StrictJson.read(required(opened, EntryNames.REVOCATIONS),
                Payloads.Revocations.class, EntryNames.REVOCATIONS);
        if (!Payloads.REVOCATIONS_FORMAT.equals(revocations.format()) || revocations.revocations() == null) {
            throw new PackageException("bad-snapshot", EntryNames.REVOCATIONS);
        }
        Runnable officeApply = switch (m.kind()) {
            case CERTIFICATE -> planCertificate(opened, plan);
            case APPROVAL, RETURN -> planReview(opened, plan);
            case RECEIPT -> planReceipt(opened, plan);
            case FEEDBACK -> planFeedback(opened, plan);
            default -> throw new PackageException("unsupported-kind", m.kind().cliName());
        };
        plan.apply = () -> {
            KeyRegistry.applyRevocations(ws, revocations);
            officeApply.run();
        };
        return plan;
    }

    private static byte[] required(PackageReader.Opened opened, String entry) {
        byte[] bytes = opened.entry(entry);
        if (bytes == null) {
            throw new PackageException("missing-entry", entry);
        }
        return bytes;
    }

    private void planSnapshot(PackageReader.Opened opened, Plan plan) {
        Manifest m = opened.manifest();
        String unit = m.sender().code();
        byte[] bytes = required(opened, EntryNames.SNAPSHOT);
        Payloads.Snapshot s = StrictJson.read(bytes, Payloads.Snapshot.class, EntryNames.SNAPSHOT);
        if (!Payloads.SNAPSHOT_FORMAT.equals(s.format()) || !unit.equals(s.unitCode()) || s.year() != m.year()
                || s.nodes() == null || s.organisations() == null || s.progress() == null
                || s.selfAssessments() == null || s.reports() == null || s.evidence() == null) {
            throw new PackageException("bad-snapshot", EntryNames.SNAPSHOT);
        }
        List<OrgUnit> orgs = checkOrganisations(unit, s.organisations());
        List<GoalNode> nodes = checkNodes(unit, m.year(), s);
        List<org.perfdesk.domain.ReportSection> reports = s.reports().stream()
                .map(r -> SnapshotMapper.toReportSection(r, unit, m.year())).toList();
        Map<String, byte[]> files = evidenceFiles(opened, s, nodes);
        List<GoalNode> before = ws.goals().findAll(unit, m.year());
        Map<String, Integer> approved = ws.reviews().approvedRevisions(unit, m.year());
        List<ImportReport.NodeChange> changes = NodeDiff.between(before, nodes, approved);
        plan.changes = changes;
        plan.counts = NodeDiff.count(changes, nodes);
        plan.snapshot = s;
        plan.snapshotJson = new String(bytes, StandardCharsets.UTF_8);
        Set<String> inSnapshot = new HashSet<>();
        nodes.forEach(n -> inSnapshot.add(n.id()));
        List<GoalNode> vanished = before.stream().filter(n -> !n.deleted() && !inSnapshot.contains(n.id()))
                .map(n -> n.withDeleted(true).withRevision(n.revision() + 1)).toList();
        // New nodes are inserted (no conflict to look for), changed ones updated, unchanged ones left alone:
        // every package repeats the whole tree, mostly unchanged after the plan.
        Map<String, GoalNode> stored = new HashMap<>();
        before.forEach(n -> stored.put(n.id(), n));
        List<GoalNode> fresh = nodes.stream().filter(n -> !stored.containsKey(n.id())).toList();
        List<GoalNode> changed = nodes.stream()
                .filter(n -> stored.containsKey(n.id()) && !stored.get(n.id()).equals(n)).toList();
        plan.apply = () -> {
            ws.orgUnits().saveAll(orgs);
            ws.goals().insertAll(fresh);
            ws.goals().saveAll(changed);
            ws.goals().saveAll(vanished);
            ws.progress().deleteByUnit(unit, m.year());
            ws.progress().saveAll(s.progress().stream().map(SnapshotMapper::toProgress).toList());
            ws.selfAssessments().deleteByUnit(unit, m.year());
            ws.selfAssessments().saveAll(s.selfAssessments().stream().map(SnapshotMapper::toSelfAssessment).toList());
            ws.reports().deleteByUnit(unit, m.year());
            ws.reports().saveAll(reports);
            ws.evidence().deleteByUnit(unit, m.year());
            Instant now = Instant.now();
            for (Payloads.EvidenceItem e : s.evidence()) {
                ws.evidence().link(new org.perfdesk.domain.Evidence(e.nodeId(), e.sha256(), e.fileName(), e.size(),
                        e.mediaType(), e.note(), now));
            }
        };
        plan.files = files;
        if (m.kind() == PackageKind.RECTIFICATION && opened.entry(Feedbacks.RECTIFICATION_ENTRY) != null) {
            Map<String, byte[]> more = new HashMap<>(files);
            String[] summary = new String[1];
            Runnable answers = Feedbacks.planRectification(ws, opened, more, summary);
            Runnable snapshot = plan.apply;
            plan.apply = () -> {
                snapshot.run();
                answers.run();
            };
            plan.files = more;
            plan.summary = summary[0];
        }
    }

    /**
     * Every evidence file the snapshot names must travel in the package under its own hash (the
     * reader already checked each entry's hash against the manifest), and belong to one of its nodes.
     */
    private static Map<String, byte[]> evidenceFiles(PackageReader.Opened opened, Payloads.Snapshot s,
                                                     List<GoalNode> nodes) {
        Set<String> ids = new HashSet<>();
        nodes.forEach(n -> ids.add(n.id()));
        Map<String, byte[]> files = new HashMap<>();
        for (Payloads.EvidenceItem e : s.evidence()) {
            if (e.sha256() == null || !e.sha256().matches("[0-9a-f]{64}") || !ids.contains(e.nodeId())
                    || e.fileName() == null || e.fileName().isBlank() || e.fileName().length() > 255) {
                throw new PackageException("bad-snapshot", "evidence " + e.fileName());
            }
            String path = EntryNames.attachment(e.sha256());
            byte[] bytes = opened.entry(path);
            if (bytes == null) {
                throw new PackageException("missing-entry", path);
            }
            if (!org.perfdesk.exchange.pkg.Hashing.sha256(bytes).equals(e.sha256())) {
                throw new PackageException("hash-mismatch", path);
            }
            files.put(e.sha256(), bytes);
        }
        return files;
    }

    /** A unit may only describe its own inside: its divisions, persons and sub-units. */
    private List<OrgUnit> checkOrganisations(String unit, List<Payloads.Org> orgs) {
        Set<String> own = new HashSet<>();
        ws.orgUnits().findSubtree(unit).forEach(o -> own.add(o.code()));
        Set<String> inSnapshot = new HashSet<>();
        Map<String, String> parentOf = new HashMap<>();
        List<OrgUnit> out = new ArrayList<>();
        for (Payloads.Org o : orgs) {
            OrgUnit org = SnapshotMapper.toOrgUnit(o);
            if (org.code().equals(unit) || org.kind() == OrgKind.OFFICE
                    || !inSnapshot.add(org.code())) {
                throw new PackageException("conflict", org.code());
            }
            if (ws.orgUnits().find(org.code()).isPresent() && !own.contains(org.code())) {
                throw new PackageException("conflict", org.code());
            }
            parentOf.put(org.code(), org.parentCode());
            OrgUnit existing = ws.orgUnits().find(org.code()).orElse(null);
            // A registered sub-unit keeps what its collector recorded (its key, its group).
            out.add(existing != null && !existing.kind().isInternal() ? existing : org);
        }
        for (String code : inSnapshot) {
            String p = parentOf.get(code);
            int steps = 0;
            while (p != null && !p.equals(unit) && steps++ < 64) {
                p = parentOf.get(p);
            }
            if (p == null || !p.equals(unit)) {
                throw new PackageException("conflict", code);
            }
        }
        return out;
    }

    private List<GoalNode> checkNodes(String unit, int year, Payloads.Snapshot s) {
        Set<String> ids = new HashSet<>();
        List<GoalNode> nodes = new ArrayList<>();
        for (Payloads.Node n : s.nodes()) {
            GoalNode node = SnapshotMapper.toGoalNode(n, unit, year);
            if (!ids.add(node.id())) {
                throw new PackageException("bad-snapshot", "node " + node.id());
            }
            nodes.add(node);
        }
        // A node id that belongs to another unit or year is not this unit's to change (looked up in bulk:
        // one query per id cost a tenth of a large import).
        for (Map.Entry<String, GoalNodeRepository.Place> e : ws.goals().placesOf(ids).entrySet()) {
            if (!e.getValue().unitCode().equals(unit) || e.getValue().year() != year) {
                throw new PackageException("conflict", e.getKey());
            }
        }
        Map<String, String> parentOf = new HashMap<>();
        for (GoalNode n : nodes) {
            if (n.parentId() != null && !ids.contains(n.parentId())) {
                throw new PackageException("bad-snapshot", "node " + n.id() + " parent " + n.parentId());
            }
            parentOf.put(n.id(), n.parentId());
        }
        refuseLoops(parentOf);
        for (Payloads.ProgressItem p : s.progress()) {
            if (!ids.contains(p.nodeId())) {
                throw new PackageException("bad-snapshot", "progress " + p.nodeId());
            }
        }
        for (Payloads.SelfAssessmentItem a : s.selfAssessments()) {
            if (!ids.contains(a.nodeId())) {
                throw new PackageException("bad-snapshot", "self-assessment " + a.nodeId());
            }
        }
        return nodes;
    }

    /**
     * Parents that lead round in a circle (a node its own ancestor) would make those nodes vanish from
     * the tree the office evaluates: refused. Each node is walked up once.
     */
    private static void refuseLoops(Map<String, String> parentOf) {
        Set<String> rooted = new HashSet<>();
        for (String start : parentOf.keySet()) {
            Set<String> path = new java.util.LinkedHashSet<>();
            String n = start;
            while (n != null && !rooted.contains(n)) {
                if (!path.add(n)) {
                    throw new PackageException("bad-snapshot", "node " + n + ": its parents lead back to itself");
                }
                n = parentOf.get(n);
            }
            rooted.addAll(path);
        }
    }

    private Runnable planCertificate(PackageReader.Opened opened, Plan plan) {
        Payloads.Certificate c = StrictJson.read(required(opened, EntryNames.CERTIFICATE), Payloads.Certificate.class,
                EntryNames.CERTIFICATE);
        String ownKey = WorkspaceKeys.keyId(ws);
        if (!Payloads.CERTIFICATE_FORMAT.equals(c.format()) || !ws.self().code().equals(c.unitCode())
                || !ownKey.equals(c.keyId())) {
            throw new PackageException("certificate-mismatch", String.valueOf(c.unitCode()));
        }
        plan.summary = Texts.t("import.certificate", org.perfdesk.exchange.crypto.Ed25519.fingerprintOf(ownKey));
        return () -> {
            TrustedKey own = ws.trustedKeys().find(ownKey).orElseThrow();
            ws.trustedKeys().save(new TrustedKey(own.keyId(), own.unitCode(), own.publicKey(),
                    TrustedKey.Source.CERTIFIED, own.validFrom(), null, null));
        };
    }

    private Runnable planReview(PackageReader.Opened opened, Plan plan) {
        Manifest m = opened.manifest();
        Payloads.Review r = StrictJson.read(required(opened, EntryNames.REVIEW), Payloads.Review.class,
                EntryNames.REVIEW);
        PlanReview.Decision decision = m.kind() == PackageKind.APPROVAL ? PlanReview.Decision.APPROVED
                : PlanReview.Decision.RETURNED;
        if (!Payloads.REVIEW_FORMAT.equals(r.format()) || !ws.self().code().equals(r.unitCode())
                || !decision.name().equals(r.decision()) || r.year() != m.year() || r.nodes() == null
                || r.reviewId() == null || r.planPackageId() == null) {
            throw new PackageException("bad-snapshot", EntryNames.REVIEW);
        }
        PlanReview review;
        try {
            review = new PlanReview(r.reviewId(), r.unitCode(), r.year(), r.planPackageId(), decision, r.reason(),
                    Instant.parse(r.decidedAt()), m.packageId(),
                    r.nodes().stream().map(n -> new PlanReview.NodeRevision(n.id(), n.revision())).toList());
        } catch (RuntimeException e) {
            throw new PackageException(e, "bad-snapshot", EntryNames.REVIEW);
        }
        plan.summary = Texts.t(decision == PlanReview.Decision.APPROVED ? "import.approved" : "import.returned",
                String.valueOf(r.year()), r.nodes().size(), r.reason());
        return () -> ws.reviews().save(review);
    }

    private Runnable planFeedback(PackageReader.Opened opened, Plan plan) {
        String[] summary = new String[1];
        Runnable apply = Feedbacks.planFeedback(ws, opened, summary);
        plan.summary = summary[0];
        return apply;
    }

    private Runnable planReceipt(PackageReader.Opened opened, Plan plan) {
        Payloads.ReceiptPayload r = StrictJson.read(required(opened, EntryNames.RECEIPT), Payloads.ReceiptPayload.class,
                EntryNames.RECEIPT);
        PackageRecord sent = r.packageId() == null ? null : ws.packages().find(r.packageId())
                .filter(p -> p.direction() == PackageRecord.Direction.OUT).orElse(null);
        if (!Payloads.RECEIPT_FORMAT.equals(r.format()) || sent == null || !sent.fileHash().equals(r.fileHash())) {
            throw new PackageException("receipt-unknown", String.valueOf(r.packageId()));
        }
        Instant received;
        try {
            received = Instant.parse(r.receivedAt());
        } catch (RuntimeException e) {
            throw new PackageException(e, "bad-snapshot", EntryNames.RECEIPT);
        }
        plan.summary = Texts.t("import.receipt", sent.fileName(), r.receivedAt().substring(0, 10));
        Receipt receipt = new Receipt(sent.packageId(), sent.fileHash(), opened.manifest().packageId(), received,
                r.verdict());
        return () -> ws.receipts().save(receipt);
    }

    /**
     * Keeps the file, then merges and records it in one transaction. In a dry run (inside a simulated
     * transaction) the database part runs and is undone later, and no file is kept.
     */
    private void commit(Path file, PackageReader.Opened opened, Plan plan, ImportReport report, String outerId,
                        boolean dryRun) {
        Manifest m = opened.manifest();
        Path kept = dryRun ? null : Inbox.keep(ws, file, m.packageId(), opened.fileHash());
        if (!dryRun) {
            // Content-addressed and verified: a file kept for a package that then fails harms nothing.
            plan.files.forEach((sha, bytes) -> ws.evidence().storeChecked(sha, bytes));
        }
        try {
            ws.database().write(c -> {
                plan.apply.run();
                ws.packages().add(new PackageRecord(m.packageId(), PackageRecord.Direction.IN, m.kind().name(),
                        m.sender().code(), opened.signer().keyId(), m.recipient().code(), m.year(), m.sequence(),
                        m.previousHash(), opened.fileHash(), file.getFileName().toString(), opened.fileSize(),
                        parseInstant(m.createdAt()), Instant.now(), report.warning(),
                        new String(StrictJson.write(report), StandardCharsets.UTF_8), outerId));
                if (plan.snapshotJson != null) {
                    ws.packages().saveSnapshot(m.packageId(), m.sender().code(), m.year(), plan.snapshotJson);
                }
                return null;
            });
        } catch (RuntimeException e) {
            try {
                if (kept != null) {
                    Files.deleteIfExists(kept);
                }
            } catch (IOException ignored) {
                // the failure itself is what the user must see
            }
            throw e;
        }
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            throw new PackageException(e, "bad-manifest", "createdAt");
        }
    }

    /** A collector's forwarded packages, each checked against its own sender's key. */
    private List<ImportReport> inner(PackageReader.Opened opened, boolean dryRun, Map<String, byte[]> keys) {
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
                ImportReport r = process(tmp, e.getKey(), dryRun, opened.manifest().sender().code(),
                        opened.manifest().packageId(), keys.get(id));
                out.add(r);
            } catch (IOException ex) {
                out.add(rejected(e.getKey(), "unreadable", ex.getMessage(), dryRun));
            } finally {
                if (tmp != null) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // a temporary file in inbox/ is harmless
                    }
                }
            }
        }
        return out.isEmpty() ? null : out;
    }
}
