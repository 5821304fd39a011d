package org.perfdesk.exchange.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perfdesk.domain.RectificationItem;
import org.perfdesk.domain.RectificationMerge;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.Feedbacks;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageKind;

/**
 * A unit's rectification report (整改报告): its snapshot as for any report package, and once the
 * office has sent items, {@code payload/rectification.json} with the unit's answer to each and their
 * evidence. The office takes the unit's part of the items it sent (see {@link RectificationMerge});
 * answers to items it does not know are counted and left out.
 */
public final class RectificationHandler implements PackageHandler {
    private final SnapshotHandler snapshot = new SnapshotHandler();

    @Override
    public Set<PackageKind> kinds() {
        return Set.of(PackageKind.RECTIFICATION);
    }

    @Override
    public Plan plan(Incoming in) {
        Plan plan = snapshot.plan(in);
        if (in.entry(Feedbacks.RECTIFICATION_ENTRY) == null) {
            // A rectification report written as report sections only, before the office sent items.
            return plan;
        }
        Feedbacks.Rectification r = in.read(Feedbacks.RECTIFICATION_ENTRY, Feedbacks.Rectification.class);
        String unit = in.sender();
        if (!Feedbacks.RECTIFICATION_FORMAT.equals(r.format()) || !unit.equals(r.unitCode())
                || r.year() != in.manifest().year() || r.answers() == null) {
            throw new PackageException("bad-snapshot", Feedbacks.RECTIFICATION_ENTRY);
        }
        Map<String, Feedbacks.EvidenceFile> names = new HashMap<>();
        Map<String, byte[]> files = new HashMap<>();
        List<RectificationItem> answers = new ArrayList<>();
        try {
            for (Feedbacks.Answer a : r.answers()) {
                List<String> evidence = new ArrayList<>();
                for (Feedbacks.EvidenceFile e : a.evidence() == null ? List.<Feedbacks.EvidenceFile>of() : a.evidence()) {
                    files.put(e.sha256(), EvidenceFiles.bytes(in, e.sha256(), e.fileName()));
                    names.put(e.sha256(), e);
                    evidence.add(e.sha256());
                }
                answers.add(new RectificationItem(a.id(), unit, r.year(), 1, "-", "", null, a.measure(), a.owner(),
                        a.planned() == null ? null : LocalDate.parse(a.planned()),
                        RectificationItem.Status.valueOf(a.status()), a.note(), null, null, null, evidence));
            }
        } catch (java.time.format.DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            throw new PackageException(e, "bad-snapshot", Feedbacks.RECTIFICATION_ENTRY);
        }
        List<RectificationItem> office = in.ws().rectifications().findByUnit(unit, r.year());
        Set<String> known = new HashSet<>();
        office.forEach(i -> known.add(i.id()));
        long unknown = answers.stream().filter(p -> !known.contains(p.id())).count();
        long done = answers.stream().filter(p -> known.contains(p.id())
                && p.status() == RectificationItem.Status.DONE).count();
        return plan.summary(Texts.t("import.rectification", String.valueOf(r.year()), answers.size() - unknown, done,
                        unknown))
                .keep(files)
                .write(() -> {
                    for (Feedbacks.EvidenceFile e : names.values()) {
                        in.ws().evidence().record(e.sha256(), EvidenceFiles.shownName(e.fileName(), e.sha256()),
                                e.size());
                    }
                    RectificationMerge.planIntoOffice(in.ws().rectifications().findByUnit(unit, r.year()), answers)
                            .forEach(in.ws().rectifications()::save);
                });
    }
}
