package org.perfdesk.report;

import java.time.LocalDate;

import org.perfdesk.domain.DocumentIdentity;
import org.perfdesk.domain.DocumentNumber;

/**
 * How one document goes out: who issues it (the workspace's identity), its 成文日期, chosen at export,
 * and its 文号 — null for a document without a 版头 (no prefix set) or printed as a copy.
 */
public record Issue(DocumentIdentity identity, LocalDate date, DocumentNumber number) {

    /** Dated, without a number. */
    public static Issue unnumbered(DocumentIdentity identity, LocalDate date) {
        return new Issue(identity, date, null);
    }
}
