package org.perfdesk.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.perfdesk.domain.EncryptionKey;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.TrustedKey;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.crypto.Ed25519;
import org.perfdesk.exchange.crypto.KeyFile;
import org.perfdesk.exchange.crypto.KeyRing;
import org.perfdesk.exchange.crypto.X25519;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/**
 * A workspace's own keys, all under {@code keys/} and encrypted under the one passphrase: the signing
 * key ({@code signing-key.json}, Ed25519, made with the workspace), the current encryption key
 * ({@code encryption-key.json}, X25519) and the encryption keys it had before each rotation
 * ({@code retired/encryption-key-<keyId>.json}, kept so old packages stay readable). Public halves
 * also as PEM; ids in the workspace's records.
 *
 * <p>A workspace made before encryption (schema 3) has no encryption key: the first unlock makes one
 * with the passphrase just given.
 */
public final class WorkspaceKeys {
    public static final String KEY_FILE = "signing-key.json";
    public static final String PUBLIC_PEM = "signing-key.pub.pem";
    public static final String ENCRYPTION_FILE = "encryption-key.json";
    public static final String ENCRYPTION_PEM = "encryption-key.pub.pem";
    public static final String RETIRED = "retired";
    public static final String KEY_ID = "key_id";
    /** workspace_meta: when the last key backup was made, and which encryption key was current then. */
    public static final String KEY_BACKUP_AT = "key_backup_at";
    public static final String KEY_BACKUP_ENCRYPTION_KEY = "key_backup_encryption_key_id";
    /** The first line of the text a card's encryption key is signed as (package-format.md §4). */
    public static final String STATEMENT = "perfdesk-card-encryption-key/1";

    private WorkspaceKeys() {
    }

    /** What a person needs to know about a key: its id, fingerprint to read out, and PEM. */
    public record KeyInfo(String keyId, String fingerprint, String pem) {
    }

    /** Makes the key pairs, encrypts them under the passphrase, records their ids; returns them unlocked. */
    public static Signer create(Workspace ws, char[] passphrase) {
        KeyPair pair = Ed25519.generate();
        KeyFile.Passphrase p = new KeyFile.Passphrase(passphrase);
        KeyFile.write(ws.keysDir().resolve(KEY_FILE), pair, p, null);
        writePem(ws, PUBLIC_PEM, Ed25519.toPem(pair.getPublic()));
        String keyId = Ed25519.keyId(pair.getPublic());
        OrgUnit self = ws.self();
        ws.database().write(c -> {
            ws.meta().put(KEY_ID, keyId);
            ws.orgUnits().save(self.withKeyId(keyId));
            ws.trustedKeys().save(new TrustedKey(keyId, self.code(), Ed25519.toBase64(pair.getPublic()),
                    TrustedKey.Source.OWN, Instant.now(), null, null));
            return null;
        });
        KeyPair encryption = newEncryptionKey(ws, pair.getPrivate(), pair.getPublic(), p);
        return new Signer(self.code(), pair.getPrivate(), pair.getPublic(), KeyRing.of(encryption),
                encryption.getPublic());
    }

    public static boolean exists(Workspace ws) {
        return Files.isRegularFile(ws.keysDir().resolve(KEY_FILE));
    }

    public static boolean hasEncryptionKey(Workspace ws) {
        return Files.isRegularFile(ws.keysDir().resolve(ENCRYPTION_FILE));
    }

    public static PublicKey publicKey(Workspace ws) {
        requireKey(ws);
        return KeyFile.publicKey(ws.keysDir().resolve(KEY_FILE));
    }

    /** The current encryption key's public half, or null before the first unlock of an older workspace. */
    public static PublicKey encryptionKey(Workspace ws) {
        return hasEncryptionKey(ws) ? KeyFile.publicKey(ws.keysDir().resolve(ENCRYPTION_FILE)) : null;
    }

    public static KeyInfo info(Workspace ws) {
        return info(publicKey(ws));
    }

    /** The current encryption key, or null when there is none yet. */
    public static KeyInfo encryptionInfo(Workspace ws) {
        PublicKey key = encryptionKey(ws);
        return key == null ? null : new KeyInfo(X25519.keyId(key), X25519.fingerprint(key), X25519.toPem(key));
    }

    static KeyInfo info(PublicKey key) {
        return new KeyInfo(Ed25519.keyId(key), Ed25519.fingerprint(key), Ed25519.toPem(key));
    }

    /**
     * Decrypts the keys with the passphrase (a wrong one says so). Makes the encryption key if the
     * workspace has none yet, and re-records the current one if the records lost it (a database
     * restored from before a rotation). Retired keys that do not open with this passphrase (left from
     * before a key restore under a new passphrase) are left out.
     */
    public static Signer unlock(Workspace ws, char[] passphrase) {
        requireKey(ws);
        KeyFile.Passphrase p = new KeyFile.Passphrase(passphrase);
        Path file = ws.keysDir().resolve(KEY_FILE);
        PrivateKey signing = KeyFile.unlock(file, p);
        PublicKey signingPublic = KeyFile.publicKey(file);
        Map<String, KeyPair> ring = new LinkedHashMap<>();
        PublicKey current;
        if (!hasEncryptionKey(ws)) {
            KeyPair made = newEncryptionKey(ws, signing, signingPublic, p);
            current = made.getPublic();
            ring.put(X25519.keyId(current), made);
        } else {
            Path enc = ws.keysDir().resolve(ENCRYPTION_FILE);
            current = KeyFile.publicKey(enc);
            ring.put(X25519.keyId(current), new KeyPair(current, KeyFile.unlock(enc, p)));
            if (ws.encryptionKeys().find(X25519.keyId(current)).filter(k -> k.signature() != null).isEmpty()) {
                record(ws, current, signing, signingPublic, Instant.now());
            }
        }
        for (Path retired : retiredFiles(ws)) {
            try {
                PublicKey pub = KeyFile.publicKey(retired);
                ring.putIfAbsent(X25519.keyId(pub), new KeyPair(pub, KeyFile.unlock(retired, p)));
            } catch (UserError e) {
                // another passphrase, or unreadable: the keys that open are what this session has
            }
        }
        return new Signer(ws.self().code(), signing, signingPublic, new KeyRing(ring), current);
    }

    /**
     * A new encryption key: the current one is kept under {@code keys/retired/} (so packages sealed
     * for it stay readable), the new one becomes current and goes to the other side with the next
     * package (and card). Returns the keys unlocked.
     */
    public static Signer rotateEncryption(Workspace ws, char[] passphrase) {
        Signer before = unlock(ws, passphrase);
        Path current = ws.keysDir().resolve(ENCRYPTION_FILE);
        Path retired = ws.keysDir().resolve(RETIRED).resolve("encryption-key-" + before.encryptionKeyId() + ".json");
        try {
            // Kept first: if anything below fails, the current key is still in place.
            SafeFiles.writeAtomically(retired, Files.readAllBytes(current));
        } catch (IOException e) {
            throw new UserError(e, "error.key.writeFailed", retired.toString(), String.valueOf(e.getMessage()));
        }
        newEncryptionKey(ws, before.privateKey(), before.publicKey(), new KeyFile.Passphrase(passphrase));
        return unlock(ws, passphrase);
    }

    /**
     * Writes a complete set of keys under the passphrase (the signing key with a fresh salt, the
     * encryption keys with the same salt), {@code current} as the current encryption key and the others
     * under {@code retired/}, and records the encryption keys; for a restore from a key backup.
     */
    static void install(Workspace ws, KeyPair signing, Map<String, KeyPair> encryption, String current,
                        Map<String, Instant> createdAt, KeyFile.Passphrase passphrase) {
        Path signingFile = ws.keysDir().resolve(KEY_FILE);
        KeyFile.write(signingFile, signing, passphrase, null);
        writePem(ws, PUBLIC_PEM, Ed25519.toPem(signing.getPublic()));
        KeyFile.Stored salt = KeyFile.read(signingFile);
        for (Map.Entry<String, KeyPair> e : encryption.entrySet()) {
            Path retired = ws.keysDir().resolve(RETIRED).resolve("encryption-key-" + e.getKey() + ".json");
            if (e.getKey().equals(current)) {
                KeyFile.write(ws.keysDir().resolve(ENCRYPTION_FILE), e.getValue(), passphrase, salt);
                writePem(ws, ENCRYPTION_PEM, X25519.toPem(e.getValue().getPublic()));
                try {
                    Files.deleteIfExists(retired);
                } catch (IOException ex) {
                    throw new UserError(ex, "error.key.writeFailed", retired.toString(), String.valueOf(ex.getMessage()));
                }
            } else {
                KeyFile.write(retired, e.getValue(), passphrase, salt);
            }
            record(ws, e.getValue().getPublic(), signing.getPrivate(), signing.getPublic(),
                    createdAt.getOrDefault(e.getKey(), Instant.now()));
        }
    }

    /** The current encryption key's id, or null. */
    public static String currentKeyId(Workspace ws) {
        PublicKey key = encryptionKey(ws);
        return key == null ? null : X25519.keyId(key);
    }

    /** How many encryption keys from before rotations this workspace still holds. */
    public static int retiredKeyCount(Workspace ws) {
        return retiredFiles(ws).size();
    }

    /** Retired encryption key files, oldest name first. */
    static List<Path> retiredFiles(Workspace ws) {
        Path dir = ws.keysDir().resolve(RETIRED);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().matches("encryption-key-[0-9a-f]{32}\\.json")).sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Writes a new current encryption key under the passphrase (same salt as the signing key file) and records it. */
    private static KeyPair newEncryptionKey(Workspace ws, PrivateKey signing, PublicKey signingPublic,
                                            KeyFile.Passphrase passphrase) {
        KeyPair pair = X25519.generate();
        KeyFile.write(ws.keysDir().resolve(ENCRYPTION_FILE), pair, passphrase,
                KeyFile.read(ws.keysDir().resolve(KEY_FILE)));
        writePem(ws, ENCRYPTION_PEM, X25519.toPem(pair.getPublic()));
        record(ws, pair.getPublic(), signing, signingPublic, Instant.now());
        return pair;
    }

    /** Records an own encryption key with the signature its card carries. */
    private static void record(Workspace ws, PublicKey key, PrivateKey signing, PublicKey signingPublic,
                               Instant createdAt) {
        String b64 = X25519.toBase64(key);
        String signature = Base64.getEncoder().encodeToString(Ed25519.sign(signing,
                statement(ws.self().code(), b64, createdAt.toString())));
        ws.encryptionKeys().save(new EncryptionKey(X25519.keyId(key), ws.self().code(), b64,
                Ed25519.keyId(signingPublic), EncryptionKey.Source.OWN, createdAt, Instant.now(), signature));
    }

    /**
     * The exact bytes a card's encryption key is signed as: {@code perfdesk-card-encryption-key/1}, the
     * unit code, the key (base64 SubjectPublicKeyInfo) and when it was made (ISO-8601), each followed
     * by a line feed.
     */
    public static byte[] statement(String unitCode, String publicKeyBase64, String createdAt) {
        return (STATEMENT + "\n" + unitCode + "\n" + publicKeyBase64 + "\n" + createdAt + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The workspace's own encryption keys as recorded (current and retired), oldest first. */
    public static List<EncryptionKey> ownEncryptionKeys(Workspace ws) {
        return new ArrayList<>(ws.encryptionKeys().findByUnit(ws.self().code()).stream()
                .filter(k -> k.source() == EncryptionKey.Source.OWN).toList());
    }

    /**
     * True until a key backup holds the current encryption key (none made yet, or a rotation since);
     * false for a workspace without keys, which has nothing to back up.
     */
    public static boolean needsBackup(Workspace ws) {
        if (!exists(ws)) {
            return false;
        }
        String backedUp = ws.meta().get(KEY_BACKUP_ENCRYPTION_KEY).orElse(null);
        if (backedUp == null) {
            return true;
        }
        PublicKey current = encryptionKey(ws);
        return current != null && !backedUp.equals(X25519.keyId(current));
    }

    private static void writePem(Workspace ws, String name, String pem) {
        try {
            SafeFiles.writeAtomically(ws.keysDir().resolve(name), pem.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UserError(e, "error.key.writeFailed", ws.keysDir().toString(), e.getMessage());
        }
    }

    private static void requireKey(Workspace ws) {
        if (!exists(ws)) {
            throw new UserError("error.key.missing", ws.dir().toString());
        }
    }

    /** The key id recorded for the workspace. */
    public static String keyId(Workspace ws) {
        return ws.meta().get(KEY_ID).orElseThrow(() -> new UserError("error.key.missing", ws.dir().toString()));
    }
}
