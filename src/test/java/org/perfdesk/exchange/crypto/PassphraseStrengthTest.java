package org.perfdesk.exchange.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PassphraseStrengthTest {
    @Test
    void theHintFollowsWhatAGuesserWouldTryFirst() {
        assertThat(PassphraseStrength.of("abc123")).isEqualTo(PassphraseStrength.TOO_SHORT);
        assertThat(PassphraseStrength.of("12345678")).isEqualTo(PassphraseStrength.WEAK);
        assertThat(PassphraseStrength.of("87654321")).isEqualTo(PassphraseStrength.WEAK);
        assertThat(PassphraseStrength.of("aaaaaaaaaaaa")).isEqualTo(PassphraseStrength.WEAK);
        assertThat(PassphraseStrength.of("Password")).isEqualTo(PassphraseStrength.WEAK);
        assertThat(PassphraseStrength.of("shuili2008")).isEqualTo(PassphraseStrength.FAIR);
        assertThat(PassphraseStrength.of("Shuili-2008-fangxun")).isEqualTo(PassphraseStrength.STRONG);
        assertThat(PassphraseStrength.of("水利厅防汛抗旱二〇〇八")).isEqualTo(PassphraseStrength.STRONG);
        assertThat(PassphraseStrength.of(null)).isEqualTo(PassphraseStrength.TOO_SHORT);
    }
}
