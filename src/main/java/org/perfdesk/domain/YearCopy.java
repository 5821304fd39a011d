package org.perfdesk.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a year's tree from last year's: every live node copied with a new id that keeps a link to
 * the node it came from (so the office can compare years), dates moved to the new year, targets kept
 * or cleared as the user chooses. Progress and self-assessment belong to their year and stay behind.
 */
public final class YearCopy {
    private YearCopy() {
    }

    public static List<GoalNode> copy(GoalTree from, int toYear, boolean keepTargets) {
        Map<String, String> newIds = new HashMap<>();
        for (GoalNode n : from.inOrder()) {
            newIds.put(n.id(), Ids.newId());
        }
        List<GoalNode> out = new ArrayList<>();
        for (GoalNode n : from.inOrder()) {
            String parent = n.parentId() == null ? null : newIds.get(n.parentId());
            out.add(new GoalNode(newIds.get(n.id()), n.unitCode(), toYear, parent, n.position(), n.kind(), n.title(),
                    n.description(), n.ownerCode(), n.qualityRequirement(), moved(n.deadline(), toYear - n.year()), n.weight(),
                    measure(n.measure(), toYear - n.year(), keepTargets), n.id(), 1, false, n.systemCode()));
        }
        return out;
    }

    private static Measure measure(Measure m, int years, boolean keepTargets) {
        if (m instanceof Measure.Quantitative q) {
            return new Measure.Quantitative(keepTargets ? q.target() : null, q.baseline(), q.unitOfMeasure(),
                    q.direction());
        }
        if (m instanceof Measure.Qualitative q) {
            return new Measure.Qualitative(q.levels(), keepTargets ? q.targetLevel() : null);
        }
        if (m instanceof Measure.Milestone ms) {
            return new Measure.Milestone(keepTargets ? moved(ms.due(), years) : null);
        }
        return null;
    }

    /** The same day so many years later (29 February becomes 28 February where needed). */
    static LocalDate moved(LocalDate d, int years) {
        return d == null ? null : d.plusYears(years);
    }
}
