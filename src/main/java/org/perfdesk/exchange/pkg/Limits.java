package org.perfdesk.exchange.pkg;

/**
 * Every limit a package is read within, in one place (package-format.md §8 lists them for a person
 * checking a package by hand). Generous for a province's year of work (2,000-node trees, evidence
 * files, a collector's inner packages), far below what would hurt a desktop PC.
 *
 * <p>The record's values are the ones a caller may narrow (tests do, to reach an edge with small
 * files); the constants below are fixed by the format. Sizes are counted on the bytes actually
 * unpacked, never taken from the zip's own records: those only have to agree with what is counted.
 */
public record Limits(long maxFileSize, int maxEntries, long maxEntrySize, long maxTotalSize, int maxRatio,
                     long maxJsonSize, long maxManifestSize) {

    public static final Limits DEFAULT = new Limits(
            512L << 20,   // the package file
            20_000,       // entries
            128L << 20,   // one entry, unpacked
            // All entries together, unpacked: the reader holds them in memory while it checks them (an
            // encrypted package's plain entries once more after decryption), so this is the cap on
            // what one package can make the program hold.
            256L << 20,
            200,          // compression ratio of one large entry, counted while unpacking
            64L << 20,    // one JSON entry
            4L << 20);    // manifest.json

    /** Entries smaller than this may compress as well as they like (JSON of empty fields does). */
    public static final long RATIO_FLOOR = 1L << 20;

    /** {@code manifest.sig}: an Ed25519 signature, exactly this long. */
    public static final int SIGNATURE_SIZE = 64;

    /** An entry's name, in characters. */
    public static final int ENTRY_NAME = 255;

    /**
     * {@code payload/enrollment.json}, the one entry read before its signature is checked (it holds the
     * key the enrollment is signed with); a real one has about 600 bytes.
     */
    public static final int ENROLLMENT_JSON = 64 * 1024;

    /** A card file ({@code keys card}), read before anything else of the office is known. */
    public static final int CARD_FILE = 64 * 1024;

    /** JSON nesting depth. */
    public static final int JSON_DEPTH = 64;
    /** One JSON string, in characters. */
    public static final int JSON_STRING = 1_000_000;
    /** Digits of one JSON number (its integer and fraction part; sign, point and exponent not counted). */
    public static final int JSON_DIGITS = 64;
    /** One JSON field name, in characters. */
    public static final int JSON_NAME = 200;
    /**
     * A JSON number's exponent (the part after {@code e} or {@code E}) lies within ± this: a
     * decimal of 64 digits and such an exponent stays small whatever arithmetic is done with it,
     * while {@code 1E+999999999} would need a gigabyte to write out in full.
     */
    public static final int JSON_EXPONENT = 100;
}
