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
        SettlementRecord first = t.firstLiveSettlement(m.netted());
        if (first != null) {
            return first.amount().minor();
        }
        return t.record().approved() ? t.record().amount().minor() : 0;
    }

    /** The receipt card tenders linked to the transaction, summed. */
    static long tendered(Txn t) {
        return t.tenderedMinor();
    }

    /** Whether a settled line not netted off is linked to the transaction (no list made to ask). */
    static boolean settled(MatchResult m, Txn t) {
        return t.firstLiveSettlement(m.netted()) != null;
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
