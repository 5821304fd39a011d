package org.perfdesk.exchange.pkg;

/**
 * What a package may be at most. Generous for a province's year of work (2,000-node trees, evidence
 * files, a collector's inner packages), far below what would hurt a desktop PC.
 */
public record Limits(long maxFileSize, int maxEntries, long maxEntrySize, long maxTotalSize, int maxRatio,
                     long maxJsonSize, long maxManifestSize) {

    public static final Limits DEFAULT = new Limits(
            512L << 20,   // the package file
            20_000,       // entries
            128L << 20,   // one entry, uncompressed
            1L << 30,     // all entries, uncompressed
            200,          // compression ratio of one large entry
            64L << 20,    // one JSON entry
            4L << 20);    // manifest.json

    /** Entries smaller than this may compress as well as they like (JSON of empty fields does). */
    public static final long RATIO_FLOOR = 1L << 20;
}
