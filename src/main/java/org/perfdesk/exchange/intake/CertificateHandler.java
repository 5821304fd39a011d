package org.perfdesk.exchange.intake;

import java.util.Set;

import org.perfdesk.domain.Texts;
import org.perfdesk.domain.TrustedKey;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.crypto.Ed25519;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.snapshot.Payloads;

/** The office's certificate for this unit's key, its answer to the enrollment: the own key becomes certified. */
public final class CertificateHandler implements PackageHandler {
    @Override
    public Set<PackageKind> kinds() {
        return Set.of(PackageKind.CERTIFICATE);
    }

    @Override
    public Plan plan(Incoming in) {
        Payloads.Certificate c = in.read(EntryNames.CERTIFICATE, Payloads.Certificate.class);
        String ownKey = WorkspaceKeys.keyId(in.ws());
        if (!Payloads.CERTIFICATE_FORMAT.equals(c.format()) || !in.ws().self().code().equals(c.unitCode())
                || !ownKey.equals(c.keyId())) {
            throw new PackageException("certificate-mismatch", String.valueOf(c.unitCode()));
        }
        return new Plan().summary(Texts.t("import.certificate", Ed25519.fingerprintOf(ownKey))).write(() -> {
            TrustedKey own = in.ws().trustedKeys().find(ownKey).orElseThrow();
            in.ws().trustedKeys().save(new TrustedKey(own.keyId(), own.unitCode(), own.publicKey(),
                    TrustedKey.Source.CERTIFIED, own.validFrom(), null, null));
        });
    }
}
