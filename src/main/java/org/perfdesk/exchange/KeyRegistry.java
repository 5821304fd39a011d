package org.perfdesk.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.TrustedKey;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.crypto.Ed25519;
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

    /** This workspace's card (the office's, or a collector's): code, name and public key, for the units below. */
    public static Payloads.Card card(Workspace ws) {
        PublicKey key = WorkspaceKeys.publicKey(ws);
        OrgUnit self = ws.self();
        return new Payloads.Card(Payloads.CARD_FORMAT, self.code(), self.name(), self.kind(), Ed25519.toBase64(key),
                Ed25519.fingerprint(key));
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
            if (Files.size(file) > 64 * 1024) {
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
        } catch (PackageException | IllegalArgumentException | NullPointerException e) {
            throw new UserError(e, "error.trust.badCard", file.toString());
        }
        if (!Payloads.CARD_FORMAT.equals(card.format())) {
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
            return null;
        });
    }

    /** Registers a unit's key from its enrollment, after the person compared the fingerprint. */
    public static void register(Workspace ws, Payloads.Enrollment enrollment, String typedFingerprint) {
        PublicKey key = Ed25519.fromBase64(enrollment.publicKey());
        requireFingerprint(key, typedFingerprint);
        Payloads.Org unit = enrollment.unit();
        OrgUnit self = ws.self();
        OrgUnit known = ws.orgUnits().find(unit.code()).orElse(null);
        if (known != null && known.kind().isInternal()) {
            throw new UserError("error.trust.codeTaken", unit.code());
        }
        if (unit.code().equals(self.code())) {
            throw new UserError("error.trust.codeTaken", unit.code());
        }
        ws.database().write(c -> {
            // The collector decides where the unit sits and how it is ranked, not the unit.
            // A collector's sub-unit stays under its collector when the office registers it too.
            String parent = unit.parent() != null && ws.orgUnits().find(unit.parent())
                    .filter(p -> self.code().equals(p.parentCode()) && !p.kind().isInternal()).isPresent()
                    ? unit.parent() : self.code();
            OrgUnit registered = known != null
                    ? known.withKeyId(Ed25519.keyId(key))
                    : new OrgUnit(unit.code(), unit.name(), unit.kind(), parent,
                            unit.group() != null ? unit.group()
                                    : org.perfdesk.domain.RankingGroup.defaultFor(unit.kind()), Ed25519.keyId(key));
            ws.orgUnits().save(registered);
            ws.trustedKeys().save(new TrustedKey(Ed25519.keyId(key), unit.code(), enrollment.publicKey(),
                    TrustedKey.Source.REGISTERED, Instant.now(), null, null));
            return null;
        });
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
