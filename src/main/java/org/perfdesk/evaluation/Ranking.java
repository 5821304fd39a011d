package org.perfdesk.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfdesk.domain.RankingGroup;

/**
 * Ranks within each group by total, highest first. Equal totals (to the two decimals printed) share
 * a rank and the next rank is skipped, as in a sports table: 1, 2, 2, 4. The order among tied units
 * is by unit code, only so that lists are stable; it means nothing and the results say so. Units
 * that are not ranked (未报送, 材料不全 without the office's decision to rank them) follow their group
 * without a rank; units outside any group come last.
 */
final class Ranking {
    private Ranking() {
    }

    static List<Evaluation.UnitResult> rank(List<Evaluation.UnitResult> results) {
        Map<RankingGroup, List<Evaluation.UnitResult>> byGroup = new LinkedHashMap<>();
        List<Evaluation.UnitResult> outside = new ArrayList<>();
        for (Evaluation.UnitResult r : results) {
            if (r.group() == null) {
                outside.add(r);
            } else {
                byGroup.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
            }
        }
        List<Evaluation.UnitResult> out = new ArrayList<>();
        for (RankingGroup g : RankingGroup.values()) {
            List<Evaluation.UnitResult> members = new ArrayList<>(byGroup.getOrDefault(g, List.of()).stream()
                    .filter(Evaluation.UnitResult::ranked).toList());
            members.sort(Comparator.comparing(Evaluation.UnitResult::total).reversed()
                    .thenComparing(r -> r.unit().code()));
            for (int i = 0; i < members.size(); i++) {
                Evaluation.UnitResult r = members.get(i);
                int rank = i + 1;
                while (rank > 1 && members.get(rank - 2).total().compareTo(r.total()) == 0) {
                    rank--;
                }
                List<String> tied = members.stream().filter(o -> o != r && o.total().compareTo(r.total()) == 0)
                        .map(o -> o.unit().code()).toList();
                out.add(r.withRank(rank, tied));
            }
            byGroup.getOrDefault(g, List.of()).stream().filter(r -> !r.ranked())
                    .sorted(Comparator.comparing(r -> r.unit().code())).forEach(out::add);
        }
        outside.sort(Comparator.comparing(r -> r.unit().code()));
        out.addAll(outside);
        return out;
    }
}
