package org.perfdesk.domain;

import java.time.LocalDate;

/**
 * A 文号 used, as the register keeps it: which document went out under it, to whom, dated when. A
 * number is never given to another document; the same document exported again keeps its number.
 *
 * @param kind      what sort of document (notice, midyear, annual, review, feedback, …)
 * @param title     the document's title
 * @param recipient the 主送 it was addressed to
 * @param dated     its 成文日期
 */
public record IssuedDocument(DocumentNumber number, String kind, String title, String recipient, LocalDate dated) {

    /** True when {@code other} is this same document (kind, title and recipient), dated anew or not. */
    public boolean sameDocument(IssuedDocument other) {
        return kind.equals(other.kind) && title.equals(other.title) && recipient.equals(other.recipient);
    }
}
