package org.perfdesk.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.perfdesk.domain.EncryptionKey;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.crypto.Ed25519;
import org.perfdesk.exchange.crypto.KeyFile;
import org.perfdesk.exchange.crypto.Suite;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.StrictJson;
import org.perfdesk.store.AuditKeys;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/**
 * The key backup (密钥备份): one file holding the workspace's signing key and every encryption key it
 * has had, encrypted under a passphrase of its own (as the key files: PBKDF2-HMAC-SHA256 → AES-256-GCM,
 * or under gm-1 PBKDF2-HMAC-SM3 → SM4-GCM). Kept apart from the PC (a safe, a sealed envelope), it brings
 * the keys back when the PC dies, the {@code keys/} folder is lost, or the workspace passphrase is
 * forgotten: without the encryption keys no package sealed for this unit can ever be opened again.
 *
 * <p>Only the unit code, name and signing key id (and, in version 2, the suite the box is locked with)
 * are in the clear, so a person can tell whose file it is; they are also the associated data, so the file
 * cannot be relabelled. A workspace holding keys of intl-1 only writes version 1, as before; one holding
 * keys of another suite (gm-1, alone or beside intl-1 after a move) writes version 2: every suite's keys,
 * each named with its suite, locked the way of the suite the workspace signs with now.
 */
public final class KeyBackup {
    public static final String FORMAT = "perfdesk-key-backup/1";
    public static final String SECRET_FORMAT = "perfdesk-key-backup-keys/1";
    public static final String FORMAT_V2 = "perfdesk-key-backup/2";
    public static final String SECRET_FORMAT_V2 = "perfdesk-key-backup-keys/2";
    /** A key backup is small; anything larger is not one. */
    private static final long MAX_SIZE = 1024 * 1024;

    private KeyBackup() {
    }

    /** The file as stored; {@code suite} (of the box) in version 2 only. */
    @JsonPropertyOrder({"format", "suite", "unitCode", "unitName", "signingKeyId", "createdAt", "keys"})
    public record Stored(String format,
                         @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                         String suite, String unitCode, String unitName, String signingKeyId, String createdAt,
                         KeyFile.Box keys) {
        public Stored(String format, String unitCode, String unitName, String signingKeyId, String createdAt,
                      KeyFile.Box keys) {
            this(format, null, unitCode, unitName, signingKeyId, createdAt, keys);
        }

        /** The suite whose way the box is locked. */
        Suite boxSuite() {
            return Suite.named(suite);
        }
    }

    /**
     * What the box holds (version 1, intl-1): the private keys in PKCS#8, base64, and the audit log's key
     * (absent in backups made before the log was keyed).
     */
    @JsonPropertyOrder({"format", "signingKey", "encryptionKeys", "auditKey"})
    record Secret(String format, Key signingKey, List<Key> encryptionKeys,
                  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                  AuditKeys.Key auditKey) {
    }

    /** What the box holds in version 2: each suite's keys, and the audit log's key. */
    @JsonPropertyOrder({"format", "suites", "auditKey"})
    record SecretV2(String format, List<SuiteKeys> suites,
                    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                    AuditKeys.Key auditKey) {
    }

    /** One suite's keys. */
    @JsonPropertyOrder({"suite", "signingKey", "encryptionKeys"})
    record SuiteKeys(String suite, Key signingKey, List<Key> encryptionKeys) {
    }

    /** One key pair; {@code current} marks the encryption key packages are sealed to now. */
    @JsonPropertyOrder({"keyId", "publicKey", "privateKey", "createdAt", "current"})
    record Key(String keyId, String publicKey, String privateKey, String createdAt, boolean current) {
    }

    /** What a restore did, for the message. */
    public record Restored(Signer signer, int encryptionKeys, List<Path> setAside) {
    }

    /**
     * Writes the backup of the unlocked keys under {@code backupPassphrase} and records that the
     * current encryption keys are backed up (the warning goes away until the next rotation or move).
     */
    public static Path write(Workspace ws, Signer signer, char[] backupPassphrase, Path out) {
        KeyFile.requirePassphrase(backupPassphrase);
        if (signer.encryptionKey() == null) {
            throw new UserError("error.key.unlockForCard");
        }
        Map<String, Instant> created = new LinkedHashMap<>();
        WorkspaceKeys.ownEncryptionKeys(ws).forEach(k -> created.put(k.keyId(), k.createdAt()));
        List<SuiteKeys> suites = new ArrayList<>();
        for (Suite suite : signer.suites()) {
            Signer keys = signer.forSuite(suite);
            List<Key> encryption = new ArrayList<>();
            signer.keyRing().pairs().forEach((id, pair) -> {
                if (Suite.ofKey(pair.getPublic()) == suite) {
                    encryption.add(new Key(id, Suite.toBase64(pair.getPublic()), b64(pair.getPrivate().getEncoded()),
                            created.getOrDefault(id, Instant.now()).toString(), id.equals(keys.encryptionKeyId())));
                }
            });
            suites.add(new SuiteKeys(suite.id(), new Key(keys.keyId(), Suite.toBase64(keys.publicKey()),
                    b64(keys.privateKey().getEncoded()), null, true), encryption));
        }
        boolean v1 = signer.suites().equals(java.util.Set.of(Suite.INTL));
        byte[] secret = v1
                ? StrictJson.write(new Secret(SECRET_FORMAT, suites.get(0).signingKey(), suites.get(0).encryptionKeys(),
                        auditKey(ws)))
                : StrictJson.write(new SecretV2(SECRET_FORMAT_V2, suites, auditKey(ws)));
        Suite boxSuite = v1 ? Suite.INTL : signer.suite();
        Stored stored;
        try {
            stored = new Stored(v1 ? FORMAT : FORMAT_V2, v1 ? null : boxSuite.id(), ws.self().code(), ws.self().name(),
                    signer.keyId(), Instant.now().toString(), null);
            stored = new Stored(stored.format(), stored.suite(), stored.unitCode(), stored.unitName(),
                    stored.signingKeyId(), stored.createdAt(),
                    boxSuite.lock(new KeyFile.Passphrase(backupPassphrase), aad(stored), secret));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        Path target = Files.isDirectory(out) ? out.resolve(fileName(ws)) : out;
        try {
            SafeFiles.writeAtomically(target, StrictJson.write(stored));
        } catch (IOException e) {
            throw new UserError(e, "error.keyBackup.writeFailed", target.toString(), String.valueOf(e.getMessage()));
        }
        // Read back before the warning goes: a backup that does not open is no backup.
        open(read(target), backupPassphrase, target.toString());
        String held = WorkspaceKeys.currentKeyIds(ws);
        ws.database().write(c -> {
            ws.meta().put(WorkspaceKeys.KEY_BACKUP_AT, Instant.now().toString());
            ws.meta().put(WorkspaceKeys.KEY_BACKUP_ENCRYPTION_KEY, held);
            return null;
        });
        return target;
    }

    /** {@code PerfDesk-keys-<unit>-<date>.json}. */
    public static String fileName(Workspace ws) {
        return "PerfDesk-keys-" + ws.self().code() + "-" + java.time.LocalDate.now() + ".json";
    }

    /** Reads the clear part (whose file, when made); the keys stay locked. */
    public static Stored read(Path file) {
        try {
            if (Files.size(file) > MAX_SIZE) {
                throw new UserError("error.keyBackup.notABackup", file.toString());
            }
            Stored s = StrictJson.read(Files.readAllBytes(file), Stored.class, file.getFileName().toString());
            boolean format = FORMAT.equals(s.format()) && s.suite() == null
                    || FORMAT_V2.equals(s.format()) && Suite.known(s.suite());
            if (!format || s.unitCode() == null || s.signingKeyId() == null || s.keys() == null) {
                throw new UserError("error.keyBackup.notABackup", file.toString());
            }
            return s;
        } catch (IOException e) {
            throw new UserError(e, "error.keyBackup.notABackup", file.toString());
        } catch (PackageException e) {
            throw new UserError(e, "error.keyBackup.notABackup", file.toString());
        }
    }

    /**
     * Puts the keys of the backup back into the workspace, encrypted under {@code workspacePassphrase}
     * (the current one, or a new one when it was forgotten). The backup must be this unit's and hold
     * the workspace's signing key of each suite it has. Encryption keys the workspace has that the backup
     * lacks (a rotation after the backup) are kept when they open with that passphrase; key files that do
     * not open are moved to {@code keys/before-restore-<time>/}, never deleted. Returns the keys unlocked.
     */
    public static Restored restore(Workspace ws, Path file, char[] backupPassphrase, char[] workspacePassphrase) {
        KeyFile.requirePassphrase(workspacePassphrase);
        Stored stored = read(file);
        if (!stored.unitCode().equals(ws.self().code())) {
            throw new UserError("error.keyBackup.otherUnit", String.valueOf(stored.unitName()), stored.unitCode(),
                    ws.self().name());
        }
        SecretV2 secret = open(stored, backupPassphrase, file.toString());
        // Every suite the workspace records a signing key of must be in the backup with that key.
        int restored = 0;
        List<Path> setAside = new ArrayList<>();
        Path aside = ws.keysDir().resolve("before-restore-" + Instant.now().toString().replace(':', '-'));
        KeyFile.Passphrase passphrase = new KeyFile.Passphrase(workspacePassphrase);
        List<Runnable> installs = new ArrayList<>();
        boolean any = false;
        for (SuiteKeys k : secret.suites()) {
            Suite suite;
            try {
                suite = Suite.of(k.suite());
            } catch (IllegalArgumentException e) {
                throw new UserError(e, "error.keyBackup.notABackup", file.toString());
            }
            String signingKeyId = ws.meta().get(suite == Suite.INTL ? WorkspaceKeys.KEY_ID
                    : WorkspaceKeys.KEY_ID + "." + suite.id()).orElse(null);
            if (signingKeyId == null) {
                continue; // a suite this workspace does not use (any more): nothing of it to put back
            }
            if (k.signingKey() == null || !signingKeyId.equals(k.signingKey().keyId())) {
                throw new UserError("error.keyBackup.otherKey", Ed25519.fingerprintOf(String.valueOf(
                        k.signingKey() == null ? "" : k.signingKey().keyId())), Ed25519.fingerprintOf(signingKeyId));
            }
            any = true;
            restored += prepare(ws, suite, k, signingKeyId, passphrase, file, setAside, installs);
        }
        if (!any) {
            String signingKeyId = WorkspaceKeys.keyId(ws);
            throw new UserError("error.keyBackup.otherKey", Ed25519.fingerprintOf(stored.signingKeyId()),
                    Ed25519.fingerprintOf(signingKeyId));
        }
        try {
            // Moved, not deleted: they may still open with a passphrase someone remembers later.
            for (Path f : setAside) {
                Files.createDirectories(aside);
                // intl-1's files under their names, as always; another suite's with the suite before it
                Path rel = ws.keysDir().relativize(f);
                String name = rel.getNameCount() > 1 && Suite.known(rel.getName(0).toString())
                        ? rel.getName(0) + "-" + f.getFileName() : f.getFileName().toString();
                Files.move(f, aside.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UserError(e, "error.key.writeFailed", aside.toString(), String.valueOf(e.getMessage()));
        }
        installs.forEach(Runnable::run);
        // The audit key comes back only where it is missing: a key in use is the one its entries check with.
        if (secret.auditKey() != null && secret.auditKey().key() != null
                && AuditKeys.KEY_FORMAT.equals(secret.auditKey().format()) && auditKey(ws) == null) {
            ws.audit().keys().restore(secret.auditKey());
        }
        java.util.Set<String> inBackup = new java.util.HashSet<>();
        for (SuiteKeys k : secret.suites()) {
            for (Key e : k.encryptionKeys()) {
                inBackup.add(e.keyId());
            }
        }
        List<String> current = new ArrayList<>();
        for (Suite suite : WorkspaceKeys.suites(ws)) {
            String id = WorkspaceKeys.currentKeyId(ws, suite);
            if (id != null && inBackup.contains(id)) {
                current.add(id);
            }
        }
        if (!current.isEmpty()) {
            ws.database().write(c -> {
                ws.meta().put(WorkspaceKeys.KEY_BACKUP_AT, stored.createdAt());
                ws.meta().put(WorkspaceKeys.KEY_BACKUP_ENCRYPTION_KEY, String.join(",", current));
                return null;
            });
        }
        return new Restored(WorkspaceKeys.unlock(ws, workspacePassphrase), restored, setAside);
    }

    /**
     * One suite's restore, checked before anything is written: the backup's keys, with the workspace's
     * newer ones that open; what does not open is added to {@code setAside}; the writing is added to
     * {@code installs}. Returns how many encryption keys it holds.
     */
    private static int prepare(Workspace ws, Suite suite, SuiteKeys k, String signingKeyId,
                               KeyFile.Passphrase passphrase, Path file, List<Path> setAside, List<Runnable> installs) {
        KeyPair signing = pair(suite, false, k.signingKey(), file);
        if (!suite.keyId(signing.getPublic()).equals(signingKeyId)
                || !suite.verify(signing.getPublic(), new byte[] {1}, suite.sign(signing.getPrivate(), new byte[] {1}))) {
            throw new UserError("error.keyBackup.notABackup", file.toString());
        }
        Map<String, KeyPair> keys = new LinkedHashMap<>();
        Map<String, Instant> created = new LinkedHashMap<>();
        String current = null;
        for (Key e : k.encryptionKeys()) {
            KeyPair p = pair(suite, true, e, file);
            String id = suite.keyId(p.getPublic());
            keys.put(id, p);
            created.put(id, instant(e.createdAt()));
            if (e.current()) {
                current = id;
            }
        }
        // What the workspace holds now and the backup does not: kept if it opens, else set aside.
        String newerCurrent = null;
        Path dir = WorkspaceKeys.dir(ws, suite);
        List<Path> existing = new ArrayList<>(WorkspaceKeys.retiredFiles(ws, suite));
        Path currentFile = dir.resolve(WorkspaceKeys.ENCRYPTION_FILE);
        if (Files.isRegularFile(currentFile)) {
            existing.add(currentFile);
        }
        for (Path f : existing) {
            try {
                PublicKey pub = KeyFile.publicKey(f);
                String id = suite.keyId(pub);
                if (!keys.containsKey(id)) {
                    keys.put(id, new KeyPair(pub, KeyFile.unlock(f, passphrase)));
                    created.put(id, ws.encryptionKeys().find(id).map(EncryptionKey::createdAt).orElse(Instant.now()));
                    if (f.equals(currentFile)) {
                        newerCurrent = id;
                    }
                }
            } catch (UserError e) {
                setAside.add(f);
            }
        }
        Path signingFile = dir.resolve(WorkspaceKeys.KEY_FILE);
        if (Files.isRegularFile(signingFile)) {
            try {
                KeyFile.unlock(signingFile, passphrase);
            } catch (UserError e) {
                setAside.add(signingFile);
            }
        }
        if (newerCurrent != null) {
            current = newerCurrent;
        }
        if (current == null) {
            current = keys.keySet().stream().max(Comparator.comparing(created::get)).orElse(null);
        }
        if (current == null) {
            throw new UserError("error.keyBackup.notABackup", file.toString());
        }
        String chosen = current;
        installs.add(() -> WorkspaceKeys.install(ws, suite, signing, keys, chosen, created, passphrase));
        return keys.size();
    }

    /** The workspace's audit key, or null when it has none or its file does not read (a restore replaces it). */
    private static AuditKeys.Key auditKey(Workspace ws) {
        try {
            return ws.audit().keys().key().orElse(null);
        } catch (UserError unreadable) {
            return null;
        }
    }

    /** The box opened, version 1 read as a version 2 holding intl-1's keys. */
    private static SecretV2 open(Stored stored, char[] passphrase, String where) {
        byte[] bytes = stored.boxSuite().unlock(stored.keys(), new KeyFile.Passphrase(passphrase), aad(stored), where);
        try {
            if (FORMAT.equals(stored.format())) {
                Secret s = StrictJson.read(bytes, Secret.class, where);
                if (!SECRET_FORMAT.equals(s.format()) || s.signingKey() == null || s.encryptionKeys() == null) {
                    throw new UserError("error.keyBackup.notABackup", where);
                }
                return new SecretV2(SECRET_FORMAT_V2, List.of(new SuiteKeys(Suite.INTL.id(), s.signingKey(),
                        s.encryptionKeys())), s.auditKey());
            }
            SecretV2 s = StrictJson.read(bytes, SecretV2.class, where);
            if (!SECRET_FORMAT_V2.equals(s.format()) || s.suites() == null || s.suites().isEmpty()
                    || s.suites().stream().anyMatch(k -> k.suite() == null || k.signingKey() == null
                            || k.encryptionKeys() == null)) {
                throw new UserError("error.keyBackup.notABackup", where);
            }
            return s;
        } catch (PackageException e) {
            throw new UserError(e, "error.keyBackup.notABackup", where);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The clear fields, bound to the keys they label (version 2 adds the suite after the format). */
    private static byte[] aad(Stored s) {
        String text = FORMAT.equals(s.format())
                ? FORMAT + "\n" + s.unitCode() + "\n" + s.unitName() + "\n" + s.signingKeyId() + "\n" + s.createdAt()
                : s.format() + "\n" + s.suite() + "\n" + s.unitCode() + "\n" + s.unitName() + "\n" + s.signingKeyId()
                        + "\n" + s.createdAt();
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static KeyPair pair(Suite suite, boolean encryption, Key k, Path file) {
        try {
            byte[] pkcs8 = Base64.getDecoder().decode(k.privateKey());
            PrivateKey priv = encryption ? suite.encryptionPrivateKey(pkcs8) : suite.signingPrivateKey(pkcs8);
            Arrays.fill(pkcs8, (byte) 0);
            PublicKey pub = encryption ? suite.encryptionKey(k.publicKey()) : suite.signingKey(k.publicKey());
            if (encryption) {
                // The halves belong together: a content key wrapped for the public half opens with the private one.
                byte[] probe = suite.newContentKey();
                KeyPair pair = new KeyPair(pub, priv);
                if (!Arrays.equals(probe, suite.unwrap(suite.wrap(probe, pub, "probe", "probe"), pair, "probe",
                        "probe"))) {
                    throw new IllegalArgumentException("the public key is not the private key's");
                }
            }
            return new KeyPair(pub, priv);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new UserError(e, "error.keyBackup.notABackup", file.toString());
        }
    }

    private static Instant instant(String s) {
        try {
            return s == null ? Instant.now() : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
