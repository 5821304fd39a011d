package org.perfdesk.report.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.report.DemoSet;
import org.perfdesk.report.diagram.DecompositionModel.Role;
import org.perfdesk.report.diagram.DiagramLayout.Box;
import org.perfdesk.report.diagram.DiagramLayout.Label;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/** The goal-decomposition chart: who owns what, boxes that do not collide, text that fits, a real PNG. */
class DecompositionDiagramTest {
    private static final Texts ZH = Texts.of(Texts.CHINESE);

    @TempDir
    Path dir;

    /** A measure that needs no fonts: every character is as wide as the style's size. */
    private static final TextMeasure FIXED = new TextMeasure() {
        @Override
        public double width(String text, TextStyle style) {
            return text.codePointCount(0, text.length()) * style.size();
        }

        @Override
        public double ascent(TextStyle style) {
            return style.size();
        }

        @Override
        public double lineHeight(TextStyle style) {
            return style.size() * 1.4;
        }
    };

    private static DecompositionDiagram demo(String unit) {
        try (Workspace ws = Workspace.open(DemoSet.unit(unit))) {
            return DecompositionDiagram.load(ws, unit, 2008);
        }
    }

    private static GoalTree tree(String unit) {
        try (Workspace ws = Workspace.open(DemoSet.unit(unit))) {
            return ws.goals().loadTree(unit, 2008);
        }
    }

    @Test
    void everyOwnerHasOneBoxAndEveryOwnedNodeIsInItsOwnersBoxOnly() {
        for (String unit : List.of("SLT", "XM", "NP")) {
            GoalTree tree = tree(unit);
            for (DiagramLayout layout : List.of(demo(unit).layout(), demo(unit).layout(FIXED,
                    DiagramLayouter.Options.columns(2)))) {
                Map<String, Integer> boxesPerOwner = new HashMap<>();
                Map<String, String> boxOfNode = new HashMap<>();
                for (Box b : layout.boxes()) {
                    if (b.ownerCode() != null) {
                        boxesPerOwner.merge(b.ownerCode(), 1, Integer::sum);
                    }
                    for (String id : b.nodeIds()) {
                        assertThat(boxOfNode.put(id, String.valueOf(b.ownerCode()))).as(unit + " node in two boxes").isNull();
                    }
                }
                Set<String> owners = new HashSet<>();
                for (GoalNode n : tree.inOrder()) {
                    if (n.ownerCode() != null) {
                        owners.add(n.ownerCode());
                        assertThat(boxOfNode.get(n.id())).as(unit + " " + n.title()).isEqualTo(n.ownerCode());
                    }
                }
                assertThat(owners).allSatisfy(o -> assertThat(boxesPerOwner.get(o)).as(unit + " " + o).isEqualTo(1));
                assertThat(boxesPerOwner.values()).allSatisfy(count -> assertThat(count).isEqualTo(1));
            }
        }
    }

    @Test
    void boxesDoNotOverlapStayOnTheCanvasAndHoldTheirText() {
        Java2dText fonts = Java2dText.cjk();
        for (String unit : List.of("SLT", "XM", "NP", "NYT")) {
            DiagramLayout layout = demo(unit).layout();
            List<Box> boxes = layout.boxes();
            for (int i = 0; i < boxes.size(); i++) {
                Box a = boxes.get(i);
                assertThat(a.x()).isGreaterThanOrEqualTo(0);
                assertThat(a.y()).isGreaterThanOrEqualTo(0);
                assertThat(a.right()).isLessThanOrEqualTo(layout.width());
                assertThat(a.bottom()).isLessThanOrEqualTo(layout.height());
                for (int j = i + 1; j < boxes.size(); j++) {
                    assertThat(a.overlaps(boxes.get(j))).as(unit + " " + a.ownerCode() + " / " + boxes.get(j).ownerCode())
                            .isFalse();
                }
                for (Label l : a.labels()) {
                    assertThat(l.x()).isGreaterThanOrEqualTo(a.x());
                    assertThat(l.x() + fonts.width(l.text(), l.style())).as(unit + " " + l.text())
                            .isLessThanOrEqualTo(a.right() + 0.5);
                    assertThat(l.baseline()).isBetween(a.y(), a.bottom());
                }
            }
            assertThat(layout.edges()).isNotEmpty();
        }
    }

    @Test
    void theUnitIsOnTopAndThePersonsHangBelowTheirDivisions() {
        DiagramLayout layout = demo("SLT").layout();
        Box unit = layout.boxes().get(0);
        assertThat(unit.role()).isEqualTo(Role.UNIT);
        assertThat(unit.ownerCode()).isEqualTo("SLT");
        Map<String, Box> byCode = new HashMap<>();
        layout.boxes().forEach(b -> byCode.put(b.ownerCode(), b));
        assertThat(layout.boxes().subList(1, layout.boxes().size()))
                .allSatisfy(b -> assertThat(b.y()).isGreaterThan(unit.bottom()));
        Box division = byCode.get("SLT-JGC");
        Box person = byCode.get("SLT-JGC-01");
        assertThat(division.role()).isEqualTo(Role.BRANCH);
        assertThat(person.role()).isEqualTo(Role.MEMBER);
        assertThat(person.y()).isGreaterThan(division.bottom());
        assertThat(person.x()).isGreaterThan(division.x());
        assertThat(person.right()).isLessThanOrEqualTo(division.right());
    }

    @Test
    void leavesWithoutAnOwnerGetABoxOfTheirOwn() {
        DiagramLayout layout = demo("NP").layout();
        List<Box> unassigned = layout.boxes().stream().filter(b -> b.role() == Role.UNASSIGNED).toList();
        assertThat(unassigned).hasSize(1);
        GoalNode ownerless = tree("NP").inOrder().stream().filter(n -> n.ownerCode() == null).findFirst().orElseThrow();
        assertThat(unassigned.get(0).nodeIds()).containsExactly(ownerless.id());
        assertThat(unassigned.get(0).labels()).extracting(Label::text).contains("未明确责任人");
    }

    @Test
    void eightyNodesStayReadableLongTitlesAreCutAndTheCanvasGrows() {
        OrgUnit unit = new OrgUnit("U", "某某省某某厅", OrgKind.DEPARTMENT, null);
        List<OrgUnit> orgs = new ArrayList<>();
        List<GoalNode> nodes = new ArrayList<>();
        String longTitle = "这是一个非常非常长的指标名称，用来检验换行和截断是否合理，再长一些再长一些再长一些";
        for (int d = 0; d < 10; d++) {
            String div = "U-D" + d;
            orgs.add(new OrgUnit(div, "第" + d + "处", OrgKind.DIVISION, "U"));
            GoalNode goal = GoalNode.create("U", 2008, null, d, NodeKind.GOAL, "目标" + d).withOwner(div)
                    .withWeight(BigDecimal.TEN);
            nodes.add(goal);
            for (int p = 0; p < 2; p++) {
                String person = div + "-" + p;
                orgs.add(new OrgUnit(person, "责任人" + d + p + "（处长）", OrgKind.PERSON, div));
                for (int i = 0; i < 3; i++) {
                    nodes.add(GoalNode.create("U", 2008, goal.id(), p * 3 + i, NodeKind.INDICATOR,
                            i == 0 ? longTitle : "指标" + d + p + i).withOwner(person).withWeight(BigDecimal.ONE));
                }
                nodes.add(GoalNode.create("U", 2008, goal.id(), 10 + p, NodeKind.TASK, "任务" + d + p).withOwner(person));
            }
        }
        assertThat(nodes).hasSize(90);
        DecompositionDiagram diagram = DecompositionDiagram.of(unit, 2008, orgs, new GoalTree(nodes), ZH);

        DiagramLayout layout = diagram.layout();

        assertThat(layout.boxes()).hasSize(31);
        assertThat(layout.width()).isGreaterThan(1000);
        assertThat(layout.height()).isGreaterThan(800);
        assertThat(layout.width() / layout.height()).isBetween(0.8, 2.5);
        List<String> texts = layout.boxes().stream().flatMap(b -> b.labels().stream()).map(Label::text).toList();
        assertThat(texts).anyMatch(s -> s.endsWith("…"));
        assertThat(texts).noneMatch(s -> s.contains("再长一些再长一些再长一些"));
        assertThat(layout.boxes().stream().flatMap(b -> b.labels().stream()))
                .allSatisfy(l -> assertThat(l.style().size()).isGreaterThanOrEqualTo(12));
        assertThat(layout.breaks()).hasSizeGreaterThan(1).allSatisfy(y -> assertThat(y).isBetween(0.0, layout.height()));
    }

    @Test
    void thePngIsWrittenWholeAndDecodes() throws Exception {
        DecompositionDiagram diagram = demo("XM");
        Path png = dir.resolve("out/XM.png");
        diagram.writePng(png);

        BufferedImage image = ImageIO.read(png.toFile());
        DiagramLayout layout = diagram.layout();
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(layout.width())).isBetween(800, 4000);
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(layout.height())).isBetween(500, 4000);
        assertThat(Files.exists(SafeFiles.temporaryFor(png))).isFalse();
        assertThat(image.getRGB(0, 0) & 0xFFFFFF).as("white paper").isEqualTo(0xFFFFFF);
        Box unit = layout.boxes().get(0);
        assertThat(image.getRGB((int) unit.x() + 20, (int) unit.y() + 6) & 0xFFFFFF).as("the unit's dark heading")
                .isNotEqualTo(0xFFFFFF);
    }

    @Test
    void aYearWithoutGoalsIsAUserError() {
        try (Workspace ws = Workspace.open(DemoSet.unit("XM"))) {
            assertThatThrownBy(() -> DecompositionDiagram.load(ws, "XM", 2010)).isInstanceOf(UserError.class);
        }
    }
}
