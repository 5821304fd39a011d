package org.perfdesk.ui.reports;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.perfdesk.domain.ReportKind;
import org.perfdesk.domain.ReportSection;
import org.perfdesk.domain.Texts;
import org.perfdesk.report.ReportDrafts;
import org.perfdesk.report.docx.ReportDocx;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * 分析报告: the half-year analysis and annual summary as sections the user edits, pre-filled from the
 * tree and progress; what the user writes is saved as it is typed and is never overwritten by a draft.
 */
public final class ReportsViewModel {
    private final WorkspaceContext ctx;
    private final ObjectProperty<ReportKind> kind = new SimpleObjectProperty<>(ReportKind.MIDYEAR);
    /** A warning about the data the shown report is drafted from (an annual report without Q4), or "". */
    private final javafx.beans.property.StringProperty dataWarning = new javafx.beans.property.SimpleStringProperty("");
    private final ObservableList<ReportSection> sections = FXCollections.observableArrayList();
    /** Each report's sections as last loaded or edited, so text typed for one report is saved there. */
    private final java.util.Map<ReportKind, List<ReportSection>> shownByKind = new java.util.EnumMap<>(ReportKind.class);

    public ReportsViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
        kind.addListener((o, a, k) -> load());
    }

    /** The saved sections with drafts for any that are missing (nothing is saved by looking). */
    public void load() {
        String unit = ctx.self().code();
        int year = ctx.year();
        ReportKind k = kind.get();
        ctx.tasks().run(Texts.t("task.loadReport"), () -> {
            if (ctx.workspace().goals().count(unit, year) == 0) {
                return new Loaded(List.<ReportSection>of(), "");
            }
            org.perfdesk.report.ReportData data = org.perfdesk.report.ReportData.load(ctx.workspace(), unit, year, k);
            List<ReportSection> merged = ReportDrafts.merge(ctx.workspace().reports().find(unit, year, k),
                    new ReportDrafts(Texts.current()).draft(data));
            String warning = k == ReportKind.ANNUAL && data.quarter() > 0 && data.quarter() < 4
                    ? Texts.t("reports.q4Missing", org.perfdesk.report.IndicatorFacts.quarterName(data.quarter(),
                    Texts.current())) : "";
            return new Loaded(merged, warning);
        }, loaded -> {
            shownByKind.put(k, List.copyOf(loaded.sections()));
            if (k == kind.get()) {
                sections.setAll(loaded.sections());
                dataWarning.set(loaded.warning());
            }
        });
    }

    private record Loaded(List<ReportSection> sections, String warning) {
    }

    /** Saves a section's text as the user wrote it (all sections, so their order is kept too). */
    public void edit(ReportSection section, String body) {
        edit(section.kind(), section.key(), body);
    }

    /**
     * Saves the text of section {@code key} of report {@code k} — the report it was typed for, even
     * when another report is shown by now — with the report's other sections, so their order is kept.
     */
    public void edit(ReportKind k, String key, String body) {
        List<ReportSection> updated = new ArrayList<>(shownByKind.getOrDefault(k, List.of()));
        int i = -1;
        for (int j = 0; j < updated.size(); j++) {
            if (updated.get(j).key().equals(key)) {
                i = j;
            }
        }
        if (i < 0 || updated.get(i).body().equals(body)) {
            return;
        }
        updated.set(i, updated.get(i).withBody(body));
        shownByKind.put(k, List.copyOf(updated));
        if (k == kind.get()) {
            sections.setAll(updated);
        }
        List<ReportSection> toSave = List.copyOf(updated);
        ctx.tasks().run(Texts.t("task.saveReport"), () -> {
            ctx.workspace().reports().saveAll(toSave);
            return toSave.size();
        }, n -> ctx.saved());
    }

    /** Puts the draft text back into a section (the user asked for it: their text is replaced). */
    public void redraft(ReportSection section) {
        String unit = ctx.self().code();
        int year = ctx.year();
        ReportKind k = kind.get();
        ctx.tasks().run(Texts.t("task.loadReport"), () -> {
            List<ReportSection> drafts = ReportDrafts.merge(List.of(),
                    new ReportDrafts(Texts.current()).draft(org.perfdesk.report.ReportData.load(ctx.workspace(), unit,
                            year, k)));
            return drafts.stream().filter(d -> d.key().equals(section.key())).findFirst().orElse(section);
        }, draft -> edit(section, draft.body()));
    }

    /**
     * Writes the report as a Word document (in the background: the first export loads POI), issued as
     * chosen; null dates it today with the next 文号.
     */
    public void exportDocx(Path out, org.perfdesk.report.Issue issue, java.util.function.Consumer<Path> done) {
        String unit = ctx.self().code();
        int year = ctx.year();
        ReportKind k = kind.get();
        List<ReportSection> current = List.copyOf(sections);
        ctx.tasks().run(Texts.t("task.exportReport"), () -> {
            if (!current.isEmpty()) {
                ctx.workspace().reports().saveAll(current);
            }
            return ReportDocx.export(ctx.workspace(), unit, year, k, issue != null ? issue
                    : org.perfdesk.report.Documents.issue(ctx.workspace(), LocalDate.now(), null), out);
        }, done);
    }

    /** The title the shown report prints with. */
    public String title() {
        return Texts.t("report.title." + kind.get().name(), ctx.self().name(), String.valueOf(ctx.year()));
    }

    public javafx.beans.property.ReadOnlyStringProperty dataWarningProperty() {
        return dataWarning;
    }

    public ObjectProperty<ReportKind> kindProperty() {
        return kind;
    }

    public ObservableList<ReportSection> sections() {
        return sections;
    }

    public WorkspaceContext context() {
        return ctx;
    }
}
