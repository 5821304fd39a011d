package org.perfdesk.exchange;

import java.nio.file.Path;

import org.perfdesk.domain.PackageRecord;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageWriter;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.store.Workspace;

/** The office's signed receipt for a package it accepted: the unit's proof of submission. */
public final class Receipts {
    private Receipts() {
    }

    public static PackageWriter.Written write(Workspace ws, Signer signer, String packageId, Path out) {
        PackageRecord r = ws.packages().find(packageId)
                .filter(p -> p.direction() == PackageRecord.Direction.IN)
                .orElseThrow(() -> new UserError("error.receipt.unknown", packageId));
        Payloads.ReceiptPayload payload = new Payloads.ReceiptPayload(Payloads.RECEIPT_FORMAT, r.packageId(),
                r.fileHash(), r.kind(), r.year(), r.sequence(), r.processedAt().toString(), "accepted", r.warning());
        return new Exporter(ws, signer).exportOfficePackage(PackageKind.RECEIPT, r.senderCode(), r.year(),
                EntryNames.RECEIPT, payload, out);
    }
}
