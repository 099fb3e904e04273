package dev.posrecon.core.model;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Masking a PAN from bytes gives what masking its text gives, and declines whatever is not a bare PAN. */
class CardsMaskDigitsTest {

    @Property(tries = 2000)
    void fromBytesAsFromText(@ForAll("cards") String text) {
        byte[] b = ("<" + text + ">").getBytes(StandardCharsets.UTF_8);
        String masked = Cards.maskDigits(b, 1, b.length - 1);
        boolean barePan = text.length() >= 11 && text.length() <= 19 && text.chars().allMatch(c -> c >= '0' && c <= '9');
        if (barePan) {
            assertThat(masked).isEqualTo(Cards.mask(text));
            assertThat(masked.substring(6, masked.length() - 4)).matches("\\*+");
        } else {
            assertThat(masked).as("'%s'", text).isNull();
        }
    }

    @Provide
    Arbitrary<String> cards() {
        return Arbitraries.oneOf(Arbitraries.strings().numeric().ofMinLength(8).ofMaxLength(22),
                Arbitraries.strings().withChars("0123456789 *=-D^%B;٣").ofMinLength(0).ofMaxLength(22));
    }
}
