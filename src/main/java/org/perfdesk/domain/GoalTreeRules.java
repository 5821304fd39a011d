package org.perfdesk.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checks a goal tree should pass before it is sent as a plan. They report problems and never
 * block a save: a unit builds its tree over days and saves drafts that are incomplete.
 */
public final class GoalTreeRules {
    /** The full score that the top-level goals share (百分制). */
    public static final BigDecimal FULL_SCORE = BigDecimal.valueOf(100);

    private final int year;
    private final Set<String> knownOwners;

    /**
     * @param year        the plan year; deadlines must fall inside it
     * @param knownOwners codes of the unit's divisions, persons and sub-units (and the unit itself);
     *                    null to skip the unknown-owner check
     */
    public GoalTreeRules(int year, Set<String> knownOwners) {
        this.year = year;
        this.knownOwners = knownOwners == null ? null : Set.copyOf(knownOwners);
    }

    public List<Problem> check(GoalTree tree) {
        List<Problem> problems = new ArrayList<>();
        checkWeights(null, tree.roots(), FULL_SCORE, ProblemType.TOP_WEIGHTS_MISMATCH, problems);
        for (GoalNode node : tree.inOrder()) {
            if (node.title().isBlank()) {
                problems.add(Problem.of(node.id(), ProblemType.EMPTY_TITLE));
            }
            checkMeasure(node, problems);
            checkDates(node, problems);
            checkOwner(node, tree.isLeaf(node.id()), problems);
            if (node.weight() != null) {
                checkWeights(node.id(), tree.children(node.id()), node.weight(),
                        ProblemType.CHILD_WEIGHTS_MISMATCH, problems);
            }
        }
        return problems;
    }

    /** Only checked when at least one sibling carries a weight: tasks without points are normal. */
    private static void checkWeights(String parentId, List<GoalNode> siblings, BigDecimal expected,
                                     ProblemType type, List<Problem> out) {
        BigDecimal sum = BigDecimal.ZERO;
        boolean any = false;
        for (GoalNode child : siblings) {
            if (child.weight() != null) {
                any = true;
                sum = sum.add(child.weight());
            }
        }
        if (any && sum.compareTo(expected) != 0) {
            out.add(Problem.of(parentId, type, Numbers.plain(sum), Numbers.plain(expected)));
        }
    }

    private static void checkMeasure(GoalNode node, List<Problem> out) {
        if (node.measure() instanceof Measure.Quantitative q) {
            if (q.target() == null) {
                out.add(Problem.of(node.id(), ProblemType.MISSING_TARGET));
            }
            if (q.unitOfMeasure() == null) {
                out.add(Problem.of(node.id(), ProblemType.MISSING_UNIT_OF_MEASURE));
            }
        }
    }

    private void checkDates(GoalNode node, List<Problem> out) {
        checkDate(node, node.deadline(), out);
        if (node.measure() instanceof Measure.Milestone m) {
            checkDate(node, m.due(), out);
        }
    }

    private void checkDate(GoalNode node, LocalDate date, List<Problem> out) {
        if (date != null && date.getYear() != year) {
            out.add(Problem.of(node.id(), ProblemType.DEADLINE_OUTSIDE_YEAR, date.toString(), String.valueOf(year)));
        }
    }

    private void checkOwner(GoalNode node, boolean leaf, List<Problem> out) {
        String owner = node.ownerCode();
        if (owner == null || owner.isBlank()) {
            if (leaf) {
                out.add(Problem.of(node.id(), ProblemType.LEAF_WITHOUT_OWNER));
            }
        } else if (knownOwners != null && !knownOwners.contains(owner)) {
            out.add(Problem.of(node.id(), ProblemType.UNKNOWN_OWNER, owner));
        }
    }
}
