package dev.posrecon.core.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** STANs compare as numbers; the usual six digits come back as one shared string per value. */
class NormStanTest {

    @Test
    void leadingZerosGoAndSixDigitValuesAreShared() {
        assertThat(TerminalRecord.normStan("000123")).isEqualTo("123");
        assertThat(TerminalRecord.normStan("000123")).isSameAs(TerminalRecord.normStan("0123"));
        assertThat(TerminalRecord.normStan("000000")).isEqualTo("0");
        assertThat(TerminalRecord.normStan("0")).isEqualTo("0");
        assertThat(TerminalRecord.normStan("999999")).isEqualTo("999999");
    }

    @Test
    void longerPaddedOrNonDigitStansKeepTheOldRule() {
        assertThat(TerminalRecord.normStan("0000000123")).isEqualTo("123");
        assertThat(TerminalRecord.normStan(" 0042 ")).isEqualTo("42");
        assertThat(TerminalRecord.normStan("00A12")).isEqualTo("A12");
        assertThat(TerminalRecord.normStan("")).isNull();
        assertThat(TerminalRecord.normStan("   ")).isNull();
        assertThat(TerminalRecord.normStan(null)).isNull();
    }
}
