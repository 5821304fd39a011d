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

    /** The days a unit made its enrollment request and its plan and progress packages. */
    record Sent(LocalDate enrollment, LocalDate plan, LocalDate progress) {
    }

    record Node(NodeKind kind, String title, String description, BigDecimal weight, String owner, String quality,
                LocalDate deadline, MeasureSpec measure, List<Node> children, List<ProgressSpec> progress) {
    }

    record MeasureSpec(String type, BigDecimal target, BigDecimal baseline, String unit, Direction direction,
                       List<String> levels, String targetLevel, LocalDate due) {
    }

    record ProgressSpec(int quarter, BigDecimal actual, BigDecimal completion, ProgressStatus status,
                        String narrative, String problems, String causes, String measures) {
    }
}
