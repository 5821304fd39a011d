package org.perfdesk.domain;

/**
 * The unit's own monitoring the work plan asks for: its leadership hears a report on the goals every
 * quarter (每季度听取一次绩效情况的汇报, through 政府常务会 or 厅务会), and it holds a half-year analysis meeting
 * (绩效情况分析会) and a year-end summary meeting (绩效情况总结会).
 */
public enum MonitoringKind {
    QUARTERLY, MIDYEAR_MEETING, YEAR_END_MEETING
}
