package org.perfdesk.report.xlsx;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.GoalTreeRules;
import org.perfdesk.domain.Ids;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.Problem;

/**
 * Works out what the parsed rows change in the unit's tree. A row keeps the id of an existing
 * live node, tried in this order: the same 编号 and title; else the one node with its title, when
 * that title is unique among the rows and nodes still unmatched (a row moved or renumbered); else
 * the node with the same 编号 and kind (a title corrected in place). Every other row is a new node,
 * and existing nodes no row claimed become tombstones. So a round trip churns no ids, and
 * progress and self-assessments stay with their nodes.
 */
final class ImportPlanner {
    private final String unitCode;
    private final int year;
    private final List<ParsedRow> rows;
    private final Map<String, GoalNode> matched = new HashMap<>();
    private final Set<String> claimed = new HashSet<>();

    private ImportPlanner(String unitCode, int year, List<ParsedRow> rows) {
        this.unitCode = unitCode;
        this.year = year;
        this.rows = rows;
    }

    static XlsxImport plan(Path file, String unitCode, int year, List<ParsedRow> rows, List<GoalNode> existing,
                           Set<String> ownerCodes) {
        ImportPlanner p = new ImportPlanner(unitCode, year, rows);
        GoalTree before = new GoalTree(existing);
        Map<String, String> paths = TreePaths.of(before);
        p.matchByPathAndTitle(before, paths);
        p.matchByUniqueTitle(before);
        p.matchByPathAndKind(before, paths);
        return p.build(file, existing, before, ownerCodes);
    }

    private void matchByPathAndTitle(GoalTree before, Map<String, String> paths) {
        Map<String, GoalNode> byKey = new HashMap<>();
        paths.forEach((id, path) -> {
            GoalNode n = before.find(id).orElseThrow();
            byKey.put(path + '\n' + n.title(), n);
        });
        for (ParsedRow r : rows) {
            GoalNode n = byKey.get(r.path() + '\n' + r.title());
            if (n != null) {
                claim(r, n);
            }
        }
    }

    private void matchByUniqueTitle(GoalTree before) {
        Map<String, List<GoalNode>> nodesByTitle = new HashMap<>();
        for (GoalNode n : before.inOrder()) {
            if (!claimed.contains(n.id())) {
                nodesByTitle.computeIfAbsent(n.title(), k -> new ArrayList<>()).add(n);
            }
        }
        Map<String, List<ParsedRow>> rowsByTitle = new HashMap<>();
        for (ParsedRow r : rows) {
            if (!matched.containsKey(r.path())) {
                rowsByTitle.computeIfAbsent(r.title(), k -> new ArrayList<>()).add(r);
            }
        }
        rowsByTitle.forEach((title, sameTitle) -> {
            List<GoalNode> candidates = nodesByTitle.getOrDefault(title, List.of());
            if (sameTitle.size() == 1 && candidates.size() == 1) {
                claim(sameTitle.get(0), candidates.get(0));
            }
        });
    }

    private void matchByPathAndKind(GoalTree before, Map<String, String> paths) {
        Map<String, GoalNode> byPath = new HashMap<>();
        paths.forEach((id, path) -> byPath.put(path, before.find(id).orElseThrow()));
        for (ParsedRow r : rows) {
            GoalNode n = byPath.get(r.path());
            if (!matched.containsKey(r.path()) && n != null && !claimed.contains(n.id()) && n.kind() == r.kind()) {
                claim(r, n);
            }
        }
    }

    private void claim(ParsedRow r, GoalNode n) {
        matched.put(r.path(), n);
        claimed.add(n.id());
    }

    private XlsxImport build(Path file, List<GoalNode> existing, GoalTree before, Set<String> ownerCodes) {
        Map<String, String> idByPath = new HashMap<>();
        for (ParsedRow r : rows) {
            GoalNode old = matched.get(r.path());
            idByPath.put(r.path(), old != null ? old.id() : Ids.newId());
        }
        Map<String, Integer> nextPosition = new HashMap<>();
        Map<String, ParsedRow> rowOfNode = new LinkedHashMap<>();
        List<GoalNode> nodes = new ArrayList<>();
        List<GoalNode> toSave = new ArrayList<>();
        int added = 0;
        int changed = 0;
        for (ParsedRow r : rows) {
            String parentId = r.parentPath() == null ? null : idByPath.get(r.parentPath());
            int position = nextPosition.merge(String.valueOf(r.parentPath()), 1, Integer::sum) - 1;
            GoalNode old = matched.get(r.path());
            GoalNode node = node(r, idByPath.get(r.path()), parentId, position, old);
            if (old == null) {
                added++;
                toSave.add(node);
            } else if (sameContent(old, node)) {
                node = old;
            } else {
                changed++;
                node = node.withRevision(old.revision() + 1);
                toSave.add(node);
            }
            nodes.add(node);
            rowOfNode.put(node.id(), r);
        }
        int removed = 0;
        for (GoalNode n : before.inOrder()) {
            if (!claimed.contains(n.id())) {
                removed++;
                toSave.add(n.withDeleted(true).withRevision(n.revision() + 1));
            }
        }
        GoalTree after = new GoalTree(nodes);
        List<XlsxImport.Warning> warnings = new ArrayList<>();
        for (Problem p : new GoalTreeRules(year, ownerCodes).check(after)) {
            ParsedRow r = p.nodeId() == null ? null : rowOfNode.get(p.nodeId());
            warnings.add(new XlsxImport.Warning(r == null ? 0 : r.row(), p, r == null ? "" : r.sheet()));
        }
        XlsxImport.Counts counts = new XlsxImport.Counts(added, changed, nodes.size() - added - changed, removed);
        return new XlsxImport(file, unitCode, year, List.of(), after.inOrder(), toSave, existing, counts, warnings);
    }

    private GoalNode node(ParsedRow r, String id, String parentId, int position, GoalNode old) {
        return new GoalNode(id, unitCode, year, parentId, position, r.kind(), r.title(), r.description(),
                r.ownerCode(), r.quality(), r.deadline(), r.weight(), r.measure(),
                old == null ? null : old.originId(), old == null ? 1 : old.revision(), false,
                old == null ? null : old.systemCode()); // the sheet has no code column: a link stays
    }

    /** Equal in everything the sheet carries; 5 and 5.0 are the same number, an empty text is no text. */
    static boolean sameContent(GoalNode a, GoalNode b) {
        return Objects.equals(a.parentId(), b.parentId()) && a.position() == b.position() && a.kind() == b.kind()
                && a.title().equals(b.title()) && Objects.equals(blank(a.description()), blank(b.description()))
                && Objects.equals(a.ownerCode(), b.ownerCode())
                && Objects.equals(blank(a.qualityRequirement()), blank(b.qualityRequirement()))
                && Objects.equals(a.deadline(), b.deadline()) && sameNumber(a.weight(), b.weight())
                && sameMeasure(a.measure(), b.measure());
    }

    private static boolean sameMeasure(Measure a, Measure b) {
        if (a instanceof Measure.Quantitative x && b instanceof Measure.Quantitative y) {
            return sameNumber(x.target(), y.target()) && sameNumber(x.baseline(), y.baseline())
                    && Objects.equals(x.unitOfMeasure(), y.unitOfMeasure()) && x.direction() == y.direction();
        }
        return Objects.equals(a, b);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
