package dev.posrecon.core.model;

import org.junit.jupiter.api.Test;

import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;

/** Small amounts are one instance per currency and value, whatever the order currencies are asked in. */
class MoneySharedTest {

    @Test
    void currenciesAskedInTurnKeepTheirOwnAmounts() {
        Currency cny = Currency.getInstance("CNY");
        Currency jpy = Currency.getInstance("JPY");
        Currency eur = Currency.getInstance("EUR");
        for (int round = 0; round < 3; round++) {
            for (Currency c : new Currency[] {cny, cny, jpy, eur, cny, jpy}) {
                Money m = Money.of(1234, c);
                assertThat(m.minor()).isEqualTo(1234);
                assertThat(m.currency()).isSameAs(c);
                assertThat(Money.of(1234, c)).isSameAs(m);
            }
        }
        assertThat(Money.of(1234, cny)).isNotEqualTo(Money.of(1234, jpy));
        // past the shared range, and negative: equal values, not shared
        assertThat(Money.of(1L << 20, eur)).isEqualTo(Money.of(1L << 20, eur)).isNotSameAs(Money.of(1L << 20, eur));
        assertThat(Money.of(-5, eur).currency()).isSameAs(eur);
    }
}
