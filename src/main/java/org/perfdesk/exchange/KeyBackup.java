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
import org.perfdesk.exchange.crypto.X25519;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.StrictJson;
import org.perfdesk.store.AuditKeys;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/**
 * The key backup (密钥备份): one file holding the workspace's signing key and every encryption key it
 * has had, encrypted under a passphrase of its own (PBKDF2-HMAC-SHA256 → AES-256-GCM, as the key files).
 * Kept apart from the PC (a safe, a sealed envelope), it brings the keys back when the PC dies, the
 * {@code keys/} folder is lost, or the workspace passphrase is forgotten: without the encryption keys
 * no package sealed for this unit can ever be opened again.
 *
 * <p>Only the unit code, name and signing key id are in the clear, so a person can tell whose file it
 * is; they are also the associated data, so the file cannot be relabelled.
 */
public final class KeyBackup {
    public static final String FORMAT = "perfdesk-key-backup/1";
    public static final String SECRET_FORMAT = "perfdesk-key-backup-keys/1";
    /** A key backup is small; anything larger is not one. */
    private static final long MAX_SIZE = 1024 * 1024;

    private KeyBackup() {
    }

    /** The file as stored. */
    @JsonPropertyOrder({"format", "unitCode", "unitName", "signingKeyId", "createdAt", "keys"})
    public record Stored(String format, String unitCode, String unitName, String signingKeyId, String createdAt,
                         KeyFile.Box keys) {
    }

    /**
     * What the box holds: the private keys in PKCS#8, base64, and the audit log's key (absent in backups
     * made before the log was keyed).
     */
    @JsonPropertyOrder({"format", "signingKey", "encryptionKeys", "auditKey"})
    record Secret(String format, Key signingKey, List<Key> encryptionKeys,
                  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                  AuditKeys.Key auditKey) {
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
     * current encryption key is backed up (the warning goes away until the next rotation).
     */
    public static Path write(Workspace ws, Signer signer, char[] backupPassphrase, Path out) {
        KeyFile.requirePassphrase(backupPassphrase);
        if (signer.encryptionKey() == null) {
            throw new UserError("error.key.unlockForCard");
        }
        Map<String, Instant> created = new LinkedHashMap<>();
        WorkspaceKeys.ownEncryptionKeys(ws).forEach(k -> created.put(k.keyId(), k.createdAt()));
        List<Key> encryption = new ArrayList<>();
        signer.keyRing().pairs().forEach((id, pair) -> encryption.add(new Key(id, X25519.toBase64(pair.getPublic()),
                b64(pair.getPrivate().getEncoded()), created.getOrDefault(id, Instant.now()).toString(),
                id.equals(signer.encryptionKeyId()))));
        Key signing = new Key(signer.keyId(), Ed25519.toBase64(signer.publicKey()),
                b64(signer.privateKey().getEncoded()), null, true);
        byte[] secret = StrictJson.write(new Secret(SECRET_FORMAT, signing, encryption, auditKey(ws)));
        Stored stored;
        try {
            stored = new Stored(FORMAT, ws.self().code(), ws.self().name(), signer.keyId(), Instant.now().toString(),
                    null);
            stored = new Stored(stored.format(), stored.unitCode(), stored.unitName(), stored.signingKeyId(),
                    stored.createdAt(), KeyFile.lock(backupPassphrase, aad(stored), secret));
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
        ws.database().write(c -> {
            ws.meta().put(WorkspaceKeys.KEY_BACKUP_AT, Instant.now().toString());
            ws.meta().put(WorkspaceKeys.KEY_BACKUP_ENCRYPTION_KEY, signer.encryptionKeyId());
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
            if (!FORMAT.equals(s.format()) || s.unitCode() == null || s.signingKeyId() == null || s.keys() == null) {
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
     * the workspace's signing key. Encryption keys the workspace has that the backup lacks (a rotation
     * after the backup) are kept when they open with that passphrase; key files that do not open are
     * moved to {@code keys/before-restore-<time>/}, never deleted. Returns the keys unlocked.
     */
    public static Restored restore(Workspace ws, Path file, char[] backupPassphrase, char[] workspacePassphrase) {
        KeyFile.requirePassphrase(workspacePassphrase);
        Stored stored = read(file);
        if (!stored.unitCode().equals(ws.self().code())) {
            throw new UserError("error.keyBackup.otherUnit", String.valueOf(stored.unitName()), stored.unitCode(),
                    ws.self().name());
        }
        String signingKeyId = WorkspaceKeys.keyId(ws);
        if (!stored.signingKeyId().equals(signingKeyId)) {
            throw new UserError("error.keyBackup.otherKey", Ed25519.fingerprintOf(stored.signingKeyId()),
                    Ed25519.fingerprintOf(signingKeyId));
        }
        Secret secret = open(stored, backupPassphrase, file.toString());
        KeyPair signing = pair("Ed25519", secret.signingKey(), file);
        if (!Ed25519.keyId(signing.getPublic()).equals(signingKeyId)
                || !Ed25519.verify(signing.getPublic(), new byte[] {1}, Ed25519.sign(signing.getPrivate(), new byte[] {1}))) {
            throw new UserError("error.keyBackup.notABackup", file.toString());
        }
        Map<String, KeyPair> keys = new LinkedHashMap<>();
        Map<String, Instant> created = new LinkedHashMap<>();
        String current = null;
        for (Key k : secret.encryptionKeys()) {
            KeyPair p = pair("X25519", k, file);
            keys.put(X25519.keyId(p.getPublic()), p);
            created.put(X25519.keyId(p.getPublic()), instant(k.createdAt()));
            if (k.current()) {
                current = X25519.keyId(p.getPublic());
            }
        }
        // What the workspace holds now and the backup does not: kept if it opens, else set aside.
        KeyFile.Passphrase passphrase = new KeyFile.Passphrase(workspacePassphrase);
        List<Path> setAside = new ArrayList<>();
        Path aside = ws.keysDir().resolve("before-restore-" + Instant.now().toString().replace(':', '-'));
        String newerCurrent = null;
        List<Path> existing = new ArrayList<>(WorkspaceKeys.retiredFiles(ws));
        Path currentFile = ws.keysDir().resolve(WorkspaceKeys.ENCRYPTION_FILE);
        if (Files.isRegularFile(currentFile)) {
            existing.add(currentFile);
        }
        for (Path f : existing) {
            try {
                PublicKey pub = KeyFile.publicKey(f);
                String id = X25519.keyId(pub);
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
        Path signingFile = ws.keysDir().resolve(WorkspaceKeys.KEY_FILE);
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
        try {
            // Moved, not deleted: they may still open with a passphrase someone remembers later.
            for (Path f : setAside) {
                Files.createDirectories(aside);
                Files.move(f, aside.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UserError(e, "error.key.writeFailed", aside.toString(), String.valueOf(e.getMessage()));
        }
        WorkspaceKeys.install(ws, signing, keys, current, created, passphrase);
        // The audit key comes back only where it is missing: a key in use is the one its entries check with.
        if (secret.auditKey() != null && secret.auditKey().key() != null
                && AuditKeys.KEY_FORMAT.equals(secret.auditKey().format()) && auditKey(ws) == null) {
            ws.audit().keys().restore(secret.auditKey());
        }
        if (secret.encryptionKeys().stream().anyMatch(k -> keyIdOf(k).equals(WorkspaceKeys.currentKeyId(ws)))) {
            ws.database().write(c -> {
                ws.meta().put(WorkspaceKeys.KEY_BACKUP_AT, stored.createdAt());
                ws.meta().put(WorkspaceKeys.KEY_BACKUP_ENCRYPTION_KEY, WorkspaceKeys.currentKeyId(ws));
                return null;
            });
        }
        return new Restored(WorkspaceKeys.unlock(ws, workspacePassphrase), keys.size(), setAside);
    }

    /** The workspace's audit key, or null when it has none or its file does not read (a restore replaces it). */
    private static AuditKeys.Key auditKey(Workspace ws) {
        try {
            return ws.audit().keys().key().orElse(null);
        } catch (UserError unreadable) {
            return null;
        }
    }

    private static Secret open(Stored stored, char[] passphrase, String where) {
        byte[] bytes = KeyFile.open(stored.keys(), passphrase, aad(stored), where);
        try {
            Secret s = StrictJson.read(bytes, Secret.class, where);
            if (!SECRET_FORMAT.equals(s.format()) || s.signingKey() == null || s.encryptionKeys() == null) {
                throw new UserError("error.keyBackup.notABackup", where);
            }
            return s;
        } catch (PackageException e) {
            throw new UserError(e, "error.keyBackup.notABackup", where);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The clear fields, bound to the keys they label. */
    private static byte[] aad(Stored s) {
        return (FORMAT + "\n" + s.unitCode() + "\n" + s.unitName() + "\n" + s.signingKeyId() + "\n" + s.createdAt())
                .getBytes(StandardCharsets.UTF_8);
    }

    private static KeyPair pair(String algorithm, Key k, Path file) {
        try {
            byte[] pkcs8 = Base64.getDecoder().decode(k.privateKey());
            PrivateKey priv = KeyFile.privateKey(algorithm, pkcs8);
            Arrays.fill(pkcs8, (byte) 0);
            PublicKey pub = algorithm.equals("X25519") ? X25519.fromBase64(k.publicKey()) : Ed25519.fromBase64(k.publicKey());
            if (algorithm.equals("X25519")) {
                // The halves belong together: both sides of one exchange agree.
                KeyPair probe = X25519.generate();
                if (!Arrays.equals(X25519.dh(priv, probe.getPublic()), X25519.dh(probe.getPrivate(), pub))) {
                    throw new IllegalArgumentException("the public key is not the private key's");
                }
            }
            return new KeyPair(pub, priv);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new UserError(e, "error.keyBackup.notABackup", file.toString());
        }
    }

    private static String keyIdOf(Key k) {
        return X25519.keyId(X25519.fromBase64(k.publicKey()));
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
