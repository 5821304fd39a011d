package org.perfdesk.domain;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The year's indicator system (绩效指标体系) of one ranking group, as the office sets it: the province
 * evaluates the city governments on one set of first- and second-level indicators and the provincial
 * departments on another. Each indicator has a code; a unit's goal tree links its own nodes to these
 * codes ({@link GoalNode#systemCode()}), so the office can compare units indicator by indicator and see
 * which of them a unit left out ("绩效目标的设定要与绩效指标体系的设计相一致").
 *
 * @param indicators in the order the office lists them, parents before their children
 */
public record IndicatorSystem(int year, RankingGroup group, List<Item> indicators) {
    /** Codes stay plain so that people can type them and forms can carry them: C1, C1.2, D2-03. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

    /**
     * One indicator of the system.
     *
     * @param level         1 for a first-level indicator (一级指标), 2, 3 below it
     * @param parentCode    null for a first-level indicator
     * @param weight        its points or weight (权重/分值); may be null
     * @param direction     for a quantitative indicator, which way it is met; null otherwise
     * @param unitOfMeasure 计量单位, or null
     * @param dataSource    数据来源: who supplies and checks the figure (省统计局, 考核部门 …)
     */
    public record Item(String code, String name, int level, String parentCode, BigDecimal weight,
                       Direction direction, String unitOfMeasure, String dataSource, String note) {
        public Item {
            name = name == null ? "" : name.strip();
            unitOfMeasure = unitOfMeasure == null || unitOfMeasure.isBlank() ? null : unitOfMeasure.strip();
            dataSource = dataSource == null ? "" : dataSource.strip();
            note = note == null ? "" : note.strip();
        }

        /** No indicator below it: the level at which units' figures are compared. */
        public boolean isLeafIn(IndicatorSystem s) {
            return s.children(code).isEmpty();
        }
    }

    public IndicatorSystem {
        indicators = List.copyOf(indicators == null ? List.of() : indicators);
    }

    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    public boolean isEmpty() {
        return indicators.isEmpty();
    }

    /** The indicator with this code (codes compare without case), if the system has one. */
    public java.util.Optional<Item> find(String code) {
        if (code == null) {
            return java.util.Optional.empty();
        }
        return indicators.stream().filter(i -> i.code().equalsIgnoreCase(code.strip())).findFirst();
    }

    public List<Item> children(String code) {
        return indicators.stream().filter(i -> i.parentCode() != null && i.parentCode().equalsIgnoreCase(code)).toList();
    }

    /** The indicators with nothing below them, in the system's order: what units report figures for. */
    public List<Item> leaves() {
        return indicators.stream().filter(i -> i.isLeafIn(this)).toList();
    }

    /** "C1.2 行政审批平均办理时限" — how lists and forms name an indicator. */
    public static String label(Item i) {
        return i.code() + " " + i.name();
    }

    /** What is wrong with the system, as text keys with arguments; empty when it can be sent. */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        Map<String, Item> byCode = new HashMap<>();
        for (Item i : indicators) {
            if (!isValidCode(i.code())) {
                out.add(new Problem("system.problem.code", String.valueOf(i.code()), i.name()));
                continue;
            }
            if (byCode.put(i.code().toUpperCase(java.util.Locale.ROOT), i) != null) {
                out.add(new Problem("system.problem.duplicate", i.code()));
            }
            if (i.name().isEmpty()) {
                out.add(new Problem("system.problem.name", i.code()));
            }
            if (i.weight() != null && i.weight().signum() < 0) {
                out.add(new Problem("system.problem.weight", i.code(), Numbers.plain(i.weight())));
            }
        }
        for (Item i : indicators) {
            if (i.parentCode() == null) {
                if (i.level() != 1) {
                    out.add(new Problem("system.problem.level", i.code(), String.valueOf(i.level()), "1"));
                }
                continue;
            }
            Item parent = byCode.get(i.parentCode().toUpperCase(java.util.Locale.ROOT));
            if (parent == null) {
                out.add(new Problem("system.problem.parent", i.code(), i.parentCode()));
            } else if (i.level() != parent.level() + 1) {
                out.add(new Problem("system.problem.level", i.code(), String.valueOf(i.level()),
                        String.valueOf(parent.level() + 1)));
            }
        }
        return out;
    }

    /**
     * Weights of children that do not add up to their parent's: a note, as in the goal tree, never a
     * refusal (offices weigh their blocks as they see fit).
     */
    public List<Problem> notes() {
        List<Problem> out = new ArrayList<>();
        for (Item parent : indicators) {
            List<Item> kids = children(parent.code());
            if (parent.weight() == null || kids.isEmpty() || kids.stream().anyMatch(k -> k.weight() == null)) {
                continue;
            }
            BigDecimal sum = kids.stream().map(Item::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(parent.weight()) != 0) {
                out.add(new Problem("system.note.weights", parent.code(), Numbers.plain(parent.weight()),
                        Numbers.plain(sum)));
            }
        }
        return out;
    }

    /** A problem: a text key and its arguments. */
    public record Problem(String key, Object... args) {
        public String text() {
            return Texts.t(key, args);
        }
    }

    // ---- a unit's tree against the system -------------------------------------------------------

    /**
     * Where a unit's tree stands against the system: for each indicator the node linked to it (or none),
     * the nodes linked to codes the system does not have, and the nodes that could be linked by name.
     *
     * @param linked      code → the live node linked to it (the first, when a unit linked two)
     * @param twice       codes more than one node is linked to
     * @param unknown     nodes linked to a code the system lacks
     * @param suggestions code → a node whose title names that indicator and that is not linked yet
     */
    public record Coverage(Map<String, GoalNode> linked, Set<String> twice, List<GoalNode> unknown,
                           Map<String, GoalNode> suggestions) {
        /** Leaves of the system no node is linked to: what the unit left out. */
        public List<Item> missing(IndicatorSystem s) {
            return s.leaves().stream().filter(i -> !linked.containsKey(i.code())).toList();
        }

        /**
         * How many leaves of the system a node is linked to: the figure beside "of N leaves". A goal linked to a
         * first-level indicator of the same name is a link too, but not one of the leaves.
         */
        public int linkedLeaves(IndicatorSystem s) {
            return s.leaves().size() - missing(s).size();
        }
    }

    public Coverage coverage(List<GoalNode> nodes) {
        Map<String, GoalNode> linked = new LinkedHashMap<>();
        Set<String> twice = new HashSet<>();
        List<GoalNode> unknown = new ArrayList<>();
        List<GoalNode> unlinked = new ArrayList<>();
        for (GoalNode n : nodes) {
            if (n.deleted()) {
                continue;
            }
            if (n.systemCode() == null) {
                unlinked.add(n);
                continue;
            }
            Item item = find(n.systemCode()).orElse(null);
            if (item == null) {
                unknown.add(n);
            } else if (linked.putIfAbsent(item.code(), n) != null) {
                twice.add(item.code());
            }
        }
        Map<String, GoalNode> suggestions = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Item i : indicators) {
            if (linked.containsKey(i.code())) {
                continue;
            }
            String name = comparable(i.name());
            // A leaf of the system is scored: only a measurable node carries its figure. A goal named like it
            // (依法行政 as a sub-goal above its indicators) is no match, or the comparison would show no figure.
            boolean leaf = i.isLeafIn(this);
            for (GoalNode n : unlinked) {
                if (!taken.contains(n.id()) && !name.isEmpty() && (!leaf || n.kind().isMeasurable())
                        && comparable(n.title()).equals(name)) {
                    suggestions.put(i.code(), n);
                    taken.add(n.id());
                    break;
                }
            }
        }
        return new Coverage(linked, twice, unknown, suggestions);
    }

    /**
     * The nodes to save to take the coverage's suggestions: each suggested node linked to its code (the caller
     * saves them as one edit, raising their revisions).
     */
    public static List<GoalNode> linkSuggested(Coverage c) {
        List<GoalNode> out = new ArrayList<>();
        c.suggestions().forEach((code, node) -> out.add(node.withSystemCode(code)));
        return out;
    }

    /**
     * A new indicator for a missing item of the system, placed under {@code parentId} at {@code position}: its
     * name, points and, for a quantitative item, its direction and unit (the target is the unit's to set).
     */
    public static GoalNode nodeFor(Item item, String unitCode, int year, String parentId, int position) {
        GoalNode n = GoalNode.create(unitCode, year, parentId, position, NodeKind.INDICATOR, item.name())
                .withWeight(item.weight()).withSystemCode(item.code());
        if (item.direction() != null || item.unitOfMeasure() != null) {
            n = n.withMeasure(new Measure.Quantitative(null, null, item.unitOfMeasure(), item.direction()));
        }
        return n;
    }

    /** A title as compared with an indicator's name: NFC, without spaces and punctuation, lower case. */
    public static String comparable(String text) {
        if (text == null) {
            return "";
        }
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return n.replaceAll("[\\s\\p{Punct}（）、，。：；“”‘’《》]", "").toLowerCase(java.util.Locale.ROOT);
    }
}
