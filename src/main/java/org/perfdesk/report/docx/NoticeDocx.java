package org.perfdesk.report.docx;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfdesk.domain.DocumentIdentity;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.report.Documents;
import org.perfdesk.report.Issue;
import org.perfdesk.report.ResultsData;
import org.perfdesk.report.ResultsTexts;
import org.perfdesk.store.Workspace;

/**
 * The notice of the year's results (关于2008年度绩效评估结果的通报) as the plan's 结果运用 asks: in the name
 * of the issuers the office set (the plan: 省委办公厅、省政府办公厅), with its 版头 and 文号; the results by
 * group, each ranked unit with its 等次 by the scheme's thresholds; each unit's facts in sentences that
 * leave out what it has none of; the use of the results (抄送 to the bodies that judge leadership, praise
 * for the best 等次, a written account from the lowest — 奖优罚劣); the requirements that follow; the
 * score table as the annex; the 版记. Marked 征求意见稿 until the results are frozen and unchanged.
 */
public final class NoticeDocx {
    /** 排名 | 单位 | 指标考核 | 公众评议 | 察访扣分 | 加分 | 总分 | 等次, in twips; they add up to the text width. */
    static final int[] WIDTHS = {900, 2544, 1000, 1000, 1000, 800, 1000, 600};

    private final ResultsData data;
    private final Texts t;
    private final Issue issue;
    private final ResultsTexts words;
    private final Map<String, String> names = new HashMap<>();

    private NoticeDocx(ResultsData data, Texts texts, Issue issue) {
        this.data = data;
        this.t = texts;
        this.issue = issue;
        this.words = new ResultsTexts(texts);
        data.results().forEach(r -> names.put(r.unit().code(), r.unit().name()));
    }

    /** The office's year as it stands, issued as chosen; its 文号 is recorded with the file. */
    public static void export(Workspace ws, int year, Issue issue, Path out) {
        export(ws, ResultsData.load(ws, year, issue.date()), issue, out);
    }

    /** The same from results already loaded (the command line writes the workbook from them too). */
    public static void export(Workspace ws, ResultsData data, Issue issue, Path out) {
        Texts t = Texts.current();
        Documents.write(ws, issue, Documents.NOTICE, title(data.year(), t), issue.identity().mainTo(),
                toBytes(data, t, issue), out);
    }

    /** The notice dated as the data, from the office's default identity, without a number (a draft to read). */
    public static byte[] toBytes(ResultsData data, Texts texts) {
        return toBytes(data, texts, Issue.unnumbered(Documents.defaults(data.office(), true, "", texts), data.date()));
    }

    public static byte[] toBytes(ResultsData data, Texts texts, Issue issue) {
        return new NoticeDocx(data, texts, issue).bytes();
    }

    public static String title(int year, Texts t) {
        return t.get("notice.title", String.valueOf(year));
    }

    private byte[] bytes() {
        String year = String.valueOf(data.year());
        String title = title(data.year(), t);
        DocumentIdentity id = issue.identity();
        try (OfficialDocument d = new OfficialDocument(t, title, data.office().name())) {
            d.letterhead(id, issue.number(), false);
            d.title(title);
            if (!data.frozenUnchanged()) {
                d.subtitle(t.get("notice.draft"));
            }
            d.mainTo(id.mainTo());
            List<RankingGroup> groups = data.groups();
            String approval = data.currentApproval().map(a -> t.get("notice.approved", a.approvedBy(),
                    d.date(a.approvedOn()), a.reference())).orElse("");
            d.paragraph(t.get("notice.preamble", year, data.office().name(), groupCounts(groups), approval));
            d.paragraph(method());
            if (data.currentApproval().isEmpty()) {
                d.paragraph(t.get("notice.notApproved"));
            }
            d.heading(1, t.get("notice.resultsHeading"));
            for (RankingGroup g : groups) {
                d.heading(2, t.of(g));
                d.paragraph(groupResult(g));
            }
            d.heading(1, t.get("notice.unitsHeading"));
            for (RankingGroup g : groups) {
                if (groups.size() > 1) {
                    d.heading(2, t.of(g));
                }
                for (Evaluation.UnitResult r : data.inGroup(g)) {
                    d.paragraph(unit(r));
                }
            }
            for (Evaluation.UnitResult r : data.inGroup(null)) {
                d.paragraph(unit(r));
            }
            d.heading(1, t.get("notice.useHeading"));
            for (String p : use(groups)) {
                d.paragraph(p);
            }
            d.heading(1, t.get("notice.requirementsHeading"));
            d.paragraph(t.get("notice.requirements"));
            String annex = t.get("notice.annexTitle", year);
            d.attachments(List.of(annex));
            d.signature(id.issuerNames(), issue.date());
            d.annex(0, annex);
            for (RankingGroup g : groups) {
                d.caption(t.of(g));
                table(d, data.inGroup(g));
            }
            if (!data.inGroup(null).isEmpty()) {
                d.caption(t.get("notice.ungrouped"));
                table(d, data.inGroup(null));
            }
            if (id.letterhead()) {
                d.imprint(id.copyTo(), id.printedBy(), issue.date());
            }
            return d.toBytes();
        }
    }

    /** How the total is made and how the 等次 follow from it, in words (no formula, no version number). */
    private String method() {
        EvaluationScheme s = data.scheme();
        List<String> bands = new ArrayList<>();
        BigDecimal upper = null;
        for (EvaluationScheme.Grade g : s.grades()) {
            if (g.from() == null) {
                bands.add(t.get("notice.grade.below", g.name(), Numbers.plain(upper)));
            } else if (upper == null) {
                bands.add(t.get("notice.grade.top", g.name(), Numbers.plain(g.from())));
            } else {
                bands.add(t.get("notice.grade.band", g.name(), Numbers.plain(g.from()), Numbers.plain(upper)));
            }
            upper = g.from();
        }
        return t.get("notice.method", Numbers.plain(s.indicatorWeight()), Numbers.plain(s.appraisalWeight()),
                String.join(t.get("notice.listSeparatorStrong"), bands));
    }

    /** "2个设区市政府和5个省直部门". */
    private String groupCounts(List<RankingGroup> groups) {
        List<String> parts = groups.stream().map(g -> t.get("notice.groupCount", data.inGroup(g).size(), t.of(g)))
                .toList();
        if (parts.isEmpty()) {
            return t.get("notice.noUnits");
        }
        return and(parts);
    }

    private String and(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(t.get("notice.listSeparator"), parts.subList(0, parts.size() - 1))
                + t.get("notice.listAnd") + parts.get(parts.size() - 1);
    }

    private String list(List<String> names) {
        return String.join(t.get("notice.listSeparator"), names);
    }

    /** The ranked units in order with their totals, those of each 等次, and any not ranked. */
    private String groupResult(RankingGroup g) {
        List<Evaluation.UnitResult> ranked = data.inGroup(g).stream().filter(r -> r.rank() != null).toList();
        List<Evaluation.UnitResult> unranked = data.inGroup(g).stream().filter(r -> r.rank() == null).toList();
        StringBuilder text = new StringBuilder();
        if (ranked.isEmpty()) {
            text.append(t.get("notice.group.noneRanked", t.of(g)));
        } else {
            text.append(t.get("notice.group.order", ranked.size(), t.of(g), list(ranked.stream()
                    .map(r -> t.get("notice.group.entry", r.unit().name(), ResultsTexts.number(r.total()))).toList())));
            Map<String, List<String>> byGrade = new LinkedHashMap<>();
            data.scheme().grades().forEach(gr -> byGrade.put(gr.name(), new ArrayList<>()));
            ranked.forEach(r -> byGrade.get(grade(r)).add(r.unit().name()));
            List<String> parts = new ArrayList<>();
            byGrade.forEach((grade, units) -> {
                if (!units.isEmpty()) {
                    parts.add(t.get("notice.group.grade", list(units), grade));
                }
            });
            text.append(t.get("notice.group.grades", String.join(t.get("notice.listSeparatorStrong"), parts)));
        }
        if (!unranked.isEmpty()) {
            text.append(t.get("notice.group.unranked", list(unranked.stream().map(r -> r.unit().name()
                    + t.get("notice.group.why", words.rank(r))).toList())));
        }
        return text.toString();
    }

    private String grade(Evaluation.UnitResult r) {
        return r.rank() == null ? null : data.scheme().gradeOf(r.total());
    }

    /** One unit's facts: what it scored, where it stands, and only the parts it has. */
    private String unit(Evaluation.UnitResult r) {
        String name = r.unit().name();
        if (r.total() == null) {
            return t.get("notice.unit.notSubmitted", name, words.missing(r));
        }
        String standing = r.rank() == null ? (r.standing() == Evaluation.Standing.COMPLETE
                ? t.get("notice.unit.unranked") : t.get("notice.unit.notRanked", words.rank(r)))
                : r.tiedWith().isEmpty() ? t.get("notice.unit.rank", t.of(r.group()), r.rank())
                : t.get("notice.unit.tied", t.of(r.group()), r.rank(),
                        list(r.tiedWith().stream().map(c -> names.getOrDefault(c, c)).toList()));
        StringBuilder text = new StringBuilder(t.get("notice.unit.total", name, ResultsTexts.number(r.total()),
                standing));
        if (grade(r) != null) {
            text.append(t.get("notice.unit.grade", grade(r)));
        }
        List<String> parts = new ArrayList<>();
        if (!r.indicators().isEmpty()) {
            parts.add(t.get("notice.unit.indicators", ResultsTexts.number(r.indicatorScore()), r.indicators().size()));
        }
        if (!r.rounds().isEmpty()) {
            parts.add(t.get("notice.unit.appraisal", ResultsTexts.number(r.appraisalScore()), r.rounds().size()));
        }
        if (!r.inspections().isEmpty()) {
            parts.add(r.deductions().signum() == 0 ? t.get("notice.unit.inspectionsNoDeduction", r.inspections().size())
                    : t.get("notice.unit.inspections", r.inspections().size(), ResultsTexts.number(r.deductions())));
        }
        if (r.bonus() != null && r.bonus().signum() != 0) {
            parts.add(t.get("notice.unit.bonus", ResultsTexts.number(r.bonus())));
        }
        if (!parts.isEmpty()) {
            text.append(t.get("notice.unit.parts", String.join(t.get("notice.clauseSeparator"), parts)));
        } else {
            text.append(t.get("notice.unit.end"));
        }
        if (r.standing() == Evaluation.Standing.INCOMPLETE) {
            text.append(t.get("notice.unit.incomplete", words.missing(r)));
        }
        if (r.decision() != null) {
            text.append(t.get("notice.unit.decision", t.get("results.decision." + r.decision().decision().name(),
                    r.decision().reason())));
        }
        for (String note : r.notes()) {
            text.append(t.get("notice.unit.note", t.get(note)));
        }
        return text.toString();
    }

    /**
     * 结果运用: the results go to the bodies the office copies (as the plan says, to judge leadership and
     * 评先评优); the units of the best 等次 are praised and those of the lowest account for it in writing.
     */
    private List<String> use(List<RankingGroup> groups) {
        List<String> out = new ArrayList<>();
        List<String> copies = issue.identity().copyTo();
        out.add(copies.isEmpty() ? t.get("notice.use.basis") : t.get("notice.use.copies", list(copies)));
        List<EvaluationScheme.Grade> grades = data.scheme().grades();
        List<String> best = new ArrayList<>();
        List<String> worst = new ArrayList<>();
        for (RankingGroup g : groups) {
            for (Evaluation.UnitResult r : data.inGroup(g)) {
                String grade = grade(r);
                if (grade == null) {
                    continue;
                }
                if (grade.equals(grades.get(0).name())) {
                    best.add(r.unit().name());
                } else if (grades.size() > 1 && grade.equals(grades.get(grades.size() - 1).name())) {
                    worst.add(r.unit().name());
                }
            }
        }
        if (!best.isEmpty()) {
            out.add(t.get("notice.use.praise", grades.get(0).name(), list(best)));
        }
        if (!worst.isEmpty()) {
            out.add(t.get("notice.use.account", grades.get(grades.size() - 1).name(), list(worst)));
        }
        return out;
    }

    private void table(OfficialDocument d, List<Evaluation.UnitResult> results) {
        List<String> titles = List.of(t.get("results.workbook.col.rank"), t.get("notice.col.unit"),
                t.get("results.workbook.col.indicators"), t.get("results.workbook.col.appraisal"),
                t.get("results.workbook.col.deductions"), t.get("results.workbook.col.bonus"),
                t.get("results.workbook.col.total"), t.get("notice.col.grade"));
        List<List<String>> rows = results.stream().map(r -> List.of(words.rank(r), r.unit().name(),
                words.score(r.indicatorScore()), ResultsTexts.number(r.appraisalScore()),
                ResultsTexts.number(r.deductions()), ResultsTexts.number(r.bonus()), words.score(r.total()),
                grade(r) == null ? "—" : grade(r))).toList();
        d.table(WIDTHS, titles, rows, DocxFormat.TABLE_PT, 1);
    }
}
