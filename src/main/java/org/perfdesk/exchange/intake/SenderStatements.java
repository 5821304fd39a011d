package org.perfdesk.exchange.intake;

import org.perfdesk.domain.EncryptionKey;
import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.snapshot.Payloads;

/**
 * What packages carry beside their kind's payload, taken in whatever the kind: the sender's current
 * encryption key ({@code payload/encryption-key.json}, any package) and the office's revocations
 * ({@code payload/revocations.json}, required in every package from an office or collector).
 */
final class SenderStatements {
    private SenderStatements() {
    }

    /** The revocations, applied before the kind's own writes; nothing for a unit's package. */
    static Runnable revocations(Incoming in) {
        if (!in.manifest().kind().fromOffice()) {
            return () -> { };
        }
        Payloads.Revocations r = in.read(EntryNames.REVOCATIONS, Payloads.Revocations.class);
        if (!Payloads.REVOCATIONS_FORMAT.equals(r.format()) || r.revocations() == null) {
            throw new PackageException("bad-snapshot", EntryNames.REVOCATIONS);
        }
        return () -> KeyRegistry.applyRevocations(in.ws(), r);
    }

    /** The sender's encryption key, vouched for by the signature just checked; recorded after the kind's writes. */
    static Runnable encryptionKey(Incoming in) {
        byte[] statement = in.entry(EntryNames.ENCRYPTION_KEY);
        if (statement == null) {
            return () -> { };
        }
        Payloads.EncryptionKey key = KeyRegistry.readEncryptionKey(statement, in.sender());
        String signingKeyId = in.opened().signer().keyId();
        return () -> KeyRegistry.saveEncryptionKey(in.ws(), key, signingKeyId, EncryptionKey.Source.PACKAGE);
    }
}
