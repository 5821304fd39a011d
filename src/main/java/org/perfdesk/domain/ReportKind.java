package org.perfdesk.domain;

/** The reports a unit writes: 半年绩效分析报告, 年绩效总结报告, 整改报告. */
public enum ReportKind {
    MIDYEAR, ANNUAL, RECTIFICATION
}
