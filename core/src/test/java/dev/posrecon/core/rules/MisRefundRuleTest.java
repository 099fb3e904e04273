package dev.posrecon.core.rules;

import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.model.ReceiptKind;
import dev.posrecon.core.model.TxnKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.posrecon.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class MisRefundRuleTest {
    private static final String CARD_A = "622202******1234";
    private static final String CARD_B = "436742******9876";

    private static dev.posrecon.core.model.TerminalRecord refund(String stan, String amount, String card, String time) {
        return txn(TxnKind.REFUND, "T1", stan, amount, card, time, "00", "2000000" + stan, "R" + stan);
    }

    @Test
    void properRefundIsNoCase() {
        var sale = sale("T1", "000501", "80.00", CARD_A, "09:00:00", "100000000501");
        var ref = refund("000502", "80.00", CARD_A, "15:00:00");
        var ret = receipt("RT1", ReceiptKind.RETURN, "15:00:05", "80.00", "S1", null, card("80.00", ref));
        var cases = RuleTestSupport.run(List.of(sale, ref), List.of(settled(sale), settled(ref)),
                List.of(paidBy("S1", sale), ret));
        assertThat(cases).isEmpty();
    }

    @Test
    void refundWithNoReturnOnJournal() {
        var ref = refund("000503", "40.00", CARD_A, "15:00:00");
        var cases = RuleTestSupport.run(List.of(ref), List.of(settled(ref)), List.of());
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(CaseType.MIS_REFUND);
            assertThat(c.reason()).isEqualTo("NO_RETURN_ON_JOURNAL");
            assertThat(c.direction()).isEqualTo(Direction.CUSTOMER_OWES_MERCHANT);
            assertThat(c.amountAtStake()).isEqualTo(cny("40.00"));
        });
    }

    @Test
    void refundToAnotherCard() {
        var sale = sale("T1", "000504", "80.00", CARD_A, "09:00:00", "100000000504");
        var ref = refund("000505", "80.00", CARD_B, "15:00:00");
        var ret = receipt("RT2", ReceiptKind.RETURN, "15:00:05", "80.00", "S2", null, card("80.00", ref));
        var cases = RuleTestSupport.run(List.of(sale, ref), List.of(settled(sale), settled(ref)),
                List.of(paidBy("S2", sale), ret));
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo("OTHER_CARD");
            assertThat(c.amountAtStake()).isEqualTo(cny("80.00"));
            assertThat(c.card()).isEqualTo(CARD_B);
        });
    }

    @Test
    void refundLargerThanOriginalPutsTheExcessAtStake() {
        var sale = sale("T1", "000506", "50.00", CARD_A, "09:00:00", "100000000506");
        var ref = refund("000507", "500.00", CARD_A, "15:00:00");
        var ret = receipt("RT3", ReceiptKind.RETURN, "15:00:05", "500.00", "S3", null, card("500.00", ref));
        var cases = RuleTestSupport.run(List.of(sale, ref), List.of(settled(sale), settled(ref)),
                List.of(paidBy("S3", sale), ret));
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo("LARGER_THAN_ORIGINAL");
            assertThat(c.amountAtStake()).isEqualTo(cny("450.00"));
        });
    }

    @Test
    void repeatedRefundWithoutItsOwnReturn() {
        var sale = sale("T1", "000508", "30.00", CARD_A, "09:00:00", "100000000508");
        var ref1 = refund("000509", "30.00", CARD_A, "15:00:00");
        var ref2 = refund("000510", "30.00", CARD_A, "15:01:00");
        var ret = receipt("RT4", ReceiptKind.RETURN, "15:00:05", "30.00", "S4", null, card("30.00", ref1));
        var cases = RuleTestSupport.run(List.of(sale, ref1, ref2),
                List.of(settled(sale), settled(ref1), settled(ref2)), List.of(paidBy("S4", sale), ret));
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo("REPEATED");
            assertThat(c.stan()).isEqualTo("000510");
            assertThat(c.amountAtStake()).isEqualTo(cny("30.00"));
        });
    }

    @Test
    void returnNamingNoKnownSale() {
        var ref = refund("000511", "25.00", CARD_A, "15:00:00");
        var ret = receipt("RT5", ReceiptKind.RETURN, "15:00:05", "25.00", "NOPE", null, card("25.00", ref));
        var cases = RuleTestSupport.run(List.of(ref), List.of(settled(ref)), List.of(ret));
        assertThat(cases).singleElement().satisfies(c -> assertThat(c.reason()).isEqualTo("NO_ORIGINAL_SALE"));
    }
}
