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
import java.util.Arrays;
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
import org.perfdesk.exchange.crypto.Suite;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/**
 * A workspace's own keys, all encrypted under the one passphrase, per algorithm suite it uses: the
 * signing key ({@code signing-key.json}), the current encryption key ({@code encryption-key.json}) and
 * the encryption keys it had before each rotation ({@code retired/encryption-key-<keyId>.json}, kept so
 * old packages stay readable). intl-1's (Ed25519, X25519) are in {@code keys/} as they always were;
 * gm-1's (SM2) in {@code keys/gm-1/}, the same names. An office that moved to gm-1 for a new year holds
 * both: it still answers the years before under intl-1. Public halves also as PEM; ids in the
 * workspace's records.
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
    /** workspace_meta: the intl-1 signing key's id; another suite's is {@code key_id.<suite>}. */
    public static final String KEY_ID = "key_id";
    /** workspace_meta: when the last key backup was made, and which encryption keys were current then. */
    public static final String KEY_BACKUP_AT = "key_backup_at";
    public static final String KEY_BACKUP_ENCRYPTION_KEY = "key_backup_encryption_key_id";
    /** The first line of the text a card's encryption key is signed as (package-format.md §4). */
    public static final String STATEMENT = "perfdesk-card-encryption-key/1";
    /** The same for a suite other than intl-1: a fifth line names the suite (package-format.md §11). */
    public static final String STATEMENT_V2 = "perfdesk-card-encryption-key/2";

    private WorkspaceKeys() {
    }

    /** What a person needs to know about a key: its id, fingerprint to read out, PEM, and suite. */
    public record KeyInfo(String keyId, String fingerprint, String pem, Suite suite) {
        public KeyInfo(String keyId, String fingerprint, String pem) {
            this(keyId, fingerprint, pem, Suite.INTL);
        }
    }

    /** The folder of a suite's key files: {@code keys/} for intl-1, {@code keys/<suite>/} for the others. */
    public static Path dir(Workspace ws, Suite suite) {
        return suite == Suite.INTL ? ws.keysDir() : ws.keysDir().resolve(suite.id());
    }

    /** Makes intl-1 key pairs (see {@link #create(Workspace, char[], Suite)}). */
    public static Signer create(Workspace ws, char[] passphrase) {
        return create(ws, passphrase, Suite.INTL);
    }

    /** Makes the key pairs of {@code suite}, encrypts them under the passphrase, records their ids; returns them unlocked. */
    public static Signer create(Workspace ws, char[] passphrase, Suite suite) {
        KeyFile.Passphrase p = new KeyFile.Passphrase(passphrase);
        makeKeys(ws, suite, p);
        return unlock(ws, p); // the stretched passphrase is remembered: this only opens the files just written
    }

    /**
     * Adds the keys of another suite to a workspace that has keys (a move to gm-1, or a unit learning its
     * office's suite from the card), under the same passphrase, which must open the keys it has.
     * Returns all the keys unlocked.
     */
    public static Signer addSuite(Workspace ws, char[] passphrase, Suite suite) {
        if (exists(ws, suite)) {
            return unlock(ws, passphrase);
        }
        KeyFile.Passphrase p = new KeyFile.Passphrase(passphrase);
        if (exists(ws)) {
            unlock(ws, p); // the passphrase must be the workspace's
        }
        makeKeys(ws, suite, p);
        return unlock(ws, p);
    }

    /** Writes and records a suite's signing key and encryption key; the unit's record names the new signing key. */
    private static Signer.Keys makeKeys(Workspace ws, Suite suite, KeyFile.Passphrase p) {
        KeyPair pair = suite.newSigningKey();
        Path dir = dir(ws, suite);
        KeyFile.write(dir.resolve(KEY_FILE), pair, suite, false, p, null);
        writePem(dir, PUBLIC_PEM, suite.toPem(pair.getPublic()));
        String keyId = suite.keyId(pair.getPublic());
        OrgUnit self = ws.self();
        ws.database().write(c -> {
            ws.meta().put(keyIdMeta(suite), keyId);
            ws.orgUnits().save(self.withKeyId(keyId));
            ws.trustedKeys().save(new TrustedKey(keyId, self.code(), Suite.toBase64(pair.getPublic()),
                    TrustedKey.Source.OWN, Instant.now(), null, null, suite.id()));
            return null;
        });
        KeyPair encryption = newEncryptionKey(ws, suite, pair.getPrivate(), pair.getPublic(), p);
        return new Signer.Keys(pair.getPrivate(), pair.getPublic(), encryption.getPublic());
    }

    private static String keyIdMeta(Suite suite) {
        return suite == Suite.INTL ? KEY_ID : KEY_ID + "." + suite.id();
    }

    /** Whether the workspace has keys (of any suite). */
    public static boolean exists(Workspace ws) {
        return !suites(ws).isEmpty();
    }

    public static boolean exists(Workspace ws, Suite suite) {
        return Files.isRegularFile(dir(ws, suite).resolve(KEY_FILE));
    }

    /** The suites the workspace holds keys of, intl-1 first. */
    public static List<Suite> suites(Workspace ws) {
        return Suite.all().stream().filter(s -> exists(ws, s)).toList();
    }

    /**
     * The suite the workspace signs its newest packages with: its newest year's (see {@link SuitePlan})
     * when it holds keys of it, else the one it holds keys of.
     */
    public static Suite currentSuite(Workspace ws) {
        Suite newest = SuitePlan.newest(ws);
        if (exists(ws, newest)) {
            return newest;
        }
        List<Suite> held = suites(ws);
        return held.isEmpty() ? newest : held.get(held.size() - 1);
    }

    public static boolean hasEncryptionKey(Workspace ws) {
        return hasEncryptionKey(ws, currentSuite(ws));
    }

    public static boolean hasEncryptionKey(Workspace ws, Suite suite) {
        return Files.isRegularFile(dir(ws, suite).resolve(ENCRYPTION_FILE));
    }

    /** The current suite's signing public key. */
    public static PublicKey publicKey(Workspace ws) {
        return publicKey(ws, currentSuite(ws));
    }

    public static PublicKey publicKey(Workspace ws, Suite suite) {
        requireKey(ws, suite);
        return KeyFile.publicKey(dir(ws, suite).resolve(KEY_FILE));
    }

    /** The current encryption key's public half, or null before the first unlock of an older workspace. */
    public static PublicKey encryptionKey(Workspace ws) {
        return encryptionKey(ws, currentSuite(ws));
    }

    public static PublicKey encryptionKey(Workspace ws, Suite suite) {
        return hasEncryptionKey(ws, suite) ? KeyFile.publicKey(dir(ws, suite).resolve(ENCRYPTION_FILE)) : null;
    }

    /** The current suite's signing key. */
    public static KeyInfo info(Workspace ws) {
        return info(publicKey(ws));
    }

    public static KeyInfo info(Workspace ws, Suite suite) {
        return info(publicKey(ws, suite));
    }

    /** The current encryption key, or null when there is none yet. */
    public static KeyInfo encryptionInfo(Workspace ws) {
        return encryptionInfo(ws, currentSuite(ws));
    }

    public static KeyInfo encryptionInfo(Workspace ws, Suite suite) {
        PublicKey key = encryptionKey(ws, suite);
        return key == null ? null : info(key);
    }

    static KeyInfo info(PublicKey key) {
        Suite suite = Suite.ofKey(key);
        return new KeyInfo(suite.keyId(key), suite.fingerprint(key), suite.toPem(key), suite);
    }

    /**
     * Decrypts the keys of every suite the workspace holds with the passphrase (a wrong one says so). Makes
     * the encryption key if the workspace has none yet, and re-records the current one if the records lost
     * it (a database restored from before a rotation). Retired keys that do not open with this passphrase
     * (left from before a key restore under a new passphrase) are left out.
     */
    public static Signer unlock(Workspace ws, char[] passphrase) {
        return unlock(ws, new KeyFile.Passphrase(passphrase));
    }

    static Signer unlock(Workspace ws, KeyFile.Passphrase p) {
        List<Suite> held = suites(ws);
        if (held.isEmpty()) {
            throw new UserError("error.key.missing", ws.dir().toString());
        }
        Map<Suite, Signer.Keys> keys = new LinkedHashMap<>();
        Map<String, KeyPair> ring = new LinkedHashMap<>();
        for (Suite suite : held) {
            keys.put(suite, unlock(ws, suite, p, ring));
        }
        return new Signer(ws.self().code(), currentSuite(ws), keys, new KeyRing(ring));
    }

    private static Signer.Keys unlock(Workspace ws, Suite suite, KeyFile.Passphrase p, Map<String, KeyPair> ring) {
        Path dir = dir(ws, suite);
        Path file = dir.resolve(KEY_FILE);
        PrivateKey signing = KeyFile.unlock(file, p);
        PublicKey signingPublic = KeyFile.publicKey(file);
        PublicKey current;
        if (!hasEncryptionKey(ws, suite)) {
            KeyPair made = newEncryptionKey(ws, suite, signing, signingPublic, p);
            current = made.getPublic();
            ring.put(suite.keyId(current), made);
        } else {
            Path enc = dir.resolve(ENCRYPTION_FILE);
            current = KeyFile.publicKey(enc);
            ring.put(suite.keyId(current), new KeyPair(current, KeyFile.unlock(enc, p)));
            if (ws.encryptionKeys().find(suite.keyId(current)).filter(k -> k.signature() != null).isEmpty()) {
                record(ws, suite, current, signing, signingPublic, Instant.now());
            }
        }
        for (Path retired : retiredFiles(ws, suite)) {
            try {
                PublicKey pub = KeyFile.publicKey(retired);
                ring.putIfAbsent(suite.keyId(pub), new KeyPair(pub, KeyFile.unlock(retired, p)));
            } catch (UserError e) {
                // another passphrase, or unreadable: the keys that open are what this session has
            }
        }
        return new Signer.Keys(signing, signingPublic, current);
    }

    /**
     * A new encryption key of the current suite: the current one is kept under {@code retired/} (so
     * packages sealed for it stay readable), the new one becomes current and goes to the other side with
     * the next package (and card). Returns the keys unlocked.
     */
    public static Signer rotateEncryption(Workspace ws, char[] passphrase) {
        Signer before = unlock(ws, passphrase);
        Suite suite = before.suite();
        Path dir = dir(ws, suite);
        Path current = dir.resolve(ENCRYPTION_FILE);
        Path retired = dir.resolve(RETIRED).resolve("encryption-key-" + before.encryptionKeyId() + ".json");
        try {
            // Kept first: if anything below fails, the current key is still in place.
            SafeFiles.writeAtomically(retired, Files.readAllBytes(current));
        } catch (IOException e) {
            throw new UserError(e, "error.key.writeFailed", retired.toString(), String.valueOf(e.getMessage()));
        }
        newEncryptionKey(ws, suite, before.privateKey(), before.publicKey(), new KeyFile.Passphrase(passphrase));
        return unlock(ws, passphrase);
    }

    /**
     * Writes a complete set of one suite's keys under the passphrase (the signing key with a fresh salt,
     * the encryption keys with the same salt), {@code current} as the current encryption key and the
     * others under {@code retired/}, and records the encryption keys; for a restore from a key backup.
     */
    static void install(Workspace ws, Suite suite, KeyPair signing, Map<String, KeyPair> encryption, String current,
                        Map<String, Instant> createdAt, KeyFile.Passphrase passphrase) {
        Path dir = dir(ws, suite);
        Path signingFile = dir.resolve(KEY_FILE);
        KeyFile.write(signingFile, signing, suite, false, passphrase, null);
        writePem(dir, PUBLIC_PEM, suite.toPem(signing.getPublic()));
        KeyFile.Stored salt = KeyFile.read(signingFile);
        for (Map.Entry<String, KeyPair> e : encryption.entrySet()) {
            Path retired = dir.resolve(RETIRED).resolve("encryption-key-" + e.getKey() + ".json");
            if (e.getKey().equals(current)) {
                KeyFile.write(dir.resolve(ENCRYPTION_FILE), e.getValue(), suite, true, passphrase, salt);
                writePem(dir, ENCRYPTION_PEM, suite.toPem(e.getValue().getPublic()));
                try {
                    Files.deleteIfExists(retired);
                } catch (IOException ex) {
                    throw new UserError(ex, "error.key.writeFailed", retired.toString(), String.valueOf(ex.getMessage()));
                }
            } else {
                KeyFile.write(retired, e.getValue(), suite, true, passphrase, salt);
            }
            record(ws, suite, e.getValue().getPublic(), signing.getPrivate(), signing.getPublic(),
                    createdAt.getOrDefault(e.getKey(), Instant.now()));
        }
    }

    /** The current suite's current encryption key's id, or null. */
    public static String currentKeyId(Workspace ws) {
        return currentKeyId(ws, currentSuite(ws));
    }

    public static String currentKeyId(Workspace ws, Suite suite) {
        PublicKey key = encryptionKey(ws, suite);
        return key == null ? null : suite.keyId(key);
    }

    /** How many encryption keys from before rotations this workspace still holds (of every suite). */
    public static int retiredKeyCount(Workspace ws) {
        return suites(ws).stream().mapToInt(s -> retiredFiles(ws, s).size()).sum();
    }

    /** Retired intl-1 encryption key files, oldest name first. */
    static List<Path> retiredFiles(Workspace ws) {
        return retiredFiles(ws, Suite.INTL);
    }

    /** A suite's retired encryption key files, oldest name first. */
    static List<Path> retiredFiles(Workspace ws, Suite suite) {
        Path dir = dir(ws, suite).resolve(RETIRED);
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
    private static KeyPair newEncryptionKey(Workspace ws, Suite suite, PrivateKey signing, PublicKey signingPublic,
                                            KeyFile.Passphrase passphrase) {
        KeyPair pair = suite.newEncryptionKey();
        Path dir = dir(ws, suite);
        KeyFile.write(dir.resolve(ENCRYPTION_FILE), pair, suite, true, passphrase, KeyFile.read(dir.resolve(KEY_FILE)));
        writePem(dir, ENCRYPTION_PEM, suite.toPem(pair.getPublic()));
        record(ws, suite, pair.getPublic(), signing, signingPublic, Instant.now());
        return pair;
    }

    /** Records an own encryption key with the signature its card carries. */
    private static void record(Workspace ws, Suite suite, PublicKey key, PrivateKey signing, PublicKey signingPublic,
                               Instant createdAt) {
        String b64 = Suite.toBase64(key);
        String signature = Base64.getEncoder().encodeToString(suite.sign(signing,
                statement(suite, ws.self().code(), b64, createdAt.toString())));
        ws.encryptionKeys().save(new EncryptionKey(suite.keyId(key), ws.self().code(), b64,
                suite.keyId(signingPublic), EncryptionKey.Source.OWN, createdAt, Instant.now(), signature, suite.id()));
    }

    /**
     * The exact bytes an intl-1 card's encryption key is signed as: {@code perfdesk-card-encryption-key/1},
     * the unit code, the key (base64 SubjectPublicKeyInfo) and when it was made (ISO-8601), each followed
     * by a line feed.
     */
    public static byte[] statement(String unitCode, String publicKeyBase64, String createdAt) {
        return statement(Suite.INTL, unitCode, publicKeyBase64, createdAt);
    }

    /** The same for any suite: another suite's is {@code perfdesk-card-encryption-key/2} with a fifth line, the suite. */
    public static byte[] statement(Suite suite, String unitCode, String publicKeyBase64, String createdAt) {
        String text = suite == Suite.INTL
                ? STATEMENT + "\n" + unitCode + "\n" + publicKeyBase64 + "\n" + createdAt + "\n"
                : STATEMENT_V2 + "\n" + unitCode + "\n" + publicKeyBase64 + "\n" + createdAt + "\n" + suite.id() + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The workspace's own encryption keys as recorded (current and retired, every suite), oldest first. */
    public static List<EncryptionKey> ownEncryptionKeys(Workspace ws) {
        return new ArrayList<>(ws.encryptionKeys().findByUnit(ws.self().code()).stream()
                .filter(k -> k.source() == EncryptionKey.Source.OWN).toList());
    }

    /**
     * True until a key backup holds the current encryption key of every suite (none made yet, or a rotation
     * or a move since); false for a workspace without keys, which has nothing to back up.
     */
    public static boolean needsBackup(Workspace ws) {
        if (!exists(ws)) {
            return false;
        }
        String backedUp = ws.meta().get(KEY_BACKUP_ENCRYPTION_KEY).orElse(null);
        if (backedUp == null) {
            return true;
        }
        List<String> held = Arrays.asList(backedUp.split(","));
        for (Suite suite : suites(ws)) {
            String current = currentKeyId(ws, suite);
            if (current != null && !held.contains(current)) {
                return true;
            }
        }
        return false;
    }

    /** The current encryption key ids of every suite, as the backup record keeps them. */
    static String currentKeyIds(Workspace ws) {
        List<String> ids = new ArrayList<>();
        for (Suite suite : suites(ws)) {
            String id = currentKeyId(ws, suite);
            if (id != null) {
                ids.add(id);
            }
        }
        return String.join(",", ids);
    }

    private static void writePem(Path dir, String name, String pem) {
        try {
            SafeFiles.writeAtomically(dir.resolve(name), pem.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UserError(e, "error.key.writeFailed", dir.toString(), e.getMessage());
        }
    }

    private static void requireKey(Workspace ws, Suite suite) {
        if (!exists(ws, suite)) {
            throw new UserError(exists(ws) ? "error.suite.noKeys" : "error.key.missing",
                    exists(ws) ? suite.label() : ws.dir().toString());
        }
    }

    /** The key id recorded for the workspace's current suite. */
    public static String keyId(Workspace ws) {
        return keyId(ws, currentSuite(ws));
    }

    /** The signing key id recorded for a suite. */
    public static String keyId(Workspace ws, Suite suite) {
        return ws.meta().get(keyIdMeta(suite)).orElseThrow(() -> new UserError(exists(ws) ? "error.suite.noKeys"
                : "error.key.missing", exists(ws) ? suite.label() : ws.dir().toString()));
    }

    /** The fingerprint of a key id, as read by phone (the same form under every suite). */
    public static String fingerprintOf(String keyId) {
        return Ed25519.fingerprintOf(keyId);
    }
}
