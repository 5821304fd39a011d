package org.perfdesk.cli;

import java.time.LocalDate;

import org.perfdesk.domain.TypedInput;
import org.perfdesk.domain.UserError;
import org.perfdesk.report.Documents;
import org.perfdesk.report.Issue;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Option;

/** How a Word document goes out: its 成文日期 and, when the workspace numbers its documents, its 文号. */
final class IssueOptions {
    @Option(names = "--date", paramLabel = "DATE",
            description = "The document's date (成文日期), e.g. 2009-03-20; default today. 成文日期，默认为今天。")
    String date;
    @Option(names = "--number", paramLabel = "N",
            description = "The number of its 文号 (闽效〔2009〕N号); default the next one not used. 文号的序号，默认为下一个未用的号。")
    Integer number;

    Issue issue(Workspace ws) {
        LocalDate d = date == null ? LocalDate.now()
                : TypedInput.date(date, null).orElseThrow(() -> new UserError("cli.docs.badDate", date));
        return Documents.issue(ws, d, number);
    }
}
