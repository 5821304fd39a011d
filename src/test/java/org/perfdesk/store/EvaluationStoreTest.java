package org.perfdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.Appraisal;
import org.perfdesk.domain.Bonus;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.IndicatorScore;
import org.perfdesk.domain.Inspection;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.SpotCheck;

/** The office's evaluation data comes back as saved, and the audit log notices any tampering. */
class EvaluationStoreTest {
    @TempDir
    Path dir;
    private Workspace ws;

    @BeforeEach
    void office() {
        ws = Workspace.create(dir.resolve("office"), new Workspace.Setup(Role.OFFICE,
                new OrgUnit("XNB", "省效能办", OrgKind.OFFICE, null), 2008, "test"));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void everyRecordRoundTrips() {
        EvaluationScheme scheme = EvaluationScheme.defaults(2008);
        ws.evaluation().schemes().save(scheme);
        ws.evaluation().schemes().save(scheme.nextVersion());
        assertThat(ws.evaluation().schemes().latest(2008)).contains(scheme.nextVersion());
        assertThat(ws.evaluation().schemes().find(2008, 1)).contains(scheme);

        ws.orgUnits().saveAll(List.of(new OrgUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB")));
        GoalNode n = GoalNode.create("SLT", 2008, null, 0, NodeKind.INDICATOR, "指标");
        ws.goals().saveAll(List.of(n));
        ws.evaluation().scores().save(new IndicatorScore(n.id(), new BigDecimal("7.5"), "数据口径不一致"));
        assertThat(ws.evaluation().scores().findByUnit("SLT", 2008).get(n.id()).points()).isEqualByComparingTo("7.5");
        ws.evaluation().scores().delete(n.id());
        assertThat(ws.evaluation().scores().find(n.id())).isEmpty();

        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("满意", 600);
        counts.put("不满意", 20);
        Appraisal a = new Appraisal("SLT", 2008, 1, 1000, counts);
        ws.evaluation().appraisals().saveAll(List.of(a));
        assertThat(ws.evaluation().appraisals().findByYear(2008)).containsExactly(a);
        assertThat(ws.evaluation().appraisals().findByYear(2008).get(0).counts().keySet()).containsExactly("满意", "不满意");

        Inspection i = new Inspection("i1", "SLT", 2008, LocalDate.of(2008, 10, 8), Inspection.Kind.UNANNOUNCED,
                "窗口离岗", new BigDecimal("2"), null);
        ws.evaluation().inspections().save(i);
        assertThat(ws.evaluation().inspections().findByYear(2008)).containsExactly(i);
        Bonus b = new Bonus("b1", "SLT", 2008, new BigDecimal("1"), "国家级表彰");
        ws.evaluation().inspections().save(b);
        assertThat(ws.evaluation().inspections().findBonuses(2008)).containsExactly(b);

        SpotCheck s = new SpotCheck("SLT", 2008, 42L, new BigDecimal("30"), List.of("a", "b"));
        ws.evaluation().spotChecks().save(s);
        assertThat(ws.evaluation().spotChecks().find("SLT", 2008)).contains(s);

        var f = new ResultFreezeRepository.Freeze(2008, "2009-03-01T08:00:00Z", 2, "ab", "{}", "{}");
        ws.evaluation().freezes().save(f);
        assertThat(ws.evaluation().freezes().latest(2008)).contains(f);
    }

    @Test
    void theAuditChainChecksAndATamperedRowIsFound() {
        AuditLog log = ws.audit();
        log.append("score", "SLT-i1", null, "7.5", "抽查");
        log.append("score", "SLT-i1", "7.5", "8", "复核");
        log.append("scheme", "2008 v1", null, "{}", "");
        assertThat(log.check()).isEmpty();
        assertThat(log.recent(2)).extracting(AuditLog.Entry::seq).containsExactly(3L, 2L);
        assertThat(log.all().get(1).prevHash()).isEqualTo(log.all().get(0).hash());

        // Someone edits the second row's new value directly in the database.
        ws.database().write(c -> {
            try (var s = c.createStatement()) {
                return s.executeUpdate("UPDATE audit_log SET after = '10' WHERE seq = 2");
            }
        });
        assertThat(log.check()).contains(new AuditLog.Break(2, "content"));
    }

    @Test
    void aRemovedRowBreaksTheChain() {
        AuditLog log = ws.audit();
        log.append("score", "a", null, "1", "");
        log.append("score", "b", null, "2", "");
        log.append("score", "c", null, "3", "");
        ws.database().write(c -> {
            try (var s = c.createStatement()) {
                return s.executeUpdate("DELETE FROM audit_log WHERE seq = 2");
            }
        });
        assertThat(log.check()).contains(new AuditLog.Break(2, "missing"));
    }
}
