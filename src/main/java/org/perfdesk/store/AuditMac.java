package org.perfdesk.store;

/**
 * A keyed hash for the audit log's check values under another algorithm suite than intl-1's HMAC-SHA256
 * (gm-1: HMAC-SM3, marked {@code g1:}). The store holds no cryptographic library of its own: the
 * implementations live with the suites ({@code exchange/crypto}) and are found through {@link java.util.ServiceLoader}.
 */
public interface AuditMac {
    /** The suite whose hash it is, as the {@code suite_year} table names it ({@code gm-1}). */
    String suite();

    /** How its check values begin: two characters and a colon ({@code g1:}). */
    String prefix();

    /** The keyed hash of {@code data}. */
    byte[] mac(byte[] key, byte[] data);
}
