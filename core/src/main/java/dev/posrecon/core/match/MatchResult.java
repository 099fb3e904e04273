package dev.posrecon.core.match;

import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.TxnKind;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the matcher linked. Lists are in the matcher's total order; maps are identity maps used for look-up only,
 * never iterated.
 */
public final class MatchResult {
    final List<Txn> txns;
    final List<SettlementRecord> settlements;
    final List<Receipt> receipts;
    final Map<SettlementRecord, Txn> settlementTxn;
    final Map<SettlementRecord, String> settlementRule;
    /** settlement lines a fallback found several candidates for: the candidates, in order. */
    final Map<SettlementRecord, List<Txn>> ambiguousSettlement = new IdentityHashMap<>();
    /** sale lines netted off by a settlement VOID/REVERSAL line, and the lines that netted them. */
    final Set<SettlementRecord> netted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    final Map<SettlementRecord, SettlementRecord> cancellingLine = new IdentityHashMap<>();
    /** VOID/REVERSAL/CHARGEBACK/ADJUSTMENT lines linked to something (a sale line or a terminal txn). */
    final Set<SettlementRecord> linkedNonSale = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    final Map<Txn.TenderRef, Txn> tenderTxn;
    final Map<Txn.TenderRef, String> tenderRule;
    final Map<Txn.TenderRef, List<Txn>> ambiguousTender = new IdentityHashMap<>();
    final List<Txn.TenderRef> cardTenders;
    /** each receipt's card tenders, in tender order (identity look-up: receipts are records with many fields). */
    private final Map<Receipt, List<Txn.TenderRef>> tendersByReceipt;
    private final Map<TxnKind, List<Txn>> byKind = new java.util.EnumMap<>(TxnKind.class);
    final Map<String, Receipt> receiptsByNo;

    MatchResult(List<Txn> txns, List<SettlementRecord> settlements, List<Receipt> receipts,
                Map<String, Receipt> receiptsByNo) {
        this.txns = txns;
        this.settlements = settlements;
        this.receipts = receipts;
        this.receiptsByNo = receiptsByNo;
        // sized for what they will hold: a million-line day otherwise spends seconds growing them
        this.settlementTxn = new IdentityHashMap<>(settlements.size());
        this.settlementRule = new IdentityHashMap<>(settlements.size());
        this.tendersByReceipt = new IdentityHashMap<>(receipts.size());
        List<Txn.TenderRef> refs = new java.util.ArrayList<>(receipts.size());
        for (Receipt r : receipts) {
            int from = refs.size();
            for (var t : r.tenders()) {
                if (t.type().reconciled()) {
                    refs.add(new Txn.TenderRef(r, t));
                }
            }
            if (refs.size() > from) {
                tendersByReceipt.putIfAbsent(r, List.copyOf(refs.subList(from, refs.size())));
            }
        }
        this.cardTenders = List.copyOf(refs);
        this.tenderTxn = new IdentityHashMap<>(refs.size());
        this.tenderRule = new IdentityHashMap<>(refs.size());
        Map<TxnKind, List<Txn>> kinds = new java.util.EnumMap<>(TxnKind.class);
        for (Txn t : txns) {
            kinds.computeIfAbsent(t.rec.kind(), k -> new java.util.ArrayList<>()).add(t);
        }
        kinds.forEach((k, l) -> byKind.put(k, List.copyOf(l)));
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

    public Txn txnOf(SettlementRecord s) {
        return settlementTxn.get(s);
    }

    public String ruleOf(SettlementRecord s) {
        return settlementRule.get(s);
    }

    public List<Txn> ambiguousCandidates(SettlementRecord s) {
        return ambiguousSettlement.getOrDefault(s, List.of());
    }

    public boolean isNetted(SettlementRecord s) {
        return netted.contains(s);
    }

    public Set<SettlementRecord> netted() {
        return netted;
    }

    public boolean isLinkedNonSale(SettlementRecord s) {
        return linkedNonSale.contains(s);
    }

    public Txn txnOf(Txn.TenderRef t) {
        return tenderTxn.get(t);
    }

    public List<Txn> ambiguousCandidates(Txn.TenderRef t) {
        return ambiguousTender.getOrDefault(t, List.of());
    }

    public Receipt receipt(String receiptNo) {
        return receiptNo == null ? null : receiptsByNo.get(receiptNo);
    }

    /** Card tenders of every receipt, in receipt order then tender order. */
    public List<Txn.TenderRef> cardTenders() {
        return cardTenders;
    }

    public String ruleOf(Txn.TenderRef t) {
        return tenderRule.get(t);
    }

    /** Transactions of a kind, in order. */
    public List<Txn> txns(TxnKind kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** The receipt's card tenders, in tender order (empty for a receipt with none or not in this match). */
    public List<Txn.TenderRef> cardTenders(Receipt receipt) {
        return tendersByReceipt.getOrDefault(receipt, List.of());
    }
}
