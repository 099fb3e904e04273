package dev.posrecon.core.fuzz;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PansTest {
    @Test
    void findsOnlyLuhnValidRunsOfThirteenToNineteenDigits() {
        assertThat(Pans.findLuhnPan("card 4111111111111111 ok")).contains("4111111111111111");
        assertThat(Pans.findLuhnPan("x6222020000001234y")).isEmpty(); // fails Luhn
        assertThat(Pans.findLuhnPan("411111******1111")).isEmpty();
        assertThat(Pans.findLuhnPan("41111111111111110")).isEmpty(); // 17 digits, fails Luhn
        assertThat(Pans.findLuhnPan("54111111111111111111")).isEmpty(); // 20 digits: not a PAN
        assertThat(Pans.findLuhnPan("411111111111")).isEmpty(); // 12 digits
        assertThat(Pans.findLuhnPan("a4242424242424242")).contains("4242424242424242");
        assertThat(Pans.findLuhnPan(null)).isEmpty();
    }
}
