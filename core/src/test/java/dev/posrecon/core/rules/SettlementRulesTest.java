package dev.posrecon.core.rules;

import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.config.FeeRule;
import dev.posrecon.core.model.TxnKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static dev.posrecon.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** UNSETTLED_SALE, MISSING_RECEIPT, UNKNOWN_SETTLEMENT and FEE_MISMATCH. */
class SettlementRulesTest {

    @Test
    void approvedButNeverSettledIsUnsettledSale() {
        var sale = sale("T1", "000601", "35.00", "622202******1234", "10:00:00", "100000000601");
        var cases = RuleTestSupport.run(List.of(sale), List.of(), List.of(paidBy("R1", sale)));
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(CaseType.UNSETTLED_SALE);
            assertThat(c.direction()).isEqualTo(Direction.ACQUIRER_OWES_MERCHANT);
            assertThat(c.amountAtStake()).isEqualTo(cny("35.00"));
        });
    }

    @Test
    void unsettledWithinTheLagIsAnOpenItemNotACase() {
        var sale = sale("T1", "000602", "35.00", "622202******1234", "10:00:00", "100000000602");
        var m = new dev.posrecon.core.match.Matcher(CONFIG).match(List.of(sale), List.of(), List.of(paidBy("R2", sale)));
        var ctx = Rules.run(m, CONFIG, day -> false);
        assertThat(ctx.cases()).isEmpty();
        assertThat(ctx.isOpenItem(m.txns().get(0))).isTrue();
    }

    @Test
    void settledWithoutReceiptIsMissingReceipt() {
        var sale = sale("T1", "000603", "35.00", "622202******1234", "10:00:00", "100000000603");
        var cases = RuleTestSupport.run(List.of(sale), List.of(settled(sale)), List.of());
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(CaseType.MISSING_RECEIPT);
            assertThat(c.direction()).isEqualTo(Direction.NONE);
        });
    }

    @Test
    void settlementWithoutTerminalRecordIsUnknown() {
        var line = settle(TxnKind.SALE, "T1", "000999", "77.00", "622202******5555", "10:00:00", "555", "Q", null);
        var cases = RuleTestSupport.run(List.of(), List.of(line), List.of());
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(CaseType.UNKNOWN_SETTLEMENT);
            assertThat(c.reason()).isEqualTo("NO_TERMINAL_RECORD");
            assertThat(c.direction()).isEqualTo(Direction.MERCHANT_OWES_ACQUIRER);
            assertThat(c.stan()).isEqualTo("000999");
        });
    }

    @Test
    void feeOffTheScheduleIsFeeMismatch() {
        var cfg = CONFIG.toBuilder().feeRule(new FeeRule("standard", "", "", new BigDecimal("0.60"), -1)).build();
        var sale = sale("T1", "000604", "200.00", "622202******1234", "10:00:00", "100000000604");
        var right = settle(TxnKind.SALE, "T1", "000604", "200.00", sale.card(), "10:00:00", sale.rrn(), sale.authCode(),
                "1.20");
        var sale2 = sale("T1", "000605", "200.00", "622202******1234", "11:00:00", "100000000605");
        var wrong = settle(TxnKind.SALE, "T1", "000605", "200.00", sale.card(), "11:00:00", sale2.rrn(),
                sale2.authCode(), "2.40");
        var m = new dev.posrecon.core.match.Matcher(cfg).match(List.of(sale, sale2), List.of(right, wrong),
                List.of(paidBy("R1", sale), paidBy("R2", sale2)));
        var cases = Rules.run(m, cfg, d -> true).cases();
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(CaseType.FEE_MISMATCH);
            assertThat(c.direction()).isEqualTo(Direction.ACQUIRER_OWES_MERCHANT);
            assertThat(c.amountAtStake()).isEqualTo(cny("1.20"));
            assertThat(c.stan()).isEqualTo("000605");
        });
    }

    @Test
    void feeCapApplies() {
        var rule = new FeeRule("debit", "", "", new BigDecimal("0.50"), 2500);
        assertThat(FeeMismatchRule.expectedFee(1_000_000, rule)).isEqualTo(2500);
        assertThat(FeeMismatchRule.expectedFee(10_001, new FeeRule("s", "", "", new BigDecimal("0.60"), -1)))
                .isEqualTo(60);
    }
}
