package org.perfdesk.domain;

import java.util.List;

/**
 * One finding of the goal-tree rules, tied to a node. The text is looked up by key
 * ("problem." + type) so the same finding reads in Chinese or English; args fill its placeholders.
 */
public record Problem(String nodeId, ProblemType type, List<Object> args) {

    public Problem {
        args = List.copyOf(args);
    }

    public static Problem of(String nodeId, ProblemType type, Object... args) {
        return new Problem(nodeId, type, List.of(args));
    }

    public String messageKey() {
        return "problem." + type.name();
    }
}
