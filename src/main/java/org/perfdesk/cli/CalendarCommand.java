package org.perfdesk.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.perfdesk.domain.OfficeCalendar;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.TypedInput;
import org.perfdesk.domain.UserError;
import org.perfdesk.domain.YearCalendar;
import org.perfdesk.exchange.Guidance;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "calendar", mixinStandardHelpOptions = true,
        description = {"The year's calendar (工作步骤): show it, set a step's dates (the office), send it to the units.",
            "年度工作日程（工作步骤）：查看、修改某一步骤的日期（效能办）、下发给各单位。"},
        subcommands = {CalendarCommand.Show.class, CalendarCommand.Set.class, CalendarCommand.Send.class})
final class CalendarCommand {
    private CalendarCommand() {
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Print every step with its dates and what is due next.", "列出各步骤及其日期和下一项。"})
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;

        @Override
        public Integer call() {
            Texts t = Texts.current();
            PrintWriter out = spec.commandLine().getOut();
            try (Workspace ws = target.open()) {
                Optional<OfficeCalendar> sent = ws.calendar().officeCalendar(target.year);
                sent.ifPresent(c -> out.println(t.get("cli.calendar.fromOffice",
                        c.issuedAt().toString().substring(0, 10)) + (c.pilot()
                        ? t.get("cli.calendar.pilot", String.valueOf(target.year)) : "")));
                for (YearCalendar.Deadline d : ws.calendar().find(target.year)) {
                    out.println(t.get("cli.calendar.line", d.key(), d.label(target.year), d.from() == null ? ""
                            : d.from() + " – ", d.date().toString(), t.of(d.who())));
                }
                YearCalendar.next(ws.calendar().find(target.year), ws.role(), LocalDate.now()).ifPresent(d ->
                        out.println(t.get("cli.calendar.next", d.label(target.year))));
            }
            return Cli.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Set a step's date (and first day, for a step that spans a time); send the calendar again"
                + " so the units learn it.", "修改某一步骤的日期（跨时段的步骤可设开始日期）；修改后重新下发，单位才会知道。"})
    static final class Set implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceYear target;
        @Option(names = "--step", required = true, paramLabel = "KEY", description = "The step (see show). 步骤代码。")
        String step;
        @Option(names = "--date", required = true, paramLabel = "DATE", description = "Its (last) day. 截止日期。")
        String date;
        @Option(names = "--from", paramLabel = "DATE", description = "Its first day. 开始日期。")
        String from;

        @Override
        public Integer call() {
            try (Workspace ws = target.open()) {
                YearCalendar.Deadline d = ws.calendar().find(target.year).stream().filter(x -> x.key().equals(step))
                        .findFirst().orElseThrow(() -> new UserError("cli.calendar.unknownStep", step));
                LocalDate due = date(date);
                LocalDate first = from == null ? d.from() : date(from);
                if (first != null && first.isAfter(due)) {
                    throw new UserError("cli.calendar.fromAfterDate", first.toString(), due.toString());
                }
                ws.calendar().set(target.year, step, first, due);
                YearCalendar.Deadline now = d.withDates(first, due);
                spec.commandLine().getOut().println(Texts.t("cli.calendar.set", now.label(target.year)));
                if (ws.calendar().officeCalendar(target.year).isPresent()) {
                    spec.commandLine().getOut().println(Texts.t("cli.calendar.officeWins"));
                }
            }
            return Cli.OK;
        }

        private LocalDate date(String text) {
            return TypedInput.date(text, target.year).orElseThrow(() -> new UserError("cli.calendar.badDate", text));
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true,
            description = {"Office: write each registered unit the year's calendar as a signed package.",
                "效能办：为每个已登记单位生成年度工作日程的签名数据包。"})
    static final class Send extends SendToUnits {
        @Override
        Guidance.What what() {
            return Guidance.What.CALENDAR;
        }
    }
}
