package org.perfdesk.ui.exchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.Receipts;
import org.perfdesk.exchange.Signer;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * Import in two steps, as people expect: first a preview of what each package would do (nothing is
 * written), then, when the user confirms, the import itself. The office answers each accepted package
 * with a signed receipt in {@code outbox/}.
 */
public final class ImportViewModel {
    private final WorkspaceContext ctx;
    private final ObservableList<ImportReport> reports = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canCommit = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final Runnable afterImport;
    private List<Path> pending = List.of();
    /**
     * The detail lines of the first report, made on the worker thread with the reports: that report is
     * selected as soon as the list shows, and its lines (one per node, thousands for a large tree) took
     * the JavaFX thread most of a tenth of a second to make.
     */
    private final java.util.Map<ImportReport, List<String>> prepared = new java.util.IdentityHashMap<>();

    /** @param afterImport called on the JavaFX thread when something was imported (to refresh other views) */
    public ImportViewModel(WorkspaceContext ctx, Runnable afterImport) {
        this.ctx = ctx;
        this.afterImport = afterImport;
    }

    /** Checks the packages without writing anything and lists what each would do. */
    public void preview(List<Path> files) {
        preview(files, null);
    }

    /**
     * The same; when a package is sealed and the keys are still locked, {@code askForKeys} runs after
     * the list is shown (it asks for the passphrase and previews again), so the person sees why.
     */
    public void preview(List<Path> files, Runnable askForKeys) {
        if (files.isEmpty()) {
            return;
        }
        List<Path> chosen = List.copyOf(files);
        ctx.tasks().run(Texts.t("task.checkPackages"),
                () -> withFirstDetails(new Importer(ctx.workspace(), ctx.signer()).importAll(chosen, true)), done -> {
                    List<ImportReport> result = done.reports();
                    pending = chosen;
                    prepared.clear();
                    prepared.putAll(done.details());
                    reports.setAll(result);
                    canCommit.set(result.stream().anyMatch(ImportReport::accepted));
                    summary.set(summarise(result, true));
                    if (askForKeys != null && ctx.signer() == null && result.stream().anyMatch(ImportViewModel::locked)) {
                        askForKeys.run();
                    }
                });
    }

    private static boolean locked(ImportReport r) {
        return "key-locked".equals(r.code()) || (r.inner() != null && r.inner().stream().anyMatch(ImportViewModel::locked));
    }

    /** Whether committing needs the key: the office signs a receipt for every accepted package. */
    public boolean needsSigner() {
        return ctx.role() == Role.OFFICE && ctx.signer() == null;
    }

    /** Imports what was previewed (each package checked again: files on a stick may have changed). */
    public void commit() {
        List<Path> files = pending;
        Signer signer = ctx.signer();
        boolean office = ctx.role() == Role.OFFICE;
        ctx.tasks().run(Texts.t("task.importPackages"), () -> {
            List<ImportReport> result = new Importer(ctx.workspace(), signer).importAll(files, false);
            int receipts = 0;
            if (office && signer != null) {
                for (ImportReport r : result) {
                    if (r.accepted()) {
                        Receipts.write(ctx.workspace(), signer, r.packageId(), null);
                        receipts++;
                    }
                }
            }
            return new Committed(withFirstDetails(result), receipts);
        }, committed -> {
            pending = List.of();
            prepared.clear();
            prepared.putAll(committed.reports().details());
            reports.setAll(committed.reports().reports());
            canCommit.set(false);
            String text = summarise(committed.reports().reports(), false);
            if (committed.receipts() > 0) {
                text += " " + Texts.t("import.receiptsWritten", committed.receipts());
            }
            summary.set(text);
            ctx.saved();
            afterImport.run();
        });
    }

    private record Committed(Prepared reports, int receipts) {
    }

    /** Reports with the detail lines of the first, made off the JavaFX thread. */
    private record Prepared(List<ImportReport> reports, java.util.Map<ImportReport, List<String>> details) {
    }

    private static Prepared withFirstDetails(List<ImportReport> reports) {
        java.util.Map<ImportReport, List<String>> details = new java.util.IdentityHashMap<>();
        if (!reports.isEmpty()) {
            details.put(reports.get(0), details(reports.get(0)));
        }
        return new Prepared(reports, details);
    }

    /** The detail lines of a report: made already for the first one, else now. */
    public List<String> detailsOf(ImportReport r) {
        List<String> ready = r == null ? null : prepared.get(r);
        return ready != null ? ready : details(r);
    }

    private static String summarise(List<ImportReport> result, boolean preview) {
        int accepted = 0;
        int already = 0;
        int rejected = 0;
        for (ImportReport r : result) {
            switch (r.status()) {
                case ACCEPTED -> accepted++;
                case ALREADY_IMPORTED -> already++;
                default -> rejected++;
            }
        }
        return Texts.t(preview ? "import.previewSummary" : "import.doneSummary", accepted, already, rejected);
    }

    public void clear() {
        pending = List.of();
        prepared.clear();
        reports.clear();
        canCommit.set(false);
        summary.set("");
    }

    /** The node changes of a report (with those of its inner packages), for the detail list. */
    public static List<String> details(ImportReport r) {
        List<String> out = new ArrayList<>();
        if (r == null) {
            return out;
        }
        out.add(r.message());
        if (r.changes() != null) {
            Texts t = Texts.current();
            for (ImportReport.NodeChange c : r.changes()) {
                String line = t.get("import.change." + c.change(), c.title());
                if (!c.fields().isEmpty()) {
                    line += t.get("import.fields", String.join(", ", c.fields().stream()
                            .map(f -> t.get("field." + f)).toList()));
                }
                out.add((c.flagged() ? "⚑ " + t.get("import.flagged") + " " : "• ") + line);
            }
        }
        if (r.inner() != null) {
            for (ImportReport i : r.inner()) {
                out.add("↳ " + i.file() + ": " + i.message());
            }
        }
        return out;
    }

    public ObservableList<ImportReport> reports() {
        return reports;
    }

    public ReadOnlyBooleanProperty canCommitProperty() {
        return canCommit.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
