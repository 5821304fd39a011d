package org.perfdesk.exchange.intake;

import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.perfdesk.domain.EncryptionKey;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.SafeText;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.TrustedKey;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.crypto.Ed25519;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.store.Workspace;

/**
 * An enrollment (登记申请) is never imported like other packages: a person compares the key's
 * fingerprint by phone and the office decides where the unit sits and how it is ranked
 * ({@code enroll accept}, 收件 → 登记单位). The request says who the unit is (code, name, kind) and
 * which key it holds; its parent and ranking group are ignored (package-format.md §4):
 * <ul>
 *   <li>the parent is this workspace's unit, or one of the collectors it registered, as the office
 *       chooses (default: itself; when re-enrolling, where the unit already sits);</li>
 *   <li>the ranking group is the office's choice (default: by kind, city governments or provincial
 *       departments; when re-enrolling, the unit's present group);</li>
 *   <li>a code this workspace knows with another key is a key replacement: it needs the office's
 *       explicit confirmation after seeing both fingerprints, and revokes the old key in the same
 *       transaction as the new one is registered;</li>
 *   <li>a code some unit only described in its snapshot (no key here) is taken by the enrolling unit,
 *       placed as the office decides; the preview names the unit that described it;</li>
 *   <li>codes compare without regard to case; a code only a case away from a known one is refused;</li>
 *   <li>names are NFC and may not hold control, bidirectional or zero-width characters ({@code bad-name}).</li>
 * </ul>
 */
public final class EnrollmentHandler implements PackageHandler {
    @Override
    public Set<PackageKind> kinds() {
        return Set.of(PackageKind.ENROLLMENT);
    }

    /** In an import: never. It is accepted with the office's decisions. */
    @Override
    public Plan plan(Incoming in) {
        throw new PackageException("enrollment-needs-confirmation", in.sender());
    }

    /**
     * What the office decided when it accepted an enrollment.
     *
     * @param fingerprint the fingerprint the person typed after the phone call
     * @param parent      the unit's parent code; null for the default
     * @param groupSet    whether {@code group} is the office's choice (null then means "not ranked");
     *                    false for the default
     * @param replaceKey  the office confirmed that a known unit's key is to be replaced
     */
    public record Decision(String fingerprint, String parent, RankingGroup group, boolean groupSet,
                           boolean replaceKey) {
        /** The defaults: under this workspace's unit, ranked by kind, no key replaced. */
        public static Decision of(String fingerprint) {
            return new Decision(fingerprint, null, null, false, false);
        }

        public Decision withParent(String code) {
            return new Decision(fingerprint, code, group, groupSet, replaceKey);
        }

        /** The ranking group; null: not ranked. */
        public Decision withGroup(RankingGroup rankingGroup) {
            return new Decision(fingerprint, parent, rankingGroup, true, replaceKey);
        }

        public Decision replacingKey(boolean confirmed) {
            return new Decision(fingerprint, parent, group, groupSet, confirmed);
        }
    }

    /**
     * What accepting a request would do, for a person to confirm: the unit as it would be registered;
     * the record it replaces (null for a new code); the fingerprints of the keys a re-enrollment
     * replaces; and the unit whose data described this code so far (a code a unit listed among its
     * organisations before the real unit enrolled), else null.
     */
    public record Preview(OrgUnit unit, OrgUnit known, List<String> oldFingerprints, String newFingerprint,
                          OrgUnit describedBy) {
        /** Whether accepting replaces a key this workspace holds for the code. */
        public boolean replacesKey() {
            return !oldFingerprints.isEmpty();
        }
    }

    /** Who the request asks to register, as this workspace would register it with these decisions. */
    public static Preview preview(Workspace ws, Payloads.Enrollment enrollment, Decision d) {
        PublicKey key = Ed25519.fromBase64(enrollment.publicKey());
        String keyId = Ed25519.keyId(key);
        Payloads.Org request = enrollment.unit();
        String name = SafeText.name(request.name());
        if (name == null) {
            throw new PackageException("bad-name", String.valueOf(request.code()), SafeText.escaped(request.name()));
        }
        OrgUnit self = ws.self();
        if (request.kind() == null || request.kind() == OrgKind.OFFICE || request.kind().isInternal()) {
            throw new UserError("error.enroll.badKind", String.valueOf(request.kind()));
        }
        if (request.code().equalsIgnoreCase(self.code()) || request.code().equalsIgnoreCase(self.parentCode())) {
            throw new UserError("error.trust.codeTaken", request.code());
        }
        OrgUnit known = ws.orgUnits().findIgnoringCase(request.code()).orElse(null);
        if (known != null && !known.code().equals(request.code())) {
            throw new UserError("error.enroll.codeCase", request.code(), known.code(), SafeText.escaped(known.name()));
        }
        if (known != null && known.kind() == OrgKind.OFFICE) {
            throw new UserError("error.trust.codeTaken", request.code());
        }
        List<TrustedKey> keys = known == null ? List.of() : ws.trustedKeys().findByUnit(known.code());
        // A code with a key here is a unit registered before: the office's earlier decisions stand by
        // default. A code without one was only described in some unit's data: the office decides afresh.
        OrgUnit registered = keys.isEmpty() ? null : known;
        String parent = d.parent() != null ? d.parent() : registered != null ? registered.parentCode() : self.code();
        if (!parent.equals(self.code()) && ws.orgUnits().find(parent)
                .filter(p -> self.code().equals(p.parentCode()) && !p.kind().isInternal()
                        && !p.code().equals(request.code()) && !ws.trustedKeys().findByUnit(p.code()).isEmpty())
                .isEmpty()) {
            throw new UserError("error.enroll.badParent", parent);
        }
        RankingGroup group = d.groupSet() ? d.group()
                : registered != null ? registered.group() : RankingGroup.defaultFor(request.kind());
        OrgUnit unit = registered != null
                ? new OrgUnit(registered.code(), registered.name(), registered.kind(), parent, group, keyId)
                : new OrgUnit(request.code(), name, request.kind(), parent, group, keyId);
        List<String> old = keys.stream().filter(k -> !k.keyId().equals(keyId))
                .map(k -> Ed25519.fingerprintOf(k.keyId())).toList();
        OrgUnit describedBy = known != null && registered == null ? reportingAncestor(ws, known) : null;
        return new Preview(unit, known, old, Ed25519.fingerprint(key), describedBy);
    }

    /** The nearest unit above an organisation that keeps a workspace of its own (or this one). */
    private static OrgUnit reportingAncestor(Workspace ws, OrgUnit org) {
        String code = org.parentCode();
        for (int steps = 0; code != null && steps < 64; steps++) {
            OrgUnit o = ws.orgUnits().find(code).orElse(null);
            if (o == null) {
                return null;
            }
            if (o.code().equals(ws.self().code()) || !ws.trustedKeys().findByUnit(o.code()).isEmpty()) {
                return o;
            }
            code = o.parentCode();
        }
        return null;
    }

    /**
     * Every check of accepting, before anything is asked or written: the typed fingerprint, the
     * preview's checks, and the office's confirmation when a registered key is replaced.
     */
    public static Preview check(Workspace ws, Payloads.Enrollment enrollment, Decision d) {
        KeyRegistry.requireFingerprint(Ed25519.fromBase64(enrollment.publicKey()), d.fingerprint());
        Preview p = preview(ws, enrollment, d);
        if (p.replacesKey() && !d.replaceKey()) {
            throw new UserError("error.enroll.knownCode", p.unit().code(), SafeText.escaped(p.unit().name()),
                    String.join(", ", p.oldFingerprints()), p.newFingerprint());
        }
        return p;
    }

    /**
     * Checks the request and the office's decisions against this workspace and returns the writes:
     * the old keys revoked (when confirmed), the unit as decided, its keys registered. Nothing is
     * written here; the caller runs them in one transaction.
     */
    public static Runnable registration(Workspace ws, Payloads.Enrollment enrollment,
                                        Payloads.EncryptionKey encryption, Decision d) {
        Preview p = check(ws, enrollment, d);
        String keyId = Ed25519.keyId(Ed25519.fromBase64(enrollment.publicKey()));
        return () -> {
            Instant now = Instant.now();
            if (p.replacesKey()) {
                String reason = Texts.t("enroll.replacedReason", p.newFingerprint());
                for (TrustedKey old : ws.trustedKeys().findByUnit(p.unit().code())) {
                    if (!old.keyId().equals(keyId) && old.revokedAt() == null) {
                        ws.trustedKeys().revoke(old.keyId(), now, reason);
                    }
                }
            }
            ws.orgUnits().save(p.unit());
            ws.trustedKeys().save(new TrustedKey(keyId, p.unit().code(), enrollment.publicKey(),
                    TrustedKey.Source.REGISTERED, now, null, null));
            if (encryption != null) {
                KeyRegistry.saveEncryptionKey(ws, encryption, keyId, EncryptionKey.Source.ENROLLMENT);
            }
            java.util.Map<String, String> facts = new java.util.LinkedHashMap<>();
            facts.put("unit", p.unit().code());
            facts.put("parent", p.unit().parentCode());
            facts.put("group", p.unit().group() == null ? "" : p.unit().group().name());
            facts.put("after", p.newFingerprint());
            if (p.replacesKey()) {
                facts.put("before", String.join("、", p.oldFingerprints()));
            }
            ws.audit().append(p.replacesKey() ? "enroll-replace-key" : "enroll", p.unit().code(),
                    p.replacesKey() ? String.join(", ", p.oldFingerprints()) : null,
                    p.newFingerprint() + " parent=" + p.unit().parentCode() + " group=" + p.unit().group(), "", facts);
        };
    }
}
