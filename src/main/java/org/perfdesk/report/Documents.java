package org.perfdesk.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.perfdesk.domain.DocumentIdentity;
import org.perfdesk.domain.DocumentNumber;
import org.perfdesk.domain.IssuedDocument;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/**
 * The workspace's official documents: who issues them (saved in 设置 → 公文, or the defaults), the 文号 to
 * propose, and writing a document so that its number is recorded in the register in the same action —
 * a number used is never given to another document.
 */
public final class Documents {
    /** Kinds of document as the register names them. */
    public static final String NOTICE = "notice";
    public static final String MIDYEAR = "midyear";
    public static final String ANNUAL = "annual";
    public static final String REVIEW = "review";
    public static final String FEEDBACK = "feedback";

    private Documents() {
    }

    /** The identity as saved, else the defaults for this workspace. */
    public static DocumentIdentity identity(Workspace ws) {
        return ws.documents().identity().orElseGet(() -> defaults(ws, Texts.current()));
    }

    /**
     * What a workspace issues with before anyone set it: the office addresses its 通报 to the units and
     * copies the bodies the plan names (组织部门、机关党工委、人事部门); a unit addresses the office.
     */
    public static DocumentIdentity defaults(Workspace ws, Texts t) {
        OrgUnit self = ws.self();
        String parent = self.parentCode() == null ? "" : ws.orgUnits().find(self.parentCode()).map(OrgUnit::name)
                .orElse("");
        return defaults(self, ws.role() == Role.OFFICE, parent, t);
    }

    /** The defaults of an office ({@code office} true) or of a unit whose office is {@code parentName}. */
    public static DocumentIdentity defaults(OrgUnit self, boolean office, String parentName, Texts t) {
        if (office) {
            return DocumentIdentity.defaults(self, t.get("docs.default.mainTo"),
                    List.of(t.get("docs.default.copyTo").split("[，,、;；]\\s*")));
        }
        return DocumentIdentity.defaults(self, parentName, List.of());
    }

    /** The first number not used in the year from where the identity starts, when documents are numbered. */
    public static Optional<DocumentNumber> proposal(Workspace ws, DocumentIdentity identity, int year) {
        if (!identity.letterhead()) {
            return Optional.empty();
        }
        int n = identity.firstNumber(year);
        for (IssuedDocument d : ws.documents().register(identity.numberPrefix(), year)) {
            if (d.number().number() >= n) {
                n = d.number().number() + 1;
            }
        }
        return Optional.of(new DocumentNumber(identity.numberPrefix(), year, n));
    }

    /**
     * The issue for a document dated {@code date}: numbered {@code number} (or the proposal when null) when
     * the identity has a prefix, else unnumbered.
     */
    public static Issue issue(Workspace ws, LocalDate date, Integer number) {
        DocumentIdentity id = identity(ws);
        if (!id.letterhead()) {
            return Issue.unnumbered(id, date);
        }
        DocumentNumber n = number == null ? proposal(ws, id, date.getYear()).orElseThrow()
                : new DocumentNumber(id.numberPrefix(), date.getYear(), number);
        return new Issue(id, date, n);
    }

    /** Refuses a number already given to another document, naming it. */
    public static void check(Workspace ws, IssuedDocument d) {
        if (d.number() == null) {
            return;
        }
        Optional<IssuedDocument> used = ws.documents().issued(d.number());
        if (used.isPresent() && !used.get().sameDocument(d)) {
            throw new UserError("docs.error.numberUsed", d.number().text(), used.get().title(),
                    used.get().dated().toString(), proposal(ws, identity(ws), d.number().year())
                            .map(DocumentNumber::text).orElse(""));
        }
    }

    /**
     * Writes a document's bytes to {@code out} whole or not at all and, when it has a number, records the
     * number in the same transaction: a file that could not be written leaves the number free.
     */
    public static void write(Workspace ws, Issue issue, String kind, String title, String recipient, byte[] bytes,
                             Path out) {
        if (issue.number() == null) {
            writeFile(bytes, out);
            return;
        }
        IssuedDocument d = new IssuedDocument(issue.number(), kind, title, recipient == null ? "" : recipient,
                issue.date());
        ws.database().write(c -> {
            check(ws, d);
            ws.documents().record(d);
            writeFile(bytes, out);
            return null;
        });
    }

    /** Writes a document that has no number (a copy, a draft), whole or not at all. */
    public static void writeFile(byte[] bytes, Path out) {
        try {
            SafeFiles.writeAtomically(out, bytes);
        } catch (IOException e) {
            throw new UserError(e, "report.error.writeFailed", out.toString(), String.valueOf(e.getMessage()));
        }
    }
}
