package org.perfdesk.ui.exchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.PackageRecord;
import org.perfdesk.domain.Receipt;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.TrustedKey;
import org.perfdesk.exchange.Exporter;
import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.Signer;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.crypto.Ed25519;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageWriter;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.ui.common.WorkspaceContext;

/** 数据交换 for a unit: its key and its office, export, the office's answers, and what went where. */
public final class ExchangeViewModel {
    /** One package sent or received, with its receipt when the office gave one. */
    public record HistoryRow(String direction, String kind, String counterpart, int year, long sequence, String date,
                             String file, String receipt) {
    }

    private final WorkspaceContext ctx;
    private final ReadOnlyStringWrapper ownKey = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper office = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper certificate = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper review = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper officeEncryption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper officeName = new ReadOnlyStringWrapper("");
    /** Whether the next export goes in the clear (off unless the person ticks it). */
    private final javafx.beans.property.BooleanProperty plain = new javafx.beans.property.SimpleBooleanProperty(false);
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private final ImportViewModel importer;

    public ExchangeViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
        this.importer = new ImportViewModel(ctx, this::load);
    }

    private record Loaded(String ownKey, String office, String certificate, String review, List<HistoryRow> history,
                          String officeEncryption, String officeName) {
    }

    public void load() {
        ctx.tasks().run(Texts.t("task.loadExchange"), this::read, l -> {
            ownKey.set(l.ownKey());
            office.set(l.office());
            certificate.set(l.certificate());
            review.set(l.review());
            history.setAll(l.history());
            officeEncryption.set(l.officeEncryption());
            officeName.set(l.officeName());
        });
    }

    private Loaded read() {
        Texts t = Texts.current();
        var ws = ctx.workspace();
        String own = WorkspaceKeys.info(ws).fingerprint();
        OrgUnit self = ws.self();
        Optional<TrustedKey> pinned = self.parentCode() == null ? Optional.empty()
                : ws.trustedKeys().findByUnit(self.parentCode()).stream()
                        .filter(k -> k.source() == TrustedKey.Source.PINNED && !k.revoked()).findFirst();
        String officeText = pinned.map(k -> t.get("exchange.officePinned",
                ws.orgUnits().find(k.unitCode()).map(OrgUnit::name).orElse(k.unitCode()),
                Ed25519.fingerprintOf(k.keyId()))).orElse(t.get("exchange.officeMissing"));
        boolean certified = ws.trustedKeys().find(WorkspaceKeys.keyId(ws))
                .map(k -> k.source() == TrustedKey.Source.CERTIFIED).orElse(false);
        List<HistoryRow> rows = new ArrayList<>();
        for (PackageRecord p : ws.packages().findAll()) {
            boolean out = p.direction() == PackageRecord.Direction.OUT;
            String counterpart = out ? p.recipientCode() : p.senderCode();
            String receipt = out ? ws.receipts().find(p.packageId()).map(Receipt::receivedAt)
                    .map(i -> t.get("exchange.receiptOn", i.toString().substring(0, 10))).orElse("") : "";
            rows.add(new HistoryRow(t.get(out ? "exchange.sent" : "exchange.received"),
                    org.perfdesk.ui.common.KindNames.label(PackageKind.valueOf(p.kind()).cliName()),
                    ws.orgUnits().find(counterpart).map(OrgUnit::name).orElse(String.valueOf(counterpart)), p.year(),
                    p.sequence(), p.processedAt().toString().substring(0, 10), p.fileName(), receipt));
        }
        java.util.Collections.reverse(rows);
        String reviewText = ws.reviews().latest(self.code(), ctx.year())
                .map(r -> t.get("exchange.reviewed", t.of(r.decision()), r.decidedAt().toString().substring(0, 10),
                        r.reason()))
                .orElse(t.get("exchange.notReviewed", String.valueOf(ctx.year())));
        String encryptionText = self.parentCode() == null ? t.get("exchange.officeEncryptionMissing")
                : ws.encryptionKeys().current(self.parentCode())
                        .map(k -> t.get("exchange.officeEncryptionKnown", Ed25519.fingerprintOf(k.keyId())))
                        .orElse(t.get("exchange.officeEncryptionMissing"));
        String parentName = self.parentCode() == null ? ""
                : ws.orgUnits().find(self.parentCode()).map(OrgUnit::name).orElse(self.parentCode());
        return new Loaded(own, officeText, t.get(certified ? "exchange.certified" : "exchange.notCertified"),
                reviewText, rows, encryptionText, parentName);
    }

    /** Pins the office's card once the typed fingerprint matches. */
    public void pinCard(Payloads.Card card, String typed) {
        pinCard(card, typed, null);
    }

    /**
     * The same; {@code passphrase} (asked only when this workspace holds no keys of the card's algorithms)
     * makes them, and the session then holds the keys unlocked.
     */
    public void pinCard(Payloads.Card card, String typed, char[] passphrase) {
        ctx.tasks().run(Texts.t("task.pinCard"), () -> KeyRegistry.pinOffice(ctx.workspace(), card, typed,
                passphrase == null ? null : () -> passphrase), made -> {
            if (made != null) {
                ctx.useSigner(made);
                ctx.keysChanged();
            }
            ctx.saved();
            load();
        });
    }

    /** Whether pinning this card makes keys of its algorithms first (the passphrase is asked for then). */
    public boolean pinMakesKeys(Payloads.Card card) {
        return !org.perfdesk.exchange.WorkspaceKeys.exists(ctx.workspace(), KeyRegistry.suiteOf(card));
    }

    /**
     * Exports a package to a folder, with progress, sealed for the office and this unit unless
     * {@link #plainProperty()} is ticked (an enrollment is always in the clear); {@code done} gets the
     * verified file.
     */
    public Task<PackageWriter.Written> export(Signer signer, PackageKind kind, int year, Path folder,
                                              java.util.function.Consumer<PackageWriter.Written> done) {
        boolean clear = plain.get();
        Task<PackageWriter.Written> task = new Task<>() {
            @Override
            protected PackageWriter.Written call() {
                updateTitle(Texts.t("task.export", Texts.t("kind." + kind.cliName())));
                return new Exporter(ctx.workspace(), signer).exportUnitPackage(kind, year, folder,
                        p -> updateProgress(p, 1.0), clear);
            }
        };
        task.setOnSucceeded(e -> {
            ctx.saved();
            load();
            done.accept(task.getValue());
        });
        task.setOnFailed(e -> ctx.tasks().report(task.getException()));
        return ctx.tasks().submit(task);
    }

    /** Ticked: the next export is written in the clear. */
    public javafx.beans.property.BooleanProperty plainProperty() {
        return plain;
    }

    /** Whether (and with which fingerprint) this unit knows the office's encryption key. */
    public ReadOnlyStringProperty officeEncryptionProperty() {
        return officeEncryption.getReadOnlyProperty();
    }

    /** The name of the office (or collector) packages go to. */
    public ReadOnlyStringProperty officeNameProperty() {
        return officeName.getReadOnlyProperty();
    }

    public ImportViewModel importer() {
        return importer;
    }

    public ReadOnlyStringProperty ownKeyProperty() {
        return ownKey.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty officeProperty() {
        return office.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty certificateProperty() {
        return certificate.getReadOnlyProperty();
    }

    /** The office's latest answer to this year's plan, in words. */
    public ReadOnlyStringProperty reviewProperty() {
        return review.getReadOnlyProperty();
    }

    public ObservableList<HistoryRow> history() {
        return history;
    }
}
