package org.perfdesk.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.SelfAssessment;
import org.perfdesk.store.GoalNodeRepository.WithFigures;

/**
 * Each unit's goal tree, progress and self-assessments, put together on another core while the year is still
 * being read: the nodes come unit by unit (a package's nodes are stored together), so a unit can be put together
 * (its tree built, its progress rows decoded) as soon as the reading has passed on to the next unit. A unit
 * whose nodes come back later is put together again from all of them at the end, in the order read, so the
 * result is the same whatever the order of the rows.
 */
final class UnitAssembly {
    /** One unit's nodes as a tree, and its figures per node id. */
    record Unit(GoalTree tree, Map<String, List<Progress>> progress, Map<String, SelfAssessment> self) {
    }

    private static final Unit NONE = new Unit(new GoalTree(List.of()), Map.of(), Map.of());

    private final Map<String, List<WithFigures>> handedOver = new HashMap<>();
    private final Map<String, CompletableFuture<Unit>> building = new HashMap<>();
    private final Map<String, List<WithFigures>> cameBack = new HashMap<>();
    private String unit;
    private List<WithFigures> nodes;

    /** The next node read. */
    void add(WithFigures n) {
        if (!n.node().unitCode().equals(unit)) {
            handOver();
            unit = n.node().unitCode();
            nodes = new ArrayList<>(2048);
        }
        nodes.add(n);
    }

    /** Whether the unit has nodes (call after the last {@link #add}). */
    boolean has(String unitCode) {
        handOver();
        return handedOver.containsKey(unitCode);
    }

    /** The unit put together (empty without nodes); waits for it. Call after the last {@link #add}. */
    Unit unit(String unitCode) {
        handOver();
        List<WithFigures> late = cameBack.get(unitCode);
        if (late != null) {
            List<WithFigures> all = new ArrayList<>(handedOver.get(unitCode));
            all.addAll(late);
            return assemble(all);
        }
        CompletableFuture<Unit> done = building.get(unitCode);
        return done == null ? NONE : done.join();
    }

    private void handOver() {
        if (unit == null) {
            return;
        }
        List<WithFigures> list = nodes;
        if (handedOver.containsKey(unit)) {
            cameBack.computeIfAbsent(unit, k -> new ArrayList<>()).addAll(list);
        } else {
            handedOver.put(unit, list);
            building.put(unit, CompletableFuture.supplyAsync(() -> assemble(list)));
        }
        unit = null;
        nodes = null;
    }

    private static Unit assemble(List<WithFigures> nodes) {
        Map<String, List<Progress>> progress = new HashMap<>(1024);
        Map<String, SelfAssessment> self = new HashMap<>(1024);
        for (WithFigures f : nodes) {
            List<Progress> rows = f.progress();
            if (!rows.isEmpty()) {
                progress.put(f.node().id(), rows);
            }
            if (f.self() != null) {
                self.put(f.node().id(), f.self());
            }
        }
        return new Unit(new GoalTree(nodes.stream().map(WithFigures::node).toList()), progress, self);
    }
}
