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
import org.perfdesk.exchange.crypto.Suite;
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
 * the office (or a collector) after comparing fingerprints by phone, and revocations. Every key belongs
 * to one algorithm suite and is recorded with it; a card of a suite the unit has no keys of makes them.
 */
public final class KeyRegistry {
    private KeyRegistry() {
    }

    /** The lookup the package reader uses. */
    public static PackageReader.Trust trust(Workspace ws) {
        return keyId -> ws.trustedKeys().find(keyId).map(KeyRegistry::readerKey).orElse(null);
    }

    /** A stored key as the package reader takes it. */
    public static PackageReader.TrustedKey readerKey(TrustedKey k) {
        return new PackageReader.TrustedKey(k.keyId(), k.unitCode(), Suite.named(k.suite()).signingKey(k.publicKey()),
                k.revokedAt(), k.revokedReason());
    }

    /**
     * This workspace's card (the office's, or a collector's): code, name, signing key and the current
     * encryption key with its signature, for the units below. A workspace whose encryption key is not
     * made or recorded yet (one from before encryption) must unlock its keys first ({@link #cardNeedsUnlock}).
     */
    public static Payloads.Card card(Workspace ws) {
        return card(ws, WorkspaceKeys.currentSuite(ws));
    }

    /**
     * The card of one suite's keys: intl-1's is {@code perfdesk-card/2} as always; another suite's is
     * {@code perfdesk-card/3}, naming the suite and the year the workspace uses it from.
     */
    public static Payloads.Card card(Workspace ws, Suite suite) {
        PublicKey key = WorkspaceKeys.publicKey(ws, suite);
        OrgUnit self = ws.self();
        EncryptionKey own = ownCurrent(ws, suite);
        if (own == null) {
            throw new UserError("error.key.unlockForCard");
        }
        if (suite == Suite.INTL) {
            return new Payloads.Card(Payloads.CARD_FORMAT, self.code(), self.name(), self.kind(),
                    Suite.toBase64(key), suite.fingerprint(key), own.publicKey(), own.createdAt().toString(),
                    own.signature());
        }
        Integer from = SuitePlan.newest(ws) == suite ? SuitePlan.fromYear(ws) : null;
        return new Payloads.Card(Payloads.CARD_FORMAT_V3, suite.id(), from == null || from == 0 ? null : from,
                self.code(), self.name(), self.kind(), Suite.toBase64(key), suite.fingerprint(key), own.publicKey(),
                own.createdAt().toString(), own.signature());
    }

    /** True when the card cannot be written before the keys are unlocked once (the encryption key is made then). */
    public static boolean cardNeedsUnlock(Workspace ws) {
        return ownCurrent(ws, WorkspaceKeys.currentSuite(ws)) == null;
    }

    private static EncryptionKey ownCurrent(Workspace ws, Suite suite) {
        PublicKey enc = WorkspaceKeys.encryptionKey(ws, suite);
        return enc == null ? null : ws.encryptionKeys().find(suite.keyId(enc))
                .filter(k -> k.signature() != null && k.source() == EncryptionKey.Source.OWN).orElse(null);
    }

    /** The suite a card's keys belong to: intl-1 for versions 1 and 2, the named one for version 3. */
    public static Suite suiteOf(Payloads.Card card) {
        return Payloads.CARD_FORMAT_V3.equals(card.format()) ? Suite.of(card.suite()) : Suite.INTL;
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
            boolean v3 = Payloads.CARD_FORMAT_V3.equals(card.format());
            if (v3 != (card.suite() != null) || !v3 && card.fromYear() != null
                    || v3 && (!Suite.known(card.suite()) || card.fromYear() != null
                    && (card.fromYear() < 2000 || card.fromYear() > 2100))) {
                throw new IllegalArgumentException("the suite of a version 3 card only, and a year");
            }
            Suite suite = v3 ? Suite.of(card.suite()) : Suite.INTL;
            suite.signingKey(card.publicKey());
            if (org.perfdesk.domain.SafeText.name(card.name()) == null
                    || !org.perfdesk.domain.Codes.isValid(card.code())) {
                throw new IllegalArgumentException("a name with hidden characters, or no valid code");
            }
            if (Payloads.CARD_FORMAT.equals(card.format()) || v3) {
                suite.encryptionKey(card.encryptionKey());
                java.time.Instant.parse(card.encryptionKeyCreatedAt());
                int length = java.util.Base64.getDecoder().decode(card.encryptionKeySignature()).length;
                if (length == 0 || length > suite.maxSignatureLength()) {
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
        if (!Payloads.CARD_FORMAT.equals(card.format()) && !Payloads.CARD_FORMAT_V1.equals(card.format())
                && !Payloads.CARD_FORMAT_V3.equals(card.format())) {
            throw new UserError("error.trust.badCard", file.toString());
        }
        return card;
    }

    /**
     * A unit pins the key of the office (or of the collector it reports to). The fingerprint the person read out over the phone must match
     * the card's key, whatever the card itself claims. The workspace must hold keys of the card's suite
     * ({@link #pinOffice(Workspace, Payloads.Card, String, java.util.function.Supplier)} makes them).
     */
    public static void pinOffice(Workspace ws, Payloads.Card card, String typedFingerprint) {
        pinOffice(ws, card, typedFingerprint, null);
    }

    /**
     * The same; when the workspace holds no keys of the card's suite (the office chose 国密, or moved to
     * it for a new year), they are made under the passphrase {@code passphrase} gives (asked only then;
     * null: refused with a message). The unit then uses the card's suite from the year the card names.
     * Returns the keys unlocked when they were made, else null.
     */
    public static Signer pinOffice(Workspace ws, Payloads.Card card, String typedFingerprint,
                                   java.util.function.Supplier<char[]> passphrase) {
        Suite suite = suiteOf(card);
        PublicKey key = suite.signingKey(card.publicKey());
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
            if (!suite.verify(key, WorkspaceKeys.statement(suite, card.code(), card.encryptionKey(),
                    String.valueOf(card.encryptionKeyCreatedAt())), signature)) {
                throw new UserError("error.trust.badCardSignature", card.name());
            }
            encryption = new EncryptionKey(suite.keyId(suite.encryptionKey(card.encryptionKey())), card.code(),
                    card.encryptionKey(), suite.keyId(key), EncryptionKey.Source.CARD,
                    java.time.Instant.parse(card.encryptionKeyCreatedAt()), Instant.now(), null, suite.id());
        }
        EncryptionKey encryptionKey = encryption;
        OrgUnit self = ws.self();
        if (self.parentCode() != null && !self.parentCode().equals(card.code())) {
            throw new UserError("error.trust.otherParent", card.code(), self.parentCode());
        }
        OrgKind kind = card.kind() == null ? OrgKind.OFFICE : card.kind();
        if (kind.isInternal()) {
            throw new UserError("error.trust.badCard", card.code());
        }
        Signer made = null;
        if (!WorkspaceKeys.exists(ws, suite)) {
            if (passphrase == null) {
                throw new UserError("error.suite.pinNeedsPassphrase", suite.label());
            }
            made = WorkspaceKeys.addSuite(ws, passphrase.get(), suite);
        }
        // The card's suite is the unit's from the year the card names (every year for a card without one).
        SuitePlan.follow(ws, suite, card.fromYear());
        ws.database().write(c -> {
            OrgUnit now = ws.self();
            ws.orgUnits().save(new OrgUnit(card.code(), card.name(), kind, null, null, suite.keyId(key)));
            if (now.parentCode() == null) {
                ws.orgUnits().save(new OrgUnit(now.code(), now.name(), now.kind(), card.code(), now.group(),
                        now.keyId()));
            }
            ws.trustedKeys().save(new TrustedKey(suite.keyId(key), card.code(), card.publicKey(),
                    TrustedKey.Source.PINNED, Instant.now(), null, null, suite.id()));
            if (encryptionKey != null) {
                ws.encryptionKeys().save(encryptionKey);
            }
            return null;
        });
        return made;
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
        return readEncryptionKey(bytes, senderCode, Suite.INTL);
    }

    /**
     * The same in a package of {@code suite}: the statement must be of that suite (version 1 for intl-1,
     * version 2 naming the suite otherwise), and so must the key; one of another suite is {@code mixed-suite}.
     */
    public static Payloads.EncryptionKey readEncryptionKey(byte[] bytes, String senderCode, Suite suite) {
        Payloads.EncryptionKey k = StrictJson.read(bytes, Payloads.EncryptionKey.class, EntryNames.ENCRYPTION_KEY);
        Suite stated;
        try {
            stated = Payloads.ENCRYPTION_KEY_FORMAT_V2.equals(k.format()) ? Suite.of(k.suite()) : Suite.INTL;
        } catch (IllegalArgumentException e) {
            throw new PackageException(e, "bad-snapshot", EntryNames.ENCRYPTION_KEY);
        }
        if (stated != suite) {
            throw new PackageException("mixed-suite", suite.label(),
                    org.perfdesk.domain.Texts.t("suite.part.encryptionKey"), stated.label());
        }
        try {
            boolean format = suite == Suite.INTL ? Payloads.ENCRYPTION_KEY_FORMAT.equals(k.format()) && k.suite() == null
                    : Payloads.ENCRYPTION_KEY_FORMAT_V2.equals(k.format());
            if (!format || !senderCode.equals(k.unitCode())
                    || !suite.keyId(suite.encryptionKey(k.publicKey())).equals(k.keyId())) {
                throw new IllegalArgumentException("not the sender's key");
            }
            Instant.parse(k.createdAt());
        } catch (RuntimeException e) {
            throw new PackageException(e, "bad-snapshot", EntryNames.ENCRYPTION_KEY);
        }
        return k;
    }

    /** The statement a package carries for the sender's current encryption key (of the key's suite). */
    public static Payloads.EncryptionKey encryptionKeyStatement(Workspace ws, PublicKey key) {
        Suite suite = Suite.ofKey(key);
        String id = suite.keyId(key);
        Instant created = ws.encryptionKeys().find(id).map(EncryptionKey::createdAt).orElse(Instant.now());
        return suite == Suite.INTL
                ? new Payloads.EncryptionKey(Payloads.ENCRYPTION_KEY_FORMAT, ws.self().code(), id, Suite.toBase64(key),
                        created.toString())
                : new Payloads.EncryptionKey(Payloads.ENCRYPTION_KEY_FORMAT_V2, suite.id(), ws.self().code(), id,
                        Suite.toBase64(key), created.toString());
    }

    /** Records another unit's encryption key, vouched for by the signing key that signed what carried it. */
    public static void saveEncryptionKey(Workspace ws, Payloads.EncryptionKey k, String signingKeyId,
                                         EncryptionKey.Source source) {
        ws.encryptionKeys().save(new EncryptionKey(k.keyId(), k.unitCode(), k.publicKey(), signingKeyId, source,
                Instant.parse(k.createdAt()), Instant.now(), null, Suite.named(k.suite()).id()));
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

    /** The fingerprint a person typed (any grouping) must be the key's (of its suite). */
    public static void requireFingerprint(PublicKey key, String typed) {
        String expected = Suite.ofKey(key).keyId(key);
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
