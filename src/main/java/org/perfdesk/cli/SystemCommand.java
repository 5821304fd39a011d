package org.perfdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.IndicatorRule;
import org.perfdesk.domain.IndicatorSystem;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.evaluation.IndicatorComparison;
import org.perfdesk.evaluation.PlanStageOffice;
import org.perfdesk.exchange.Guidance;
import org.perfdesk.report.ResultsTexts;
import org.perfdesk.report.xlsx.IndicatorSystemXlsx;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "system", mixinStandardHelpOptions = true,
        description = {"The indicator system (指标体系): the office sets it per group and sends it; units link their trees"
            + " to its codes; the office compares units indicator by indicator through them.",
            "绩效指标体系：效能办按分组建立并下发，单位把目标分解中的指标对应到体系编码，效能办按编码逐项对比各单位。"},
        subcommands = {SystemCommand.ImportXlsx.class, SystemCommand.ExportXlsx.class, SystemCommand.Show.class,
            SystemCommand.Send.class, SystemCommand.Link.class, SystemCommand.Status.class, SystemCommand.Compare.class})
final class SystemCommand {
    private SystemCommand() {
    }

    @Command(name = "import-xlsx", mixinStandardHelpOptions = true,
            description = {"Office: read the group's indicator system from a spreadsheet (the program's form or a"
                + " three-level table) and save it. Nothing is saved when any row has a problem (exit 1).",
                "效能办：从 Excel（本程序的表格或一二三级指标表）读入该分组的指标体系并保存；任何一行有问题都不保存（退出码 1）。"})
    static final class ImportXlsx implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Option(names = "--group", required = true, paramLabel = "cities|departments", description = "Group. 分组。")
        String group;
        @Option(names = "--dry-run", description = "Check and show, save nothing. 只检查和显示，不保存。")
        boolean dryRun;
        @Parameters(paramLabel = "FILE.xlsx", description = "The spreadsheet. 表格文件。")
        Path file;

        @Override
        public Integer call() {
            RankingGroup g = Groups.parse(spec.commandLine(), group);
            Texts t = Texts.current();
            try (Workspace ws = target.open()) {
                IndicatorSystemXlsx.Read read = IndicatorSystemXlsx.read(file, target.year, g);
                if (read.refused()) {
                    PrintWriter err = spec.commandLine().getErr();
                    read.problems().forEach(p -> err.println(p.describe(t)));
                    err.println(t.get("cli.system.refused", file.toString(), read.problems().size()));
                    return Cli.FAILED;
                }
                PrintWriter out = spec.commandLine().getOut();
                print(out, read.system());
                read.notes().forEach(n -> out.println(n.text()));
                if (!dryRun) {
                    new PlanStageOffice(ws).saveSystem(read.system(), t.get("cli.system.fromFile", file.getFileName()));
                }
                out.println(t.get(dryRun ? "cli.system.dryRun" : "cli.system.saved", String.valueOf(target.year),
                        t.of(g), read.system().indicators().size(), read.system().leaves().size()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "export-xlsx", mixinStandardHelpOptions = true,
            description = {"Write the group's indicator system as a spreadsheet (an empty form when it has none).",
                "把该分组的指标体系导出为 Excel 表格（还没有时为空表）。"})
    static final class ExportXlsx implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Option(names = "--group", required = true, paramLabel = "cities|departments", description = "Group. 分组。")
        String group;
        @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "File to write. 输出文件。")
        Path out;

        @Override
        public Integer call() {
            RankingGroup g = Groups.parse(spec.commandLine(), group);
            try (Workspace ws = target.open()) {
                IndicatorSystem s = ws.planStage().systems().find(target.year, g)
                        .orElse(new IndicatorSystem(target.year, g, List.of()));
                IndicatorSystemXlsx.write(s, out);
                spec.commandLine().getOut().println(Texts.t("cli.system.written", out.toAbsolutePath().toString()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Print the year's indicator systems (a unit: the one its office sent).",
                "显示该年度的指标体系（单位显示效能办下发的）。"})
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;

        @Override
        public Integer call() {
            try (Workspace ws = target.open()) {
                List<IndicatorSystem> all = ws.planStage().systems().findAll(target.year);
                if (all.isEmpty()) {
                    throw new UserError("cli.system.none", String.valueOf(target.year));
                }
                all.forEach(s -> print(spec.commandLine().getOut(), s));
            }
            return Cli.OK;
        }
    }

    static void print(PrintWriter out, IndicatorSystem s) {
        Texts t = Texts.current();
        out.println(t.get("cli.system.title", String.valueOf(s.year()), t.of(s.group()), s.indicators().size()));
        for (IndicatorSystem.Item i : s.indicators()) {
            StringBuilder b = new StringBuilder("  ".repeat(i.level())).append(IndicatorSystem.label(i));
            if (i.weight() != null) {
                b.append(" · ").append(t.get("cli.tree.points", Numbers.plain(i.weight())));
            }
            if (i.direction() != null) {
                b.append(" · ").append(t.of(i.direction()));
            }
            if (i.unitOfMeasure() != null) {
                b.append(" · ").append(i.unitOfMeasure());
            }
            if (!i.dataSource().isEmpty()) {
                b.append(" · ").append(i.dataSource());
            }
            out.println(b.toString());
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true,
            description = {"Office: write each registered unit its group's indicator system as a signed package.",
                "效能办：为每个已登记单位生成其分组指标体系的签名数据包。"})
    static final class Send extends SendToUnits {
        @Override
        Guidance.What what() {
            return Guidance.What.INDICATORS;
        }
    }

    @Command(name = "link", mixinStandardHelpOptions = true,
            description = {"Unit: link the goal tree's indicators to the codes of the indicator system: those whose"
                + " titles name an indicator (--auto), given ones (--link TITLE=CODE), or add the missing ones as new"
                + " indicators under a goal (--add-missing --under TITLE).",
                "单位：把目标分解中的指标对应到指标体系编码：名称相同的自动对应（--auto），逐项指定（--link 名称=编码），"
                    + "或把缺少的指标作为新指标加到某一目标下（--add-missing --under 名称）。"})
    static final class Link implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Option(names = "--auto", description = "Link indicators whose titles name an indicator. 按名称自动对应。")
        boolean auto;
        @Option(names = "--link", paramLabel = "TITLE=CODE", description = "Link one node. 指定对应。")
        List<String> links = new ArrayList<>();
        @Option(names = "--add-missing", description = "Add the missing indicators. 补充缺少的指标。")
        boolean addMissing;
        @Option(names = "--under", paramLabel = "TITLE", description = "Where to add them. 补充到哪个目标下。")
        String under;

        @Override
        public Integer call() {
            try (Workspace ws = target.open()) {
                IndicatorSystem system = ws.planStage().systems().forUnit(ws.self(), target.year)
                        .orElseThrow(() -> new UserError("cli.system.noneAtUnit", String.valueOf(target.year)));
                String unit = ws.self().code();
                List<GoalNode> changed = new ArrayList<>();
                if (auto) {
                    changed.addAll(IndicatorSystem.linkSuggested(system.coverage(ws.goals().findAll(unit, target.year))));
                }
                for (String l : links) {
                    int eq = l.lastIndexOf('=');
                    if (eq < 1) {
                        throw new UserError("cli.system.badLink", l);
                    }
                    GoalNode n = node(ws, unit, target.year, l.substring(0, eq).strip());
                    String code = l.substring(eq + 1).strip();
                    IndicatorSystem.Item item = system.find(code)
                            .orElseThrow(() -> new UserError("cli.system.unknownCode", code));
                    changed.add(n.withSystemCode(item.code()));
                }
                ws.goals().saveEdits(changed);
                if (addMissing) {
                    if (under == null) {
                        throw new UserError("cli.system.underRequired");
                    }
                    GoalNode parent = node(ws, unit, target.year, under);
                    List<IndicatorSystem.Item> missing = system.coverage(ws.goals().findAll(unit, target.year))
                            .missing(system);
                    int position = ws.goals().loadTree(unit, target.year).children(parent.id()).size();
                    List<GoalNode> added = new ArrayList<>();
                    for (IndicatorSystem.Item i : missing) {
                        added.add(IndicatorSystem.nodeFor(i, unit, target.year, parent.id(), position++));
                    }
                    ws.goals().saveAll(added);
                    spec.commandLine().getOut().println(Texts.t("cli.system.added", added.size(), parent.title()));
                }
                printCoverage(spec.commandLine().getOut(), ws.self(), system,
                        system.coverage(ws.goals().findAll(unit, target.year)), changed.size());
            }
            return Cli.OK;
        }
    }

    /** A live node of the unit by its id or its title (which must name one node). */
    static GoalNode node(Workspace ws, String unit, int year, String titleOrId) {
        List<GoalNode> live = ws.goals().findAll(unit, year).stream().filter(n -> !n.deleted()).toList();
        Optional<GoalNode> byId = live.stream().filter(n -> n.id().equals(titleOrId)).findFirst();
        if (byId.isPresent()) {
            return byId.get();
        }
        List<GoalNode> byTitle = live.stream().filter(n -> n.title().strip().equals(titleOrId)).toList();
        if (byTitle.size() != 1) {
            throw new UserError(byTitle.isEmpty() ? "cli.system.noNode" : "cli.system.twoNodes", titleOrId);
        }
        return byTitle.get(0);
    }

    /** The unit's coverage; {@code changed} the nodes just linked, or -1 where nothing was to change. */
    static void printCoverage(PrintWriter out, OrgUnit unit, IndicatorSystem system, IndicatorSystem.Coverage c,
                              int changed) {
        Texts t = Texts.current();
        List<IndicatorSystem.Item> missing = c.missing(system);
        // status changes nothing: "（本次改动 0 项）" there would suggest something was tried
        out.println(changed < 0 ? t.get("cli.system.coverageNow", unit.name(), c.linkedLeaves(system),
                system.leaves().size()) : t.get("cli.system.coverage", unit.name(), c.linkedLeaves(system),
                system.leaves().size(), changed));
        for (IndicatorSystem.Item i : missing) {
            GoalNode suggested = c.suggestions().get(i.code());
            out.println("  " + t.get(suggested == null ? "cli.system.missing"
                    : "cli.system.suggested", IndicatorSystem.label(i), suggested == null ? "" : suggested.title()));
        }
        for (GoalNode n : c.unknown()) {
            out.println("  " + t.get("cli.system.unknownLink", n.title(), n.systemCode()));
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"A unit: its tree against the indicator system. The office: every unit's, per group.",
                "单位：本单位目标分解与指标体系的对应情况；效能办：各单位的对应情况。"})
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Workspace ws = target.open()) {
                if (ws.role() == Role.OFFICE) {
                    for (RankingGroup g : RankingGroup.values()) {
                        for (PlanStageOffice.UnitCoverage u : new PlanStageOffice(ws).coverage(target.year, g)) {
                            printCoverage(out, u.unit(), u.system(), u.coverage(), -1);
                        }
                    }
                } else {
                    IndicatorSystem system = ws.planStage().systems().forUnit(ws.self(), target.year)
                            .orElseThrow(() -> new UserError("cli.system.noneAtUnit", String.valueOf(target.year)));
                    printCoverage(out, ws.self(), system, system.coverage(ws.goals().findAll(ws.self().code(),
                            target.year)), -1);
                }
            }
            return Cli.OK;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"Office: the units of a group indicator by indicator, through the system's codes.",
                "效能办：按指标体系编码逐项对比同组各单位。"})
    static final class Compare implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Option(names = "--group", paramLabel = "cities|departments", description = "Group (default: both). 分组。")
        String group;

        @Override
        public Integer call() {
            RankingGroup only = Groups.parse(spec.commandLine(), group);
            Texts t = Texts.current();
            ResultsTexts words = new ResultsTexts(t);
            PrintWriter out = spec.commandLine().getOut();
            try (Workspace ws = target.open()) {
                boolean any = false;
                for (RankingGroup g : RankingGroup.values()) {
                    if (only != null && g != only) {
                        continue;
                    }
                    Optional<IndicatorComparison> c = IndicatorComparison.load(ws, target.year, g);
                    if (c.isEmpty()) {
                        continue;
                    }
                    any = true;
                    out.println(t.get("cli.system.compareTitle", String.valueOf(target.year), t.of(g)));
                    for (IndicatorComparison.Row r : c.get().rows()) {
                        if (!r.leaf()) {
                            continue;
                        }
                        out.println(IndicatorSystem.label(r.item()));
                        for (OrgUnit u : c.get().units()) {
                            IndicatorComparison.Cell cell = r.cell(u.code());
                            String text;
                            if (cell == null) {
                                text = t.get("results.workbook.compare.notLinked");
                            } else if (cell.line() == null) {
                                text = cell.node().title();
                            } else {
                                IndicatorRule.Line l = cell.line();
                                text = t.get("cli.system.compareLine", cell.node().title(), words.target(l, target.year),
                                        words.figure(l.used(), l), l.completion() == null ? "—"
                                                : Numbers.percent(l.completion()), words.score(l.points()));
                            }
                            out.println(t.get("cli.system.compareUnit", u.name(), text));
                        }
                    }
                }
                if (!any) {
                    throw new UserError("cli.system.none", String.valueOf(target.year));
                }
            }
            return Cli.OK;
        }
    }
}
