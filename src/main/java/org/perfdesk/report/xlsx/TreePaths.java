package org.perfdesk.report.xlsx;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;

/** The 编号 of every node: its place among its siblings, counted from 1, after its parent's (1.2.3). */
final class TreePaths {
    private TreePaths() {
    }

    /** Node id → 编号, in reading order. */
    static Map<String, String> of(GoalTree tree) {
        Map<String, String> paths = new LinkedHashMap<>();
        number(tree, tree.roots(), "", paths);
        return paths;
    }

    private static void number(GoalTree tree, List<GoalNode> siblings, String prefix, Map<String, String> out) {
        for (int i = 0; i < siblings.size(); i++) {
            GoalNode n = siblings.get(i);
            String path = prefix + (i + 1);
            out.put(n.id(), path);
            number(tree, tree.children(n.id()), path + ".", out);
        }
    }

    static int depth(String path) {
        return path.split("\\.", -1).length;
    }

    /** "1.2.3" → "1.2"; null for a top-level code. */
    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : path.substring(0, dot);
    }
}
