package org.perfdesk.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The indicators of one unit drawn for the office's spot check (抽查): {@code share} percent of
 * them, drawn with {@code seed}, so anyone can repeat the draw and see that it was not chosen.
 */
public record SpotCheck(String unitCode, int year, long seed, BigDecimal share, List<String> drawn) {
    public SpotCheck {
        drawn = List.copyOf(drawn);
    }
}
