package dev.posrecon.core.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The BigDecimal-free path of {@link Money#parseMinor} gives what the exact path gives, and leaves it the rest. */
class MoneyParseFastPathTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency KWD = Currency.getInstance("KWD");

    private static long exact(String s, Currency c) {
        String t = s.trim();
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        return new BigDecimal(t).movePointRight(Math.max(0, c.getDefaultFractionDigits())).stripTrailingZeros()
                .longValueExact();
    }

    @Test
    void agreesWithTheExactPath() {
        for (Currency c : new Currency[]{CNY, JPY, KWD}) {
            for (String s : new String[]{"0", "-0", "1", "100.00", "115.2", "115.20", "-200.00", "0.05", "007.50",
                    "1.000", " 12.30 ", "+5.5", "99999999999999", "1.", ".5", "1e3", "12345678901234567.1"}) {
                long want;
                try {
                    want = exact(s, c);
                } catch (RuntimeException e) {
                    assertThatThrownBy(() -> Money.parseMinor(s, c)).isInstanceOf(e.getClass());
                    continue;
                }
                assertThat(Money.parseMinor(s, c)).as("%s in %s", s, c).isEqualTo(want);
            }
        }
    }

    @Test
    void tooManyDecimalsStillFails() {
        assertThatThrownBy(() -> Money.parseMinor("1.005", CNY)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.parseMinor("1.5", JPY)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.parseMinor("abc", CNY)).isInstanceOf(NumberFormatException.class);
    }
}
