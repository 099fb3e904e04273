package dev.posrecon.core.rules;

import dev.posrecon.core.cases.CaseBuilder;
import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.match.Txn;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.ReceiptKind;
import dev.posrecon.core.model.TxnKind;

/**
 * SHORT_CHARGE: the receipt says the customer paid more by card than the card was charged — the cashier keyed too
 * little ({@code KEYED_LOW}), or the swipe was declined / timed out and nothing settled while the receipt was
 * closed as card-paid ({@code DECLINED_BUT_CARD_PAID}, {@code TIMED_OUT_BUT_CARD_PAID}), or the receipt's card
 * payment has no terminal record at all ({@code NO_TERMINAL_RECORD}). The customer owes the merchant.
 */
public final class ShortChargeRule implements Rule {

    @Override
    public CaseType type() {
        return CaseType.SHORT_CHARGE;
    }

    @Override
    public void apply(RuleContext ctx) {
        var m = ctx.match();
        var cur = ctx.config().currency();
        for (Txn t : ctx.where(m.txns(TxnKind.SALE), t -> !t.cancelled() && t.hasTenders()
                && ctx.exceeds(Charges.tendered(t), Charges.charged(m, t)))) {
            if (ctx.claimed(t)) {
                continue;
            }
            long paid = Charges.tendered(t);
            long charged = Charges.charged(m, t);
            var r = t.record();
            String reason = charged > 0 ? "KEYED_LOW" : r.timedOut() ? "TIMED_OUT_BUT_CARD_PAID" : "DECLINED_BUT_CARD_PAID";
            Money gap = Money.of(paid - charged, r.amount().currency());
            String detail = charged > 0
                    ? "Receipt shows " + Money.format(paid, gap.currency()) + " paid by card but the card was charged "
                    + Money.format(charged, gap.currency()) + "."
                    : "Receipt closed as paid by card (" + Money.format(paid, gap.currency()) + ") but the terminal "
                    + (r.timedOut() ? "got no response" : "was declined (response " + r.responseCode() + ")")
                    + " and nothing settled.";
            CaseBuilder b = new CaseBuilder(type(), reason, Direction.CUSTOMER_OWES_MERCHANT, gap)
                    .terminal(r, "sale")
                    .matchRule(Charges.rules(t))
                    .detail(detail);
            for (var s : Charges.live(m, t)) {
                b.settlement(s, "settlement");
            }
            for (var l : t.tenders()) {
                b.receipt(l.target().receipt(), "receipt");
            }
            ctx.emit(b);
            ctx.claim(t);
        }
        for (Txn.TenderRef tr : m.cardTenders()) {
            if (tr.receipt().kind() != ReceiptKind.SALE || m.txnOf(tr) != null) {
                continue;
            }
            var cands = m.ambiguousCandidates(tr);
            Money amount = tr.tender().amount();
            CaseBuilder b = new CaseBuilder(type(), cands.isEmpty() ? "NO_TERMINAL_RECORD" : "AMBIGUOUS_MATCH",
                    Direction.CUSTOMER_OWES_MERCHANT, amount)
                    .receipt(tr.receipt(), "receipt")
                    .ambiguous(!cands.isEmpty());
            if (cands.isEmpty()) {
                b.detail("Receipt " + tr.receipt().receiptNo() + " was closed as paid by card ("
                        + amount.toDecimalString() + " " + cur.getCurrencyCode()
                        + ") but no terminal transaction matches it.");
            } else {
                b.matchRule("FALLBACK_AMOUNT_CARD_TIME").detail("Receipt " + tr.receipt().receiptNo() + " matches "
                        + cands.size() + " terminal transactions equally well (same amount, card ending and time"
                        + " window); posrecon does not guess: check which one paid it.");
                for (Txn c : cands) {
                    b.terminal(c.record(), "candidate");
                    ctx.claim(c);
                }
            }
            ctx.emit(b);
        }
    }
}
