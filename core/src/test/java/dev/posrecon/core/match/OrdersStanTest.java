package dev.posrecon.core.match;

import dev.posrecon.core.model.TerminalRecord;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;

/** The allocation-free STAN order sorts exactly as comparing the normalised STANs by length, then text. */
class OrdersStanTest {
    private static final Comparator<String> REFERENCE = Comparator.nullsFirst(
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));

    @Test
    void sameOrderAsNormalisedStans() {
        String[] stans = {null, "", " ", "0", "000", "000001", "1", " 12 ", "012", "9", "10", "000010", "999999",
                "1000000", "00a1", "a", "0000000000123", "123"};
        for (String a : stans) {
            for (String b : stans) {
                int expected = Integer.signum(REFERENCE.compare(TerminalRecord.normStan(a), TerminalRecord.normStan(b)));
                assertThat(Integer.signum(Orders.compareStans(a, b))).as("%s vs %s", a, b).isEqualTo(expected);
            }
        }
        String[] sorted = Arrays.copyOf(stans, stans.length);
        Arrays.sort(sorted, Orders::compareStans);
        for (int i = 1; i < sorted.length; i++) {
            assertThat(REFERENCE.compare(TerminalRecord.normStan(sorted[i - 1]), TerminalRecord.normStan(sorted[i])))
                    .isLessThanOrEqualTo(0);
        }
    }
}
