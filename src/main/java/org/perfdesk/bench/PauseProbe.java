package org.perfdesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import javafx.animation.AnimationTimer;

/**
 * Watches the JavaFX thread from inside: an animation timer runs once a frame, so the time between two
 * of its calls is how long the window could not answer. The thread's own CPU time between the two tells
 * a pause it spent working from one where it waited for a core (other programs, a garbage collection).
 * Start it on the JavaFX thread; read it from any thread.
 */
final class PauseProbe {
    private static final long HUNDRED_MS = 100_000_000L;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long last;
    private long lastCpu;
    private volatile long longest;
    private volatile long longestCpu;
    private volatile long mostCpu;
    private volatile String longestAt = "";
    private volatile String mostCpuAt = "";
    private volatile int over100;
    private volatile String phase = "idle";
    private volatile boolean measuring;
    private volatile long phaseStart;
    /** The frames in which the thread worked more than 30 ms: "ms of its own work@ms after the phase began". */
    private final java.util.List<String> busyFrames = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long cpu = threads.getCurrentThreadCpuTime();
            long prev = last;
            long prevCpu = lastCpu;
            last = now;
            lastCpu = cpu;
            if (prev == 0 || !measuring) {
                return;
            }
            long gap = now - prev;
            long worked = cpu - prevCpu;
            if (gap > HUNDRED_MS) {
                over100++;
            }
            if (gap > longest) {
                longest = gap;
                longestCpu = worked;
                longestAt = phase;
            }
            if (worked > 30_000_000L) {
                busyFrames.add(String.format("%d@%d", worked / 1_000_000, (prev - phaseStart) / 1_000_000));
            }
            if (worked > mostCpu) {
                mostCpu = worked;
                mostCpuAt = phase;
            }
        }
    };

    /** On the JavaFX thread. */
    void start() {
        timer.start();
    }

    /** On the JavaFX thread. */
    void stop() {
        timer.stop();
    }

    /** Names what happens from now on (printed with the longest pause), and measures. */
    void phase(String name) {
        phase = name;
        phaseStart = System.nanoTime();
        measuring = true;
    }

    void pause() {
        measuring = false;
    }

    /** Forgets what was measured so far (a new figure); the phase stays. */
    void reset() {
        longest = 0;
        longestCpu = 0;
        mostCpu = 0;
        over100 = 0;
        longestAt = "";
        mostCpuAt = "";
        busyFrames.clear();
    }

    /** The frames the thread worked over 30 ms in since the last reset, as "ms@offset" joined by commas. */
    String busyFrames() {
        synchronized (busyFrames) {
            return busyFrames.isEmpty() ? "-" : String.join(",", busyFrames);
        }
    }

    double longestMs() {
        return longest / 1e6;
    }

    double longestCpuMs() {
        return longestCpu / 1e6;
    }

    String longestAt() {
        return longestAt;
    }

    int over100() {
        return over100;
    }

    double mostCpuMs() {
        return mostCpu / 1e6;
    }

    String mostCpuAt() {
        return mostCpuAt;
    }
}
