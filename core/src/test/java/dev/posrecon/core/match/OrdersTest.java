package dev.posrecon.core.match;

import dev.posrecon.core.Fixtures;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.ReceiptKind;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.TerminalRecord;
import dev.posrecon.core.model.TxnKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The written-out orders compare exactly as their key-by-key definitions (kept here as Comparator chains), on
 * records that tie on leading keys, hold nulls and differ only in their last key.
 */
class OrdersTest {
    private static final Comparator<String> STR = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<LocalDateTime> TIME = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<String> STAN = Comparator.nullsFirst(
            Comparator.comparing(TerminalRecord::normStan, Comparator.nullsFirst(
                    Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))));

    private static final Comparator<TerminalRecord> TERMINAL = Comparator
            .comparing(TerminalRecord::terminalId, STR)
            .thenComparing(TerminalRecord::localTime, TIME)
            .thenComparing(TerminalRecord::stan, STAN)
            .thenComparing(TerminalRecord::requestMti, STR)
            .thenComparing(TerminalRecord::kind)
            .thenComparingLong(t -> t.amount().minor())
            .thenComparing(TerminalRecord::rrn, STR)
            .thenComparing(TerminalRecord::card, STR)
            .thenComparing(TerminalRecord::responseCode, STR)
            .thenComparing(TerminalRecord::ref);

    private static final Comparator<SettlementRecord> SETTLEMENT = Comparator
            .comparing(SettlementRecord::terminalId, STR)
            .thenComparing(SettlementRecord::txnTime, TIME)
            .thenComparing(SettlementRecord::stan, STAN)
            .thenComparing(SettlementRecord::rrn, STR)
            .thenComparing(SettlementRecord::type)
            .thenComparingLong(s -> s.amount().minor())
            .thenComparing(SettlementRecord::card, STR)
            .thenComparing(SettlementRecord::authCode, STR)
            .thenComparingLong(s -> s.fee() == null ? Long.MIN_VALUE : s.fee().minor())
            .thenComparing(SettlementRecord::merchantId, STR)
            .thenComparing(SettlementRecord::ref);

    private static final Comparator<Receipt> RECEIPT = Comparator
            .comparing(Receipt::time, TIME)
            .thenComparing(Receipt::receiptNo, STR)
            .thenComparing(Receipt::kind)
            .thenComparingLong(r -> r.total().minor())
            .thenComparing(Receipt::ref);

    /*
     * RRNs and cards as the records hold them (packed numbers, or for odd values a code by first sight): packable
     * ones that share prefixes or differ in length, and odd ones (lower case, too long, a last-4 form) among them.
     */
    private static final String[] RRNS = {"R1", "R2", "R10", "0R1", "r1", "123456789012", "1234567890123", null};
    private static final String[] CARDS = {"622202******0123", "622202*******0123", "622202******9123",
        "622202***0123", "****0123", "0123", null};

    private final Random rnd = new Random(2026);

    @Test
    void terminalOrder() {
        List<TerminalRecord> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            TerminalRecord t = Fixtures.txn(pick(TxnKind.SALE, TxnKind.REFUND, TxnKind.VOID), pick("T1", "T2", null),
                    pick("000012", "12", "9", null), pick("1.00", "2.00"), pick(CARDS),
                    pick("10:00:00", "10:00:01"), pick("00", "05", null), pick(RRNS), null);
            all.add(t);
            // the same content at another line: only the reference tells them apart
            all.add(new TerminalRecord(new SourceRef("b.xml", t.ref().line()), t.responseRef(), t.requestMti(),
                    t.kind(), t.processingCode(), t.terminalId(), t.merchantId(), t.stan(), t.rrn(), t.authCode(),
                    t.responseCode(), t.approved(), t.amount(), t.card(), rnd.nextBoolean() ? null : t.localTime(),
                    null, null));
        }
        assertSameOrder(all, Orders.TERMINAL, TERMINAL);
    }

    @Test
    void settlementOrder() {
        List<SettlementRecord> all = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            SettlementRecord s = Fixtures.settle(pick(TxnKind.SALE, TxnKind.REFUND), pick("T1", "T2", null),
                    pick("000012", "12", "9", null), pick("1.00", "2.00"), pick(CARDS),
                    pick("10:00:00", "10:00:01"), pick(RRNS), pick("A1", "a1", "0A1", null), pick("0.01", null));
            all.add(s);
        }
        assertSameOrder(all, Orders.SETTLEMENT, SETTLEMENT);
    }

    @Test
    void receiptOrder() {
        List<Receipt> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Money total = Fixtures.cny(pick("1.00", "2.00"));
            all.add(new Receipt(new SourceRef("journal.csv", rnd.nextInt(50)), pick("S-1", "S-2", null), "S01", "R1",
                    "C1", pick(Fixtures.at("10:00:00"), Fixtures.at("10:00:01"), null),
                    pick(ReceiptKind.SALE, ReceiptKind.RETURN), total, List.of(), null, null, null, null));
        }
        assertSameOrder(all, Orders.RECEIPT, RECEIPT);
    }

    private static <T> void assertSameOrder(List<T> all, Comparator<T> written, Comparator<T> reference) {
        int differing = 0;
        for (T a : all) {
            for (T b : all) {
                int expected = Integer.signum(reference.compare(a, b));
                assertThat(Integer.signum(written.compare(a, b))).as("%s vs %s", a, b).isEqualTo(expected);
                differing += expected != 0 ? 1 : 0;
            }
        }
        assertThat(differing).as("the records are not all equal").isPositive();
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[rnd.nextInt(values.length)];
    }
}
