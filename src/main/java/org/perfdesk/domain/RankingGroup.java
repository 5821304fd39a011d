package org.perfdesk.domain;

/** Units are ranked only against their own group (city governments with each other,
 *  provincial departments with each other). */
public enum RankingGroup {
    CITY_GOVERNMENTS, PROVINCIAL_DEPARTMENTS;

    /** The group a unit of this kind is ranked in, or null for kinds the office does not rank. */
    public static RankingGroup defaultFor(OrgKind kind) {
        return switch (kind) {
            case CITY -> CITY_GOVERNMENTS;
            case DEPARTMENT -> PROVINCIAL_DEPARTMENTS;
            default -> null;
        };
    }
}
