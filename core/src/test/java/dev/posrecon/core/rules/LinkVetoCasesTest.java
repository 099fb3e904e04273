package dev.posrecon.core.rules;

import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Evidence;
import dev.posrecon.core.model.Source;
import dev.posrecon.core.model.TxnKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.posrecon.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The link veto as a case shows it: what a weak key would have linked, refused, and said in match_note. */
class LinkVetoCasesTest {

    @Test
    void anUnknownLineWithTheStanOfASettledSaleIsUnknownNotASecondSettlement() {
        var sale = sale("T1", "000501", "35.00", "622202******1234", "10:00:00", "100000000501");
        // the acquirer's line: STAN 501 again, but its own RRN, auth code, card and amount
        var unknown = settle(TxnKind.SALE, "T1", "000501", "88.10", "404119******7056", "15:42:00", "100000009999",
                "ZZ9", null);
        var cases = RuleTestSupport.run(List.of(sale), List.of(settled(sale), unknown), List.of(paidBy("R1", sale)));

        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(CaseType.UNKNOWN_SETTLEMENT);
            assertThat(c.amountAtStake()).isEqualTo(cny("88.10"));
            Evidence line = c.evidence().stream().filter(e -> e.source() == Source.SETTLEMENT).findFirst()
                    .orElseThrow();
            assertThat(line.fields().get("match_note")).isEqualTo("terminal+STAN 000501 also names sale "
                    + sale.ref() + ", but RRN/auth code/card/amount differ");
        });
    }

    @Test
    void aReceiptSlipWhoseCardDiffersIsNotLinkedByItsStan() {
        var sale = sale("T1", "000502", "20.00", "622202******1234", "10:00:00", null);
        // a slip printed STAN 502 and card 7056 at 16:00, and the terminal log has no such swipe: the sale that
        // has STAN 502 is another card, hours earlier, and already paid by its own receipt
        var tender = new dev.posrecon.core.model.Tender(new dev.posrecon.core.model.SourceRef("journal.csv", 900),
                dev.posrecon.core.model.TenderType.CARD, cny("20.00"), "T1", "000502", null, null, "7056");
        var slip = receipt("R9", dev.posrecon.core.model.ReceiptKind.SALE, "16:00:20", "20.00", null, null, tender);
        var cases = RuleTestSupport.run(List.of(sale), List.of(settled(sale)), List.of(paidBy("R1", sale), slip));

        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(CaseType.SHORT_CHARGE);
            assertThat(c.reason()).isEqualTo("NO_TERMINAL_RECORD");
            assertThat(c.receiptNo()).isEqualTo("R9");
            Evidence receipt = c.evidence().stream().filter(e -> e.source() == Source.JOURNAL).findFirst()
                    .orElseThrow();
            assertThat(receipt.fields().get("match_note")).isEqualTo("receipt terminal+STAN 000502 also names sale "
                    + sale.ref() + ", but card differs");
        });
    }
}
