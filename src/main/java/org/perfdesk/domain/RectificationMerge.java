package org.perfdesk.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How rectification items from the other side are taken in: each side keeps its own part and takes
 * the other's, so neither can overwrite what the other owns (the office its findings and closure,
 * the unit its measures, owners, dates, status, notes and evidence).
 */
public final class RectificationMerge {
    private RectificationMerge() {
    }

    /** The unit receives the office's feedback: office parts and closures taken, its own parts kept. */
    public static List<RectificationItem> feedbackIntoUnit(List<RectificationItem> mine, List<RectificationItem> sent) {
        Map<String, RectificationItem> byId = new LinkedHashMap<>();
        mine.forEach(i -> byId.put(i.id(), i));
        List<RectificationItem> out = new ArrayList<>();
        for (RectificationItem s : sent) {
            RectificationItem have = byId.get(s.id());
            out.add(have == null ? s.withUnit("", "", null, RectificationItem.Status.OPEN, "", List.of())
                    : new RectificationItem(s.id(), s.unitCode(), s.year(), s.number(), s.finding(), s.requirement(),
                    s.due(), have.measure(), have.owner(), have.planned(), have.status(), have.note(), s.closedAt(),
                    s.closedReason(), s.sentIn(), have.evidence()));
        }
        return out;
    }

    /**
     * The office receives the unit's rectification plan: the unit's parts taken for the items the
     * office sent; items the office does not know are ignored (and counted by the caller).
     */
    public static List<RectificationItem> planIntoOffice(List<RectificationItem> office, List<RectificationItem> plan) {
        Map<String, RectificationItem> byId = new LinkedHashMap<>();
        plan.forEach(i -> byId.put(i.id(), i));
        List<RectificationItem> out = new ArrayList<>();
        for (RectificationItem o : office) {
            RectificationItem p = byId.get(o.id());
            out.add(p == null ? o : o.withUnit(p.measure(), p.owner(), p.planned(), p.status(), p.note(), p.evidence()));
        }
        return out;
    }
}
