package dev.posrecon.core.match;

import dev.posrecon.core.model.Ids;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.TerminalRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

    /**
     * STANs as numbers: {@link TerminalRecord#normStan} of both (nulls first) by length, then text, so 9 before 10
     * and 000123 the same as 123; without making the normalised strings.
     */
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

    /**
     * Sorts {@code list} by {@code order}, whose first key is the terminal id ({@code tid}, nulls first), as
     * {@code list.sort(order)} would: records are grouped by terminal id (a log or settlement file interleaves
     * terminals but is nearly in time order within each), the groups are sorted on their own, and joined in
     * terminal id order. A million records sort in a fraction of the time of one merge sort over all of them.
     */
    static <T> void sortByTerminal(List<T> list, Function<T, String> tid, Comparator<T> order) {
        Map<String, List<T>> groups = new HashMap<>();
        for (T x : list) {
            groups.computeIfAbsent(tid.apply(x), k -> new ArrayList<>()).add(x);
        }
        List<String> ids = new ArrayList<>(groups.keySet());
        ids.sort(STR);
        list.clear();
        for (String id : ids) {
            List<T> g = groups.get(id);
            g.sort(order);
            list.addAll(g);
        }
    }

    /*
     * The three orders are written out, not chained with Comparator.thenComparing: a chain of ten is ten nested
     * calls through one megamorphic call site for every comparison, and sorting a million-record day did little
     * else (measured: half the time of a compare). Key by key they are what the javadoc of each says.
     */

    /**
     * Terminal id, local time, STAN (as a number), request MTI, kind, amount, RRN, card, response code, then the
     * record's place in its file. Strings and times nulls first.
     */
    public static final Comparator<TerminalRecord> TERMINAL = Orders::compareTerminal;

    /**
     * Terminal id, transaction time, STAN (as a number), RRN, type, amount, card, auth code, fee (none first),
     * merchant id, then the line's place in its file. Strings and times nulls first.
     */
    public static final Comparator<SettlementRecord> SETTLEMENT = Orders::compareSettlement;

    /** Time, receipt number, kind, total, then the receipt's place in its file. Strings and times nulls first. */
    public static final Comparator<Receipt> RECEIPT = Orders::compareReceipt;

    private static int compareTerminal(TerminalRecord a, TerminalRecord b) {
        int c = STR.compare(a.terminalId(), b.terminalId());
        if (c == 0) {
            c = TIME.compare(a.localTime(), b.localTime());
        }
        if (c == 0) {
            c = compareStans(a.stan(), b.stan());
        }
        if (c == 0) {
            c = STR.compare(a.requestMti(), b.requestMti());
        }
        if (c == 0) {
            c = a.kind().compareTo(b.kind());
        }
        if (c == 0) {
            c = Long.compare(a.amount().minor(), b.amount().minor());
        }
        if (c == 0) {
            c = Ids.compare(a.rrnKey(), b.rrnKey(), false);
        }
        if (c == 0) {
            c = Ids.compare(a.cardKey(), b.cardKey(), true);
        }
        if (c == 0) {
            c = STR.compare(a.responseCode(), b.responseCode());
        }
        return c != 0 ? c : SourceRef.compare(a.file(), a.line(), b.file(), b.line());
    }

    private static int compareSettlement(SettlementRecord a, SettlementRecord b) {
        int c = STR.compare(a.terminalId(), b.terminalId());
        if (c == 0) {
            c = TIME.compare(a.txnTime(), b.txnTime());
        }
        if (c == 0) {
            c = compareStans(a.stan(), b.stan());
        }
        if (c == 0) {
            c = Ids.compare(a.rrnKey(), b.rrnKey(), false);
        }
        if (c == 0) {
            c = a.type().compareTo(b.type());
        }
        if (c == 0) {
            c = Long.compare(a.amount().minor(), b.amount().minor());
        }
        if (c == 0) {
            c = Ids.compare(a.cardKey(), b.cardKey(), true);
        }
        if (c == 0) {
            c = Ids.compare(a.authKey(), b.authKey(), false);
        }
        if (c == 0) {
            c = Long.compare(a.fee() == null ? Long.MIN_VALUE : a.fee().minor(),
                    b.fee() == null ? Long.MIN_VALUE : b.fee().minor());
        }
        if (c == 0) {
            c = STR.compare(a.merchantId(), b.merchantId());
        }
        return c != 0 ? c : SourceRef.compare(a.file(), a.line(), b.file(), b.line());
    }

    private static int compareReceipt(Receipt a, Receipt b) {
        int c = TIME.compare(a.time(), b.time());
        if (c == 0) {
            c = Ids.compare(a.receiptKey(), b.receiptKey(), false);
        }
        if (c == 0) {
            c = a.kind().compareTo(b.kind());
        }
        if (c == 0) {
            c = Long.compare(a.total().minor(), b.total().minor());
        }
        return c != 0 ? c : SourceRef.compare(a.file(), a.line(), b.file(), b.line());
    }
}
