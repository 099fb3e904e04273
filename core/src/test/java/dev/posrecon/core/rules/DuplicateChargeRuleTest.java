package dev.posrecon.core.rules;

import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.model.TxnKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.posrecon.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class DuplicateChargeRuleTest {

    @Test
    void retryAfterTimeoutWithFailedReversalSettledTwiceIsDuplicate() {
        var first = txn(TxnKind.SALE, "T1", "000401", "66.00", "622202******1234", "10:00:00", null, null, null);
        var rev = cancel(TxnKind.REVERSAL, "T1", "000402", "10:00:45", first, null);
        var retry = sale("T1", "000403", "66.00", "622202******1234", "10:01:10", "100000000403");
        var line1 = settle(TxnKind.SALE, "T1", "000401", "66.00", "622202******1234", "10:00:00", "900000000401",
                "Z9", null);
        var cases = RuleTestSupport.run(List.of(first, rev, retry), List.of(line1, settled(retry)),
                List.of(paidBy("R1", retry)));
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(CaseType.DUPLICATE_CHARGE);
            assertThat(c.reason()).isEqualTo("RETRY_AFTER_REVERSAL");
            assertThat(c.direction()).isEqualTo(Direction.MERCHANT_OWES_CUSTOMER);
            assertThat(c.amountAtStake()).isEqualTo(cny("66.00"));
            assertThat(c.stan()).isEqualTo("000401");
            assertThat(c.receiptNo()).isEqualTo("R1");
        });
    }

    @Test
    void sameSaleSettledTwiceIsDuplicate() {
        var sale = sale("T1", "000404", "12.00", "622202******1234", "10:00:00", "100000000404");
        var cases = RuleTestSupport.run(List.of(sale), List.of(settled(sale), settled(sale)),
                List.of(paidBy("R4", sale)));
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(CaseType.DUPLICATE_CHARGE);
            assertThat(c.reason()).isEqualTo("SETTLED_TWICE");
        });
    }

    @Test
    void retryOutsideTheWindowIsNotADuplicate() {
        var first = txn(TxnKind.SALE, "T1", "000405", "66.00", "622202******1234", "10:00:00", null, null, null);
        var retry = sale("T1", "000406", "66.00", "622202******1234", "11:00:00", "100000000406");
        var line1 = settle(TxnKind.SALE, "T1", "000405", "66.00", "622202******1234", "10:00:00", "9", "Z", null);
        var cases = RuleTestSupport.run(List.of(first, retry), List.of(line1, settled(retry)),
                List.of(paidBy("R5", retry)));
        assertThat(RuleTestSupport.of(cases, CaseType.DUPLICATE_CHARGE)).isEmpty();
        assertThat(RuleTestSupport.of(cases, CaseType.OVER_CHARGE)).hasSize(1);
    }

    @Test
    void theRetryIsTheEarliestQualifyingSaleInTheWindowOnABusyTerminal() {
        var failed = txn(TxnKind.SALE, "T1", "000410", "66.00", "622202******1234", "10:00:00", null, null, null);
        var failedLine = settle(TxnKind.SALE, "T1", "000410", "66.00", "622202******1234", "10:00:00",
                "900000000410", "Z9", null);
        var before = sale("T1", "000409", "66.00", "622202******1234", "09:59:00", "100000000409");
        var otherCard = sale("T1", "000411", "66.00", "622202******9999", "10:00:30", "100000000411");
        var otherAmount = sale("T1", "000412", "65.00", "622202******1234", "10:01:00", "100000000412");
        var retry = sale("T1", "000413", "66.00", "622202******1234", "10:10:00", "100000000413");
        var later = sale("T1", "000414", "66.00", "622202******1234", "10:20:00", "100000000414");
        var otherTerminal = sale("T2", "000415", "66.00", "622202******1234", "10:02:00", "100000000415");
        var sales = List.of(later, otherTerminal, retry, otherAmount, failed, otherCard, before);
        var cases = RuleTestSupport.run(sales,
                List.of(failedLine, settled(before), settled(otherCard), settled(otherAmount), settled(retry),
                        settled(later), settled(otherTerminal)),
                List.of(paidBy("R9", before), paidBy("R11", otherCard), paidBy("R12", otherAmount),
                        paidBy("R13", retry), paidBy("R14", later), paidBy("R15", otherTerminal)));
        assertThat(RuleTestSupport.of(cases, CaseType.DUPLICATE_CHARGE)).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo("RETRY_AFTER_TIMEOUT");
            assertThat(c.stan()).isEqualTo("000410");
            assertThat(c.receiptNo()).isEqualTo("R13");
            assertThat(c.detail()).contains("retried as STAN 000413");
        });
    }
}
