package org.perfdesk.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Who issues a workspace's official documents (公文) and how they are numbered, set once (设置 → 公文)
 * rather than typed into every document: the issuing bodies — one, or several for a joint document
 * (联合行文: the plan circulates its results "以省委办公厅、省政府办公厅名义") — each with the name
 * printed in red at the top (发文机关标志), the word after the names (usually 文件), the 文号 prefix
 * (闽效 in 闽效〔2009〕1号) and the number to start from in a year, the default addressees (主送) and the bodies
 * copied (抄送), the printing office (印发机关), and the person signing off documents sent upward (签发人).
 * Without a prefix a document has no 版头: it starts with its title.
 *
 * @param issuers    the issuing bodies, the leading one first
 * @param markSuffix printed after the issuers' marks, usually 文件; may be empty
 * @param nextNumber the lowest number to propose in {@code numberYear} (for an office that numbered
 *                   documents outside PerfDesk earlier that year); numbers start at 1 in other years
 */
public record DocumentIdentity(List<Issuer> issuers, String markSuffix, String numberPrefix, int nextNumber,
                               int numberYear, String mainTo, List<String> copyTo, String printedBy, String signer) {

    /** An issuing body: its name as it signs (署名) and as the 发文机关标志 prints it. */
    public record Issuer(String name, String mark) {
        public Issuer {
            name = clean(name);
            mark = clean(mark).isEmpty() ? name : clean(mark);
        }
    }

    public DocumentIdentity {
        issuers = List.copyOf(issuers == null ? List.of() : issuers.stream().filter(i -> !i.name().isEmpty()).toList());
        markSuffix = clean(markSuffix);
        numberPrefix = clean(numberPrefix);
        mainTo = clean(mainTo);
        copyTo = List.copyOf(copyTo == null ? List.of()
                : copyTo.stream().map(DocumentIdentity::clean).filter(s -> !s.isEmpty()).toList());
        printedBy = clean(printedBy);
        signer = clean(signer);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    /**
     * What a workspace uses before anyone set it: the workspace's unit as the only issuer, 文件 after
     * its name, no 文号 prefix (so no 版头), addressed to {@code mainTo}, printed by the unit itself.
     */
    public static DocumentIdentity defaults(OrgUnit self, String mainTo, List<String> copyTo) {
        return new DocumentIdentity(List.of(new Issuer(self.name(), self.name())), "文件", "", 1, 0, mainTo, copyTo,
                self.name(), "");
    }

    /** True when documents carry a 版头 (发文机关标志, 文号 and the red line): a 文号 prefix is set. */
    public boolean letterhead() {
        return !numberPrefix.isEmpty() && !issuers.isEmpty();
    }

    /** The issuers' names as they sign, the leading one first. */
    public List<String> issuerNames() {
        return issuers.stream().map(Issuer::name).toList();
    }

    /** The 抄送 list as one line: 省委组织部，省委省直机关工委，省人事厅 (the 版记 adds the full stop). */
    public String copyToText() {
        return String.join("，", copyTo);
    }

    /** The lowest number to propose for a document dated in {@code year}. */
    public int firstNumber(int year) {
        return year == numberYear ? Math.max(1, nextNumber) : 1;
    }

    /** What keeps the identity from being saved, as text keys with arguments; empty when it can be. */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        if (issuers.isEmpty()) {
            out.add(new Problem("docs.problem.noIssuer"));
        }
        if (nextNumber < 1) {
            out.add(new Problem("docs.problem.nextNumber", String.valueOf(nextNumber)));
        }
        if (numberPrefix.matches(".*[〔〕\\[\\]()（）0-9号].*")) {
            out.add(new Problem("docs.problem.prefix", numberPrefix));
        }
        if (!numberPrefix.isEmpty() && printedBy.isEmpty()) {
            out.add(new Problem("docs.problem.printedBy"));
        }
        return out;
    }

    /** A problem as a text key and its arguments. */
    public record Problem(String key, String... args) {
    }
}
