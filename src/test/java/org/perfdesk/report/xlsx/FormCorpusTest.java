package org.perfdesk.report.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.Texts;
import org.perfdesk.store.Workspace;

/**
 * Every form of the corpus ({@link FormCorpus}) imported into a fresh workspace with its organisation
 * created gives the tree its {@code .expected.txt} says the form means, node by node, with the
 * organisations created and what was read from words; a form with values that cannot be read gives
 * exactly its row-and-column messages. The committed files are what the generator makes.
 */
class FormCorpusTest {
    static final int YEAR = 2026;
    static final String UNIT = "JSJ";

    @TempDir
    Path dir;

    @BeforeAll
    static void writeWhenAsked() throws IOException {
        if (Boolean.getBoolean("perfdesk.writeCorpus")) {
            FormCorpus.writeAll(FormCorpus.DIR);
        }
    }

    static List<String> forms() {
        return new ArrayList<>(FormCorpus.all().keySet());
    }

    @ParameterizedTest
    @MethodSource("forms")
    void theCommittedFormIsWhatTheGeneratorMakes(String name) throws IOException {
        Path fresh = dir.resolve(name);
        Files.write(fresh, FormCorpus.all().get(name).get());
        assertThat(XlsxSource.readWorkbook(FormCorpus.DIR.resolve(name)).sheets())
                .isEqualTo(XlsxSource.readWorkbook(fresh).sheets());
    }

    @ParameterizedTest
    @MethodSource("forms")
    void eachFormGivesTheTreeItMeans(String name) throws IOException {
        Path expected = FormCorpus.DIR.resolve(name.replaceFirst("\\.[a-z]+$", "") + ".expected.txt");
        String actual = render(dir, FormCorpus.DIR.resolve(name));
        if (Boolean.getBoolean("perfdesk.showCorpus")) {
            System.out.println("==== " + name + "\n" + actual);
        }
        assertThat(actual).as(name).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8).strip());
    }

    @Test
    void anOpenDocumentSpreadsheetGetsTheWayRound() {
        Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> {
            try (Workspace ws = fresh(dir.resolve("ods"))) {
                GoalTreeXlsx.open(ws, FormCorpus.DIR.resolve("libreoffice.ods"));
            }
        });
        assertThat(e).isInstanceOf(org.perfdesk.domain.UserError.class);
        assertThat(((org.perfdesk.domain.UserError) e).key()).isEqualTo("xlsx.error.ods");
        assertThat(e.getMessage()).contains("另存为 .xlsx");
    }

    static Workspace fresh(Path where) {
        OrgUnit self = new OrgUnit(UNIT, "市交通运输局", OrgKind.DEPARTMENT, "XNB");
        return Workspace.create(where, new Workspace.Setup(Role.UNIT, self, YEAR, "test"));
    }

    /**
     * The import as text: the tree (kind, name, points, measure, owner, deadline, 质量要求, 说明), the
     * organisations created, and each note (row, column, kind) — or, when refused, each problem.
     */
    static String render(Path dir, Path file) {
        try (Workspace ws = fresh(dir.resolve("ws-" + file.getFileName()))) {
            TreeWorkbook wb = GoalTreeXlsx.open(ws, file);
            XlsxImport preview = GoalTreeXlsx.read(ws, UNIT, YEAR, wb, wb.defaults().withCreateOrg(true));
            List<String> lines = new ArrayList<>();
            Texts zh = Texts.of(Texts.CHINESE);
            if (preview.refused()) {
                preview.problems().forEach(p -> lines.add("问题 " + p.describe(zh, preview.severalSheets())));
                return String.join("\n", lines);
            }
            Map<String, String> names = new HashMap<>();
            ws.orgUnits().findAll().forEach(o -> names.put(o.code(), o.name()));
            preview.newOrganisations().forEach(o -> names.put(o.code(), o.name()));
            GoalTree tree = new GoalTree(preview.nodes());
            for (GoalNode n : tree.inOrder()) {
                lines.add("  ".repeat(tree.depth(n.id()) - 1) + node(n, names, zh));
            }
            for (OrgUnit o : preview.newOrganisations()) {
                lines.add("组织 " + zh.of(o.kind()) + " " + o.name() + " 上级 " + names.get(o.parentCode()));
            }
            preview.notes().forEach(n -> lines.add("提示 " + (n.sheet().isEmpty() || !preview.severalSheets() ? ""
                    : n.sheet() + " ") + n.row() + " " + n.column() + " " + n.kind()));
            return String.join("\n", lines);
        }
    }

    private static String node(GoalNode n, Map<String, String> names, Texts zh) {
        List<String> parts = new ArrayList<>();
        parts.add(zh.of(n.kind()) + " " + n.title());
        if (n.weight() != null) {
            parts.add("分值 " + Numbers.plain(n.weight()));
        }
        if (n.measure() instanceof Measure.Quantitative q) {
            parts.add("定量 " + (q.target() == null ? "-" : Numbers.plain(q.target()))
                    + (q.targetHigh() == null ? "" : "–" + Numbers.plain(q.targetHigh()))
                    + (q.unitOfMeasure() == null ? "" : q.unitOfMeasure()) + " " + zh.of(q.direction())
                    + (q.baseline() == null ? "" : " 基期 " + Numbers.plain(q.baseline())));
        } else if (n.measure() instanceof Measure.Qualitative q) {
            parts.add("定性 " + q.targetLevel() + (q.levels().isEmpty() ? "" : " 等级 " + String.join("/", q.levels())));
        } else if (n.measure() instanceof Measure.Milestone m) {
            parts.add("节点 " + m.due());
        }
        if (n.ownerCode() != null) {
            parts.add("责任 " + names.getOrDefault(n.ownerCode(), n.ownerCode()));
        }
        if (n.deadline() != null) {
            parts.add("时限 " + n.deadline());
        }
        if (n.qualityRequirement() != null) {
            parts.add("质量 " + n.qualityRequirement().replace("\n", "／"));
        }
        if (n.description() != null) {
            parts.add("说明 " + n.description().replace("\n", "／"));
        }
        return String.join(" | ", parts);
    }
}
