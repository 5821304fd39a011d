package org.perfdesk.exchange;

import java.time.Instant;
import java.util.List;

import org.perfdesk.domain.FeedbackResult;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.StrictJson;
import org.perfdesk.store.FeedbackResultRepository;
import org.perfdesk.store.Workspace;

/**
 * {@code payload/feedback.json}, version 2: the unit's result as the plan has the office feed it
 * back (each indicator's target, reported and verified figure, completion, points and why; the
 * appraisal per round; inspection findings with deductions; total and rank; the 审定 it rests on)
 * and its rectification items, if any. The result comes from {@code report/FeedbackResults.approved}
 * (only results approved, frozen and unchanged since); kept at the unit as received, to be opened again.
 */
public final class FeedbackPayload {
    public static final String FORMAT = "perfdesk-feedback/2";
    /** Feedback of the first version carried a summary line and items only; still read. */
    public static final String FORMAT_V1 = "perfdesk-feedback/1";

    private FeedbackPayload() {
    }

    /** Reads and checks a received feedback for this unit and year (both versions). */
    public static Feedbacks.Feedback read(Workspace ws, byte[] bytes, int year) {
        Feedbacks.Feedback f = StrictJson.read(bytes, Feedbacks.Feedback.class, EntryNames.FEEDBACK);
        boolean v2 = FORMAT.equals(f.format());
        if (!(v2 || FORMAT_V1.equals(f.format())) || !ws.self().code().equals(f.unitCode()) || f.year() != year
                || f.items() == null || v2 != (f.result() != null)) {
            throw new PackageException("bad-snapshot", EntryNames.FEEDBACK);
        }
        FeedbackResult r = f.result();
        if (r != null && (!f.unitCode().equals(r.unitCode()) || r.year() != year || r.indicators() == null)) {
            throw new PackageException("bad-snapshot", EntryNames.FEEDBACK);
        }
        return f;
    }

    /** Keeps a received result at the unit, so the 考核结果 screen can open and print it again. */
    public static void keep(Workspace ws, String packageId, Feedbacks.Feedback f, byte[] bytes) {
        if (f.result() != null) {
            ws.feedbackResults().save(new FeedbackResultRepository.Received(packageId, f.unitCode(), f.year(),
                    new String(bytes, java.nio.charset.StandardCharsets.UTF_8), Instant.now()));
        }
    }

    /** A kept result, read back (it was checked when it came in). */
    public static FeedbackResult parse(String json) {
        Feedbacks.Feedback f = StrictJson.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Feedbacks.Feedback.class, EntryNames.FEEDBACK);
        return f.result();
    }

    /** The results the unit has received for the year, oldest first, with the package each came in. */
    public static List<Received> received(Workspace ws, int year) {
        return ws.feedbackResults().findByUnit(ws.self().code(), year).stream()
                .map(r -> new Received(r.packageId(), r.receivedAt(), parse(r.body()))).toList();
    }

    /** One result as received. */
    public record Received(String packageId, Instant receivedAt, FeedbackResult result) {
    }
}
