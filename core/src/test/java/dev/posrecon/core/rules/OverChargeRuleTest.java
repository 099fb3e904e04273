package dev.posrecon.core.rules;

import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.model.ReceiptKind;
import dev.posrecon.core.model.TxnKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.posrecon.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class OverChargeRuleTest {

    @Test
    void chargedMoreThanReceiptIsOverCharge() {
        var sale = sale("T1", "000201", "120.00", "622202******1234", "10:00:00", "100000000201");
        var rc = receipt("R1", ReceiptKind.SALE, "10:00:10", "100.00", null, null, card("100.00", sale));
        var cases = RuleTestSupport.run(List.of(sale), List.of(settled(sale)), List.of(rc));
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(CaseType.OVER_CHARGE);
            assertThat(c.reason()).isEqualTo("KEYED_HIGH");
            assertThat(c.direction()).isEqualTo(Direction.MERCHANT_OWES_CUSTOMER);
            assertThat(c.amountAtStake()).isEqualTo(cny("20.00"));
        });
    }

    @Test
    void timedOutSaleSettledWhileCustomerPaidCashIsOverCharge() {
        var timeout = txn(TxnKind.SALE, "T1", "000202", "45.00", "622202******1234", "10:00:00", null, null, null);
        var settledLine = settle(TxnKind.SALE, "T1", "000202", "45.00", "622202******1234", "10:00:00",
                "900000000202", "X1", null);
        var rc = receipt("R2", ReceiptKind.SALE, "10:01:00", "45.00", null, null, cash("45.00"));
        var cases = RuleTestSupport.run(List.of(timeout), List.of(settledLine), List.of(rc));
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(CaseType.OVER_CHARGE);
            assertThat(c.reason()).isEqualTo("SETTLED_WITHOUT_APPROVAL");
            assertThat(c.amountAtStake()).isEqualTo(cny("45.00"));
            assertThat(c.matchRule()).isEqualTo("TERMINAL_STAN");
        });
    }
}
