package dev.posrecon.core.rules;

import dev.posrecon.core.match.MatchResult;
import dev.posrecon.core.match.Txn;
import dev.posrecon.core.model.SettlementRecord;

import java.util.List;

/** Sums shared by the charge rules: what the customer was charged, and what the receipt says they paid by card. */
final class Charges {
    private Charges() {
    }

    /** Settled sale lines linked to the transaction and not netted off by a void/reversal line. */
    static List<SettlementRecord> live(MatchResult m, Txn t) {
        return t.liveSettlements(m.netted());
    }

    /** What the card was charged: the first live settled line's amount, else the approved amount, else 0. */
    static long charged(MatchResult m, Txn t) {
        List<SettlementRecord> live = live(m, t);
        if (!live.isEmpty()) {
            return live.get(0).amount().minor();
        }
        return t.record().approved() ? t.record().amount().minor() : 0;
    }

    /** The receipt card tenders linked to the transaction, summed. */
    static long tendered(Txn t) {
        long sum = 0;
        for (var l : t.tenders()) {
            sum += l.target().tender().amount().minor();
        }
        return sum;
    }

    static String rules(Txn t) {
        StringBuilder sb = new StringBuilder();
        for (var l : t.settlements()) {
            append(sb, l.rule());
        }
        for (var l : t.tenders()) {
            append(sb, l.rule());
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String r) {
        if (r == null || sb.indexOf(r) >= 0) {
            return;
        }
        if (sb.length() > 0) {
            sb.append('+');
        }
        sb.append(r);
    }
}
