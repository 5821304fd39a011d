package org.perfdesk.domain;

import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The one place new ids are made: UUID version 7 (RFC 9562), 48 bits of Unix time in milliseconds,
 * then the version and variant bits and 74 random bits. Ids made close together sort close together,
 * so a unit's rows go into the store's B-tree indexes in key order instead of at random pages; ids
 * made offline at every unit still never collide in practice (the 74 bits are random, no counter or
 * unit code two PCs could share; architecture.md, "Ids", works out the odds). Within one generator, ids
 * made in the same millisecond are monotonic (the first draws 73 random bits, keeping the top one free;
 * each next one adds a random step, RFC 9562 §6.2 method 2), so a burst stays in order.
 * Existing ids of any version are kept as they are; only new ids are made here.
 */
public final class Ids {
    private static final Ids SYSTEM = new Ids(System::currentTimeMillis, new SecureRandom());

    private final LongSupplier clock;
    private final Random random;
    private long lastMillis = -1;
    private long lastHigh12;
    private long lastLow62;

    /**
     * A generator on a given clock and source of randomness: {@link #next()} of the program uses the
     * system clock and {@link SecureRandom}; a demo province uses a fixed clock and a seeded
     * {@link Random} per unit so the same seed makes the same ids.
     */
    public Ids(LongSupplier clockMillis, Random random) {
        this.clock = clockMillis;
        this.random = random;
    }

    /** A new time-ordered id, as a string. */
    public static String newId() {
        return SYSTEM.next().toString();
    }

    /** A new time-ordered id. */
    public synchronized UUID next() {
        long now = clock.getAsLong();
        if (now > lastMillis) {
            lastMillis = now;
            lastHigh12 = random.nextInt(1 << 11); // top bit clear: room to count up within the ms
            lastLow62 = random.nextLong() & 0x3fff_ffff_ffff_ffffL;
        } else {
            // Same millisecond (or the clock went back): count up so ids stay in the order made.
            long step = 1 + (random.nextInt(1 << 20));
            lastLow62 += step;
            if (lastLow62 > 0x3fff_ffff_ffff_ffffL) {
                lastLow62 &= 0x3fff_ffff_ffff_ffffL;
                lastHigh12++;
                if (lastHigh12 > 0xfff) {
                    // 2^74 ids in one millisecond is out of reach; move on to the next millisecond.
                    lastMillis++;
                    lastHigh12 = 0;
                }
            }
        }
        long msb = (lastMillis & 0xffff_ffff_ffffL) << 16 | 0x7000L | lastHigh12;
        long lsb = 0x8000_0000_0000_0000L | lastLow62;
        return new UUID(msb, lsb);
    }

    /** The milliseconds since 1970 an id of version 7 was made at. */
    public static long millisOf(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a version 7 id: " + id);
        }
        return id.getMostSignificantBits() >>> 16;
    }
}
