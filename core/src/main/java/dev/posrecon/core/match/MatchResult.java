package dev.posrecon.core.match;

import dev.posrecon.core.model.Ids;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.TxnKind;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the matcher linked. Lists are in the matcher's total order; links are kept by position in those lists (or
 * on the tender's {@link Txn.TenderRef}); the maps are identity maps of the few exceptions, used for look-up only,
 * never iterated.
 */
public final class MatchResult {
    final List<Txn> txns;
    final List<SettlementRecord> settlements;
    final List<Receipt> receipts;
    /** by a line's position in {@link #settlements}: the transaction it is linked to, and by which rule. */
    final Txn[] settlementTxn;
    final String[] settlementRule;
    /** settlement lines a fallback found several candidates for: the candidates, in order. */
    final Map<SettlementRecord, List<Txn>> ambiguousSettlement = new IdentityHashMap<>();
    /** sale lines netted off by a settlement VOID/REVERSAL line, and the lines that netted them. */
    final Set<SettlementRecord> netted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    final Map<SettlementRecord, SettlementRecord> cancellingLine = new IdentityHashMap<>();
    /** VOID/REVERSAL/CHARGEBACK/ADJUSTMENT lines linked to something (a sale line or a terminal txn). */
    final Set<SettlementRecord> linkedNonSale = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    final Map<Txn.TenderRef, List<Txn>> ambiguousTender = new IdentityHashMap<>();
    /** What the link veto said while a record looked for its link ({@link LinkVeto}), by the record itself. */
    private final Map<Object, String> matchNotes = new IdentityHashMap<>();
    final List<Txn.TenderRef> cardTenders;
    /**
     * Where each receipt's card tenders start in {@link #cardTenders}, by the receipt's position in
     * {@link #receipts} (one more entry: the end); a receipt's position is found by its total order.
     */
    private final int[] tendersFrom;
    private final Map<TxnKind, List<Txn>> byKind = new java.util.EnumMap<>(TxnKind.class);
    /** Receipts by number, as positions in {@link #receipts} (12 bytes a receipt, not a map entry's ~40). */
    private final KeyIndex<Receipt> receiptsByNo;

    MatchResult(List<Txn> txns, List<SettlementRecord> settlements, List<Receipt> receipts) {
        this.txns = txns;
        this.settlements = settlements;
        this.receipts = receipts;
        this.receiptsByNo = new KeyIndex<>(this.receipts, r -> r.receiptKey() == Ids.NONE ? KeyIndex.NONE
                : r.receiptKey());
        this.settlementTxn = new Txn[settlements.size()];
        this.settlementRule = new String[settlements.size()];
        this.tendersFrom = new int[receipts.size() + 1];
        List<Txn.TenderRef> refs = new java.util.ArrayList<>(receipts.size());
        for (int i = 0; i < receipts.size(); i++) {
            Receipt r = receipts.get(i);
            tendersFrom[i] = refs.size();
            for (var t : r.tenders()) {
                if (t.type().reconciled()) {
                    refs.add(new Txn.TenderRef(r, t));
                }
            }
        }
        tendersFrom[receipts.size()] = refs.size();
        this.cardTenders = List.copyOf(refs);
        Map<TxnKind, List<Txn>> kinds = new java.util.EnumMap<>(TxnKind.class);
        for (Txn t : txns) {
            kinds.computeIfAbsent(t.rec.kind(), k -> new java.util.ArrayList<>()).add(t);
        }
        kinds.forEach((k, l) -> byKind.put(k, List.copyOf(l)));
    }

    void note(Object record, String text) {
        if (text != null) {
            matchNotes.merge(record, text, (a, b) -> a.equals(b) ? a : a + "; " + b);
        }
    }

    /**
     * Why a record (terminal, settlement or receipt) is not linked where a key pointed: the vetoes met on its way
     * ("terminal+STAN 501 also names sale terminal.xml:12, but RRN/amount differ"), or null.
     */
    public String matchNote(Object record) {
        return matchNotes.isEmpty() ? null : matchNotes.get(record);
    }

    public List<Txn> txns() {
        return txns;
    }

    public List<SettlementRecord> settlements() {
        return settlements;
    }

    public List<Receipt> receipts() {
        return receipts;
    }

    /*
     * The few-entry identity maps below are asked about every line: each look-up first checks for none at all, as
     * even an empty identity map hashes its argument (an identity hash put into the header of every record asked).
     */

    public Txn txnOf(SettlementRecord s) {
        int i = positionOf(s);
        return i < 0 ? null : settlementTxn[i];
    }

    /** The transaction the line at this position in {@link #settlements()} is linked to, or null. */
    public Txn txnOfSettlement(int index) {
        return settlementTxn[index];
    }

    public String ruleOf(SettlementRecord s) {
        int i = positionOf(s);
        return i < 0 ? null : settlementRule[i];
    }

    public List<Txn> ambiguousCandidates(SettlementRecord s) {
        return ambiguousSettlement.isEmpty() ? List.of() : ambiguousSettlement.getOrDefault(s, List.of());
    }

    public boolean isNetted(SettlementRecord s) {
        return !netted.isEmpty() && netted.contains(s);
    }

    /**
     * Lines linked to no transaction and to no other line, in order: what no terminal record explains (or what a
     * fallback found several candidates for).
     */
    public List<SettlementRecord> unlinkedSettlements() {
        List<SettlementRecord> out = new java.util.ArrayList<>();
        for (int i = 0; i < settlementTxn.length; i++) {
            if (settlementTxn[i] == null && !isLinkedNonSale(settlements.get(i))) {
                out.add(settlements.get(i));
            }
        }
        return out;
    }

    public Set<SettlementRecord> netted() {
        return netted;
    }

    public boolean isLinkedNonSale(SettlementRecord s) {
        return !linkedNonSale.isEmpty() && linkedNonSale.contains(s);
    }

    public Txn txnOf(Txn.TenderRef t) {
        return t.txn;
    }

    public List<Txn> ambiguousCandidates(Txn.TenderRef t) {
        return ambiguousTender.isEmpty() ? List.of() : ambiguousTender.getOrDefault(t, List.of());
    }

    public Receipt receipt(String receiptNo) {
        return receipt(Ids.pack(receiptNo));
    }

    /** The first receipt of the day whose number has code {@code receiptKey} ({@link Ids#pack}), null for none. */
    public Receipt receipt(long receiptKey) {
        return receiptKey == Ids.NONE ? null : receiptsByNo.first(receiptKey, r -> r.receiptKey() == receiptKey);
    }

    /** Card tenders of every receipt, in receipt order then tender order. */
    public List<Txn.TenderRef> cardTenders() {
        return cardTenders;
    }

    public String ruleOf(Txn.TenderRef t) {
        return t.rule;
    }

    /** Transactions of a kind, in order. */
    public List<Txn> txns(TxnKind kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** The receipt's card tenders, in tender order (empty for a receipt with none or not in this match). */
    public List<Txn.TenderRef> cardTenders(Receipt receipt) {
        int i = positionOf(receipt);
        return i < 0 ? List.of() : cardTenders.subList(tendersFrom[i], tendersFrom[i + 1]);
    }

    /** The receipt's card tenders by its position in {@link #receipts()}, in tender order. */
    public List<Txn.TenderRef> cardTenders(int receiptIndex) {
        return cardTenders.subList(tendersFrom[receiptIndex], tendersFrom[receiptIndex + 1]);
    }

    private int positionOf(Receipt receipt) {
        // a numbered receipt is found through the number index (a look-up, not a binary search of a million)
        int i = receipt.receiptKey() == Ids.NONE ? -1 : receiptsByNo.position(receipt.receiptKey(), receipt);
        return i >= 0 ? i : positionOf(receipts, receipt, Orders.RECEIPT);
    }

    private int positionOf(SettlementRecord line) {
        return positionOf(settlements, line, Orders.SETTLEMENT);
    }

    /** Where this very record is in {@code sorted} (sorted by {@code order}), or -1. */
    private static <T> int positionOf(List<T> sorted, T x, java.util.Comparator<T> order) {
        int i = java.util.Collections.binarySearch(sorted, x, order);
        if (i < 0) {
            return -1;
        }
        // the orders end with the source line, so only the same record compares equal; still, look around
        for (int j = i; j >= 0 && order.compare(sorted.get(j), x) == 0; j--) {
            if (sorted.get(j) == x) {
                return j;
            }
        }
        for (int j = i + 1; j < sorted.size() && order.compare(sorted.get(j), x) == 0; j++) {
            if (sorted.get(j) == x) {
                return j;
            }
        }
        return -1;
    }
}
