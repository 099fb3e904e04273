package dev.posrecon.core.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A card's ending: shared for digits (matching asks for it over and over), as written for anything else. */
class CardsLast4Test {

    @Test
    void digitEndingsAreTheLastFourCharactersAndOneSharedString() {
        assertThat(Cards.last4("622202******1234")).isEqualTo("1234");
        assertThat(Cards.last4("524353******0007")).isEqualTo("0007");
        assertThat(Cards.last4("9999")).isEqualTo("9999");
        assertThat(Cards.last4("622202******1234")).isSameAs(Cards.last4("4000001234"));
    }

    @Test
    void otherEndingsShortCardsAndNothingAreKeptAsTheyAre() {
        assertThat(Cards.last4("622202******12X4")).isEqualTo("12X4");
        assertThat(Cards.last4("4111********")).isEqualTo("****");
        assertThat(Cards.last4("123")).isEqualTo("123");
        assertThat(Cards.last4("")).isNull();
        assertThat(Cards.last4(null)).isNull();
    }

    @Test
    void maskedLast4IsTheEndingOfTheMaskedCard() {
        String[] raws = {"1234", "0007", "12X4", "12-4", " 1234", "123", "", "4111111111111111", "622202******9813",
            ";4111111111111111=2512101", "%B4111111111111111^DOE/J^2512", "4111 1111 1111 1111", "٠١٢٣", null};
        for (String raw : raws) {
            assertThat(Cards.maskedLast4(raw)).as("'%s'", raw).isEqualTo(Cards.last4(Cards.mask(raw)));
        }
        assertThat(Cards.maskedLast4(new String("0042"))).isSameAs(Cards.last4("622202******0042"));
    }
}
