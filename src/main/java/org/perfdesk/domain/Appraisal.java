package org.perfdesk.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One round of the public appraisal (公众评议) of one unit, as the statistics bodies report it:
 * how many people were asked and how many gave each answer.
 *
 * @param round  1 for the July round, 2 for November (the plan's two rounds)
 * @param counts per answer (a level name of the scheme), in the scheme's order
 */
public record Appraisal(String unitCode, int year, int round, int sampleSize, Map<String, Integer> counts) {
    public Appraisal {
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts == null ? Map.of() : counts));
    }
}
