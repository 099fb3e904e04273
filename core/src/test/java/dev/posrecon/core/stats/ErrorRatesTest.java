package dev.posrecon.core.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ErrorRatesTest {

    @Test
    void binomialTailsAgreeWithExactValues() {
        assertThat(Binomial.upperTail(10, 5, 0.5)).isCloseTo(0.623046875, within(1e-12));
        assertThat(Binomial.upperTail(20, 15, 0.5)).isCloseTo(0.020694732666015625, within(1e-12));
        // 1 - pbinom(9, 100, 0.05)
        assertThat(Binomial.upperTail(100, 10, 0.05)).isCloseTo(0.02818829, within(1e-8));
        assertThat(Binomial.upperTail(1000, 1, 0.001)).isCloseTo(1 - Math.pow(0.999, 1000), within(1e-12));
        assertThat(Binomial.upperTail(50, 0, 0.3)).isEqualTo(1.0);
        assertThat(Binomial.upperTail(50, 3, 0.0)).isEqualTo(0.0);
        // a big unit far in the tail: no overflow, no NaN
        assertThat(Binomial.upperTail(1_000_000, 2_000, 0.001)).isBetween(0.0, 1e-100);
    }

    @Test
    void perMilleRoundsHalfUpInIntegers() {
        assertThat(ErrorRates.perMille(7, 41)).isEqualTo("170.7");
        assertThat(ErrorRates.perMille(1, 2000)).isEqualTo("0.5");
        assertThat(ErrorRates.perMille(0, 17)).isEqualTo("0.0");
        assertThat(ErrorRates.perMille(3, 0)).isEqualTo("-");
    }

    /** Eight ordinary cashiers at ~1.5% and one at ~17%: the one is flagged, with its cases by type and money. */
    @Test
    void flagsTheUnitFarAboveTheRestOnly() {
        ErrorRateCounter c = new ErrorRateCounter();
        for (int i = 1; i <= 8; i++) {
            c.transactions(Unit.CASHIER, "C0" + i, 60);
        }
        c.transactions(Unit.CASHIER, "C09", 40);
        c.addCase("SHORT_CHARGE", 100, "CNY", "T1", "C01", "R1", "S1");
        c.addCase("SHORT_CHARGE", 100, "CNY", "T1", "C02", "R1", "S1");
        c.addCase("OVER_CHARGE", 100, "CNY", "T1", "C03", "R1", "S1");
        c.addCase("OVER_CHARGE", 100, "CNY", "T1", "C04", "R1", "S1");
        c.addCase("OVER_CHARGE", 100, "CNY", "T2", "C05", "R1", "S1");
        c.addCase("OVER_CHARGE", 100, "CNY", "T2", "C06", "R1", "S1");
        c.addCase("OVER_CHARGE", 100, "CNY", "T2", "C07", "R1", "S1");
        for (int i = 0; i < 7; i++) {
            c.addCase(i < 4 ? "SHORT_CHARGE" : "MIS_REFUND", 1_000, "CNY", "T" + (i % 2 + 1), "C09", "R2", "S1");
        }
        c.addCase("UNKNOWN_SETTLEMENT", 5, "CNY", "T2", null, null, null);
        ErrorRates r = c.result();
        assertThat(r.flagged()).extracting(ErrorRates.UnitRate::id).containsExactly("C09");
        ErrorRates.UnitRate c09 = r.flagged().get(0);
        assertThat(c09.transactions()).isEqualTo(40);
        assertThat(c09.cases()).isEqualTo(7);
        assertThat(c09.rate()).isEqualTo("175.0");
        assertThat(c09.types()).isEqualTo("MIS_REFUND 3, SHORT_CHARGE 4");
        assertThat(c09.atStake()).isEqualTo("70.00 CNY");
        assertThat(c09.pValue()).isLessThan(0.05 / 9);
        assertThat(r.group(Unit.CASHIER).unattributed()).isEqualTo(1);
        assertThat(r.group(Unit.CASHIER).cases()).isEqualTo(14);
        assertThat(r.group(Unit.CASHIER).transactions()).isEqualTo(520);
        // terminals with no transactions counted are listed but never tested
        assertThat(r.group(Unit.TERMINAL).units()).allMatch(u -> !u.flagged() && u.pValue() == 1.0);
    }

    @Test
    void twoCasesProveNothingHoweverSmallTheUnit() {
        ErrorRateCounter c = new ErrorRateCounter();
        c.transactions(Unit.TERMINAL, "T1", 2);
        c.transactions(Unit.TERMINAL, "T2", 10_000);
        c.addCase("SHORT_CHARGE", 1, "CNY", "T1");
        c.addCase("SHORT_CHARGE", 1, "CNY", "T1");
        c.addCase("SHORT_CHARGE", 1, "CNY", "T2");
        ErrorRates.UnitRate t1 = c.result().group(Unit.TERMINAL).units().get(0);
        assertThat(t1.pValue()).isLessThan(0.001);
        assertThat(t1.flagged()).isFalse();
    }

    /** p below 0.05 but not below 0.05 / 10: with ten units, one that high happens by chance on an ordinary day. */
    @Test
    void theBonferroniBoundKeepsAnOrdinaryOutlierUnflagged() {
        ErrorRateCounter c = new ErrorRateCounter();
        for (int i = 0; i < 10; i++) {
            c.transactions(Unit.REGISTER, "R" + i, 100);
        }
        for (int i = 0; i < 9; i++) {
            c.addCase("OVER_CHARGE", 1, "CNY", null, null, "R" + i);
        }
        for (int i = 0; i < 4; i++) {
            c.addCase("OVER_CHARGE", 1, "CNY", null, null, "R9");
        }
        ErrorRates.UnitRate r9 = c.result().group(Unit.REGISTER).units().get(9);
        assertThat(r9.id()).isEqualTo("R9");
        assertThat(r9.pValue()).isBetween(0.05 / 10, 0.05);
        assertThat(r9.flagged()).isFalse();
    }
}
