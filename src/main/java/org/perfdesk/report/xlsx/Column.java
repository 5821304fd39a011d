package org.perfdesk.report.xlsx;

import java.util.List;

/**
 * The columns of the sheet 目标分解, in order. The workbook is an official Chinese form, so its
 * headers stay Chinese whatever the UI language; import finds columns by header, not by position.
 */
enum Column {
    CODE("编号", 7, Type.CODE, "层级编号，如 1、1.2、1.2.3：每行唯一，点的个数决定层级，上级编号必须也在表中。"),
    LEVEL1("一级指标", 18, Type.TEXT, "第 1 级（目标）的名称。每行只在与其层级对应的一列中填写名称。"),
    LEVEL2("二级指标", 16, Type.TEXT, "第 2 级（子目标）的名称。"),
    LEVEL3("三级指标", 20, Type.TEXT, "第 3 级（指标）的名称。"),
    LEVEL4("四级指标（任务）", 22, Type.TEXT, "第 4 级及更深层级（任务）的名称，层级由编号决定。"),
    KIND("类型", 7, Type.CENTERED, "目标、子目标、指标或任务；不填时按层级依次取这四种。"),
    WEIGHT("分值", 6, Type.NUMBER, "分值（权重），数字。下级分值之和应等于本项分值，一级目标合计 100。"),
    METHOD("评价方式", 8, Type.CENTERED, "定量、定性或节点；目标、子目标一般不填。"),
    UNIT_OF_MEASURE("计量单位", 8, Type.CENTERED, "定量指标的计量单位，如 %、万亩、亿元。"),
    TARGET("目标值", 9, Type.NUMBER, "定量指标的目标值，只填数字（单位写在「计量单位」）。"),
    BASELINE("基期值", 9, Type.NUMBER, "定量指标的基期值（上年实际），只填数字。"),
    DIRECTION("方向", 11, Type.CENTERED, "定量指标：越高越好、越低越好（不高于目标值即为完成）或等于目标值（或区间）：区间的目标值写成 3-5；不填为越高越好。"),
    LEVELS("评价等级", 14, Type.TEXT, "定性指标的等级，从好到差，用顿号分隔，如：好、较好、一般、差。"),
    TARGET_LEVEL("目标等级", 8, Type.CENTERED, "定性指标要达到的等级，须是「评价等级」中的一个。"),
    MILESTONE("节点日期", 11, Type.DATE, "节点指标应完成的日期，如 2008-10-31。"),
    OWNER("责任单位/责任人", 18, Type.TEXT, "处室、责任人或下级单位的名称（或代码），见本页下方名单和「组织机构」表。末级各行都应落实到责任单位或责任人。"),
    DEADLINE("时限", 11, Type.DATE, "完成时限，日期，如 2008-12-31。"),
    QUALITY("质量要求", 32, Type.TEXT, "质量要求。"),
    DESCRIPTION("说明", 24, Type.TEXT, "其他说明。");

    /** How a column's cells are written and read. */
    enum Type { CODE, TEXT, CENTERED, NUMBER, DATE }

    static final List<Column> LEVELS_IN_ORDER = List.of(LEVEL1, LEVEL2, LEVEL3, LEVEL4);

    private final String header;
    private final int width;
    private final Type type;
    private final String hint;

    Column(String header, int width, Type type, String hint) {
        this.header = header;
        this.width = width;
        this.type = type;
        this.hint = hint;
    }

    String header() {
        return header;
    }

    /** Width in characters of the digit 0; a Chinese character takes about two. */
    int width() {
        return width;
    }

    Type type() {
        return type;
    }

    String hint() {
        return hint;
    }

    /** The column holding the title of a node at this depth (1 for goals); depth 4 and deeper share the last. */
    static Column forDepth(int depth) {
        return LEVELS_IN_ORDER.get(Math.min(depth, LEVELS_IN_ORDER.size()) - 1);
    }

    boolean isLevel() {
        return LEVELS_IN_ORDER.contains(this);
    }
}
