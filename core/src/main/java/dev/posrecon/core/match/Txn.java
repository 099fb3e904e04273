package dev.posrecon.core.match;

import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.Tender;
import dev.posrecon.core.model.TerminalRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The matcher's working view of one terminal transaction and everything linked to it. Mutable while the
 * {@link Matcher} builds links; rules only read it.
 */
public final class Txn {
    final int index;
    final TerminalRecord rec;
    final String stan;

    private static final Link<?>[] NO_LINKS = {};

    /*
     * Links as exact-size arrays, one shared empty one for none: a million-transaction day holds two million of
     * these, and two ArrayLists a transaction cost ~100 MB of a 2 GB heap.
     */
    /** settlement lines of the same kind linked to this transaction, in link order (strong keys first). */
    private Link<SettlementRecord>[] settlements = noLinks();
    /** receipt tenders linked to this transaction. */
    private Link<TenderRef>[] tenders = noLinks();
    /** the linked tenders' amounts summed, in minor units (every charge rule asks for it). */
    private long tenderedMinor;
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

    /** This transaction's position in {@link MatchResult#txns()}. */
    public int index() {
        return index;
    }

    public TerminalRecord record() {
        return rec;
    }

    /** The linked settlement lines (not to be modified). */
    public List<Link<SettlementRecord>> settlements() {
        return view(settlements);
    }

    /** The linked receipt tenders (not to be modified). */
    public List<Link<TenderRef>> tenders() {
        return view(tenders);
    }

    /** Whether a settlement line is linked (no list made to ask). */
    public boolean hasSettlements() {
        return settlements.length > 0;
    }

    /** How many settlement lines are linked (netted or not). */
    public int settlementCount() {
        return settlements.length;
    }

    /** Whether a receipt tender is linked (no list made to ask). */
    public boolean hasTenders() {
        return tenders.length > 0;
    }

    /** The linked receipt tenders' amounts summed, in minor units. */
    public long tenderedMinor() {
        return tenderedMinor;
    }

    void addSettlement(Link<SettlementRecord> link) {
        settlements = append(settlements, link);
    }

    void addTender(Link<TenderRef> link) {
        tenders = append(tenders, link);
        tenderedMinor += link.target().tender().amount().minor();
    }

    @SuppressWarnings("unchecked")
    private static <T> Link<T>[] noLinks() {
        return (Link<T>[]) NO_LINKS;
    }

    private static <T> Link<T>[] append(Link<T>[] links, Link<T> link) {
        Link<T>[] out = Arrays.copyOf(links, links.length + 1);
        out[links.length] = link;
        return out;
    }

    private static <T> List<T> view(T[] links) {
        return switch (links.length) {
            case 0 -> List.of();
            case 1 -> List.of(links[0]);
            default -> Collections.unmodifiableList(Arrays.asList(links));
        };
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

    /** The first linked settlement line not netted off by a settlement VOID/REVERSAL line, or null. */
    public SettlementRecord firstLiveSettlement(java.util.Set<SettlementRecord> netted) {
        for (Link<SettlementRecord> l : settlements) {
            if (!isNetted(netted, l.target())) {
                return l.target();
            }
        }
        return null;
    }

    /** Linked settlement lines not netted off by a settlement VOID/REVERSAL line (not to be modified). */
    public List<SettlementRecord> liveSettlements(java.util.Set<SettlementRecord> netted) {
        // every rule asks this of every transaction: the usual none or one line without a growable list
        if (settlements.length == 0) {
            return List.of();
        }
        if (settlements.length == 1) {
            SettlementRecord only = settlements[0].target();
            return isNetted(netted, only) ? List.of() : List.of(only);
        }
        List<SettlementRecord> out = new ArrayList<>(settlements.length);
        for (Link<SettlementRecord> l : settlements) {
            if (!isNetted(netted, l.target())) {
                out.add(l.target());
            }
        }
        return out;
    }

    /** An empty identity set still hashes its argument (an identity hash put into every record's header). */
    private static boolean isNetted(java.util.Set<SettlementRecord> netted, SettlementRecord s) {
        return !netted.isEmpty() && netted.contains(s);
    }

    public boolean cancelled() {
        return cancelledBy != null || journalVoid != null;
    }

    /**
     * A receipt card tender and the receipt it belongs to, with the transaction the matcher linked it to (one object
     * per tender, compared by identity: the link lives here, not in a million-entry identity map).
     */
    public static final class TenderRef {
        private final Receipt receipt;
        private final Tender tender;
        Txn txn;
        String rule;

        TenderRef(Receipt receipt, Tender tender) {
            this.receipt = receipt;
            this.tender = tender;
        }

        public Receipt receipt() {
            return receipt;
        }

        public Tender tender() {
            return tender;
        }

        @Override
        public String toString() {
            return "TenderRef[receipt=" + receipt.receiptNo() + ", tender=" + tender + ", txn="
                    + (txn == null ? null : txn.rec.stan()) + ", rule=" + rule + "]";
        }
    }

    /**
     * A link made by a named rule; {@code ambiguous} when the rule found tied candidates (then no link is made,
     * and this records the would-be link for evidence).
     */
    public record Link<T>(T target, String rule) {
    }
}
