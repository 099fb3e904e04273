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

    /*
     * Links as null for none, the linked record itself for one (its rule beside it: settlementRule, or the tender's
     * own TenderRef.rule), an exact-size array of Links for more: a million-transaction day holds two million
     * links, nearly all single. Two ArrayLists a transaction cost ~100 MB of a 2 GB heap, a one-element array each
     * ~40 MB, a Link object each ~42 MB.
     */
    /** settlement lines of the same kind linked to this transaction, in link order (strong keys first). */
    private Object settlements;
    /** the rule of the one settlement line, when there is one. */
    private String settlementRule;
    /** receipt tenders linked to this transaction. */
    private Object tenders;
    /** the links of a cancel, null for none: a few transactions in a hundred are voided, reversed or a void. */
    private Cancels cancels;

    /** What cancels a sale, or what a void or reversal cancels. */
    private static final class Cancels {
        /** for a SALE: the approved void, approved/timed-out reversal that cancels it on the terminal. */
        Txn cancelledBy;
        /** for a SALE: the VOID receipt of the journal that cancels it. */
        Receipt journalVoid;
        /** for a VOID or REVERSAL: the sale it cancels. */
        Txn original;
    }

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
        return view(settlements, settlementRule);
    }

    /** The linked receipt tenders (not to be modified). */
    public List<Link<TenderRef>> tenders() {
        return view(tenders, singleTenderRule());
    }

    /** Whether a settlement line is linked (no list made to ask). */
    public boolean hasSettlements() {
        return settlements != null;
    }

    /** How many settlement lines are linked (netted or not). */
    public int settlementCount() {
        return count(settlements);
    }

    /** Whether a receipt tender is linked (no list made to ask). */
    public boolean hasTenders() {
        return tenders != null;
    }

    /** The linked receipt tenders' amounts summed, in minor units (summed when asked: most have one tender). */
    public long tenderedMinor() {
        if (tenders instanceof TenderRef one) {
            return one.tender().amount().minor();
        }
        long sum = 0;
        for (int i = 0, n = count(tenders); i < n; i++) {
            sum += Txn.<TenderRef>target(tenders, i).tender().amount().minor();
        }
        return sum;
    }

    void addSettlement(SettlementRecord line, String rule) {
        if (settlements == null) {
            settlements = line;
            settlementRule = rule;
        } else {
            settlements = append(settlements, settlementRule, new Link<>(line, rule));
            settlementRule = null;
        }
    }

    /** Links {@code tender}, whose {@link TenderRef#rule} is set already. */
    void addTender(TenderRef tender) {
        tenders = tenders == null ? tender
                : append(tenders, singleTenderRule(), new Link<>(tender, tender.rule));
    }

    /** The rule of the one linked tender, null when none or several are linked (each Link has its own then). */
    private String singleTenderRule() {
        return tenders instanceof TenderRef one ? one.rule : null;
    }

    private static int count(Object links) {
        return links == null ? 0 : links instanceof Link<?>[] many ? many.length : 1;
    }

    /** {@code links} (one record and its rule, or Links) with {@code link} after them. */
    private static Link<?>[] append(Object links, String oneRule, Link<?> link) {
        if (!(links instanceof Link<?>[] many)) {
            return new Link<?>[]{new Link<>(links, oneRule), link};
        }
        Link<?>[] out = Arrays.copyOf(many, many.length + 1);
        out[many.length] = link;
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<Link<T>> view(Object links, String oneRule) {
        if (links == null) {
            return List.of();
        }
        if (links instanceof Link<?>[] many) {
            return Collections.unmodifiableList(Arrays.asList((Link<T>[]) many));
        }
        return List.of(new Link<>((T) links, oneRule));
    }

    /** The target of link {@code i}. */
    @SuppressWarnings("unchecked")
    private static <T> T target(Object links, int i) {
        return links instanceof Link<?>[] many ? (T) many[i].target() : (T) links;
    }

    public Txn cancelledBy() {
        return cancels == null ? null : cancels.cancelledBy;
    }

    public Receipt journalVoid() {
        return cancels == null ? null : cancels.journalVoid;
    }

    public Txn original() {
        return cancels == null ? null : cancels.original;
    }

    private Cancels cancels() {
        if (cancels == null) {
            cancels = new Cancels();
        }
        return cancels;
    }

    /** Links a void or reversal to the sale it cancels. */
    void setOriginal(Txn sale) {
        cancels().original = sale;
    }

    /** Marks a sale cancelled on the terminal by {@code by}, unless something cancelled it already. */
    void cancelBy(Txn by) {
        if (cancelledBy() == null) {
            cancels().cancelledBy = by;
        }
    }

    /** Marks a sale cancelled by the journal's VOID receipt {@code v}, unless one did already. */
    void voidInJournal(Receipt v) {
        if (journalVoid() == null) {
            cancels().journalVoid = v;
        }
    }

    /** The first linked settlement line not netted off by a settlement VOID/REVERSAL line, or null. */
    public SettlementRecord firstLiveSettlement(java.util.Set<SettlementRecord> netted) {
        int n = count(settlements);
        for (int i = 0; i < n; i++) {
            SettlementRecord s = Txn.<SettlementRecord>target(settlements, i);
            if (!isNetted(netted, s)) {
                return s;
            }
        }
        return null;
    }

    /** Linked settlement lines not netted off by a settlement VOID/REVERSAL line (not to be modified). */
    public List<SettlementRecord> liveSettlements(java.util.Set<SettlementRecord> netted) {
        // every rule asks this of every transaction: the usual none or one line without a growable list
        int n = count(settlements);
        if (n == 0) {
            return List.of();
        }
        if (n == 1) {
            SettlementRecord only = Txn.<SettlementRecord>target(settlements, 0);
            return isNetted(netted, only) ? List.of() : List.of(only);
        }
        List<SettlementRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SettlementRecord s = Txn.<SettlementRecord>target(settlements, i);
            if (!isNetted(netted, s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** An empty identity set still hashes its argument (an identity hash put into every record's header). */
    private static boolean isNetted(java.util.Set<SettlementRecord> netted, SettlementRecord s) {
        return !netted.isEmpty() && netted.contains(s);
    }

    public boolean cancelled() {
        return cancelledBy() != null || journalVoid() != null;
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
