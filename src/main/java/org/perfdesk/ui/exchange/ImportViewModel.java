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
    /** Told, after an import, the years of accepted packages that the workspace does not hold. */
    private java.util.function.Consumer<List<Integer>> onNewYears = years -> { };
    private List<Path> pending = List.of();
    /**
     * The detail lines of the first report, made on the worker thread with the reports: that report is
     * selected as soon as the list shows, and its lines (one per node, thousands for a large tree) took
     * the JavaFX thread most of a tenth of a second to make.
     */
    private final java.util.Map<ImportReport, List<String>> prepared = new java.util.IdentityHashMap<>();
    /** How each report shows (待解密, 已登记, … rather than a bare refusal), made on the worker thread. */
    private final java.util.Map<ImportReport, Verdict> verdicts = new java.util.IdentityHashMap<>();

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
                () -> prepare(chosen, new Importer(ctx.workspace(), ctx.signer()).importAll(chosen, true)), done -> {
                    List<ImportReport> result = done.reports();
                    pending = chosen;
                    show(done);
                    canCommit.set(result.stream().anyMatch(ImportReport::accepted));
                    summary.set(summarise(result, true) + newYears(done.newYears()));
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
            return new Committed(prepare(files, result), receipts);
        }, committed -> {
            pending = List.of();
            show(committed.reports());
            canCommit.set(false);
            String text = summarise(committed.reports().reports(), false);
            if (committed.receipts() > 0) {
                text += Texts.t("import.summary.join") + Texts.t("import.receiptsWritten", committed.receipts());
            }
            summary.set(text);
            ctx.saved();
            afterImport.run();
            if (!committed.reports().newYears().isEmpty()) {
                onNewYears.accept(committed.reports().newYears());
            }
        });
    }

    private record Committed(Prepared reports, int receipts) {
    }

    /** Reports with their verdicts and the detail lines of the first, made off the JavaFX thread. */
    private record Prepared(List<ImportReport> reports, java.util.Map<ImportReport, List<String>> details,
                            java.util.Map<ImportReport, Verdict> verdicts, List<Integer> newYears) {
    }

    private Prepared prepare(List<Path> files, List<ImportReport> reports) {
        java.util.Map<ImportReport, List<String>> details = new java.util.IdentityHashMap<>();
        java.util.Map<ImportReport, Verdict> verdicts = Verdict.of(ctx.workspace(), files, reports);
        if (!reports.isEmpty()) {
            details.put(reports.get(0), details(reports.get(0), verdicts.get(reports.get(0))));
        }
        return new Prepared(reports, details, verdicts, newYears(ctx.workspace(), reports));
    }

    /**
     * The years of accepted packages (forwarded ones included) that the workspace does not hold: their
     * material is stored, but no screen shows a year the workspace lacks until it is added.
     */
    private static List<Integer> newYears(org.perfdesk.store.Workspace ws, List<ImportReport> reports) {
        java.util.Set<Integer> held = new java.util.HashSet<>(ws.years().findAll());
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        java.util.ArrayDeque<ImportReport> todo = new java.util.ArrayDeque<>(reports);
        while (!todo.isEmpty()) {
            ImportReport r = todo.pop();
            if (r.accepted() && r.year() != null && !held.contains(r.year())) {
                out.add(r.year());
            }
            if (r.inner() != null) {
                todo.addAll(r.inner());
            }
        }
        return List.copyOf(out);
    }

    private static String newYears(List<Integer> years) {
        return years.isEmpty() ? "" : Texts.t("import.summary.join") + Texts.t("import.summary.newYears", join(years));
    }

    /** "2026" or "2026、2027" as the interface language lists them. */
    private static String join(List<Integer> years) {
        return String.join(Texts.t("pkg.listSeparator"), years.stream().map(String::valueOf).toList());
    }

    /** Who offers to add the years an import brought that the workspace lacks (the import panel). */
    void setOnNewYears(java.util.function.Consumer<List<Integer>> onNewYears) {
        this.onNewYears = onNewYears;
    }

    /** Opens the year in the workspace; it joins the year switcher and becomes the year shown. */
    public void addYear(int year) {
        ctx.tasks().run(Texts.t("task.addYear"), () -> {
            ctx.workspace().years().open(year);
            return year;
        }, y -> {
            ctx.yearAdded(y);
            ctx.yearProperty().set(y);
        });
    }

    private void show(Prepared done) {
        prepared.clear();
        prepared.putAll(done.details());
        verdicts.clear();
        verdicts.putAll(done.verdicts());
        reports.setAll(done.reports());
    }

    /** How a report shows in the verdict column. */
    Verdict verdictOf(ImportReport r) {
        Verdict v = verdicts.get(r);
        return v != null ? v : Verdict.of(r);
    }

    /** The explanation of a report: the importer's, or what an enrollment request already registered means. */
    public String messageOf(ImportReport r) {
        return verdictOf(r) == Verdict.REGISTERED ? Texts.t("import.registered") : r.message();
    }

    /** The detail lines of a report: made already for the first one, else now. */
    public List<String> detailsOf(ImportReport r) {
        List<String> ready = r == null ? null : prepared.get(r);
        return ready != null ? ready : details(r, r == null ? null : verdictOf(r));
    }

    /**
     * "预览：3 个可接收，0 个已导入过，0 个拒收。" and, when there are any, the packages waiting for the
     * passphrase and the enrollment requests, which are not refusals.
     */
    private String summarise(List<ImportReport> result, boolean preview) {
        java.util.Map<Verdict, Integer> n = new java.util.EnumMap<>(Verdict.class);
        for (ImportReport r : result) {
            n.merge(verdictOf(r), 1, Integer::sum);
        }
        int accepted = n.getOrDefault(Verdict.WOULD_ACCEPT, 0) + n.getOrDefault(Verdict.ACCEPTED, 0);
        String text = Texts.t(preview ? "import.previewSummary" : "import.doneSummary", accepted,
                n.getOrDefault(Verdict.ALREADY_IMPORTED, 0), n.getOrDefault(Verdict.REFUSED, 0));
        for (Verdict v : List.of(Verdict.LOCKED, Verdict.TO_REGISTER, Verdict.REGISTERED)) {
            if (n.getOrDefault(v, 0) > 0) {
                text += Texts.t("import.summary.join") + Texts.t("import.summary." + v.name(), n.get(v));
            }
        }
        return text;
    }

    public void clear() {
        pending = List.of();
        prepared.clear();
        verdicts.clear();
        reports.clear();
        canCommit.set(false);
        summary.set("");
    }

    /** The node changes of a report (with those of its inner packages), for the detail list. */
    public static List<String> details(ImportReport r) {
        return details(r, r == null ? null : Verdict.of(r));
    }

    private static List<String> details(ImportReport r, Verdict verdict) {
        List<String> out = new ArrayList<>();
        if (r == null) {
            return out;
        }
        out.add(verdict == Verdict.REGISTERED ? Texts.t("import.registered") : r.message());
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
