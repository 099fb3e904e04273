package dev.posrecon.core.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A card already masked by the acquirer comes back as it is; anything else is masked as before. */
class CardsMaskTest {

    @Test
    void anAlreadyMaskedCardIsKeptAsTheSameInstance() {
        for (String masked : new String[] {"524353******9813", "524353*****9813", "411111*4111", "411111*********3333"}) {
            assertThat(Cards.isMasked(masked)).as(masked).isTrue();
            assertThat(Cards.mask(masked)).as(masked).isSameAs(masked);
        }
        String padded = " 524353******9813 ";
        assertThat(Cards.mask(padded)).isEqualTo("524353******9813");
    }

    @Test
    void otherFormsAreMaskedAsBefore() {
        assertThat(Cards.isMasked("5243531234569813")).isFalse();
        assertThat(Cards.mask("5243531234569813")).isEqualTo("524353******9813");
        // a star among the first six or last four, or a digit in the middle: not the masked form
        assertThat(Cards.isMasked("52435*******9813")).isFalse();
        assertThat(Cards.isMasked("524353******981*")).isFalse();
        assertThat(Cards.isMasked("524353***1**9813")).isFalse();
        assertThat(Cards.mask("524353***1**9813")).isEqualTo("524353******9813");
        assertThat(Cards.isMasked("5243**9813")).isFalse();
        assertThat(Cards.mask("5243-5312-3456-9813")).isEqualTo("524353******9813");
        assertThat(Cards.mask("%B4111111111111111^DOE/J^2512")).isEqualTo("411111******1111");
        assertThat(Cards.mask("4111111111111111=2512101")).isEqualTo("411111******1111");
        assertThat(Cards.mask("9813")).isEqualTo("9813");
    }
}
