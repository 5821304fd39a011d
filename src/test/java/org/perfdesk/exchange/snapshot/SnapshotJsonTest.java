package org.perfdesk.exchange.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.StrictJson;

/**
 * The streamed snapshot must be the mapper's bytes exactly: every reader (any older release included)
 * reads what the mapper wrote, and the manifest hashes the bytes. Items are built by reflection with a
 * value in every component, so a field added to a payload record and not to the writer fails here.
 */
class SnapshotJsonTest {
    private static final String[] TEXTS = {"第一季度完成率\"达标\"", "a\\b\nc\td\u0001", "表情 😀 and ASCII", "", "x"};
    private static final BigDecimal[] DECIMALS = {new BigDecimal("12.50"), new BigDecimal("1E+3"),
        new BigDecimal("-0.000001"), BigDecimal.ZERO, new BigDecimal("123456789012345678901234567890.5")};

    @Test
    void everyFieldSetWritesTheMappersBytes() {
        for (int variant = 0; variant < TEXTS.length; variant++) {
            Payloads.Snapshot s = snapshot(variant, false);
            assertArrayEquals(StrictJson.writeCompact(s), SnapshotJson.write(s), "variant " + variant);
        }
    }

    @Test
    void nullsAndEmptyListsWriteTheMappersBytes() {
        Payloads.Snapshot s = snapshot(0, true);
        assertArrayEquals(StrictJson.writeCompact(s), SnapshotJson.write(s));
        Payloads.Snapshot empty = new Payloads.Snapshot(Payloads.SNAPSHOT_FORMAT, "U001", 2026, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of());
        assertArrayEquals(StrictJson.writeCompact(empty), SnapshotJson.write(empty));
    }

    @Test
    void readsBackAsTheSameSnapshot() {
        Payloads.Snapshot s = snapshot(2, false);
        Payloads.Snapshot back = StrictJson.read(SnapshotJson.write(s), Payloads.Snapshot.class, EntryNames.SNAPSHOT);
        assertEquals(s, back);
        String json = new String(SnapshotJson.write(s), StandardCharsets.UTF_8);
        assertEquals(-1, json.indexOf('\n'), "compact: no indentation");
    }

    private static Payloads.Snapshot snapshot(int variant, boolean nulls) {
        return new Payloads.Snapshot(Payloads.SNAPSHOT_FORMAT, "U001", 2026,
                items(Payloads.Org.class, variant, nulls), items(Payloads.Node.class, variant, nulls),
                items(Payloads.ProgressItem.class, variant, nulls), items(Payloads.SelfAssessmentItem.class, variant, nulls),
                items(Payloads.ReportItem.class, variant, nulls), items(Payloads.EvidenceItem.class, variant, nulls));
    }

    /** Two items of a record type: every component given a value of its type (or null where it can be). */
    private static <T> List<T> items(Class<T> type, int variant, boolean nulls) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int c = 0; c < components.length; c++) {
                types[c] = components[c].getType();
                args[c] = value(types[c], variant + i + c, nulls && i == 1);
            }
            try {
                out.add(type.getDeclaredConstructor(types).newInstance(args));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static Object value(Class<?> type, int k, boolean asNull) {
        if (type == int.class) {
            return k * 7 - 3;
        }
        if (type == long.class) {
            return 1L << (k % 40);
        }
        if (type == boolean.class) {
            return k % 2 == 0;
        }
        if (asNull) {
            return null;
        }
        if (type == String.class) {
            return TEXTS[k % TEXTS.length];
        }
        if (type == BigDecimal.class) {
            return DECIMALS[k % DECIMALS.length];
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 1 + k % 12, 1 + k % 28);
        }
        if (type == List.class) {
            return k % 3 == 0 ? List.of() : List.of(TEXTS[k % TEXTS.length], "优");
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[k % constants.length];
        }
        throw new IllegalStateException("no sample value for " + type);
    }
}
