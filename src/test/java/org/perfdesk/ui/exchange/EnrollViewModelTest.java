package org.perfdesk.ui.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.exchange.Enrollments;
import org.perfdesk.exchange.World;
import org.perfdesk.exchange.intake.EnrollmentHandler;

/** 登记单位: what the dialog offers and what it hands on, without a window. */
class EnrollViewModelTest {
    @TempDir
    Path dir;
    World world;

    @BeforeEach
    void setUp() throws Exception {
        world = new World(dir);
        world.addUnit("XM", "厦门市人民政府", OrgKind.CITY, "XNB");
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    @Test
    void theOfficeChoosesAmongItselfAndItsCollectorsWithTheKindsGroupFirst() {
        Path r = world.enrollmentRequest("XM-SMQ", new OrgUnit("XM-SMQ", "思明区人民政府", OrgKind.COUNTY, "XNB",
                RankingGroup.CITY_GOVERNMENTS, null));
        EnrollViewModel vm = new EnrollViewModel(world.office, Enrollments.read(r));
        assertThat(vm.parents()).extracting(OrgUnit::code).containsExactly("XNB", "XM");
        assertThat(vm.parent().get().code()).isEqualTo("XNB");
        assertThat(vm.group().get().group()).as("a county is not ranked, whatever it asks").isNull();
        assertThat(vm.replacesKey()).isFalse();
        assertThat(vm.ready().get()).isFalse();

        vm.typedFingerprint().set(Enrollments.read(r).fingerprint());
        vm.parent().set(vm.parents().get(1));
        assertThat(vm.ready().get()).isTrue();
        EnrollmentHandler.Decision d = vm.decision();
        assertThat(d.parent()).isEqualTo("XM");
        assertThat(d.groupSet()).isTrue();
        assertThat(d.group()).isNull();
    }

    @Test
    void aKeyReplacementShowsBothFingerprintsAndMustBeConfirmed() {
        String old = world.office.trustedKeys().findByUnit("XM").get(0).keyId();
        Path r = world.enrollmentRequest("XM-new", new OrgUnit("XM", "厦门市人民政府", OrgKind.CITY, "XNB"));
        EnrollViewModel vm = new EnrollViewModel(world.office, Enrollments.read(r));
        assertThat(vm.replacesKey()).isTrue();
        assertThat(vm.replaceText().get()).contains(org.perfdesk.exchange.crypto.Ed25519.fingerprintOf(old))
                .contains(Enrollments.read(r).fingerprint());
        vm.typedFingerprint().set(Enrollments.read(r).fingerprint());
        assertThat(vm.ready().get()).isFalse();
        vm.replaceKey().set(true);
        assertThat(vm.ready().get()).isTrue();
        assertThat(vm.decision().replaceKey()).isTrue();
        assertThat(vm.group().get().group()).isEqualTo(RankingGroup.CITY_GOVERNMENTS);
    }
}
