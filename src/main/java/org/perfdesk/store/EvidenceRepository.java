package org.perfdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.perfdesk.domain.Evidence;
import org.perfdesk.domain.SafeText;
import org.perfdesk.domain.UserError;

/**
 * Evidence files: copied into {@code attachments/<sha256>} (so the same file is kept once, and a
 * moved or deleted original does not matter) and linked to indicators.
 */
public final class EvidenceRepository {
    /** A single evidence file may not be larger than this (scans of documents, photos, spreadsheets). */
    public static final long MAX_FILE_SIZE = 100L << 20;

    private final Database db;
    private final Path folder;

    public EvidenceRepository(Database db, Path attachmentsFolder) {
        this.db = db;
        this.folder = attachmentsFolder;
    }

    /** A file kept in the workspace: its hash names it under {@code attachments/}. */
    public record Stored(String sha256, String fileName, long size, String mediaType, Instant addedAt) {
    }

    /** Copies a file into the workspace (once per content) and links it to the node. */
    public Evidence attach(String nodeId, Path source, String note) {
        Stored stored = store(source);
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO evidence(node_id, sha256, note, added_at) "
                    + "VALUES(?, ?, ?, ?) ON CONFLICT(node_id, sha256) DO UPDATE SET note = excluded.note")) {
                ps.setString(1, nodeId);
                ps.setString(2, stored.sha256());
                Sql.text(ps, 3, note);
                ps.setString(4, stored.addedAt().toString());
                return ps.executeUpdate();
            }
        });
        return new Evidence(nodeId, stored.sha256(), stored.fileName(), stored.size(), stored.mediaType(), note,
                stored.addedAt());
    }

    /**
     * Copies a file into the workspace once per content (a temporary name, then renamed to its
     * SHA-256) and records it; used for evidence of indicators and of inspections alike.
     */
    public Stored store(Path source) {
        String sha;
        long size;
        try {
            size = Files.size(source);
            if (size > MAX_FILE_SIZE) {
                throw new UserError("error.evidence.tooLarge", source.getFileName().toString(),
                        String.valueOf(MAX_FILE_SIZE >> 20));
            }
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, ".incoming-", ".part");
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                try (InputStream in = new DigestInputStream(Files.newInputStream(source), md)) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                sha = HexFormat.of().formatHex(md.digest());
                Path target = folder.resolve(sha);
                if (Files.exists(target)) {
                    Files.delete(tmp);
                } else {
                    SafeFiles.commit(tmp, target);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UserError(e, "error.evidence.copyFailed", source.toString(), String.valueOf(e.getMessage()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Stored stored = new Stored(sha, SafeText.fileName(source.getFileName().toString(), sha.substring(0, 12)), size,
                probe(source), Instant.now());
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO attachment(sha256, file_name, size, media_type, "
                    + "added_at) VALUES(?, ?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING")) {
                ps.setString(1, stored.sha256());
                ps.setString(2, stored.fileName());
                ps.setLong(3, stored.size());
                Sql.text(ps, 4, stored.mediaType());
                ps.setString(5, stored.addedAt().toString());
                return ps.executeUpdate();
            }
        });
        return stored;
    }

    private static String probe(Path file) {
        try {
            return Files.probeContentType(file);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Keeps bytes that were already checked against their hash (an evidence file from a package)
     * under {@code attachments/<sha256>}; a file already there is left as it is.
     */
    public void storeChecked(String sha256, byte[] bytes) {
        Path target = folder.resolve(sha256);
        if (Files.isRegularFile(target)) {
            return;
        }
        try {
            SafeFiles.writeAtomically(target, bytes);
        } catch (IOException e) {
            throw new UserError(e, "error.evidence.copyFailed", sha256, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Keeps several checked files (a package's evidence) as {@link #storeChecked} keeps one, forced to
     * disk together; files already there are left as they are.
     */
    public void storeAllChecked(java.util.Map<String, byte[]> bySha256) {
        java.util.Map<Path, byte[]> missing = new java.util.LinkedHashMap<>();
        bySha256.forEach((sha, bytes) -> {
            Path target = folder.resolve(sha);
            if (!Files.isRegularFile(target)) {
                missing.put(target, bytes);
            }
        });
        try {
            SafeFiles.writeAllAtomically(missing);
        } catch (IOException e) {
            throw new UserError(e, "error.evidence.copyFailed", String.join(", ", bySha256.keySet()),
                    String.valueOf(e.getMessage()));
        }
    }

    /** Records a file kept under its hash (from a package) by its name, once. */
    public void record(String sha256, String fileName, long size) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO attachment(sha256, file_name, size, media_type, "
                    + "added_at) VALUES(?, ?, ?, NULL, ?) ON CONFLICT(sha256) DO NOTHING")) {
                ps.setString(1, sha256);
                ps.setString(2, fileName);
                ps.setLong(3, size);
                ps.setString(4, Instant.now().toString());
                return ps.executeUpdate();
            }
        });
    }

    /** Records that a stored file is evidence of a node (as a package says). */
    public void link(Evidence e) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO attachment(sha256, file_name, size, media_type, "
                    + "added_at) VALUES(?, ?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING")) {
                ps.setString(1, e.sha256());
                ps.setString(2, e.fileName());
                ps.setLong(3, e.size());
                Sql.text(ps, 4, e.mediaType());
                ps.setString(5, e.addedAt().toString());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO evidence(node_id, sha256, note, added_at) "
                    + "VALUES(?, ?, ?, ?) ON CONFLICT(node_id, sha256) DO UPDATE SET note = excluded.note")) {
                ps.setString(1, e.nodeId());
                ps.setString(2, e.sha256());
                Sql.text(ps, 3, e.note());
                ps.setString(4, e.addedAt().toString());
                return ps.executeUpdate();
            }
        });
    }

    /** Unlinks all evidence of the unit's nodes for the year (before a snapshot replaces it). */
    public int deleteByUnit(String unitCode, int year) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM evidence WHERE node_id IN "
                    + "(SELECT id FROM goal_node WHERE unit_code = ? AND year = ?)")) {
                ps.setString(1, unitCode);
                ps.setInt(2, year);
                return ps.executeUpdate();
            }
        });
    }

    /** Unlinks the file from the node; the stored copy stays (another node may use it). */
    public int detach(String nodeId, String sha256) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM evidence WHERE node_id = ? AND sha256 = ?")) {
                ps.setString(1, nodeId);
                ps.setString(2, sha256);
                return ps.executeUpdate();
            }
        });
    }

    public List<Evidence> findByNode(String nodeId) {
        return db.list(SELECT + "WHERE e.node_id = ? ORDER BY e.added_at", EvidenceRepository::map, nodeId);
    }

    public List<Evidence> findByUnit(String unitCode, int year) {
        return db.list(SELECT + "JOIN goal_node g ON g.id = e.node_id WHERE g.unit_code = ? AND g.year = ? "
                + "AND g.deleted = 0 ORDER BY e.node_id, e.added_at", EvidenceRepository::map, unitCode, year);
    }

    /** Where the stored copy of a file is, if it is there. */
    public Optional<Path> file(String sha256) {
        Path p = folder.resolve(sha256);
        return sha256.matches("[0-9a-f]{64}") && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** The name a stored file had when it was added, as shown (cleaned: see {@link SafeText#fileName}). */
    public Optional<String> fileName(String sha256) {
        return db.list("SELECT file_name FROM attachment WHERE sha256 = ?", rs -> shown(rs.getString(1), sha256), sha256)
                .stream().findFirst();
    }

    /** A name as shown: one recorded before names were cleaned is cleaned when read. */
    private static String shown(String name, String sha256) {
        return SafeText.fileName(name, sha256.length() >= 12 ? sha256.substring(0, 12) : sha256);
    }

    /**
     * A read-only copy of a stored file under its own (cleaned) name, in a fresh temporary folder, for
     * the system's program to open: the stored file keeps its hash whatever that program does.
     */
    public Path openableCopy(String sha256) throws IOException {
        String name = fileName(sha256).orElse(sha256);
        Path stored = file(sha256).orElseThrow(() -> new UserError("self.evidenceMissing", name));
        Path dir = Files.createTempDirectory("perfdesk-evidence-");
        Path copy = dir.resolve(name);
        Files.copy(stored, copy, StandardCopyOption.REPLACE_EXISTING);
        copy.toFile().setReadOnly();
        return copy;
    }

    private static final String SELECT = "SELECT e.node_id, e.sha256, a.file_name, a.size, a.media_type, e.note, "
            + "e.added_at FROM evidence e JOIN attachment a ON a.sha256 = e.sha256 ";

    private static Evidence map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Evidence(rs.getString(1), rs.getString(2), shown(rs.getString(3), rs.getString(2)), rs.getLong(4),
                rs.getString(5),
                rs.getString(6), Instant.parse(rs.getString(7)));
    }
}
