package dev.posrecon.core.rules;

import dev.posrecon.core.cases.CaseBuilder;
import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.match.Txn;
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
                Txn prev = earlierTwin(ctx, t);
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
                for (var tr : m.cardTenders()) {
                    if (tr.receipt() == orig && m.txnOf(tr) != null) {
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
            String refundCard = r.cardLast4();
            String saleCard = sale.record().cardLast4();
            if (refundCard != null && saleCard != null && !refundCard.equals(saleCard)) {
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

    /** An earlier approved refund on the same terminal, card and amount, within the window, that has a return. */
    private static Txn earlierTwin(RuleContext ctx, Txn t) {
        var r = t.record();
        if (r.cardLast4() == null || r.localTime() == null) {
            return null;
        }
        Txn best = null;
        for (Txn x : ctx.match().txns(TxnKind.REFUND)) {
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
