package org.perfdesk.exchange.crypto;

import org.perfdesk.store.AuditMac;

/** The audit log's keyed hash under gm-1: HMAC-SM3, check values marked {@code g1:} (found by the store through ServiceLoader). */
public final class Sm3AuditMac implements AuditMac {
    @Override
    public String suite() {
        return Suite.GM.id();
    }

    @Override
    public String prefix() {
        return "g1:";
    }

    @Override
    public byte[] mac(byte[] key, byte[] data) {
        return Suite.GM.hmac(key, data);
    }
}
