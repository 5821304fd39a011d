package org.perfdesk.exchange.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.perfdesk.domain.Direction;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.RankingGroup;

/** The shape of the JSON files in {@code sample-data/demo-2008/} (see sample-data/README.md). */
final class DemoFiles {
    private DemoFiles() {
    }

    record PilotSet(int year, Org office, List<String> units) {
    }

    record Org(String code, String name, OrgKind kind, String parent, RankingGroup group) {
    }

    /**
     * @param sent when the unit's packages were made (the date their manifests sign); null for packages
     *             made as the demo is built
     */
    record UnitFile(Org unit, List<Org> organisations, List<Node> goals, Sent sent) {
    }

    /** The days a unit made its enrollment request, its plan and its half-year and annual packages. */
    record Sent(LocalDate enrollment, LocalDate plan, LocalDate midyear, LocalDate annual) {
    }

    record Node(NodeKind kind, String title, String description, BigDecimal weight, String owner, String quality,
                LocalDate deadline, MeasureSpec measure, List<Node> children, List<ProgressSpec> progress,
                SelfSpec self) {
    }

    /** The unit's self-assessment at year end: a score, or a level for a qualitative indicator. */
    record SelfSpec(BigDecimal score, String level, String narrative) {
    }

    record MeasureSpec(String type, BigDecimal target, BigDecimal baseline, String unit, Direction direction,
                       List<String> levels, String targetLevel, LocalDate due, BigDecimal targetHigh) {
    }

    /**
     * A quarter's progress. {@code completion} is given for milestones and tasks only (the share of the work
     * done); a quantitative indicator's is what the rule computes from {@code actual}.
     */
    record ProgressSpec(int quarter, BigDecimal actual, BigDecimal completion, ProgressStatus status,
                        String narrative, String problems, String causes, String measures) {
    }
}
