package org.perfdesk.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting and parsing shared by storage, data files and screens. */
public final class Numbers {
    private Numbers() {
    }

    /** "12.50" → "12.5", "1E+2" → "100": how officials write numbers. */
    public static String plain(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() < 0) {
            stripped = stripped.setScale(0, RoundingMode.UNNECESSARY);
        }
        return stripped.toPlainString();
    }

    /** Parses a stored or typed decimal; blank gives null. */
    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return new BigDecimal(text.strip());
    }

    /** A percentage with one decimal, as the screens show it: 87.5%. */
    public static String percent(BigDecimal value) {
        if (value == null) {
            return "";
        }
        return value.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
