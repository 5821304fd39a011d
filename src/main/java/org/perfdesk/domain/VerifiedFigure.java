package org.perfdesk.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A figure an assessing body checked for one indicator of one unit (核定值): the statistics bureau
 * (省统计局), a 考核部门 by name, or the joint evaluation of the city governments (联合评估). It
 * replaces the unit's reported figure when the indicator is scored; both are shown.
 *
 * @param body       who verified it, as the 指标考核数据表 names its source
 * @param actual     the verified value of a quantitative indicator
 * @param level      the verified level of a qualitative indicator
 * @param doneOn     the date a milestone was found done
 * @param notDone    true when a milestone was found not done
 * @param dataSource where the figure comes from (数据来源: 统计年报, 监测公报, …)
 * @param note       why it differs from the unit's figure, or anything else the body says (说明)
 */
public record VerifiedFigure(String nodeId, String unitCode, int year, String body, BigDecimal actual, String level,
                             LocalDate doneOn, boolean notDone, String dataSource, String note) {
    public VerifiedFigure {
        dataSource = dataSource == null ? "" : dataSource.strip();
        note = note == null ? "" : note.strip();
    }

    /** The figure as the rule reads it; the quarter of a milestone's date counts from the scheme's year. */
    public IndicatorRule.Figure figure(int schemeYear) {
        if (notDone) {
            return IndicatorRule.Figure.notDone();
        }
        if (doneOn != null) {
            return IndicatorRule.Figure.doneIn((doneOn.getYear() - schemeYear) * 4 + (doneOn.getMonthValue() - 1) / 3 + 1);
        }
        if (level != null) {
            return IndicatorRule.Figure.level(level);
        }
        return IndicatorRule.Figure.value(actual);
    }
}
