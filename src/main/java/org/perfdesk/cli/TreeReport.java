package org.perfdesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;
import org.perfdesk.report.xlsx.Field;
import org.perfdesk.report.xlsx.ImportChoices;
import org.perfdesk.report.xlsx.SheetMapping;
import org.perfdesk.report.xlsx.TreeWorkbook;
import org.perfdesk.report.xlsx.XlsxImport;

/** What {@code tree import-xlsx} prints besides counts: the column mapping used, organisations to create, the tree. */
final class TreeReport {
    private TreeReport() {
    }

    /** For an office's own form: per sheet, where the header is and what each column is read as. */
    static void mapping(PrintWriter out, Texts t, TreeWorkbook wb, ImportChoices choices) {
        for (String sheet : choices.sheets()) {
            TreeWorkbook.SheetInfo info = wb.sheet(sheet);
            SheetMapping m = choices.mappings().get(sheet);
            if (info == null || info.kind() != TreeWorkbook.SheetKind.FORM || m == null) {
                continue;
            }
            List<String> columns = new ArrayList<>();
            for (Map.Entry<Integer, Field> e : m.columns().entrySet()) {
                String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(e.getKey());
                columns.add(t.get("cli.tree.column", letter, m.headings().getOrDefault(e.getKey(), ""),
                        t.get("xlsx.field." + e.getValue().name())));
            }
            out.println(t.get("cli.tree.mapping", sheet, m.headerRow(), String.join("，", columns)));
        }
    }

    static void organisations(PrintWriter out, Texts t, List<OrgUnit> created, boolean dryRun) {
        if (created.isEmpty()) {
            return;
        }
        out.println(t.get(dryRun ? "cli.tree.orgsToCreate" : "cli.tree.orgsCreated", created.size()));
        for (OrgUnit o : created) {
            out.println("  " + t.get("cli.tree.org", t.of(o.kind()), o.name(), o.code(), o.parentCode()));
        }
    }

    /** The tree the import makes, one line per node, indented by level. */
    static void tree(PrintWriter out, Texts t, XlsxImport preview, Map<String, String> names) {
        GoalTree tree = new GoalTree(preview.nodes());
        out.println(t.get("cli.tree.preview"));
        for (GoalNode n : tree.inOrder()) {
            StringBuilder b = new StringBuilder("  ".repeat(tree.depth(n.id())));
            b.append(t.of(n.kind())).append(' ').append(n.title());
            if (n.weight() != null) {
                b.append(" · ").append(t.get("cli.tree.points", Numbers.plain(n.weight())));
            }
            if (n.measure() instanceof Measure.Quantitative q && q.target() != null) {
                b.append(" · ").append(t.get("cli.tree.target", Numbers.plain(q.target()),
                        q.unitOfMeasure() == null ? "" : q.unitOfMeasure(), t.of(q.direction())));
            } else if (n.measure() instanceof Measure.Qualitative q && q.targetLevel() != null) {
                b.append(" · ").append(q.targetLevel());
            }
            if (n.ownerCode() != null) {
                b.append(" · ").append(names.getOrDefault(n.ownerCode(), n.ownerCode()));
            }
            if (n.deadline() != null) {
                String typed = preview.deadlineTexts().get(n.id());
                b.append(" · ").append(n.deadline()).append(typed == null ? "" : "（" + typed + "）");
            }
            out.println(b);
        }
    }
}
