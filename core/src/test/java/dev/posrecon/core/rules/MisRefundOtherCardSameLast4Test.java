package dev.posrecon.core.rules;

import dev.posrecon.core.model.ReceiptKind;
import dev.posrecon.core.model.TerminalRecord;
import dev.posrecon.core.model.TxnKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.posrecon.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression: a refund to another card whose ending happens to equal the sale card's (621700...2516 sold,
 * 524353...2516 refunded — found on the 1M-transaction bench day) was taken for the same card, and the
 * OTHER_CARD case was lost. Cards that show their issuer prefix are compared on it too.
 */
class MisRefundOtherCardSameLast4Test {
    private static final String SALE_CARD = "621700*********2516";
    private static final String REFUND_CARD = "524353******2516";

    private static TerminalRecord refund(String stan, String amount, String card) {
        return txn(TxnKind.REFUND, "T1", stan, amount, card, "09:07:04", "00", "2000000" + stan, "R" + stan);
    }

    @Test
    void refundToAnotherCardWithTheSameEndingIsOtherCard() {
        var sale = sale("T1", "000313", "672.60", SALE_CARD, "09:06:13", "100000000313");
        var ref = refund("000314", "341.19", REFUND_CARD);
        var ret = receipt("RT1", ReceiptKind.RETURN, "09:07:10", "341.19", "S1", null, card("341.19", ref));
        var cases = RuleTestSupport.run(List.of(sale, ref), List.of(settled(sale), settled(ref)),
                List.of(paidBy("S1", sale), ret));
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo("OTHER_CARD");
            assertThat(c.stan()).isEqualTo("000314");
            assertThat(c.card()).isEqualTo(REFUND_CARD);
            assertThat(c.amountAtStake()).isEqualTo(cny("341.19"));
        });
    }

    @Test
    void sameCardIsNoCase() {
        var sale = sale("T1", "000313", "672.60", SALE_CARD, "09:06:13", "100000000313");
        var ref = refund("000314", "341.19", SALE_CARD);
        var ret = receipt("RT1", ReceiptKind.RETURN, "09:07:10", "341.19", "S1", null, card("341.19", ref));
        var cases = RuleTestSupport.run(List.of(sale, ref), List.of(settled(sale), settled(ref)),
                List.of(paidBy("S1", sale), ret));
        assertThat(cases).isEmpty();
    }

    @Test
    void onlyAnEndingKnownCountsAsTheSameCard() {
        assertThat(MisRefundRule.otherCard("2516", SALE_CARD)).isFalse();
        assertThat(MisRefundRule.otherCard(REFUND_CARD, SALE_CARD)).isTrue();
        assertThat(MisRefundRule.otherCard("524353******1111", REFUND_CARD)).isTrue();
    }
}
