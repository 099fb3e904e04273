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

    private static final Comparator<String> STR = nullsFirst();
    private static final Comparator<java.time.LocalDateTime> TIME = nullsFirst();

    /**
     * Natural order, nulls first; the same instance compares equal without a look (the readers share ids and
     * whole-second times, so it is the common case).
     */
    private static <T extends Comparable<? super T>> Comparator<T> nullsFirst() {
        return (a, b) -> a == b ? 0 : a == null ? -1 : b == null ? 1 : a.compareTo(b);
    }
    /** Numeric-looking strings by length, then text: 9 before 10, and 000123 equal in rank to 123 after norm. */
    private static final Comparator<String> NUM = Comparator.nullsFirst(
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));

    /** {@link #NUM} over {@link TerminalRecord#normStan} of both, without making the normalised strings. */
    private static final Comparator<String> STAN = Orders::compareStans;

    static int compareStans(String a, String b) {
        int as = a == null ? 0 : trimStart(a);
        int ae = a == null ? 0 : trimEnd(a, as);
        int bs = b == null ? 0 : trimStart(b);
        int be = b == null ? 0 : trimEnd(b, bs);
        boolean aNull = ae == as;
        boolean bNull = be == bs;
        if (aNull || bNull) {
            return aNull == bNull ? 0 : aNull ? -1 : 1;
        }
        while (as < ae - 1 && a.charAt(as) == '0') {
            as++;
        }
        while (bs < be - 1 && b.charAt(bs) == '0') {
            bs++;
        }
        int c = Integer.compare(ae - as, be - bs);
        if (c != 0) {
            return c;
        }
        for (; as < ae; as++, bs++) {
            int d = a.charAt(as) - b.charAt(bs);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }

    /** Where {@link String#trim} would start and end. */
    private static int trimStart(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) <= ' ') {
            i++;
        }
        return i;
    }

    private static int trimEnd(String s, int start) {
        int e = s.length();
        while (e > start && s.charAt(e - 1) <= ' ') {
            e--;
        }
        return e;
    }

    public static final Comparator<TerminalRecord> TERMINAL = Comparator
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

    public static final Comparator<SettlementRecord> SETTLEMENT = Comparator
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

    public static final Comparator<Receipt> RECEIPT = Comparator
            .comparing(Receipt::time, TIME)
            .thenComparing(Receipt::receiptNo, STR)
            .thenComparing(Receipt::kind)
            .thenComparingLong(r -> r.total().minor())
            .thenComparing(Receipt::ref);
}
