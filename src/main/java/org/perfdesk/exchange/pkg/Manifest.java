package org.perfdesk.exchange.pkg;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code manifest.json}: who sent what to whom, where it stands in the sender's chain, and the path,
 * size and SHA-256 of every other entry. Its exact bytes are signed ({@code manifest.sig}).
 */
@JsonPropertyOrder({"format", "packageId", "kind", "sender", "recipient", "year", "sequence", "previousHash",
    "createdAt", "programVersion", "entries"})
public record Manifest(
        String format,
        String packageId,
        PackageKind kind,
        Party sender,
        Party recipient,
        int year,
        long sequence,
        String previousHash,
        String createdAt,
        String programVersion,
        List<Entry> entries) {

    public static final String FORMAT = "perfdesk-package/1";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";

    /** The signer (code and key id) or the recipient (code and name, so a misdelivered package can say whose it is). */
    @JsonPropertyOrder({"code", "name", "keyId"})
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Party(String code, String name, String keyId) {
        public static Party sender(String code, String keyId) {
            return new Party(code, null, keyId);
        }

        public static Party recipient(String code, String name) {
            return new Party(code, name, null);
        }
    }

    @JsonPropertyOrder({"path", "size", "sha256"})
    public record Entry(String path, long size, String sha256) {
    }
}
