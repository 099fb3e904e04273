package dev.posrecon.core.match;

import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.Tender;
import dev.posrecon.core.model.TerminalRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * The matcher's working view of one terminal transaction and everything linked to it. Mutable while the
 * {@link Matcher} builds links; rules only read it.
 */
public final class Txn {
    final int index;
    final TerminalRecord rec;
    final String stan;

    /** settlement lines of the same kind linked to this transaction, in link order (strong keys first). */
    final List<Link<SettlementRecord>> settlements = new ArrayList<>(1);
    /** receipt tenders linked to this transaction. */
    final List<Link<TenderRef>> tenders = new ArrayList<>(1);
    /** for a SALE: the approved void, approved/timed-out reversal that cancels it on the terminal. */
    Txn cancelledBy;
    /** for a SALE: the VOID receipt of the journal that cancels it. */
    Receipt journalVoid;
    /** for a VOID or REVERSAL: the sale it cancels. */
    Txn original;
    String originalRule;

    Txn(int index, TerminalRecord rec, String normStan) {
        this.index = index;
        this.rec = rec;
        this.stan = normStan;
    }

    public TerminalRecord record() {
        return rec;
    }

    public List<Link<SettlementRecord>> settlements() {
        return settlements;
    }

    public List<Link<TenderRef>> tenders() {
        return tenders;
    }

    public Txn cancelledBy() {
        return cancelledBy;
    }

    public Receipt journalVoid() {
        return journalVoid;
    }

    public Txn original() {
        return original;
    }

    /** Linked settlement lines not netted off by a settlement VOID/REVERSAL line (not to be modified). */
    public List<SettlementRecord> liveSettlements(java.util.Set<SettlementRecord> netted) {
        // every rule asks this of every transaction: the usual none or one line without a growable list
        if (settlements.isEmpty()) {
            return List.of();
        }
        if (settlements.size() == 1) {
            SettlementRecord only = settlements.get(0).target();
            return netted.contains(only) ? List.of() : List.of(only);
        }
        List<SettlementRecord> out = new ArrayList<>(settlements.size());
        for (Link<SettlementRecord> l : settlements) {
            if (!netted.contains(l.target())) {
                out.add(l.target());
            }
        }
        return out;
    }

    public boolean cancelled() {
        return cancelledBy != null || journalVoid != null;
    }

    /** A receipt tender and the receipt it belongs to. */
    public record TenderRef(Receipt receipt, Tender tender) {
    }

    /**
     * A link made by a named rule; {@code ambiguous} when the rule found tied candidates (then no link is made,
     * and this records the would-be link for evidence).
     */
    public record Link<T>(T target, String rule) {
    }
}
