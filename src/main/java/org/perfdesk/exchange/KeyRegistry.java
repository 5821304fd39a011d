package org.perfdesk.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.perfdesk.domain.EncryptionKey;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.TrustedKey;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.crypto.Ed25519;
import org.perfdesk.exchange.crypto.X25519;
import org.perfdesk.exchange.intake.EnrollmentHandler;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.exchange.pkg.StrictJson;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/**
 * Whose signatures a workspace accepts: the office's card pinned by a unit, units' keys registered by
 * the office (or a collector) after comparing fingerprints by phone, and revocations.
 */
public final class KeyRegistry {
    private KeyRegistry() {
    }

    /** The lookup the package reader uses. */
    public static PackageReader.Trust trust(Workspace ws) {
        return keyId -> ws.trustedKeys().find(keyId)
                .map(k -> new PackageReader.TrustedKey(k.keyId(), k.unitCode(), Ed25519.fromBase64(k.publicKey()),
                        k.revokedAt(), k.revokedReason()))
                .orElse(null);
    }

    /**
     * This workspace's card (the office's, or a collector's): code, name, signing key and the current
     * encryption key with its signature, for the units below. A workspace whose encryption key is not
     * made or recorded yet (one from before encryption) must unlock its keys first ({@link #cardNeedsUnlock}).
     */
    public static Payloads.Card card(Workspace ws) {
        PublicKey key = WorkspaceKeys.publicKey(ws);
        OrgUnit self = ws.self();
        EncryptionKey own = ownCurrent(ws);
        if (own == null) {
            throw new UserError("error.key.unlockForCard");
        }
        return new Payloads.Card(Payloads.CARD_FORMAT, self.code(), self.name(), self.kind(), Ed25519.toBase64(key),
                Ed25519.fingerprint(key), own.publicKey(), own.createdAt().toString(), own.signature());
    }

    /** True when the card cannot be written before the keys are unlocked once (the encryption key is made then). */
    public static boolean cardNeedsUnlock(Workspace ws) {
        return ownCurrent(ws) == null;
    }

    private static EncryptionKey ownCurrent(Workspace ws) {
        PublicKey enc = WorkspaceKeys.encryptionKey(ws);
        return enc == null ? null : ws.encryptionKeys().find(X25519.keyId(enc))
                .filter(k -> k.signature() != null && k.source() == EncryptionKey.Source.OWN).orElse(null);
    }

    public static void writeCard(Payloads.Card card, Path out) {
        try {
            SafeFiles.writeAtomically(out, StrictJson.write(card));
        } catch (IOException e) {
            throw new UserError(e, "error.package.writeFailed", out.toString(), e.getMessage());
        }
    }

    public static Payloads.Card readCard(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > org.perfdesk.exchange.pkg.Limits.CARD_FILE) {
                throw new UserError("error.trust.badCard", file.toString());
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError(e, "error.trust.badCard", file.toString());
        }
        Payloads.Card card;
        try {
            card = StrictJson.read(bytes, Payloads.Card.class, file.getFileName().toString());
            Ed25519.fromBase64(card.publicKey());
            if (org.perfdesk.domain.SafeText.name(card.name()) == null
                    || !org.perfdesk.domain.Codes.isValid(card.code())) {
                throw new IllegalArgumentException("a name with hidden characters, or no valid code");
            }
            if (Payloads.CARD_FORMAT.equals(card.format())) {
                X25519.fromBase64(card.encryptionKey());
                java.time.Instant.parse(card.encryptionKeyCreatedAt());
                if (java.util.Base64.getDecoder().decode(card.encryptionKeySignature()).length != Ed25519.SIGNATURE_LENGTH) {
                    throw new IllegalArgumentException("signature length");
                }
            } else if (card.encryptionKey() != null || card.encryptionKeySignature() != null
                    || card.encryptionKeyCreatedAt() != null) {
                throw new IllegalArgumentException("a version 1 card has no encryption key");
            }
        } catch (PackageException | IllegalArgumentException | NullPointerException
                 | java.time.format.DateTimeParseException e) {
            throw new UserError(e, "error.trust.badCard", file.toString());
        }
        if (!Payloads.CARD_FORMAT.equals(card.format()) && !Payloads.CARD_FORMAT_V1.equals(card.format())) {
            throw new UserError("error.trust.badCard", file.toString());
        }
        return card;
    }

    /**
     * A unit pins the key of the office (or of the collector it reports to). The fingerprint the person read out over the phone must match
     * the card's key, whatever the card itself claims.
     */
    public static void pinOffice(Workspace ws, Payloads.Card card, String typedFingerprint) {
        PublicKey key = Ed25519.fromBase64(card.publicKey());
        requireFingerprint(key, typedFingerprint);
        // The encryption key is trusted because the key whose fingerprint was just compared signed it.
        EncryptionKey encryption = null;
        if (card.encryptionKey() != null) {
            byte[] signature;
            try {
                signature = java.util.Base64.getDecoder().decode(card.encryptionKeySignature());
            } catch (IllegalArgumentException | NullPointerException e) {
                signature = null;
            }
            if (!Ed25519.verify(key, WorkspaceKeys.statement(card.code(), card.encryptionKey(),
                    String.valueOf(card.encryptionKeyCreatedAt())), signature)) {
                throw new UserError("error.trust.badCardSignature", card.name());
            }
            encryption = new EncryptionKey(X25519.keyId(X25519.fromBase64(card.encryptionKey())), card.code(),
                    card.encryptionKey(), Ed25519.keyId(key), EncryptionKey.Source.CARD,
                    java.time.Instant.parse(card.encryptionKeyCreatedAt()), Instant.now(), null);
        }
        EncryptionKey encryptionKey = encryption;
        OrgUnit self = ws.self();
        if (self.parentCode() != null && !self.parentCode().equals(card.code())) {
            throw new UserError("error.trust.otherParent", card.code(), self.parentCode());
        }
        ws.database().write(c -> {
            OrgKind kind = card.kind() == null ? OrgKind.OFFICE : card.kind();
            if (kind.isInternal()) {
                throw new UserError("error.trust.badCard", card.code());
            }
            ws.orgUnits().save(new OrgUnit(card.code(), card.name(), kind, null, null, Ed25519.keyId(key)));
            if (self.parentCode() == null) {
                ws.orgUnits().save(new OrgUnit(self.code(), self.name(), self.kind(), card.code(), self.group(),
                        self.keyId()));
            }
            ws.trustedKeys().save(new TrustedKey(Ed25519.keyId(key), card.code(), card.publicKey(),
                    TrustedKey.Source.PINNED, Instant.now(), null, null));
            if (encryptionKey != null) {
                ws.encryptionKeys().save(encryptionKey);
            }
            return null;
        });
    }

    /**
     * Registers a unit's key from its enrollment, after the person compared the fingerprint, with the
     * office's defaults (see {@link EnrollmentHandler}); no package is recorded.
     */
    public static void register(Workspace ws, Payloads.Enrollment enrollment, String typedFingerprint) {
        register(ws, enrollment, null, EnrollmentHandler.Decision.of(typedFingerprint));
    }

    /**
     * The same as the office decided, with the unit's encryption key from the same (signed) enrollment
     * package, so the office's answers can be sealed for it. One transaction.
     */
    public static void register(Workspace ws, Payloads.Enrollment enrollment, Payloads.EncryptionKey encryption,
                                EnrollmentHandler.Decision decision) {
        Runnable registration = EnrollmentHandler.registration(ws, enrollment, encryption, decision);
        ws.database().write(c -> {
            registration.run();
            return null;
        });
    }

    /**
     * Reads {@code payload/encryption-key.json}: the sender's encryption key, which must be the
     * sender's ({@code bad-snapshot} otherwise). Trusted as far as the package's signature is.
     */
    public static Payloads.EncryptionKey readEncryptionKey(byte[] bytes, String senderCode) {
        Payloads.EncryptionKey k = StrictJson.read(bytes, Payloads.EncryptionKey.class, EntryNames.ENCRYPTION_KEY);
        try {
            if (!Payloads.ENCRYPTION_KEY_FORMAT.equals(k.format()) || !senderCode.equals(k.unitCode())
                    || !X25519.keyId(X25519.fromBase64(k.publicKey())).equals(k.keyId())) {
                throw new IllegalArgumentException("not the sender's key");
            }
            Instant.parse(k.createdAt());
        } catch (RuntimeException e) {
            throw new PackageException(e, "bad-snapshot", EntryNames.ENCRYPTION_KEY);
        }
        return k;
    }

    /** The statement a package carries for the sender's current encryption key. */
    public static Payloads.EncryptionKey encryptionKeyStatement(Workspace ws, PublicKey key) {
        String id = X25519.keyId(key);
        Instant created = ws.encryptionKeys().find(id).map(EncryptionKey::createdAt).orElse(Instant.now());
        return new Payloads.EncryptionKey(Payloads.ENCRYPTION_KEY_FORMAT, ws.self().code(), id, X25519.toBase64(key),
                created.toString());
    }

    /** Records another unit's encryption key, vouched for by the signing key that signed what carried it. */
    public static void saveEncryptionKey(Workspace ws, Payloads.EncryptionKey k, String signingKeyId,
                                         EncryptionKey.Source source) {
        ws.encryptionKeys().save(new EncryptionKey(k.keyId(), k.unitCode(), k.publicKey(), signingKeyId, source,
                Instant.parse(k.createdAt()), Instant.now(), null));
    }

    /** Revokes every live key of a unit; returns how many. */
    public static int revoke(Workspace ws, String unitCode, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new UserError("error.trust.reasonRequired");
        }
        List<TrustedKey> keys = ws.trustedKeys().findByUnit(unitCode);
        if (keys.isEmpty()) {
            throw new UserError("error.trust.noKey", unitCode);
        }
        Instant now = Instant.now();
        return ws.database().write(c -> {
            int n = 0;
            for (TrustedKey k : keys) {
                n += ws.trustedKeys().revoke(k.keyId(), now, reason);
            }
            return n;
        });
    }

    /** Revocations as the office's packages carry them. */
    public static Payloads.Revocations revocations(Workspace ws) {
        List<Payloads.Revocation> list = new ArrayList<>();
        for (TrustedKey k : ws.trustedKeys().findRevoked()) {
            list.add(new Payloads.Revocation(k.unitCode(), k.keyId(), k.revokedAt().toString(), k.revokedReason()));
        }
        return new Payloads.Revocations(Payloads.REVOCATIONS_FORMAT, list);
    }

    /** Applies the office's revocations to the keys this workspace knows; unknown keys are ignored. */
    public static int applyRevocations(Workspace ws, Payloads.Revocations revocations) {
        int n = 0;
        for (Payloads.Revocation r : revocations.revocations()) {
            Instant at;
            try {
                at = Instant.parse(r.revokedAt());
            } catch (RuntimeException e) {
                throw new PackageException(e, "bad-snapshot", "revocation " + r.keyId());
            }
            n += ws.trustedKeys().revoke(r.keyId(), at, r.reason());
        }
        return n;
    }

    /** The fingerprint a person typed (any grouping) must be the key's. */
    public static void requireFingerprint(PublicKey key, String typed) {
        String expected = Ed25519.keyId(key);
        String given = Ed25519.normalizeFingerprint(typed);
        if (given == null) {
            throw new UserError("error.trust.fingerprintFormat");
        }
        if (!given.equals(expected)) {
            throw new UserError("error.trust.fingerprintMismatch", Ed25519.fingerprintOf(given),
                    Ed25519.fingerprintOf(expected));
        }
    }
}
