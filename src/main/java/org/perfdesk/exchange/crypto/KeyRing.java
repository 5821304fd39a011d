package org.perfdesk.exchange.crypto;

import java.security.KeyPair;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The encryption key pairs a workspace can decrypt with, by key id: its current encryption key and the
 * ones it had before each rotation, of every suite it holds keys of (intl-1 X25519, gm-1 SM2), so
 * packages sealed for an old key, or under the suite of an earlier year, stay readable.
 */
public record KeyRing(Map<String, KeyPair> pairs) {
    public static final KeyRing EMPTY = new KeyRing(Map.of());

    public KeyRing {
        pairs = Collections.unmodifiableMap(new LinkedHashMap<>(pairs));
    }

    public static KeyRing of(KeyPair... keys) {
        Map<String, KeyPair> m = new LinkedHashMap<>();
        for (KeyPair k : keys) {
            m.put(Suite.ofKey(k.getPublic()).keyId(k.getPublic()), k);
        }
        return new KeyRing(m);
    }

    /** The pair with that key id, or null. */
    public KeyPair find(String keyId) {
        return pairs.get(keyId);
    }

    /** The pair with that key id of that suite, or null: a key of one suite never opens another's package. */
    public KeyPair find(Suite suite, String keyId) {
        KeyPair pair = pairs.get(keyId);
        return pair != null && Suite.ofKey(pair.getPublic()) == suite ? pair : null;
    }

    /** The same ring with another's pairs added (a workspace's keys of every suite in one ring). */
    public KeyRing with(KeyRing other) {
        Map<String, KeyPair> m = new LinkedHashMap<>(pairs);
        other.pairs.forEach(m::putIfAbsent);
        return new KeyRing(m);
    }

    public Set<String> keyIds() {
        return pairs.keySet();
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }
}
