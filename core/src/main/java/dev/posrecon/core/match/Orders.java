package dev.posrecon.core.match;

import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.TerminalRecord;

import java.util.Comparator;

/**
 * The total orders the matcher sorts its inputs by, so that no result depends on input order, file order or hash
 * iteration. Content first; the source file and line only break ties between records with identical content, and
 * such records are interchangeable in every output that shows no line numbers.
 */
public final class Orders {
    private Orders() {
    }

    private static final Comparator<String> STR = Comparator.nullsFirst(Comparator.naturalOrder());
    /** Numeric-looking strings by length, then text: 9 before 10, and 000123 equal in rank to 123 after norm. */
    private static final Comparator<String> NUM = Comparator.nullsFirst(
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));

    public static final Comparator<TerminalRecord> TERMINAL = Comparator
            .comparing(TerminalRecord::terminalId, STR)
            .thenComparing(TerminalRecord::localTime, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(t -> TerminalRecord.normStan(t.stan()), NUM)
            .thenComparing(TerminalRecord::requestMti, STR)
            .thenComparing(TerminalRecord::kind)
            .thenComparing(t -> t.amount().minor())
            .thenComparing(TerminalRecord::rrn, STR)
            .thenComparing(TerminalRecord::card, STR)
            .thenComparing(TerminalRecord::responseCode, STR)
            .thenComparing(TerminalRecord::ref);

    public static final Comparator<SettlementRecord> SETTLEMENT = Comparator
            .comparing(SettlementRecord::terminalId, STR)
            .thenComparing(SettlementRecord::txnTime, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(s -> TerminalRecord.normStan(s.stan()), NUM)
            .thenComparing(SettlementRecord::rrn, STR)
            .thenComparing(SettlementRecord::type)
            .thenComparing(s -> s.amount().minor())
            .thenComparing(SettlementRecord::card, STR)
            .thenComparing(SettlementRecord::authCode, STR)
            .thenComparing(s -> s.fee() == null ? Long.MIN_VALUE : s.fee().minor())
            .thenComparing(SettlementRecord::merchantId, STR)
            .thenComparing(SettlementRecord::ref);

    public static final Comparator<Receipt> RECEIPT = Comparator
            .comparing(Receipt::time, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Receipt::receiptNo, STR)
            .thenComparing(Receipt::kind)
            .thenComparing(r -> r.total().minor())
            .thenComparing(Receipt::ref);
}
