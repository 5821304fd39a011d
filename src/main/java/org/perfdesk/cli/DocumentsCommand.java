package org.perfdesk.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.perfdesk.domain.DocumentIdentity;
import org.perfdesk.domain.IssuedDocument;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.report.Documents;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "documents", mixinStandardHelpOptions = true,
        description = {"Show or set who issues the workspace's official documents (公文): issuers and their 发文机关标志,"
            + " the 文号 prefix and first number, 主送, 抄送, 印发机关, 签发人; and list the 文号 used.",
            "查看或设置本工作区公文的发文信息：发文机关及其标志、发文字号前缀和起始编号、主送、抄送、印发机关、签发人；列出已用的文号。"})
final class DocumentsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
    Path workspace;
    @Option(names = "--issuer", paramLabel = "NAME[=MARK]",
            description = {"An issuing body (repeat for a joint document, the leading one first), with its 发文机关标志"
                + " after = when it differs from the name.", "发文机关（联合行文时重复，主办机关在前）；标志与名称不同时写在 = 后。"})
    List<String> issuers;
    @Option(names = "--mark-suffix", paramLabel = "TEXT", description = "After the marks, usually 文件. 标志后的文字，一般为“文件”。")
    String suffix;
    @Option(names = "--prefix", paramLabel = "TEXT", description = "The 文号 prefix (闽效); empty for no 版头. 发文字号前缀；为空则不印版头。")
    String prefix;
    @Option(names = "--next", paramLabel = "N", description = "The first number to use this year. 本年度起始编号。")
    Integer next;
    @Option(names = "--main-to", paramLabel = "TEXT", description = "Default addressees (主送). 主送机关。")
    String mainTo;
    @Option(names = "--copy-to", paramLabel = "A,B", split = "[,，、]", description = "Bodies copied (抄送). 抄送机关。")
    List<String> copyTo;
    @Option(names = "--printed-by", paramLabel = "TEXT", description = "The printing office (印发机关). 印发机关。")
    String printedBy;
    @Option(names = "--signer", paramLabel = "NAME", description = "Who signs off reports sent upward (签发人). 签发人。")
    String signer;

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(workspace)) {
            DocumentIdentity id = Documents.identity(ws);
            boolean change = issuers != null || suffix != null || prefix != null || next != null || mainTo != null
                    || copyTo != null || printedBy != null || signer != null;
            if (change) {
                id = changed(id);
                List<DocumentIdentity.Problem> problems = id.problems();
                if (!problems.isEmpty()) {
                    throw new UserError("docs.error.invalid", String.join("；", problems.stream()
                            .map(p -> Texts.t(p.key(), (Object[]) p.args())).toList()));
                }
                ws.documents().saveIdentity(id);
                spec.commandLine().getOut().println(Texts.t("cli.docs.saved"));
            }
            print(ws, id);
        }
        return Cli.OK;
    }

    private DocumentIdentity changed(DocumentIdentity id) {
        List<DocumentIdentity.Issuer> is = id.issuers();
        if (issuers != null) {
            is = new ArrayList<>();
            for (String s : issuers) {
                int eq = s.indexOf('=');
                is.add(eq < 0 ? new DocumentIdentity.Issuer(s, s)
                        : new DocumentIdentity.Issuer(s.substring(0, eq), s.substring(eq + 1)));
            }
        }
        int year = LocalDate.now().getYear();
        return new DocumentIdentity(is, suffix != null ? suffix : id.markSuffix(), prefix != null ? prefix
                : id.numberPrefix(), next != null ? next : id.nextNumber(), next != null ? year : id.numberYear(),
                mainTo != null ? mainTo : id.mainTo(), copyTo != null ? copyTo : id.copyTo(),
                printedBy != null ? printedBy : id.printedBy(), signer != null ? signer : id.signer());
    }

    private void print(Workspace ws, DocumentIdentity id) {
        var out = spec.commandLine().getOut();
        out.println(Texts.t("cli.docs.issuers", String.join("、", id.issuers().stream()
                .map(i -> i.name().equals(i.mark()) ? i.name() : i.name() + "（" + i.mark() + "）").toList()),
                id.markSuffix()));
        int year = LocalDate.now().getYear();
        out.println(id.letterhead() ? Texts.t("cli.docs.number", Documents.proposal(ws, id, year).orElseThrow().text())
                : Texts.t("cli.docs.noNumber"));
        out.println(Texts.t("cli.docs.addressees", id.mainTo(), id.copyToText(), id.printedBy(), id.signer()));
        List<IssuedDocument> used = ws.documents().register();
        for (IssuedDocument d : used) {
            out.println(Texts.t("cli.docs.used", d.number().text(), d.dated().toString(), d.title(), d.recipient()));
        }
    }
}
