package dev.posrecon.core.match;

import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.ReceiptKind;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.TerminalRecord;
import dev.posrecon.core.model.TxnKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static dev.posrecon.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links are kept by position in the match's sorted lists (and on each tender), not in identity maps: the look-ups
 * by record must find the very record, whatever order the inputs came in, and nothing for a record the match does
 * not hold, even one equal to it field by field.
 */
class MatchResultLookupTest {

    @Test
    void eachSettlementLineAndReceiptIsFoundByItselfInAnyInputOrder() {
        List<TerminalRecord> sales = new ArrayList<>();
        List<SettlementRecord> lines = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // three terminals, times that repeat: the sorted lists interleave the input order
            String tid = "T" + (i % 3);
            String time = String.format("10:%02d:00", i % 7);
            var s = sale(tid, String.format("%06d", i + 1), (10 + i) + ".00", "622202******" + (1000 + i), time,
                    String.format("%012d", 500 + i));
            sales.add(s);
            lines.add(settled(s));
            // every third receipt also paid part in cash, after the card
            receipts.add(i % 3 == 0
                    ? receipt("R" + i, ReceiptKind.SALE, time, (11 + i) + ".00", null, null,
                    card((10 + i) + ".00", s), cash("1.00"))
                    : paidBy("R" + i, s));
        }
        Random rnd = new Random(7);
        for (int round = 0; round < 3; round++) {
            Collections.shuffle(sales, rnd);
            Collections.shuffle(lines, rnd);
            Collections.shuffle(receipts, rnd);
            var m = new Matcher(CONFIG).match(sales, lines, receipts);
            for (SettlementRecord line : lines) {
                Txn t = m.txnOf(line);
                assertThat(t).as("line %s", line.ref()).isNotNull();
                assertThat(t.record().rrn()).isEqualTo(line.rrn());
                assertThat(m.ruleOf(line)).isEqualTo("TERMINAL_RRN");
                assertThat(m.txnOfSettlement(m.settlements().indexOf(line))).isSameAs(t);
            }
            for (Receipt r : receipts) {
                var tenders = m.cardTenders(r);
                assertThat(tenders).as("receipt %s", r.receiptNo()).hasSize(1);
                assertThat(tenders.get(0).receipt()).isSameAs(r);
                assertThat(tenders.get(0).tender()).isSameAs(r.tenders().get(0));
                assertThat(m.txnOf(tenders.get(0)).record().rrn()).isEqualTo(r.tenders().get(0).rrn());
                assertThat(m.cardTenders(m.receipts().indexOf(r))).isEqualTo(tenders);
            }
            assertThat(m.unlinkedSettlements()).isEmpty();
        }
    }

    @Test
    void aRecordTheMatchDoesNotHoldFindsNothingEvenWhenEqualToOneItHolds() {
        var s = sale("T1", "000001", "10.00", "622202******1234", "10:00:00", "100000000001");
        var line = settled(s);
        var rc = paidBy("R1", s);
        var m = new Matcher(CONFIG).match(List.of(s), List.of(line), List.of(rc));
        var lineCopy = new SettlementRecord(line.ref(), line.merchantId(), line.terminalId(), line.txnTime(),
                line.settleDate(), line.type(), line.amount(), line.fee(), line.net(), line.card(), line.authCode(),
                line.rrn(), line.stan(), line.batch());
        var rcCopy = new Receipt(rc.ref(), rc.receiptNo(), rc.storeId(), rc.registerId(), rc.cashierId(), rc.time(),
                rc.kind(), rc.total(), rc.tenders(), rc.originalReceiptNo(), rc.memberId(), rc.customerPhone(),
                rc.customerEmail());
        assertThat(m.txnOf(line)).isNotNull();
        assertThat(m.txnOf(lineCopy)).isNull();
        assertThat(m.ruleOf(lineCopy)).isNull();
        assertThat(m.cardTenders(rc)).hasSize(1);
        assertThat(m.cardTenders(rcCopy)).isEmpty();
        var stranger = settle(TxnKind.SALE, "T9", "9", "1.00", null, "11:00:00", null, null, null);
        assertThat(m.txnOf(stranger)).isNull();
    }

    @Test
    void unlinkedLinesAreTheOnesNoTransactionOrLineExplainsInOrder() {
        var s = sale("T1", "000001", "10.00", "622202******1234", "10:00:00", "100000000001");
        var known = settled(s);
        var late = settle(TxnKind.SALE, "T2", "7", "5.00", null, "12:00:00", "900000000007", null, null);
        var early = settle(TxnKind.SALE, "T0", "8", "6.00", null, "09:00:00", "900000000008", null, null);
        var m = new Matcher(CONFIG).match(List.of(s), List.of(late, known, early), List.of());
        assertThat(m.unlinkedSettlements()).containsExactly(early, late);
        assertThat(m.txnOf(known)).isSameAs(m.txns().get(0));
    }
}
