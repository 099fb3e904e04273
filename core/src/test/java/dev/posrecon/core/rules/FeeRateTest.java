package dev.posrecon.core.rules;

import dev.posrecon.core.config.FeeRule;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fee worked out in longs is the fee of the decimal sum (amount x rate / 100, rounded half-up), for amounts and
 * rates of every sign and size: the ties, the products past a long, the rates of many decimals or none.
 */
class FeeRateTest {

    @Property(tries = 3000)
    void theFeeInLongsIsTheDecimalFee(@ForAll("amounts") long amount, @ForAll("rates") BigDecimal rate) {
        FeeRule rule = new FeeRule("r", "", "", rate, -1);
        Long expected = decimal(amount, rate);
        if (expected == null) {
            // a fee no long holds fails as the decimal sum fails
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> FeeMismatchRule.expectedFee(amount, rule))
                    .isInstanceOf(ArithmeticException.class);
            return;
        }
        assertThat(FeeMismatchRule.expectedFee(amount, rule)).as("%d x %s%%", amount, rate.toPlainString())
                .isEqualTo(expected);
    }

    @Property(tries = 500)
    void tiesRoundAwayFromZero(@ForAll @LongRange(min = -1_000_000, max = 1_000_000) long half,
                               @ForAll @IntRange(min = 0, max = 3) int scale) {
        // amount x 50% is exactly .5 for odd amounts
        long amount = 2 * half + 1;
        BigDecimal rate = new BigDecimal("50").setScale(scale);
        assertThat(FeeMismatchRule.expectedFee(amount, new FeeRule("r", "", "", rate, -1)))
                .isEqualTo(decimal(amount, rate)).isEqualTo(half + (amount > 0 ? 1 : 0));
    }

    @Test
    void theCapStillApplies() {
        FeeRule capped = new FeeRule("c", "", "", new BigDecimal("0.60"), 500);
        assertThat(FeeMismatchRule.expectedFee(1_000_000, capped)).isEqualTo(500);
        assertThat(FeeMismatchRule.expectedFee(10_000, capped)).isEqualTo(60);
    }

    @Provide
    Arbitrary<Long> amounts() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-10_000_000, 10_000_000),
                Arbitraries.longs(), Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE + 1, 0L, 1L, -1L, 5L, -5L));
    }

    @Provide
    Arbitrary<BigDecimal> rates() {
        Arbitrary<Long> unscaled = Arbitraries.oneOf(Arbitraries.longs().between(-100_000, 100_000),
                Arbitraries.longs(), Arbitraries.of(50L, 5L, 60L, 25L, 1L));
        Arbitrary<Integer> scale = Arbitraries.integers().between(-2, 20);
        return net.jqwik.api.Combinators.combine(unscaled, scale).as(BigDecimal::valueOf);
    }

    private static Long decimal(long amount, BigDecimal rate) {
        BigDecimal fee = BigDecimal.valueOf(amount).multiply(rate).divide(BigDecimal.valueOf(100), 0,
                RoundingMode.HALF_UP);
        try {
            return fee.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
