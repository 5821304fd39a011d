package org.perfdesk.exchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.perfdesk.domain.RectificationItem;
import org.perfdesk.domain.RectificationMerge;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageWriter;
import org.perfdesk.exchange.pkg.StrictJson;
import org.perfdesk.store.Workspace;

/**
 * Feedback and rectification over packages. The office's feedback package
 * ({@code payload/feedback.json}) carries the unit's result in words and its rectification items
 * with their closures; the unit's rectification package carries, beside its snapshot,
 * {@code payload/rectification.json} with its answer to each item and the evidence files. Each
 * side takes only the other side's part (see {@link RectificationMerge}). What importing them does is
 * in {@link org.perfdesk.exchange.intake.FeedbackHandler} and
 * {@link org.perfdesk.exchange.intake.RectificationHandler}.
 */
public final class Feedbacks {
    public static final String FEEDBACK_FORMAT = FeedbackPayload.FORMAT;
    public static final String RECTIFICATION_FORMAT = "perfdesk-rectification/1";
    public static final String RECTIFICATION_ENTRY = "payload/rectification.json";

    /** The office's feedback to one unit: its result (version 2) and its rectification items, if any. */
    public record Feedback(String format, String unitCode, int year, String summary, List<FeedbackItem> items,
                           @com.fasterxml.jackson.annotation.JsonInclude(
                                   com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                           org.perfdesk.domain.FeedbackResult result) {
    }

    public record FeedbackItem(String id, int number, String finding, String requirement, String due,
                               String closedAt, String closedReason) {
    }

    /** The unit's rectification plan: its answer to each item. */
    public record Rectification(String format, String unitCode, int year, List<Answer> answers) {
    }

    public record Answer(String id, String measure, String owner, String planned, String status, String note,
                         List<EvidenceFile> evidence) {
    }

    public record EvidenceFile(String sha256, String fileName, long size) {
    }

    private Feedbacks() {
    }

    // ---- the office sends ------------------------------------------------------------------

    /**
     * Writes the unit's feedback as a signed package: its result (from the year's approved and frozen
     * results: {@code report/FeedbackResults.approved}) and every rectification item of the year with its
     * closure — none is fine.
     */
    public static PackageWriter.Written send(Workspace ws, Signer signer, org.perfdesk.domain.FeedbackResult result,
                                             Path out) {
        String unitCode = result.unitCode();
        int year = result.year();
        List<RectificationItem> items = ws.rectifications().findByUnit(unitCode, year);
        String summary = result.total() == null ? result.rankText()
                : Texts.t("feedback.summaryLine", org.perfdesk.domain.Numbers.plain(result.total()), result.group(),
                result.rankText());
        Feedback payload = new Feedback(FEEDBACK_FORMAT, unitCode, year, summary,
                items.stream().map(i -> new FeedbackItem(i.id(), i.number(), i.finding(), i.requirement(),
                        i.due() == null ? null : i.due().toString(),
                        i.closedAt() == null ? null : i.closedAt().toString(), i.closedReason())).toList(), result);
        PackageWriter.Written written = new Exporter(ws, signer).exportOfficePackage(PackageKind.FEEDBACK, unitCode,
                year, EntryNames.FEEDBACK, payload, out);
        String id = written.manifest().packageId();
        java.util.Map<String, Object> after = new java.util.TreeMap<>();
        after.put("package", id);
        after.put("items", items.size());
        after.put("total", result.total() == null ? null : org.perfdesk.domain.Numbers.plain(result.total()));
        after.put("rank", result.rankText());
        after.put("approval", result.approvalReference());
        ws.database().write(c -> {
            for (RectificationItem i : items) {
                ws.rectifications().save(i.withSentIn(id));
            }
            ws.audit().append("feedback", unitCode + " " + year, null, json(after), "",
                    org.perfdesk.store.AuditLog.facts("unit", unitCode, "year", year, "items", items.size(),
                            "package", id, "total", after.get("total"), "rank", result.rankText(),
                            "approval", result.approvalReference()));
            return null;
        });
        return written;
    }

    private static String json(Object o) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the unit sends --------------------------------------------------------------------

    /**
     * What a rectification package adds to the snapshot: the answers, and each evidence file once
     * (files the snapshot already carries are not added twice); nothing when no items came.
     */
    static List<PackageWriter.Source> rectificationSources(Workspace ws, String unitCode, int year,
                                                           Set<String> alreadyAttached) {
        List<RectificationItem> items = ws.rectifications().findByUnit(unitCode, year);
        if (items.isEmpty()) {
            // A rectification report without the office's items (written as report sections) still goes.
            return List.of();
        }
        List<PackageWriter.Source> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>(alreadyAttached);
        List<Answer> answers = new ArrayList<>();
        for (RectificationItem i : items) {
            List<EvidenceFile> files = new ArrayList<>();
            for (String sha : i.evidence()) {
                Path file = ws.evidence().file(sha).orElseThrow(() -> new UserError("self.evidenceMissing",
                        ws.evidence().fileName(sha).orElse(sha)));
                try {
                    files.add(new EvidenceFile(sha, ws.evidence().fileName(sha).orElse(sha),
                            java.nio.file.Files.size(file)));
                } catch (java.io.IOException e) {
                    throw new UserError(e, "self.evidenceMissing", ws.evidence().fileName(sha).orElse(sha));
                }
                if (seen.add(sha)) {
                    out.add(PackageWriter.Source.of(EntryNames.attachment(sha), file));
                }
            }
            answers.add(new Answer(i.id(), i.measure(), i.owner(), i.planned() == null ? null : i.planned().toString(),
                    i.status().name(), i.note(), files));
        }
        out.add(0, PackageWriter.Source.of(RECTIFICATION_ENTRY, StrictJson.write(new Rectification(
                RECTIFICATION_FORMAT, unitCode, year, answers))));
        return out;
    }
}
