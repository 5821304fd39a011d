package org.perfdesk.exchange.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A public key's SubjectPublicKeyInfo DER in PEM ({@code -----BEGIN PUBLIC KEY-----}, RFC 7468), 64 columns. */
final class Pem {
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private Pem() {
    }

    static String publicKey(byte[] spki) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(spki);
        return BEGIN + "\n" + b64 + "\n" + END + "\n";
    }

    /** @throws IllegalArgumentException when the text is not one PEM public key */
    static byte[] publicKeyDer(String pem) {
        String s = pem == null ? "" : pem.strip();
        if (!s.startsWith(BEGIN) || !s.endsWith(END)) {
            throw new IllegalArgumentException("not a PEM public key");
        }
        return Base64.getDecoder().decode(s.substring(BEGIN.length(), s.length() - END.length()).replaceAll("\\s", ""));
    }
}
