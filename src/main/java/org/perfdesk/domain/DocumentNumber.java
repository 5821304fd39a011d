package org.perfdesk.domain;

/**
 * A 发文字号 as GB/T 9704 writes it: the prefix, the year in full in 六角括号 and the number without
 * "第" or leading zeros, then 号 — 闽效〔2009〕1号.
 */
public record DocumentNumber(String prefix, int year, int number) {
    public DocumentNumber {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("a document number needs a prefix");
        }
        if (number < 1) {
            throw new IllegalArgumentException("document numbers start at 1: " + number);
        }
        prefix = prefix.strip();
    }

    public String text() {
        return prefix + "〔" + year + "〕" + number + "号";
    }

    @Override
    public String toString() {
        return text();
    }
}
