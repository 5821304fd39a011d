package org.perfdesk.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;

import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.TrustedKey;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.crypto.Ed25519;
import org.perfdesk.exchange.crypto.KeyFile;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/**
 * A workspace's own signing key: made with the workspace, kept encrypted in {@code keys/signing-key.json},
 * its public half also as {@code keys/signing-key.pub.pem}, its id in the workspace's records.
 */
public final class WorkspaceKeys {
    public static final String KEY_FILE = "signing-key.json";
    public static final String PUBLIC_PEM = "signing-key.pub.pem";
    public static final String KEY_ID = "key_id";

    private WorkspaceKeys() {
    }

    /** What a person needs to know about the key: its id, fingerprint to read out, and PEM. */
    public record KeyInfo(String keyId, String fingerprint, String pem) {
    }

    /** Makes the key pair, encrypts it under the passphrase, records its id; returns it unlocked. */
    public static Signer create(Workspace ws, char[] passphrase) {
        KeyPair pair = Ed25519.generate();
        KeyFile.write(ws.keysDir().resolve(KEY_FILE), pair, passphrase);
        try {
            SafeFiles.writeAtomically(ws.keysDir().resolve(PUBLIC_PEM),
                    Ed25519.toPem(pair.getPublic()).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UserError(e, "error.key.writeFailed", ws.keysDir().toString(), e.getMessage());
        }
        String keyId = Ed25519.keyId(pair.getPublic());
        OrgUnit self = ws.self();
        ws.database().write(c -> {
            ws.meta().put(KEY_ID, keyId);
            ws.orgUnits().save(self.withKeyId(keyId));
            ws.trustedKeys().save(new TrustedKey(keyId, self.code(), Ed25519.toBase64(pair.getPublic()),
                    TrustedKey.Source.OWN, Instant.now(), null, null));
            return null;
        });
        return new Signer(self.code(), pair.getPrivate(), pair.getPublic());
    }

    public static boolean exists(Workspace ws) {
        return Files.isRegularFile(ws.keysDir().resolve(KEY_FILE));
    }

    public static PublicKey publicKey(Workspace ws) {
        requireKey(ws);
        return KeyFile.publicKey(ws.keysDir().resolve(KEY_FILE));
    }

    public static KeyInfo info(Workspace ws) {
        return info(publicKey(ws));
    }

    static KeyInfo info(PublicKey key) {
        return new KeyInfo(Ed25519.keyId(key), Ed25519.fingerprint(key), Ed25519.toPem(key));
    }

    /** Decrypts the key with the passphrase (a wrong one says so). */
    public static Signer unlock(Workspace ws, char[] passphrase) {
        requireKey(ws);
        Path file = ws.keysDir().resolve(KEY_FILE);
        return new Signer(ws.self().code(), KeyFile.unlock(file, passphrase), KeyFile.publicKey(file));
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
