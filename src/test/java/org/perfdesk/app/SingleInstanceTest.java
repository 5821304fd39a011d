package org.perfdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second start gives its packages to the window already open, and only to it. */
class SingleInstanceTest {
    @TempDir
    Path home;

    @Test
    void aSecondStartHandsItsPackagesToTheFirst() throws Exception {
        List<List<Path>> received = new CopyOnWriteArrayList<>();
        try (SingleInstance first = SingleInstance.listen(home, received::add)) {
            Path pkg = home.resolve("SLT-XNB-1-plan-2008.perfpkg");

            assertThat(SingleInstance.handOver(home, List.of(pkg))).isTrue();
            assertThat(SingleInstance.handOver(home, List.of())).isTrue();

            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (received.size() < 2 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(received).containsExactly(List.of(pkg.toAbsolutePath()), List.of());
        }
        // Closed: the entry is gone and the next start opens a window of its own.
        assertThat(home.resolve(SingleInstance.FILE)).doesNotExist();
        assertThat(SingleInstance.handOver(home, List.of())).isFalse();
    }

    @Test
    void anEntryLeftByACrashedWindowIsIgnored() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(home.resolve(SingleInstance.FILE), port + "\nabc\n");
        assertThat(SingleInstance.handOver(home, List.of())).isFalse();
        Files.writeString(home.resolve(SingleInstance.FILE), "garbage");
        assertThat(SingleInstance.handOver(home, List.of())).isFalse();
    }

    @Test
    void aWrongTokenIsNotHeard() throws Exception {
        List<List<Path>> received = new CopyOnWriteArrayList<>();
        try (SingleInstance first = SingleInstance.listen(home, received::add)) {
            List<String> entry = Files.readAllLines(home.resolve(SingleInstance.FILE));
            Files.writeString(home.resolve(SingleInstance.FILE), entry.get(0) + "\nnot-the-token\n");

            assertThat(SingleInstance.handOver(home, List.of(home.resolve("x.perfpkg")))).isFalse();
            Thread.sleep(200);
            assertThat(received).isEmpty();
        }
    }
}
