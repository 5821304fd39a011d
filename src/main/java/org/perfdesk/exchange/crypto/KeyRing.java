package org.perfdesk.exchange.crypto;

import java.security.KeyPair;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The X25519 key pairs a workspace can decrypt with, by key id: its current encryption key and the
 * ones it had before each rotation, so packages sealed for an old key stay readable.
 */
public record KeyRing(Map<String, KeyPair> pairs) {
    public static final KeyRing EMPTY = new KeyRing(Map.of());

    public KeyRing {
        pairs = Collections.unmodifiableMap(new LinkedHashMap<>(pairs));
    }

    public static KeyRing of(KeyPair... keys) {
        Map<String, KeyPair> m = new LinkedHashMap<>();
        for (KeyPair k : keys) {
            m.put(X25519.keyId(k.getPublic()), k);
        }
        return new KeyRing(m);
    }

    /** The pair with that key id, or null. */
    public KeyPair find(String keyId) {
        return pairs.get(keyId);
    }

    public Set<String> keyIds() {
        return pairs.keySet();
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }
}
