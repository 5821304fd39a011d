package org.perfdesk.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.perfdesk.store.SafeFiles;

/**
 * {@code inbox/rejected/}: each refused file kept with a {@code .txt} beside it giving the code and
 * message, so the office (or support) can see what arrived, within bounds: at most
 * {@link Bounds#DEFAULT}'s number of refusals and bytes, the oldest dropped first. A refused file larger
 * than the bound's copy size is not copied (the reason file says so; the original is still where it came
 * from). Only names this class made are ever removed, and only in this folder: accepted packages live in
 * {@code inbox/} itself and are never touched.
 */
final class RejectedFiles {
    /** How a refusal's names begin: the time it was refused, in UTC, to the millisecond. */
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final Pattern OURS = Pattern.compile("^\\d{8}-\\d{6}-\\d{3}-.+");
    private static final int STAMP_LENGTH = 19;

    /** The bounds: refusals kept, their bytes together, and the largest refused file copied. */
    record Bounds(int maxRefusals, long maxBytes, long maxCopy) {
        static final Bounds DEFAULT = new Bounds(500, 200L << 20, 64L << 20);
    }

    private RejectedFiles() {
    }

    /** Keeps a refused file and why, then drops the oldest refusals beyond the bounds. */
    static void keep(Path dir, Path source, String code, String message, Bounds bounds) throws IOException {
        String base = STAMP.format(Instant.now()) + "-" + source.getFileName();
        long size = Files.size(source);
        String reason = code + "\n" + message + "\n";
        if (size <= bounds.maxCopy()) {
            SafeFiles.writeAtomically(dir.resolve(base), Files.readAllBytes(source));
        } else {
            reason += "not kept: " + size + " bytes, more than the " + bounds.maxCopy() + " a refused file may take; "
                    + "it was " + source.toAbsolutePath() + "\n";
        }
        SafeFiles.writeAtomically(dir.resolve(base + ".txt"), reason.getBytes(StandardCharsets.UTF_8));
        trim(dir, bounds);
    }

    /**
     * Drops whole refusals (the file and its reason, grouped by their time stamp), oldest first, until at
     * most {@code maxRefusals} remain and they take at most {@code maxBytes}; the newest is always kept.
     * Returns how many refusals were dropped.
     */
    static int trim(Path dir, Bounds bounds) throws IOException {
        Map<String, List<Path>> refusals = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).filter(p -> OURS.matcher(p.getFileName().toString()).matches())
                    .forEach(p -> refusals.computeIfAbsent(p.getFileName().toString().substring(0, STAMP_LENGTH),
                            k -> new ArrayList<>()).add(p));
        }
        long bytes = 0;
        Map<String, Long> sizes = new TreeMap<>();
        for (Map.Entry<String, List<Path>> r : refusals.entrySet()) {
            long s = 0;
            for (Path p : r.getValue()) {
                s += Files.size(p);
            }
            sizes.put(r.getKey(), s);
            bytes += s;
        }
        int count = refusals.size();
        int dropped = 0;
        for (Map.Entry<String, List<Path>> oldest : refusals.entrySet()) {
            if (count <= 1 || (count <= bounds.maxRefusals() && bytes <= bounds.maxBytes())) {
                break;
            }
            for (Path p : oldest.getValue()) {
                Files.deleteIfExists(p);
            }
            bytes -= sizes.get(oldest.getKey());
            count--;
            dropped++;
        }
        return dropped;
    }
}
