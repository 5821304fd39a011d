package org.perfdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.perfdesk.domain.PlanDocument;
import org.perfdesk.domain.PlanReview;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.report.PlanDocuments;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"A unit's plan (方案) beside its goal tree: expected results, responsibilities, the seven 制度 with"
            + " their measures, the annual work plan. It travels in the plan package.",
            "单位的绩效评估工作方案：预期目标、责任单位、七项制度及其措施、年度工作计划；随绩效工作方案数据包报送。"},
        subcommands = {PlanCommand.Draft.class, PlanCommand.SetSection.class, PlanCommand.Attach.class,
            PlanCommand.Show.class})
final class PlanCommand {
    private PlanCommand() {
    }

    @Command(name = "draft", mixinStandardHelpOptions = true,
            description = {"Draft every section still empty from the goal tree and calendar, and save it (what was"
                + " written stays).", "按目标分解和工作日程起草尚未填写的各节并保存（已写的内容不变）。"})
    static final class Draft implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;

        @Override
        public Integer call() {
            try (Workspace ws = target.open()) {
                int saved = PlanDocuments.saveDrafts(ws, ws.self().code(), target.year);
                spec.commandLine().getOut().println(Texts.t("cli.plan.drafted", saved));
                missing(spec.commandLine().getOut(), ws, target.year);
            }
            return Cli.OK;
        }
    }

    static void missing(PrintWriter out, Workspace ws, int year) {
        List<String> missing = ws.planStage().plans().find(ws.self().code(), year).missing();
        out.println(missing.isEmpty() ? Texts.t("cli.plan.complete")
                : Texts.t("cli.plan.missing", String.join(Texts.t("plan.draft.listSeparator"), missing)));
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Write one section's text (from --text or a UTF-8 text file).", "填写某一节的正文（--text 或 UTF-8 文本文件）。"})
    static final class SetSection implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Option(names = "--section", required = true, paramLabel = "KEY",
                description = "targets, responsibility, system:RESPONSIBILITY … system:RESULTS_USE, workplan")
        String section;
        @Option(names = "--text", paramLabel = "TEXT", description = "The text. 正文。")
        String text;
        @Option(names = "--file", paramLabel = "FILE.txt", description = "The text from a file. 正文文件。")
        Path file;

        @Override
        public Integer call() {
            if (!PlanDocument.keys().contains(section)) {
                throw new UserError("cli.plan.unknownSection", section, String.join(", ", PlanDocument.keys()));
            }
            String body;
            try {
                body = text != null ? text : file != null ? Files.readString(file, StandardCharsets.UTF_8) : null;
            } catch (IOException e) {
                throw new UserError(e, "cli.plan.cannotRead", String.valueOf(file), String.valueOf(e.getMessage()));
            }
            if (body == null) {
                throw new UserError("cli.plan.noText");
            }
            try (Workspace ws = target.open()) {
                String unit = ws.self().code();
                PlanDocument.Section s = PlanDocuments.forEditing(ws, unit, target.year).stream()
                        .filter(x -> x.key().equals(section)).findFirst().orElseThrow();
                PlanDocuments.save(ws, unit, target.year, s.withText(s.title(), body.strip(), s.measures()));
                spec.commandLine().getOut().println(Texts.t("cli.plan.set", s.title()));
            }
            return Cli.OK;
        }
    }

    /** "· text（who，when）", leaving out what a measure does not have (not "（，）"). */
    static String measure(Texts t, String text, String owner, java.time.LocalDate due) {
        String when = due == null ? null : due.toString();
        if (owner == null && when == null) {
            return t.get("cli.plan.measureBare", text);
        }
        return t.get("cli.plan.measure", text, owner != null && when != null
                ? t.get("cli.plan.measureWhoWhen", owner, when) : owner != null ? owner : when);
    }

    @Command(name = "attach", mixinStandardHelpOptions = true,
            description = {"Attach the annual work plan (年度工作计划) as a file (Word, WPS, PDF …).",
                "附上年度工作计划文件（Word、WPS、PDF 等）。"})
    static final class Attach implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Option(names = "--file", required = true, paramLabel = "FILE", description = "The work plan. 年度工作计划文件。")
        Path file;

        @Override
        public Integer call() {
            try (Workspace ws = target.open()) {
                PlanDocument.WorkPlanFile f = PlanDocuments.attach(ws, ws.self().code(), target.year, file);
                spec.commandLine().getOut().println(Texts.t("cli.plan.attached", f.fileName()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Print the plan as saved (a draft where nothing was written), and the office's answer.",
                "显示已保存的方案（未填写的显示草稿）及效能办的答复。"})
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Mixin
        WorkspaceYear.OtherUnit unit;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Texts t = Texts.current();
            try (Workspace ws = target.open()) {
                String code = unit.in(ws);
                for (PlanDocument.Section s : PlanDocuments.forEditing(ws, code, target.year)) {
                    out.println(s.title());
                    if (!s.body().isBlank()) {
                        out.println(s.body());
                    }
                    for (PlanDocument.Measure m : s.measures()) {
                        out.println(measure(t, m.text(), m.owner() == null ? null
                                : ws.orgUnits().find(m.owner()).map(o -> o.name()).orElse(m.owner()), m.due()));
                    }
                    out.println();
                }
                PlanDocument doc = ws.planStage().plans().find(code, target.year);
                if (doc.workPlan() != null) {
                    out.println(t.get("cli.plan.workPlanFile", doc.workPlan().fileName()));
                }
                ws.reviews().latest(code, target.year).ifPresent((PlanReview r) -> out.println(t.get("cli.plan.answer",
                        r.words(), r.decidedAt().toString().substring(0, 10), r.reason())));
            }
            return Cli.OK;
        }
    }
}
