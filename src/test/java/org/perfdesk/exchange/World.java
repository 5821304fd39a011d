package org.perfdesk.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.perfdesk.domain.Direction;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Role;
import org.perfdesk.exchange.crypto.Ed25519;
import org.perfdesk.exchange.pkg.Hashing;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.StrictJson;
import org.perfdesk.store.Workspace;

/**
 * An office and its units on one disk, enrolled the way people do it, for exchange tests.
 * Workspaces stay open; {@link #close()} closes them.
 */
public final class World implements AutoCloseable {
    public static final String PASSPHRASE = "test passphrase";
    public static final int YEAR = 2008;

    public final Path dir;
    public final Workspace office;
    public final Signer officeSigner;
    public final Map<String, Workspace> units = new LinkedHashMap<>();
    public final Map<String, Signer> signers = new LinkedHashMap<>();
    public final Path usb;
    /** Workspaces made by {@link #enrollmentRequest}, by folder, and their keys. */
    public final Map<String, Workspace> others = new LinkedHashMap<>();
    public final Map<String, Signer> otherSigners = new LinkedHashMap<>();

    public World(Path dir) throws IOException {
        this.dir = dir;
        this.usb = Files.createDirectories(dir.resolve("usb"));
        Workspaces.Created o = Workspaces.create(dir.resolve("office"), new Workspace.Setup(Role.OFFICE,
                new OrgUnit("XNB", "福建省效能办", OrgKind.OFFICE, null), YEAR, "test"), PASSPHRASE.toCharArray());
        office = o.workspace();
        officeSigner = o.signer();
    }

    /** A unit with a small tree (one goal, two indicators with Q1 progress), enrolled with {@code parent}. */
    public Workspace addUnit(String code, String name, OrgKind kind, String parentCode) {
        Workspace collector = parentCode.equals("XNB") ? office : units.get(parentCode);
        Signer collectorSigner = parentCode.equals("XNB") ? officeSigner : signers.get(parentCode);
        Workspaces.Created c = Workspaces.create(dir.resolve(code), new Workspace.Setup(Role.UNIT,
                new OrgUnit(code, name, kind, parentCode, RankingGroup.defaultFor(kind), null), YEAR, "test"),
                PASSPHRASE.toCharArray());
        Workspace ws = c.workspace();
        units.put(code, ws);
        signers.put(code, c.signer());
        ws.orgUnits().saveAll(List.of(new OrgUnit(code + "-A", "综合处", OrgKind.DIVISION, code),
                new OrgUnit(code + "-A1", "张三（处长）", OrgKind.PERSON, code + "-A")));
        GoalNode goal = new GoalNode(code + "-g1", code, YEAR, null, 0, NodeKind.GOAL, "推进重点工作", null, code,
                "按期完成", null, new BigDecimal("100"), null, null, 1, false);
        GoalNode i1 = new GoalNode(code + "-i1", code, YEAR, goal.id(), 0, NodeKind.INDICATOR, "完成项目数", null,
                code + "-A1", "通过验收", null, new BigDecimal("60"),
                new Measure.Quantitative(new BigDecimal("12"), new BigDecimal("10"), "个", Direction.HIGHER_BETTER),
                null, 1, false);
        GoalNode i2 = new GoalNode(code + "-i2", code, YEAR, goal.id(), 1, NodeKind.INDICATOR, "制度建设", null,
                code + "-A", null, null, new BigDecimal("40"),
                new Measure.Qualitative(List.of("好", "较好", "一般", "差"), "好"), null, 1, false);
        ws.goals().saveAll(List.of(goal, i1, i2));
        ws.progress().save(new Progress(i1.id(), 1, new BigDecimal("3"), new BigDecimal("25"), ProgressStatus.ON_TRACK,
                "按计划推进", null, null, null));

        // The card, read out by phone, and the enrollment, compared the same way.
        var card = KeyRegistry.card(collector);
        KeyRegistry.pinOffice(ws, card, card.fingerprint());
        Path request = new Exporter(ws, c.signer()).exportUnitPackage(PackageKind.ENROLLMENT, YEAR, usb, null).file();
        String fingerprint = Enrollments.read(request).fingerprint();
        Path certificate = Enrollments.accept(collector, collectorSigner, request, fingerprint, usb).file();
        ImportReport r = new Importer(ws, c.signer()).importFile(certificate, false);
        if (!r.accepted()) {
            throw new IllegalStateException(r.message());
        }
        return ws;
    }

    /**
     * An enrollment request from a new workspace of a unit (its own key), made the way a unit makes it:
     * the office's card pinned, the request written. The workspace is kept open in {@link #others}.
     */
    public Path enrollmentRequest(String folder, OrgUnit unit) {
        Workspaces.Created c = Workspaces.create(dir.resolve(folder), new Workspace.Setup(Role.UNIT, unit, YEAR, "test"),
                PASSPHRASE.toCharArray());
        others.put(folder, c.workspace());
        otherSigners.put(folder, c.signer());
        var card = KeyRegistry.card(office);
        KeyRegistry.pinOffice(c.workspace(), card, card.fingerprint());
        return new Exporter(c.workspace(), c.signer()).exportUnitPackage(PackageKind.ENROLLMENT, YEAR,
                dir.resolve(folder + "-request"), null).file();
    }

    /** A unit's package, sealed for the office and the unit (the default). */
    public Path export(String unit, PackageKind kind) {
        return new Exporter(units.get(unit), signers.get(unit)).exportUnitPackage(kind, YEAR, usb, null).file();
    }

    /** A unit's package in the clear ({@code --plain}), as before confidential packages. */
    public Path exportPlain(String unit, PackageKind kind) {
        return new Exporter(units.get(unit), signers.get(unit)).exportUnitPackage(kind, YEAR, usb, null, true).file();
    }

    public ImportReport importAtOffice(Path file) {
        return new Importer(office, officeSigner).importFile(file, false);
    }

    /** Row counts of every table: the database "unchanged" in the sense tests check. */
    public static Map<String, Long> rowCounts(Workspace ws) {
        return ws.database().read(c -> {
            Map<String, Long> counts = new TreeMap<>();
            List<String> tables = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t)) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
            return counts;
        });
    }

    /** The entries of a zip, in order, duplicates kept. */
    public static List<Map.Entry<String, byte[]>> entries(Path zip) throws IOException {
        List<Map.Entry<String, byte[]>> out = new ArrayList<>();
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                try (InputStream in = z.getInputStream(e)) {
                    out.add(Map.entry(e.getName(), in.readAllBytes()));
                }
            }
        }
        return out;
    }

    /** Writes entries as a zip, exactly as given (duplicates and odd names included). */
    public static Path write(Path target, List<Map.Entry<String, byte[]>> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries) {
                ZipArchiveEntry entry = new ZipArchiveEntry(e.getKey());
                zip.putArchiveEntry(entry);
                zip.write(e.getValue());
                zip.closeArchiveEntry();
            }
        }
        Files.write(target, bytes.toByteArray());
        return target;
    }

    /** How a genuine package is zipped again by someone without the key: its signed content unchanged. */
    public enum Rezip {
        /** The same entries with a zip comment added. */
        COMMENT,
        /** Every entry stored instead of deflated (or deflated at another level). */
        RECOMPRESSED,
        /** The entries in reverse order, manifest last. */
        REORDERED
    }

    /** A copy of a package zipped again: other file bytes, the same signed content. */
    public static Path rezipped(Path original, Path target, Rezip how) throws IOException {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(entries(original));
        if (how == Rezip.REORDERED) {
            Collections.reverse(entries);
        }
        Files.deleteIfExists(target);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(target.toFile())) {
            // As the zip programs people use write small files: no ZIP64 records (PerfDesk refuses those).
            zip.setUseZip64(org.apache.commons.compress.archivers.zip.Zip64Mode.Never);
            if (how == Rezip.COMMENT) {
                zip.setComment("re-zipped by someone else");
            }
            zip.setLevel(how == Rezip.REORDERED ? java.util.zip.Deflater.BEST_COMPRESSION
                    : java.util.zip.Deflater.DEFAULT_COMPRESSION);
            for (Map.Entry<String, byte[]> e : entries) {
                ZipArchiveEntry entry = new ZipArchiveEntry(e.getKey());
                entry.setMethod(how == Rezip.RECOMPRESSED ? ZipArchiveEntry.STORED : ZipArchiveEntry.DEFLATED);
                zip.putArchiveEntry(entry);
                zip.write(e.getValue());
                zip.closeArchiveEntry();
            }
        }
        return target;
    }

    /**
     * The package rebuilt after {@code change} (which may alter the manifest's fields and the entries,
     * in place) and signed again with {@code sender}'s key, its entries listed with their new sizes and
     * hashes: what only the sender, or a thief of its key, could make. It reaches the checks that come
     * after the signature and hashes.
     */
    public static Path resigned(Path original, Path target, Signer sender,
                         java.util.function.BiFunction<Manifest, Map<String, byte[]>, Manifest> change)
            throws IOException {
        Map<String, byte[]> content = new LinkedHashMap<>();
        byte[] manifestBytes = null;
        for (Map.Entry<String, byte[]> e : entries(original)) {
            if (e.getKey().equals(Manifest.MANIFEST)) {
                manifestBytes = e.getValue();
            } else if (!e.getKey().equals(Manifest.SIGNATURE)) {
                content.put(e.getKey(), e.getValue());
            }
        }
        Manifest m = change.apply(StrictJson.read(manifestBytes, Manifest.class, Manifest.MANIFEST), content);
        List<Manifest.Entry> listed = new ArrayList<>();
        content.forEach((path, bytes) -> listed.add(new Manifest.Entry(path, bytes.length, Hashing.sha256(bytes))));
        byte[] signedBytes = StrictJson.write(new Manifest(m.format(), m.packageId(), m.kind(), m.sender(),
                m.recipient(), m.year(), m.sequence(), m.previousHash(), m.createdAt(), m.programVersion(),
                m.encryption(), listed));
        List<Map.Entry<String, byte[]>> out = new ArrayList<>();
        out.add(Map.entry(Manifest.MANIFEST, signedBytes));
        out.add(Map.entry(Manifest.SIGNATURE, Ed25519.sign(sender.privateKey(), signedBytes)));
        content.forEach((path, bytes) -> out.add(Map.entry(path, bytes)));
        return write(target, out);
    }

    /** An importer for a unit with its unlocked keys. */
    public Importer importer(String unit) {
        return new Importer(units.get(unit), signers.get(unit));
    }

    @Override
    public void close() {
        units.values().forEach(Workspace::close);
        others.values().forEach(Workspace::close);
        office.close();
    }
}
