package org.perfdesk.domain;

/**
 * The seven systems (制度) the work plan asks every unit to establish, each with concrete measures in its
 * plan (方案): 绩效目标落实责任制度, 绩效运行跟踪监控制度, 绩效情况分析总结制度, 绩效评估制度, 绩效信息收集制度,
 * 绩效改进制度 and 绩效结果运用制度, in the plan's order.
 */
public enum ManagementSystem {
    RESPONSIBILITY, MONITORING, ANALYSIS, EVALUATION, INFORMATION, IMPROVEMENT, RESULTS_USE;

    private static final String PREFIX = "system:";

    /** The key of its section in the plan document. */
    public String sectionKey() {
        return PREFIX + name();
    }

    /** The system a section key names, or null for another section. */
    public static ManagementSystem ofSectionKey(String key) {
        if (key == null || !key.startsWith(PREFIX)) {
            return null;
        }
        try {
            return valueOf(key.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
