package org.perfdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void newIdsAreVersion7WithTheRfcVariantAndTheTimeTheyWereMade() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(Ids.newId());
        long after = System.currentTimeMillis();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(Ids.millisOf(id)).isBetween(before, after);
        assertThat(GoalNode.create("U", 2008, null, 0, NodeKind.GOAL, "目标").id()).satisfies(
                s -> assertThat(UUID.fromString(s).version()).isEqualTo(7));
    }

    @Test
    void aBurstInOneMillisecondStaysInOrderAndUnique() {
        Ids ids = new Ids(() -> 1_700_000_000_000L, new Random(1));
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            made.add(ids.next().toString());
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(made).allSatisfy(s -> assertThat(Ids.millisOf(UUID.fromString(s))).isEqualTo(1_700_000_000_000L));
    }

    @Test
    void aClockThatGoesBackDoesNotBreakTheOrder() {
        long[] now = {1_000_000L};
        Ids ids = new Ids(() -> now[0], new Random(2));
        UUID a = ids.next();
        now[0] -= 5_000;
        UUID b = ids.next();
        assertThat(b.toString()).isGreaterThan(a.toString());
    }

    @Test
    void unitsMakingIdsInTheSameMillisecondOfflineDoNotCollide() {
        // 200 units, each its own generator (its own PC), all on the same clock: the random bits keep them apart.
        Set<UUID> all = new HashSet<>();
        for (int unit = 0; unit < 200; unit++) {
            Ids ids = new Ids(() -> 1_700_000_000_000L, new java.security.SecureRandom());
            for (int i = 0; i < 500; i++) {
                all.add(ids.next());
            }
        }
        assertThat(all).hasSize(200 * 500);
    }

    @Test
    void theSameClockAndSeedMakeTheSameIds() {
        long[] t1 = {5_000L};
        long[] t2 = {5_000L};
        Ids a = new Ids(() -> t1[0] += 3, new Random(9));
        Ids b = new Ids(() -> t2[0] += 3, new Random(9));
        for (int i = 0; i < 10; i++) {
            assertThat(a.next()).isEqualTo(b.next());
        }
    }
}
