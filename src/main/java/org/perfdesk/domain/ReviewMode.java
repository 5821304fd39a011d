package org.perfdesk.domain;

/**
 * How the office answers a unit's plan, as the scheme sets it per ranking group. The work plan has the
 * office 审核 and 批复 the provincial departments' plans, while the city governments' plans are 报…备案.
 */
public enum ReviewMode {
    /** 批复: approved (批复同意) or returned for revision (退回修改), with a reason. */
    APPROVAL,
    /** 备案: acknowledged (予以备案) or a correction asked for (请更正), with a reason. */
    FILING;

    /** The default of the plan: departments' plans approved, cities' filed. */
    public static ReviewMode defaultFor(RankingGroup group) {
        return group == RankingGroup.CITY_GOVERNMENTS ? FILING : APPROVAL;
    }
}
