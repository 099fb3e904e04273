package dev.posrecon.core.ingest.settlement;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The amounts read without clean-up are exactly those clean-up would give back unchanged, under every profile
 * setting that touches amounts (strip characters, decimal and thousands separators); and the usual amounts of the
 * canonical layout are among them.
 */
class PlainAmountTest {
    private static final String[] DECIMAL = {".", ","};
    private static final String[] THOUSANDS = {null, ",", ".", " ", "'"};
    private static final String[] STRIP = {"", "¥", "$ ", ".", "-", "0", "CNY"};

    @Property(tries = 2000)
    void anAmountReadAsItIsIsOneCleanUpLeavesAlone(@ForAll @IntRange(min = 0, max = 1) int decimal,
                                                   @ForAll @IntRange(min = 0, max = 4) int thousands,
                                                   @ForAll @IntRange(min = 0, max = 6) int strip,
                                                   @ForAll("amounts") String text) {
        Profile p = profile(DECIMAL[decimal], THOUSANDS[thousands], STRIP[strip]);
        if (Cells.plain(p, Cells.plainAmounts(p), text)) {
            assertThat(Cells.clean(p, text)).as("'%s'", text).isEqualTo(text);
        }
    }

    @Test
    void theUsualAmountsAreReadAsTheyAre() {
        Profile canonical = profile(".", null, "");
        for (String a : new String[] {"1592.75", "-20.00", "0.01", "253", "-0"}) {
            assertThat(Cells.plain(canonical, Cells.plainAmounts(canonical), a)).as(a).isTrue();
        }
        for (String a : new String[] {"1,592.75", " 20.00", "+5.00", "(12.00)", "¥3.00"}) {
            assertThat(Cells.plain(profile(".", ",", "¥"), true, a)).as(a).isFalse();
        }
        assertThat(Cells.plainAmounts(profile(",", ".", ""))).isFalse();
        assertThat(Cells.plainAmounts(profile(".", null, "-"))).isFalse();
    }

    @Provide
    Arbitrary<String> amounts() {
        return Arbitraries.strings().withChars("0123456789-.,( )+¥$'C").ofMinLength(1).ofMaxLength(12);
    }

    private static Profile profile(String decimal, String thousands, String strip) {
        Properties props = new Properties();
        props.setProperty("amount.decimal.separator", decimal);
        if (thousands != null) {
            props.setProperty("amount.thousands.separator", thousands);
        }
        props.setProperty("amount.strip.chars", strip);
        props.setProperty("column.amount", "amount");
        props.setProperty("column.txn_time", "txn_time");
        props.setProperty("amount.sign", "signed");
        props.setProperty("column.terminal_id", "terminal_id");
        return Profile.of("test", "test", props);
    }
}
