package org.perfdesk.exchange;

import java.nio.file.Path;

import org.perfdesk.domain.PackageRecord;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.intake.Chain;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageWriter;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.store.Workspace;

/**
 * The office's signed receipt for a package it accepted: the unit's proof of submission, naming the
 * package by its manifest hash (and the file the office received). What a unit does with it is in
 * {@link org.perfdesk.exchange.intake.ReceiptHandler}.
 */
public final class Receipts {
    private Receipts() {
    }

    public static PackageWriter.Written write(Workspace ws, Signer signer, String packageId, Path out) {
        PackageRecord r = ws.packages().find(packageId)
                .filter(p -> p.direction() == PackageRecord.Direction.IN)
                .orElseThrow(() -> new UserError("error.receipt.unknown", packageId));
        // The package's identity; one accepted before manifest hashes were kept is read from inbox/.
        String packageHash = r.manifestHash() != null ? r.manifestHash() : Chain.manifestHashOfKept(ws, r);
        Payloads.ReceiptPayload payload = new Payloads.ReceiptPayload(Payloads.RECEIPT_FORMAT, r.packageId(),
                packageHash, r.fileHash(), r.kind(), r.year(), r.sequence(), r.processedAt().toString(), "accepted", r.warning());
        return new Exporter(ws, signer).exportOfficePackage(PackageKind.RECEIPT, r.senderCode(), r.year(),
                EntryNames.RECEIPT, payload, out);
    }
}
