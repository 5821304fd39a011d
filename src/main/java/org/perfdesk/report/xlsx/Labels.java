package org.perfdesk.report.xlsx;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.perfdesk.domain.Direction;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.NodeKind;

/**
 * The words the form uses for kinds, evaluation methods and directions. They are part of the file
 * format (a sheet written in English mode must import in Chinese mode), so they are fixed here
 * rather than taken from the UI texts.
 */
final class Labels {
    /** How a row is evaluated: the three kinds of {@link Measure}. */
    enum Method { QUANTITATIVE, QUALITATIVE, MILESTONE }

    private static final Map<NodeKind, String> KINDS = new EnumMap<>(Map.of(
            NodeKind.GOAL, "目标", NodeKind.SUB_GOAL, "子目标", NodeKind.INDICATOR, "指标", NodeKind.TASK, "任务"));
    private static final Map<Method, String> METHODS = new EnumMap<>(Map.of(
            Method.QUANTITATIVE, "定量", Method.QUALITATIVE, "定性", Method.MILESTONE, "节点"));
    private static final Map<Direction, String> DIRECTIONS = new EnumMap<>(Map.of(
            Direction.HIGHER_BETTER, "越高越好", Direction.LOWER_BETTER, "越低越好", Direction.AT_TARGET, "等于目标值（或区间）"));
    /**
     * Other words read as a direction: forms written by release 0.1.0 said 控制在目标值 for "held at
     * the target", which clerks read as a ceiling; it keeps the meaning it was written with.
     */
    private static final Map<String, Direction> DIRECTION_WORDS = Map.of("控制在目标值", Direction.AT_TARGET,
            "等于目标值", Direction.AT_TARGET, "区间", Direction.AT_TARGET, "在区间内", Direction.AT_TARGET,
            "控制在目标值以内", Direction.LOWER_BETTER, "不高于目标值", Direction.LOWER_BETTER,
            "不低于目标值", Direction.HIGHER_BETTER);
    /** Separators staff use between qualitative levels; the export writes the first. */
    static final String LEVEL_SEPARATOR = "、";
    private static final String LEVEL_SPLIT = "[、,，;；/|\\n]+";

    private Labels() {
    }

    static String kind(NodeKind kind) {
        return KINDS.get(kind);
    }

    static String method(Method method) {
        return METHODS.get(method);
    }

    static String direction(Direction direction) {
        return DIRECTIONS.get(direction);
    }

    static Optional<NodeKind> parseKind(String text) {
        return find(KINDS, text);
    }

    static Optional<Method> parseMethod(String text) {
        return find(METHODS, text);
    }

    static Optional<Direction> parseDirection(String text) {
        Optional<Direction> d = find(DIRECTIONS, text);
        return d.isPresent() || text == null ? d : Optional.ofNullable(DIRECTION_WORDS.get(text.strip()));
    }

    /** In enum order (EnumMap), as the drop-down lists show them. */
    static List<String> kinds() {
        return List.copyOf(KINDS.values());
    }

    static List<String> methods() {
        return List.copyOf(METHODS.values());
    }

    static List<String> directions() {
        return List.copyOf(DIRECTIONS.values());
    }

    static Method methodOf(Measure measure) {
        if (measure instanceof Measure.Quantitative) {
            return Method.QUANTITATIVE;
        }
        return measure instanceof Measure.Qualitative ? Method.QUALITATIVE : Method.MILESTONE;
    }

    /** The kind a row gets when 类型 is left empty: goal, sub-goal, indicator, then tasks. */
    static NodeKind defaultKind(int depth) {
        return NodeKind.values()[Math.min(depth, NodeKind.values().length) - 1];
    }

    static List<String> splitLevels(String text) {
        return Arrays.stream(text.split(LEVEL_SPLIT)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static <E extends Enum<E>> Optional<E> find(Map<E, String> labels, String text) {
        return labels.entrySet().stream().filter(e -> e.getValue().equals(text)).map(Map.Entry::getKey).findFirst();
    }
}
