package org.perfdesk.exchange.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageKind;

/** Every kind has exactly one handler. */
class HandlersTest {
    @Test
    void everyKindHasItsHandler() {
        Handlers standard = Handlers.standard();
        for (PackageKind k : PackageKind.values()) {
            assertThat(standard.forKind(k).kinds()).as(k.name()).contains(k);
        }
        assertThat(standard.forKind(PackageKind.RECEIPT)).isInstanceOf(ReceiptHandler.class);
        assertThat(standard.forKind(PackageKind.ENROLLMENT)).isInstanceOf(EnrollmentHandler.class);
    }

    @Test
    void aKindTakenTwiceIsRefusedAndAKindWithoutOneIsUnsupported() {
        assertThatThrownBy(() -> Handlers.of(List.of(new SnapshotHandler(), new SnapshotHandler())))
                .isInstanceOf(IllegalStateException.class);
        Handlers onlyReceipts = Handlers.of(List.of(new ReceiptHandler()));
        assertThatThrownBy(() -> onlyReceipts.forKind(PackageKind.PLAN)).isInstanceOf(PackageException.class)
                .hasFieldOrPropertyWithValue("code", "unsupported-kind");
    }

    @Test
    void withReplacesTheHandlerOfItsKindsOnly() {
        PackageHandler other = new PackageHandler() {
            @Override
            public Set<PackageKind> kinds() {
                return Set.of(PackageKind.PROGRESS);
            }

            @Override
            public Plan plan(Incoming in) {
                return new Plan();
            }
        };
        Handlers h = Handlers.standard().with(other);
        assertThat(h.forKind(PackageKind.PROGRESS)).isSameAs(other);
        assertThat(h.forKind(PackageKind.PLAN)).isInstanceOf(SnapshotHandler.class);
    }
}
