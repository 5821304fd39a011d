package org.perfdesk.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A unit's plan (绩效评估工作方案) beside its goal tree, as the work plan asks it to be sent by 15 July: the
 * expected results of the indicators (预期实现目标), the responsible units after decomposition (任务分解后的
 * 责任职能单位), one section per {@link ManagementSystem} with its concrete measures (细化落实各项管理制度的具体措施),
 * and the annual work plan (年度工作计划) as a section, an attached file, or both.
 *
 * @param workPlan the annual work plan as a file, or null
 */
public record PlanDocument(String unitCode, int year, List<Section> sections, WorkPlanFile workPlan) {
    public static final String TARGETS = "targets";
    public static final String RESPONSIBILITY = "responsibility";
    public static final String WORK_PLAN = "workplan";

    /** One measure of a 制度: what is done, by whom (an organisation's code or a name), by when. */
    public record Measure(String text, String owner, LocalDate due) {
        public Measure {
            text = text == null ? "" : text.strip();
            owner = owner == null || owner.isBlank() ? null : owner.strip();
        }
    }

    /** One section as the unit wrote it; measures only in the 制度 sections. */
    public record Section(String key, int position, String title, String body, List<Measure> measures) {
        public Section {
            title = title == null ? "" : title;
            body = body == null ? "" : body;
            measures = List.copyOf(measures == null ? List.of() : measures);
        }

        public boolean isEmpty() {
            return body.isBlank() && measures.stream().allMatch(m -> m.text().isEmpty());
        }

        public Section withText(String newTitle, String newBody, List<Measure> newMeasures) {
            return new Section(key, position, newTitle, newBody, newMeasures);
        }
    }

    /** The annual work plan as a file, kept under attachments/ by its SHA-256. */
    public record WorkPlanFile(String sha256, String fileName, long size) {
    }

    public PlanDocument {
        sections = List.copyOf(sections == null ? List.of() : sections);
    }

    /** Every section key of a plan, in its order: targets, responsibility, the seven 制度, the work plan. */
    public static List<String> keys() {
        List<String> out = new ArrayList<>();
        out.add(TARGETS);
        out.add(RESPONSIBILITY);
        for (ManagementSystem s : ManagementSystem.values()) {
            out.add(s.sectionKey());
        }
        out.add(WORK_PLAN);
        return out;
    }

    /** The section's default title (一、各项指标的预期实现目标 …) in the interface language. */
    public static String defaultTitle(String key) {
        ManagementSystem s = ManagementSystem.ofSectionKey(key);
        return s != null ? Texts.t("plan.section.system", Texts.current().of(s)) : Texts.t("plan.section." + key);
    }

    public Optional<Section> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public boolean isEmpty() {
        return workPlan == null && sections.stream().allMatch(Section::isEmpty);
    }

    /**
     * What the plan still lacks before it is sent, as text keys with an argument: a 制度 without a body or a
     * measure, a work plan neither written nor attached, no expected results.
     */
    public List<String> missing() {
        List<String> out = new ArrayList<>();
        if (section(TARGETS).map(Section::isEmpty).orElse(true)) {
            out.add(Texts.t("plan.missing.section", defaultTitle(TARGETS)));
        }
        for (ManagementSystem s : ManagementSystem.values()) {
            if (section(s.sectionKey()).map(Section::isEmpty).orElse(true)) {
                out.add(Texts.t("plan.missing.system", Texts.current().of(s)));
            }
        }
        if (workPlan == null && section(WORK_PLAN).map(Section::isEmpty).orElse(true)) {
            out.add(Texts.t("plan.missing.workPlan"));
        }
        return out;
    }
}
