package org.perfdesk.exchange.pkg;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code manifest.json}: who sent what to whom, where it stands in the sender's chain, and the path,
 * size and SHA-256 of every other entry. Its exact bytes are signed ({@code manifest.sig}). A
 * confidential package ({@code perfdesk-package/2}) also names the encryption and the recipients'
 * key ids; its entries are then the sealed ones, whose real names and contents only the recipients read.
 */
@JsonPropertyOrder({"format", "packageId", "kind", "sender", "recipient", "year", "sequence", "previousHash",
    "createdAt", "programVersion", "encryption", "entries"})
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
        @JsonInclude(JsonInclude.Include.NON_NULL) Encryption encryption,
        List<Entry> entries) {

    /** A package in the clear (as before confidential packages, and with {@code --plain}). */
    public static final String FORMAT = "perfdesk-package/1";
    /** A confidential package: the payload sealed for the recipients (package-format.md §10). */
    public static final String FORMAT_SEALED = "perfdesk-package/2";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";

    /** A manifest in the clear. */
    public Manifest(String format, String packageId, PackageKind kind, Party sender, Party recipient, int year,
                    long sequence, String previousHash, String createdAt, String programVersion, List<Entry> entries) {
        this(format, packageId, kind, sender, recipient, year, sequence, previousHash, createdAt, programVersion, null,
                entries);
    }

    /** Whether the payload is sealed. */
    @JsonIgnore
    public boolean sealed() {
        return encryption != null;
    }

    /** The signer (code and key id) or the recipient (code and name, so a misdelivered package can say whose it is). */
    @JsonPropertyOrder({"code", "name", "keyId"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Party(String code, String name, String keyId) {
        public static Party sender(String code, String keyId) {
            return new Party(code, null, keyId);
        }

        public static Party recipient(String code, String name) {
            return new Party(code, name, null);
        }
    }

    /** How the payload is sealed, and for whom: each recipient's unit code and encryption key id. */
    @JsonPropertyOrder({"scheme", "recipients"})
    public record Encryption(String scheme, List<Recipient> recipients) {
    }

    @JsonPropertyOrder({"code", "keyId"})
    public record Recipient(String code, String keyId) {
    }

    @JsonPropertyOrder({"path", "size", "sha256"})
    public record Entry(String path, long size, String sha256) {
    }
}
