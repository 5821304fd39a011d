package org.perfdesk.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * GB/T 32907-2016 A.2: the standard's block encrypted 1,000,000 times in a row under its key. Only in
 * the proof profile ({@code mvn -Pproof test}, or {@code -Dperfdesk.proof=full}); the single round of A.1
 * runs in every build ({@code GmKnownAnswerTest}), which also checks that gm-1's SM4-GCM runs on this
 * engine class.
 */
@EnabledIfSystemProperty(named = "perfdesk.proof", matches = "full")
class Sm4MillionRoundsTest {
    @Test
    void aMillionRoundsGiveTheStandardsValue() {
        HexFormat hex = HexFormat.of();
        byte[] key = hex.parseHex("0123456789abcdeffedcba9876543210");
        byte[] block = key.clone();
        SM4Engine sm4 = new SM4Engine();
        sm4.init(true, new KeyParameter(key));

        for (int i = 0; i < 1_000_000; i++) {
            sm4.processBlock(block, 0, block, 0);
        }

        assertThat(hex.formatHex(block)).isEqualTo("595298c7c6fd271f0402f804c33d3f66");
    }
}
