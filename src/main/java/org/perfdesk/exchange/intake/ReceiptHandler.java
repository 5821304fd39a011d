package org.perfdesk.exchange.intake;

import java.time.Instant;
import java.util.Set;

import org.perfdesk.domain.PackageRecord;
import org.perfdesk.domain.Receipt;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.snapshot.Payloads;

/**
 * The office's receipt (回执) for a package this unit sent: its proof of submission. The receipt names
 * the package by id and by its manifest hash, so it matches whatever copy of the package reached the
 * office; a version 1 receipt (or one for a package sent before manifest hashes) by the file hash.
 * A receipt for a package this workspace did not send is {@code receipt-unknown}.
 */
public final class ReceiptHandler implements PackageHandler {
    @Override
    public Set<PackageKind> kinds() {
        return Set.of(PackageKind.RECEIPT);
    }

    @Override
    public Plan plan(Incoming in) {
        Payloads.ReceiptPayload r = in.read(EntryNames.RECEIPT, Payloads.ReceiptPayload.class);
        PackageRecord sent = r.packageId() == null ? null : in.ws().packages().find(r.packageId())
                .filter(p -> p.direction() == PackageRecord.Direction.OUT).orElse(null);
        boolean format = Payloads.RECEIPT_FORMAT.equals(r.format())
                || Payloads.RECEIPT_FORMAT_V1.equals(r.format()) && r.packageHash() == null;
        if (!format || sent == null || !names(r, sent)) {
            throw new PackageException("receipt-unknown", String.valueOf(r.packageId()));
        }
        Instant received;
        try {
            received = Instant.parse(r.receivedAt());
        } catch (RuntimeException e) {
            throw new PackageException(e, "bad-snapshot", EntryNames.RECEIPT);
        }
        Receipt receipt = new Receipt(sent.packageId(), sent.fileHash(), in.manifest().packageId(), received,
                r.verdict());
        return new Plan().summary(Texts.t("import.receipt", sent.fileName(), r.receivedAt().substring(0, 10)))
                .write(() -> in.ws().receipts().save(receipt));
    }

    /** The receipt names this package: by its manifest hash, or by the very file it was written as. */
    private static boolean names(Payloads.ReceiptPayload r, PackageRecord sent) {
        return r.packageHash() != null && r.packageHash().equals(sent.manifestHash())
                || sent.fileHash().equals(r.fileHash());
    }
}
