package org.perfdesk.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.OtherThread;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.SelfAssessment;
import org.perfdesk.store.GoalNodeRepository.WithFigures;

/**
 * Each unit's goal tree, progress and self-assessments, put together on another core while the year is still
 * being read, and made into what the reader wants of it there too ({@code finish}: its material, or its score):
 * the nodes come unit by unit (a package's nodes are stored together), so a unit can be put together (its tree
 * built, its progress rows decoded, its score worked out) as soon as the reading has passed on to the next unit.
 * A unit whose nodes come back later is put together again from all of them at the end, in the order read, so the
 * result is the same whatever the order of the rows.
 *
 * @param <T> what each unit is made into
 */
final class UnitAssembly<T> {
    /** One unit's nodes as read, as a tree, and its figures per node id. */
    record Unit(List<GoalNode> nodes, GoalTree tree, Map<String, List<Progress>> progress,
                Map<String, SelfAssessment> self) {
    }

    private static final Unit NONE = new Unit(List.of(), new GoalTree(List.of()), Map.of(), Map.of());

    private final BiFunction<String, Unit, T> finish;
    private final Map<String, List<WithFigures>> handedOver = new HashMap<>();
    private final Map<String, CompletableFuture<T>> building = new HashMap<>();
    private final Map<String, List<WithFigures>> cameBack = new HashMap<>();
    private String unit;
    private List<WithFigures> nodes;

    /** @param finish what a unit (by its code) is made into; pure, since it runs on another thread */
    UnitAssembly(BiFunction<String, Unit, T> finish) {
        this.finish = finish;
    }

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

    /** The unit put together and finished (from an empty unit without nodes); waits for it. Call after the last {@link #add}. */
    T unit(String unitCode) {
        handOver();
        List<WithFigures> late = cameBack.get(unitCode);
        if (late != null) {
            List<WithFigures> all = new ArrayList<>(handedOver.get(unitCode));
            all.addAll(late);
            return finish.apply(unitCode, assemble(all));
        }
        CompletableFuture<T> done = building.get(unitCode);
        if (done == null) {
            return finish.apply(unitCode, NONE);
        }
        return OtherThread.result(done);
    }

    private void handOver() {
        if (unit == null) {
            return;
        }
        List<WithFigures> list = nodes;
        String code = unit;
        if (handedOver.containsKey(code)) {
            cameBack.computeIfAbsent(code, k -> new ArrayList<>()).addAll(list);
        } else {
            handedOver.put(code, list);
            building.put(code, CompletableFuture.supplyAsync(() -> finish.apply(code, assemble(list))));
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
        List<GoalNode> read = nodes.stream().map(WithFigures::node).toList();
        return new Unit(read, new GoalTree(read), progress, self);
    }
}
