package org.perfdesk.report.xlsx;

import java.util.List;
import java.util.Optional;

/**
 * What a column of an office's own form holds, as the column mapping says: a level of the tree,
 * a node's name, or one of a node's fields. Each has the word the program's own form uses, which
 * a mapping file may name it by (as may the constant's name).
 */
public enum Field {
    IGNORE("不导入"),
    LEVEL1("一级指标"),
    LEVEL2("二级指标"),
    LEVEL3("三级指标"),
    LEVEL4("四级指标"),
    /** The name of the nodes one level below the level columns, or of every node when there are none. */
    NAME("指标名称"),
    KIND("类型"),
    WEIGHT("分值"),
    METHOD("评价方式"),
    UNIT("计量单位"),
    TARGET("目标值"),
    BASELINE("基期值"),
    DIRECTION("方向"),
    LEVELS("评价等级"),
    TARGET_LEVEL("目标等级"),
    MILESTONE("节点日期"),
    OWNER("责任单位"),
    CO_OWNER("配合单位"),
    PERSON("责任人"),
    DEADLINE("完成时限"),
    QUALITY("质量要求"),
    SCORING("评分标准"),
    DESCRIPTION("说明"),
    /** Kept in the node's 说明 after the column's own heading (分管领导：…). */
    NOTE("记入说明");

    static final List<Field> LEVELS_IN_ORDER = List.of(LEVEL1, LEVEL2, LEVEL3, LEVEL4);

    private final String label;

    Field(String label) {
        this.label = label;
    }

    /** The form's word for it (Chinese, as the program's own form writes it). */
    public String label() {
        return label;
    }

    public boolean isLevel() {
        return LEVELS_IN_ORDER.contains(this);
    }

    /** Fields of which a sheet may have several columns; their texts are joined. */
    boolean repeatable() {
        return this == QUALITY || this == SCORING || this == DESCRIPTION || this == NOTE || this == CO_OWNER
                || this == IGNORE || this == WEIGHT;
    }

    /** By the constant's name or the form's word, as a mapping file may give it. */
    static Optional<Field> parse(String text) {
        String t = text == null ? "" : text.strip();
        for (Field f : values()) {
            if (f.name().equalsIgnoreCase(t) || f.label.equals(t)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
