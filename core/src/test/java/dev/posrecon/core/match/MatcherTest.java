package dev.posrecon.core.match;

import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.model.ReceiptKind;
import dev.posrecon.core.model.TxnKind;
import dev.posrecon.core.rules.Rules;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static dev.posrecon.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class MatcherTest {

    @Test
    void linksByStrongestKeyAndNamesTheRule() {
        var sale = sale("T1", "000001", "10.00", "622202******1234", "10:00:00", "100000000001");
        var byStan = settle(TxnKind.SALE, "T1", "1", "10.00", null, "10:00:00", null, null, null);
        var m = new Matcher(CONFIG).match(List.of(sale), List.of(byStan), List.of());
        assertThat(m.txnOf(byStan)).isSameAs(m.txns().get(0));
        assertThat(m.ruleOf(byStan)).isEqualTo("TERMINAL_STAN");
    }

    @Test
    void fallbackMatchIsNamedInTheEvidence() {
        var sale = sale("T1", "000002", "10.00", "622202******1234", "10:00:00", "100000000002");
        var noRefs = settle(TxnKind.SALE, "T1", null, "10.00", "622202******1234", "10:03:00", null, null, null);
        var m = new Matcher(CONFIG).match(List.of(sale), List.of(noRefs), List.of());
        assertThat(m.ruleOf(noRefs)).isEqualTo("FALLBACK_AMOUNT_CARD_TIME");
    }

    @Test
    void fallbackWithTwoEqualCandidatesIsAmbiguousNotAGuess() {
        var a = sale("T1", "000003", "10.00", "622202******1234", "10:00:00", "100000000003");
        var b = sale("T1", "000004", "10.00", "622202******1234", "10:02:00", "100000000004");
        var line = settle(TxnKind.SALE, "T1", null, "10.00", "622202******1234", "10:01:00", null, null, null);
        var m = new Matcher(CONFIG).match(List.of(a, b), List.of(line), List.of());
        assertThat(m.txnOf(line)).isNull();
        assertThat(m.ambiguousCandidates(line)).hasSize(2);
        var cases = Rules.run(m, CONFIG, d -> true).cases();
        assertThat(cases).filteredOn(c -> c.type() == CaseType.UNKNOWN_SETTLEMENT)
                .singleElement().satisfies(c -> {
                    assertThat(c.ambiguous()).isTrue();
                    assertThat(c.reason()).isEqualTo("AMBIGUOUS_MATCH");
                });
    }

    @Test
    void receiptFallbackByAmountCardAndTime() {
        var sale = sale("T1", "000005", "42.00", "622202******1234", "10:00:00", "100000000005");
        var rc = receipt("R1", ReceiptKind.SALE, "10:00:30", "42.00", null, null, cardNoRefs("42.00", "1234"));
        var m = new Matcher(CONFIG).match(List.of(sale), List.of(settled(sale)), List.of(rc));
        assertThat(m.txnOf(m.cardTenders().get(0))).isSameAs(m.txns().get(0));
        assertThat(m.ruleOf(m.cardTenders().get(0))).isEqualTo("FALLBACK_AMOUNT_CARD_TIME");
    }

    @Test
    void inputOrderNeverChangesTheCases() {
        List<dev.posrecon.core.model.TerminalRecord> t = new ArrayList<>();
        List<dev.posrecon.core.model.SettlementRecord> s = new ArrayList<>();
        List<dev.posrecon.core.model.Receipt> r = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String stan = String.format("%06d", 700 + i);
            var sale = sale("T" + (i % 3), stan, (10 + i) + ".00", "622202******12" + (10 + i % 7),
                    String.format("10:%02d:00", i), "1000007" + stan);
            t.add(sale);
            if (i % 5 != 0) {
                s.add(settled(sale));
            }
            if (i % 7 != 0) {
                r.add(paidBy("R" + i, sale));
            }
        }
        // two identical-looking fallbacks to exercise tie-breaking
        s.add(settle(TxnKind.SALE, "T0", null, "10.00", "622202******1210", "10:00:30", null, null, null));
        var expected = Rules.finish(Rules.run(new Matcher(CONFIG).match(t, s, r), CONFIG, d -> true).cases());
        Random rnd = new Random(7);
        for (int k = 0; k < 5; k++) {
            Collections.shuffle(t, rnd);
            Collections.shuffle(s, rnd);
            Collections.shuffle(r, rnd);
            var again = Rules.finish(Rules.run(new Matcher(CONFIG).match(t, s, r), CONFIG, d -> true).cases());
            assertThat(again).extracting(c -> c.caseId() + c.type() + c.amountAtStake() + c.reason())
                    .containsExactlyElementsOf(expected.stream()
                            .map(c -> c.caseId() + c.type() + c.amountAtStake() + c.reason()).toList());
        }
        assertThat(expected).isNotEmpty();
    }

    @Test
    void walletQrTenderIsReconciledLikeACardTender() {
        var sale = sale("T1", "000009", "18.50", null, "10:00:00", "4200000263201902167700134212");
        var qr = new dev.posrecon.core.model.Tender(new dev.posrecon.core.model.SourceRef("journal.csv", 99),
                dev.posrecon.core.model.TenderType.QR, cny("18.50"), "T1", null, "4200000263201902167700134212", null,
                null);
        var rc = receipt("R9", ReceiptKind.SALE, "10:00:05", "18.50", null, null, qr);
        var m = new Matcher(CONFIG).match(List.of(sale), List.of(settled(sale)), List.of(rc));
        assertThat(m.txnOf(m.cardTenders().get(0))).isSameAs(m.txns().get(0));
        assertThat(Rules.run(m, CONFIG, d -> true).cases()).as("a QR-paid sale is not a MISSING_RECEIPT").isEmpty();
    }
}
