package org.perfdesk.report.docx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.report.HeadingNumbers;
import org.perfdesk.report.ResultsData;
import org.perfdesk.report.ResultsTexts;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/**
 * The draft notice of the year's results (关于2008年度绩效评估结果的通报) as a Word document in the
 * official style: title, the addressees, a preamble that states the method and the formula, a
 * ranking table per group, a paragraph per unit with its score components, the requirements that
 * follow, and the office's name and date. Marked 征求意见稿 until the results are frozen and unchanged.
 * The office edits the draft in Word before it goes out; the figures come from the evaluator.
 */
public final class NoticeDocx {
    /** 排名 | 单位 | 指标考核 | 公众评议 | 察访扣分 | 加分 | 总分, in twips; they add up to the text width. */
    static final int[] WIDTHS = {760, 2084, 1200, 1200, 1200, 1200, 1200};
    static final double TABLE_PT = 12;

    private final ResultsData data;
    private final Texts t;
    private final ResultsTexts words;
    private final Map<String, String> names = new HashMap<>();

    private NoticeDocx(ResultsData data, Texts texts) {
        this.data = data;
        this.t = texts;
        this.words = new ResultsTexts(texts);
        data.results().forEach(r -> names.put(r.unit().code(), r.unit().name()));
    }

    /** The office's year as it stands, dated today, in the current UI language. */
    public static void export(Workspace ws, int year, Path out) {
        write(ResultsData.load(ws, year, LocalDate.now()), Texts.current(), out);
    }

    /** Writes the document whole or not at all (temporary file, then rename). */
    public static void write(ResultsData data, Texts texts, Path out) {
        byte[] bytes = toBytes(data, texts);
        try {
            SafeFiles.writeAtomically(out, bytes);
        } catch (IOException e) {
            throw new UserError(e, "report.error.writeFailed", out.toString(), String.valueOf(e.getMessage()));
        }
    }

    public static byte[] toBytes(ResultsData data, Texts texts) {
        return new NoticeDocx(data, texts).bytes();
    }

    private byte[] bytes() {
        try (XWPFDocument doc = new XWPFDocument()) {
            DocxFormat.setUpPage(doc);
            DocxFormat.addPageNumbers(doc);
            String year = String.valueOf(data.year());
            String title = t.get("notice.title", year);
            doc.getProperties().getCoreProperties().setTitle(title);
            doc.getProperties().getCoreProperties().setCreator(data.office().name());
            title(doc, title);
            OfficialText.plain(doc, t.get("notice.addressees"), false);
            List<RankingGroup> groups = data.groups();
            OfficialText.body(doc, t.get("notice.preamble", year, data.office().name(), groupCounts(groups)));
            OfficialText.body(doc, t.get("notice.method", Numbers.plain(data.scheme().indicatorWeight()),
                    Numbers.plain(data.scheme().appraisalWeight()), String.valueOf(data.scheme().version())));
            OfficialText.body(doc, data.currentApproval().map(a -> t.get("notice.approved", a.approvedBy(),
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(t.locale()).format(a.approvedOn()),
                    a.reference())).orElse(t.get("notice.notApproved")));
            int number = 1;
            for (RankingGroup g : groups) {
                OfficialText.heading(doc, HeadingNumbers.of(number++, t) + t.get("notice.groupHeading", t.of(g)));
                table(doc, data.inGroup(g));
            }
            OfficialText.heading(doc, HeadingNumbers.of(number++, t) + t.get("notice.unitsHeading"));
            for (RankingGroup g : groups) {
                for (Evaluation.UnitResult r : data.inGroup(g)) {
                    unit(doc, r);
                }
            }
            for (Evaluation.UnitResult r : data.inGroup(null)) {
                unit(doc, r);
            }
            OfficialText.heading(doc, HeadingNumbers.of(number, t) + t.get("notice.requirementsHeading"));
            OfficialText.body(doc, t.get("notice.requirements"));
            signature(doc);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the document in memory failed", e);
        }
    }

    /** "2 个设区市政府和 5 个省直部门". */
    private String groupCounts(List<RankingGroup> groups) {
        List<String> parts = groups.stream().map(g -> t.get("notice.groupCount", data.inGroup(g).size(), t.of(g)))
                .toList();
        if (parts.isEmpty()) {
            return t.get("notice.noUnits");
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(t.get("notice.listSeparator"), parts.subList(0, parts.size() - 1))
                + t.get("notice.listAnd") + parts.get(parts.size() - 1);
    }

    private void title(XWPFDocument doc, String title) {
        OfficialText.title(doc, title, data.frozenUnchanged() ? 480 : 120);
        if (!data.frozenUnchanged()) {
            OfficialText.subtitle(doc, t.get("notice.draft"));
        }
    }

    private void unit(XWPFDocument doc, Evaluation.UnitResult r) {
        String standing = r.rank() == null ? (r.standing() == Evaluation.Standing.COMPLETE
                ? t.get("notice.unit.unranked") : t.get("notice.unit.notRanked", words.rank(r)))
                : r.tiedWith().isEmpty() ? t.get("notice.unit.rank", t.of(r.group()), r.rank())
                : t.get("notice.unit.tied", t.of(r.group()), r.rank(),
                        String.join("、", r.tiedWith().stream().map(c -> names.getOrDefault(c, c)).toList()));
        StringBuilder text = new StringBuilder(r.total() == null
                ? t.get("notice.unit.notSubmitted", words.missing(r), standing)
                : t.get("notice.unit", ResultsTexts.number(r.total()),
                standing, ResultsTexts.number(r.indicatorScore()), r.indicators().size(),
                ResultsTexts.number(r.appraisalScore()), r.rounds().size(), ResultsTexts.number(r.deductions()),
                r.inspections().size(), ResultsTexts.number(r.bonus())));
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
        XWPFParagraph p = OfficialText.body(doc, null);
        DocxFormat.text(p, t.get("notice.unit.name", r.unit().name()), DocxFormat.HEI, DocxFormat.BODY_PT, false);
        DocxFormat.text(p, text.toString(), DocxFormat.SONG, DocxFormat.BODY_PT, false);
    }

    private void signature(XWPFDocument doc) {
        OfficialText.signature(doc, List.of(data.office().name(),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(t.locale()).format(data.date())));
    }




    private void table(XWPFDocument doc, List<Evaluation.UnitResult> results) {
        List<String> titles = List.of(t.get("results.workbook.col.rank"), t.get("notice.col.unit"),
                t.get("results.workbook.col.indicators"), t.get("results.workbook.col.appraisal"),
                t.get("results.workbook.col.deductions"), t.get("results.workbook.col.bonus"),
                t.get("results.workbook.col.total"));
        List<List<String>> rows = results.stream().map(r -> List.of(words.rank(r), r.unit().name(),
                words.score(r.indicatorScore()), ResultsTexts.number(r.appraisalScore()),
                ResultsTexts.number(r.deductions()), ResultsTexts.number(r.bonus()), words.score(r.total()))).toList();
        SimpleTable.add(doc, WIDTHS, titles, rows, TABLE_PT, 1);
    }
}
