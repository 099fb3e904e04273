package dev.posrecon.core.rules;

import dev.posrecon.core.cases.CaseBuilder;
import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.match.Txn;
import dev.posrecon.core.model.Cards;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.ReceiptKind;
import dev.posrecon.core.model.TxnKind;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * MIS_REFUND: a refund that should not have happened, in whole or in part. In order: no RETURN receipt on the
 * journal ({@code REPEATED} when it repeats an earlier refund of the same card and amount within the duplicate
 * window that has one, else {@code NO_RETURN_ON_JOURNAL}); the return names no original sale posrecon can find
 * ({@code NO_ORIGINAL_SALE}); the refund went to another card than the sale's ({@code OTHER_CARD}); refunds of
 * one sale add up to more than it ({@code LARGER_THAN_ORIGINAL} for the first, {@code REPEATED} for later ones,
 * the excess at stake); the refund exceeds the return receipt's card tender ({@code LARGER_THAN_RETURN}).
 * The customer holds the merchant's money.
 */
public final class MisRefundRule implements Rule {

    @Override
    public CaseType type() {
        return CaseType.MIS_REFUND;
    }

    @Override
    public void apply(RuleContext ctx) {
        var m = ctx.match();
        Map<Txn, Long> refunded = new IdentityHashMap<>();
        Map<String, java.util.List<Txn>> twins = twinIndex(m.txns(TxnKind.REFUND));
        java.util.List<CaseBuilder> out = new java.util.ArrayList<>();
        for (Txn t : m.txns(TxnKind.REFUND)) {
            var r = t.record();
            var live = Charges.live(m, t);
            if (ctx.claimed(t) || (!r.approved() && live.isEmpty()) || t.cancelled()) {
                continue;
            }
            Money amount = live.isEmpty() ? r.amount() : live.get(0).amount();
            Receipt ret = t.tenders().isEmpty() ? null : t.tenders().get(0).target().receipt();
            if (ret == null) {
                Txn prev = earlierTwin(ctx, twins, t);
                if (prev != null) {
                    emit(ctx, out, t, "REPEATED", amount, "Refund STAN " + r.stan() + " repeats refund STAN "
                            + prev.record().stan() + " (same card, same amount) and has no return of its own.")
                            .terminal(prev.record(), "earlier refund")
                            .receipt(prev.tenders().get(0).target().receipt(), "return receipt");
                } else {
                    emit(ctx, out, t, "NO_RETURN_ON_JOURNAL", amount, "Refund STAN " + r.stan() + " of "
                            + amount.toDecimalString() + " went to card " + r.card()
                            + " but no return was rung up on the register.");
                }
                continue;
            }
            Receipt orig = m.receipt(ret.originalReceiptNo());
            Txn sale = null;
            if (orig != null && orig.kind() == ReceiptKind.SALE) {
                for (var tr : m.cardTenders(orig)) {
                    if (m.txnOf(tr) != null) {
                        sale = m.txnOf(tr);
                        break;
                    }
                }
            }
            if (sale == null) {
                emit(ctx, out, t, "NO_ORIGINAL_SALE", amount, "Return " + ret.receiptNo() + " refunds "
                        + amount.toDecimalString() + " but names no card sale posrecon can find (original receipt "
                        + ret.originalReceiptNo() + ").").receipt(ret, "return receipt");
                continue;
            }
            if (otherCard(r.card(), sale.record().card())) {
                emit(ctx, out, t, "OTHER_CARD", amount, "Refund of " + amount.toDecimalString() + " went to card "
                        + r.card() + " but the original sale (receipt " + orig.receiptNo() + ") was paid with card "
                        + sale.record().card() + ".")
                        .receipt(ret, "return receipt").receipt(orig, "original receipt")
                        .terminal(sale.record(), "original sale");
                continue;
            }
            long before = refunded.getOrDefault(sale, 0L);
            long after = before + amount.minor();
            refunded.put(sale, after);
            long saleAmount = Charges.charged(m, sale);
            if (ctx.exceeds(after, saleAmount)) {
                long excess = Math.min(amount.minor(), after - saleAmount);
                String reason = before == 0 ? "LARGER_THAN_ORIGINAL" : "REPEATED";
                emit(ctx, out, t, reason, Money.of(excess, amount.currency()), "Refunds of sale receipt "
                        + orig.receiptNo() + " reach " + Money.format(after, amount.currency()) + " against a sale of "
                        + Money.format(saleAmount, amount.currency()) + ".")
                        .receipt(ret, "return receipt").receipt(orig, "original receipt")
                        .terminal(sale.record(), "original sale");
                continue;
            }
            long tendered = Charges.tendered(t);
            if (ctx.exceeds(amount.minor(), tendered)) {
                emit(ctx, out, t, "LARGER_THAN_RETURN", Money.of(amount.minor() - tendered, amount.currency()),
                        "Refund of " + amount.toDecimalString() + " is larger than the return receipt's "
                                + Money.format(tendered, amount.currency()) + ".")
                        .receipt(ret, "return receipt");
            }
        }
        out.forEach(ctx::emit);
    }

    /**
     * True when two masked cards are known to differ: another ending, or, where both show the issuer's first six
     * digits, another issuer prefix (two cards often share an ending: 1 in 10,000 pairs).
     */
    static boolean otherCard(String a, String b) {
        String a4 = Cards.last4(a);
        String b4 = Cards.last4(b);
        if (a4 == null || b4 == null) {
            return false;
        }
        if (!a4.equals(b4)) {
            return true;
        }
        return hasBin(a) && hasBin(b) && !a.regionMatches(0, b, 0, 6);
    }

    private static boolean hasBin(String card) {
        if (card.length() < 10) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            char c = card.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Approved refunds that have a return, grouped by terminal, card ending and amount (the twin test's equalities),
     * each group in transaction order: a twin is looked up among its few peers, not among every refund.
     */
    private static Map<String, java.util.List<Txn>> twinIndex(java.util.List<Txn> refunds) {
        Map<String, java.util.List<Txn>> out = new java.util.HashMap<>();
        for (Txn x : refunds) {
            var xr = x.record();
            if (xr.approved() && !x.tenders().isEmpty() && xr.cardLast4() != null && xr.localTime() != null) {
                out.computeIfAbsent(twinKey(xr), k -> new java.util.ArrayList<>()).add(x);
            }
        }
        return out;
    }

    private static String twinKey(dev.posrecon.core.model.TerminalRecord r) {
        return r.terminalId() + '\u0000' + r.cardLast4() + '\u0000' + r.amount().minor() + r.amount().currency();
    }

    /** An earlier approved refund on the same terminal, card and amount, within the window, that has a return. */
    private static Txn earlierTwin(RuleContext ctx, Map<String, java.util.List<Txn>> twins, Txn t) {
        var r = t.record();
        if (r.cardLast4() == null || r.localTime() == null) {
            return null;
        }
        Txn best = null;
        for (Txn x : twins.getOrDefault(twinKey(r), java.util.List.of())) {
            var xr = x.record();
            if (x == t || !xr.approved() || x.tenders().isEmpty() || xr.localTime() == null
                    || !java.util.Objects.equals(xr.terminalId(), r.terminalId())
                    || !r.cardLast4().equals(xr.cardLast4()) || !xr.amount().equals(r.amount())
                    || xr.localTime().isAfter(r.localTime())
                    || xr.localTime().plus(ctx.config().duplicateWindow()).isBefore(r.localTime())) {
                continue;
            }
            best = x;
        }
        return best;
    }

    private CaseBuilder emit(RuleContext ctx, java.util.List<CaseBuilder> out, Txn t, String reason, Money amount, String detail) {
        CaseBuilder b = new CaseBuilder(type(), reason, Direction.CUSTOMER_OWES_MERCHANT, amount)
                .terminal(t.record(), "refund")
                .matchRule(Charges.rules(t))
                .detail(detail);
        for (var s : Charges.live(ctx.match(), t)) {
            b.settlement(s, "settlement");
        }
        ctx.claim(t);
        out.add(b);
        return b;
    }
}
