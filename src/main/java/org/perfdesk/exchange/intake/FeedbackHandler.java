package org.perfdesk.exchange.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.perfdesk.domain.RectificationItem;
import org.perfdesk.domain.RectificationMerge;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.FeedbackPayload;
import org.perfdesk.exchange.Feedbacks;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageKind;

/**
 * The office's feedback (绩效反馈): the unit's result (kept at the unit for its 考核结果 screen) and its
 * rectification items with their closures, merged into the unit's own items (the unit keeps its answers;
 * see {@link RectificationMerge}).
 */
public final class FeedbackHandler implements PackageHandler {
    @Override
    public Set<PackageKind> kinds() {
        return Set.of(PackageKind.FEEDBACK);
    }

    @Override
    public Plan plan(Incoming in) {
        Manifest m = in.manifest();
        byte[] bytes = in.required(EntryNames.FEEDBACK);
        Feedbacks.Feedback f = FeedbackPayload.read(in.ws(), bytes, m.year());
        List<RectificationItem> sent = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try {
            for (Feedbacks.FeedbackItem i : f.items()) {
                if (i.id() == null || !ids.add(i.id()) || i.number() < 1 || i.finding() == null
                        || i.finding().isBlank()) {
                    throw new PackageException("bad-snapshot", EntryNames.FEEDBACK);
                }
                sent.add(new RectificationItem(i.id(), f.unitCode(), f.year(), i.number(), i.finding(),
                        i.requirement(), i.due() == null ? null : LocalDate.parse(i.due()), "", "", null,
                        RectificationItem.Status.OPEN, "", i.closedAt() == null ? null : Instant.parse(i.closedAt()),
                        i.closedReason(), m.packageId(), List.of()));
            }
        } catch (java.time.format.DateTimeParseException e) {
            throw new PackageException(e, "bad-snapshot", EntryNames.FEEDBACK);
        }
        return new Plan().summary(Texts.t("import.feedback", String.valueOf(f.year()), f.summary(), sent.size()))
                .write(() -> {
                    RectificationMerge.feedbackIntoUnit(in.ws().rectifications().findByUnit(f.unitCode(), f.year()),
                            sent).forEach(in.ws().rectifications()::save);
                    FeedbackPayload.keep(in.ws(), m.packageId(), f, bytes);
                });
    }
}
