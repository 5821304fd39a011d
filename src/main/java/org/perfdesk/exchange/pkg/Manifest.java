package org.perfdesk.exchange.pkg;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.perfdesk.exchange.crypto.Suite;

/**
 * {@code manifest.json}: who sent what to whom, where it stands in the sender's chain, and the path,
 * size and hash of every other entry. Its exact bytes are signed ({@code manifest.sig}). A
 * confidential package ({@code perfdesk-package/2}) also names the encryption and the recipients'
 * key ids; its entries are then the sealed ones, whose real names and contents only the recipients read.
 *
 * <p>The format names the algorithm suite: {@code perfdesk-package/1} and {@code /2} are intl-1 and only
 * intl-1 (entries carry {@code sha256}); {@code perfdesk-package/3} carries {@code suite} (gm-1: entries
 * carry {@code sm3}) and is sealed when it has {@code encryption}.
 */
@JsonPropertyOrder({"format", "suite", "packageId", "kind", "sender", "recipient", "year", "sequence", "previousHash",
    "createdAt", "programVersion", "encryption", "entries"})
public record Manifest(
        String format,
        @JsonInclude(JsonInclude.Include.NON_NULL) String suite,
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
    /** A package of a named suite other than intl-1 (gm-1), in the clear or sealed (package-format.md §11). */
    public static final String FORMAT_SUITED = "perfdesk-package/3";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";

    /** A manifest in the clear. */
    public Manifest(String format, String packageId, PackageKind kind, Party sender, Party recipient, int year,
                    long sequence, String previousHash, String createdAt, String programVersion, List<Entry> entries) {
        this(format, null, packageId, kind, sender, recipient, year, sequence, previousHash, createdAt, programVersion,
                null, entries);
    }

    /** An intl-1 manifest (versions 1 and 2 name no suite). */
    public Manifest(String format, String packageId, PackageKind kind, Party sender, Party recipient, int year,
                    long sequence, String previousHash, String createdAt, String programVersion, Encryption encryption,
                    List<Entry> entries) {
        this(format, null, packageId, kind, sender, recipient, year, sequence, previousHash, createdAt, programVersion,
                encryption, entries);
    }

    /** Whether the payload is sealed. */
    @JsonIgnore
    public boolean sealed() {
        return encryption != null;
    }

    /**
     * The algorithm suite: intl-1 for versions 1 and 2 (and any other format, which the reader refuses on
     * its own), the named one for version 3.
     *
     * @throws PackageException {@code unknown-suite} when version 3 names none this program knows
     */
    @JsonIgnore
    public Suite suiteOf() {
        return suiteOf(format, suite);
    }

    /** The suite of a manifest with this format and suite field (see {@link #suiteOf()}). */
    public static Suite suiteOf(String format, String suite) {
        if (!FORMAT_SUITED.equals(format)) {
            return Suite.INTL;
        }
        if (!Suite.known(suite)) {
            throw new PackageException("unknown-suite", String.valueOf(suite));
        }
        return Suite.of(suite);
    }

    /** The format a manifest of this suite is written in: versions 1 and 2 for intl-1, 3 otherwise. */
    public static String formatFor(Suite suite, boolean sealed) {
        return suite != Suite.INTL ? FORMAT_SUITED : sealed ? FORMAT_SEALED : FORMAT;
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

    /**
     * An entry: its path, size, and hash under the package's suite — {@code sha256} (intl-1) or
     * {@code sm3} (gm-1), never both.
     */
    @JsonPropertyOrder({"path", "size", "sha256", "sm3"})
    public record Entry(String path, long size, @JsonInclude(JsonInclude.Include.NON_NULL) String sha256,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String sm3) {
        /** An intl-1 entry. */
        public Entry(String path, long size, String sha256) {
            this(path, size, sha256, null);
        }

        /** An entry hashed with {@code suite}'s hash (lower-case hex). */
        public static Entry of(Suite suite, String path, long size, String hash) {
            return suite == Suite.GM ? new Entry(path, size, null, hash) : new Entry(path, size, hash, null);
        }

        /** The hash, whichever suite's. */
        @JsonIgnore
        public String hash() {
            return sha256 != null ? sha256 : sm3;
        }

        /** Whether it carries exactly {@code suite}'s hash, 64 lower-case hex digits, and no other. */
        public boolean hashedWith(Suite suite) {
            String mine = suite == Suite.GM ? sm3 : sha256;
            String other = suite == Suite.GM ? sha256 : sm3;
            return other == null && mine != null && mine.matches("[0-9a-f]{64}");
        }

        /** Whether it carries a hash of another suite than {@code suite} (a package mixing suites). */
        public boolean hashedOtherThan(Suite suite) {
            return (suite == Suite.GM ? sha256 : sm3) != null;
        }
    }
}
