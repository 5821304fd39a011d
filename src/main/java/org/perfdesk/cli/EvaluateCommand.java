package org.perfdesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate the year: each unit's components, total, group and rank.",
            "计算年度绩效评估结果：各单位的各项得分、总分、分组和排名。"})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceYear target;
    @Option(names = "--json", description = "Print the results as JSON. 以 JSON 输出结果。")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Workspace ws = target.open()) {
            List<Evaluation.UnitResult> results = new Evaluator(ws).evaluate(target.year);
            if (results.stream().allMatch(r -> r.standing() == Evaluation.Standing.NOT_SUBMITTED)) {
                // As `report` does: with no unit's material there is nothing to rank, not a tie of zeros.
                throw new org.perfdesk.domain.UserError("cli.report.noResults", String.valueOf(target.year));
            }
            PrintWriter out = spec.commandLine().getOut();
            org.perfdesk.report.ResultsTexts words = new org.perfdesk.report.ResultsTexts(Texts.current());
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(asJson(results)));
                return Cli.OK;
            }
            Texts t = Texts.current();
            RankingGroup group = null;
            for (Evaluation.UnitResult r : results) {
                if (r.group() != group || group == null) {
                    group = r.group();
                    out.println();
                    out.println(r.group() == null ? t.get("cli.evaluate.unranked") : t.of(r.group()));
                    out.println(t.get("cli.evaluate.header"));
                }
                out.println(String.format("%4s  %-8s %8s %8s %8s %6s %8s  %s", r.rank() == null ? words.rank(r) : r.rank(),
                        r.unit().code(), words.score(r.indicatorScore()), r.appraisalScore(), r.deductions(), r.bonus(),
                        words.score(r.total()), r.unit().name() + (r.tiedWith().isEmpty() ? "" : t.get("cli.evaluate.tied",
                                String.join("、", r.tiedWith())))
                                + (r.standing() == Evaluation.Standing.COMPLETE ? "" : "（" + words.missing(r) + "）")));
            }
            return Cli.OK;
        }
    }

    private static List<Map<String, Object>> asJson(List<Evaluation.UnitResult> results) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Evaluation.UnitResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unit", r.unit().code());
            m.put("name", r.unit().name());
            m.put("group", r.group() == null ? null : r.group().name());
            m.put("indicatorScore", r.indicatorScore() == null ? null : Numbers.plain(r.indicatorScore()));
            m.put("appraisalScore", Numbers.plain(r.appraisalScore()));
            m.put("deductions", Numbers.plain(r.deductions()));
            m.put("bonus", Numbers.plain(r.bonus()));
            m.put("total", r.total() == null ? null : Numbers.plain(r.total()));
            m.put("rank", r.rank());
            m.put("tiedWith", r.tiedWith());
            m.put("standing", r.standing().name());
            m.put("missing", r.missing().stream().map(x -> Map.of("material", x.material().name(), "count", x.count(),
                    "of", x.of())).toList());
            m.put("decision", r.decision() == null ? null : r.decision().decision().name());
            m.put("notes", r.notes());
            m.put("indicators", r.indicators().stream().map(l -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("node", l.nodeId());
                one.put("title", l.title());
                one.put("source", l.source().name());
                one.put("completion", l.completion() == null ? null : Numbers.plain(l.completion()));
                one.put("points", Numbers.plain(l.points()));
                return one;
            }).toList());
            out.add(m);
        }
        return out;
    }
}
