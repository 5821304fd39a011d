package org.perfdesk.report.xlsx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.perfdesk.domain.TypedInput;

/**
 * The headings offices give their columns, and what each means. A heading is compared without
 * spaces, line breaks and a trailing qualifier in brackets (分值（分）, 指标值（2026年）); it matches
 * a word exactly, or contains one of the longer words. Fields are tried in a fixed order so that
 * 三级指标名称 is a level and 计量单位 a unit of measure, not an owner.
 */
final class HeadingWords {
    /** Short words that match only a whole heading: 单位 is a unit of measure, 责任单位 an owner. */
    private static final Set<String> EXACT_ONLY = Set.of("单位", "目标", "指标", "任务", "名称", "方向", "等级", "得分",
            "评分", "一级", "二级", "三级", "四级", "类型", "基期", "分数", "项目", "备注", "说明", "序号", "编号", "标准");
    private static final Map<Field, List<String>> WORDS = new LinkedHashMap<>();

    static {
        words(Field.LEVEL1, "一级指标", "一级", "一级指标名称", "一级目标", "一级分类");
        words(Field.LEVEL2, "二级指标", "二级", "二级指标名称", "二级目标", "二级分类");
        words(Field.LEVEL3, "三级指标", "三级", "三级指标名称", "三级目标");
        words(Field.LEVEL4, "四级指标", "四级", "四级指标名称", "具体任务");
        words(Field.CO_OWNER, "配合单位", "协办单位", "配合处室", "参与单位", "配合部门", "协作单位", "配合科室");
        words(Field.OWNER, "责任单位/责任人", "责任处室", "责任单位", "牵头单位", "责任部门", "牵头处室", "主责单位", "承办单位",
                "实施单位", "牵头部门", "责任科室", "主办单位", "责任主体", "承担单位", "完成单位", "主责处室", "牵头科室");
        words(Field.PERSON, "责任人", "负责人", "具体责任人", "经办人", "联系人");
        words(Field.DEADLINE, "时限", "完成时限", "时间节点", "完成时间", "时间要求", "完成期限", "截止时间", "时间安排", "进度安排",
                "办结时限", "完成时间节点");
        words(Field.SCORING, "评分标准", "评分细则", "考核办法", "计分方法", "评分方法", "考核评分标准", "扣分标准", "评分办法",
                "考核评价标准", "评价标准", "计分标准", "考核细则", "考核标准", "评分规则");
        words(Field.QUALITY, "质量要求", "工作标准", "指标解释", "指标说明", "目标要求", "具体要求", "工作要求", "指标内涵",
                "工作目标", "质量标准", "具体目标", "指标定义", "标准");
        words(Field.TARGET_LEVEL, "目标等级");
        words(Field.LEVELS, "评价等级", "等级");
        words(Field.MILESTONE, "节点日期");
        words(Field.IGNORE, "序号", "编号", "得分", "自评得分", "实际完成值", "完成情况", "评分", "扣分", "审核意见", "全年完成值",
                "偏差原因", "完成值", "实际值", "自评分", "考核得分", "偏差", "原因分析", "改进措施", "实际完成情况", "评价得分",
                "得分情况", "全年实际完成值", "实际完成", "自评情况");
        words(Field.BASELINE, "基期值", "上年实际", "上年完成", "基数", "基准值", "上年实际完成值", "上年值", "上年度完成值", "上年实际值",
                "基期", "上年度实际");
        words(Field.TARGET, "目标值", "指标值", "预期目标", "年度目标", "年度指标值", "目标", "计划值", "指标目标值", "考核目标",
                "全年目标", "预期指标值", "年度目标值", "标准值", "预期值", "绩效目标值");
        words(Field.WEIGHT, "分值", "权重", "标准分", "分数", "权数", "满分", "指标分值", "考核分值", "指标权重", "权重分", "基本分");
        words(Field.UNIT, "计量单位", "单位", "度量单位", "计算单位");
        words(Field.METHOD, "评价方式", "指标性质", "指标类型", "定量/定性", "考核方式");
        words(Field.DIRECTION, "方向", "指标方向", "考核方向");
        words(Field.KIND, "类型", "节点类型");
        words(Field.NAME, "指标名称", "指标", "绩效指标", "考核指标", "具体指标", "指标内容", "工作任务", "任务名称", "重点工作",
                "重点工作任务", "工作内容", "目标任务", "任务", "考核内容", "评价内容", "名称", "工作事项", "主要任务", "评估内容",
                "考核项目", "评价指标", "指标项");
        words(Field.NOTE, "分管领导", "责任领导", "资金来源", "预算金额", "资金", "依据", "政策依据");
        words(Field.DESCRIPTION, "说明", "备注", "其他说明", "备注说明");
    }

    private HeadingWords() {
    }

    private static void words(Field f, String... words) {
        WORDS.computeIfAbsent(f, k -> new ArrayList<>()).addAll(List.of(words));
    }

    /** The heading as compared: NFKC, no spaces, no trailing qualifier in brackets. */
    static String key(String heading) {
        String s = TypedInput.normalized(heading).replaceAll("\\s+", "");
        String stripped = s.replaceAll("\\([^()]*\\)$", "").replaceAll("[:：*＊]+$", "");
        return stripped.isEmpty() ? s : stripped;
    }

    /** What a heading means; empty when it is none of the known words. */
    static Optional<Field> match(String heading) {
        if (heading == null || heading.isBlank()) {
            return Optional.empty();
        }
        String key = key(heading);
        if (key.length() > 20) {
            return Optional.empty(); // a sentence, not a heading
        }
        for (Map.Entry<Field, List<String>> e : WORDS.entrySet()) {
            if (e.getValue().contains(key)) {
                return Optional.of(e.getKey());
            }
        }
        for (Map.Entry<Field, List<String>> e : WORDS.entrySet()) {
            for (String w : e.getValue()) {
                if (!EXACT_ONLY.contains(w) && key.contains(w)) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /** A heading that says its weights are percentages: 权重（%）. */
    static boolean percentQualifier(String heading) {
        return heading != null && TypedInput.normalized(heading).matches(".*\\(\\s*%\\s*\\)\\s*$");
    }

    /** Every word, for the message that lists what a header row may hold. */
    static String examples() {
        return String.join("、", List.of("一级指标", "二级指标", "三级指标", "指标名称", "分值/权重", "目标值/指标值", "计量单位",
                "责任处室/责任单位/牵头单位", "责任人", "完成时限/时间节点", "质量要求/指标解释", "评分标准"));
    }
}
