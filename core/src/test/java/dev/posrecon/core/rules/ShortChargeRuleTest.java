package dev.posrecon.core.rules;

import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.model.ReceiptKind;
import dev.posrecon.core.model.TxnKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.posrecon.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class ShortChargeRuleTest {

    @Test
    void keyedTooLowIsShortChargeOfTheDifference() {
        var sale = sale("T1", "000101", "10.00", "622202******1234", "10:00:00", "100000000101");
        var rc = receipt("R1", ReceiptKind.SALE, "10:00:10", "100.00", null, null, card("100.00", sale));
        var cases = RuleTestSupport.run(List.of(sale), List.of(settled(sale)), List.of(rc));
        assertThat(cases).hasSize(1);
        var c = cases.get(0);
        assertThat(c.type()).isEqualTo(CaseType.SHORT_CHARGE);
        assertThat(c.reason()).isEqualTo("KEYED_LOW");
        assertThat(c.direction()).isEqualTo(Direction.CUSTOMER_OWES_MERCHANT);
        assertThat(c.amountAtStake()).isEqualTo(cny("90.00"));
        assertThat(c.receiptNo()).isEqualTo("R1");
        assertThat(c.stan()).isEqualTo("000101");
        assertThat(c.matchRule()).contains("TERMINAL_RRN").contains("RECEIPT_RRN");
    }

    @Test
    void declinedSwipeWithCardPaidReceiptIsShortCharge() {
        var declined = txn(TxnKind.SALE, "T1", "000102", "55.50", "436742******9876", "11:00:00", "05", null, null);
        var rc = receipt("R2", ReceiptKind.SALE, "11:00:20", "55.50", null, null, card("55.50", declined));
        var cases = RuleTestSupport.run(List.of(declined), List.of(), List.of(rc));
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(CaseType.SHORT_CHARGE);
            assertThat(c.reason()).isEqualTo("DECLINED_BUT_CARD_PAID");
            assertThat(c.amountAtStake()).isEqualTo(cny("55.50"));
        });
    }

    @Test
    void timedOutSwipeWithCardPaidReceiptIsShortCharge() {
        var timeout = txn(TxnKind.SALE, "T1", "000103", "20.00", "436742******9876", "11:10:00", null, null, null);
        var rc = receipt("R3", ReceiptKind.SALE, "11:10:40", "20.00", null, null, card("20.00", timeout));
        var cases = RuleTestSupport.run(List.of(timeout), List.of(), List.of(rc));
        assertThat(cases).singleElement().satisfies(c -> assertThat(c.reason()).isEqualTo("TIMED_OUT_BUT_CARD_PAID"));
    }

    @Test
    void splitTenderCardPlusCashIsNotAShortCharge() {
        var sale = sale("T1", "000104", "60.00", "622202******1234", "12:00:00", "100000000104");
        var rc = receipt("R4", ReceiptKind.SALE, "12:00:09", "100.00", null, null, card("60.00", sale), cash("40.00"));
        var cases = RuleTestSupport.run(List.of(sale), List.of(settled(sale)), List.of(rc));
        assertThat(cases).isEmpty();
    }

    @Test
    void cardReceiptWithNoTerminalRecordIsShortCharge() {
        var rc = receipt("R5", ReceiptKind.SALE, "13:00:00", "30.00", null, null, cardNoRefs("30.00", "1111"));
        var cases = RuleTestSupport.run(List.of(), List.of(), List.of(rc));
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(CaseType.SHORT_CHARGE);
            assertThat(c.reason()).isEqualTo("NO_TERMINAL_RECORD");
        });
    }

    @Test
    void differenceWithinToleranceIsIgnored() {
        var sale = sale("T1", "000105", "99.99", "622202******1234", "10:00:00", "100000000105");
        var rc = receipt("R6", ReceiptKind.SALE, "10:00:10", "100.00", null, null, card("100.00", sale));
        var m = new dev.posrecon.core.match.Matcher(CONFIG).match(List.of(sale), List.of(settled(sale)), List.of(rc));
        var lenient = CONFIG.toBuilder().amountToleranceMinor(1).build();
        assertThat(Rules.run(m, lenient, d -> true).cases()).isEmpty();
        assertThat(Rules.run(m, CONFIG, d -> true).cases()).hasSize(1);
    }
}
