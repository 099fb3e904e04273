package dev.posrecon.core.rules;

import dev.posrecon.core.cases.CaseBuilder;
import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.match.Txn;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.TxnKind;

/**
 * OVER_CHARGE: the card was charged more than the receipt's card tender ({@code KEYED_HIGH}), or a sale the
 * terminal saw fail was settled with no receipt paying it by card ({@code SETTLED_WITHOUT_APPROVAL}: typically
 * the customer then paid another way). The merchant owes the customer the difference.
 */
public final class OverChargeRule implements Rule {

    @Override
    public CaseType type() {
        return CaseType.OVER_CHARGE;
    }

    @Override
    public void apply(RuleContext ctx) {
        var m = ctx.match();
        for (Txn t : ctx.where(m.txns(TxnKind.SALE), t -> !t.cancelled() && (!t.hasTenders()
                ? !t.record().approved() && Charges.settled(m, t)
                : ctx.exceeds(Charges.charged(m, t), Charges.tendered(t))))) {
            if (ctx.claimed(t)) {
                continue;
            }
            var r = t.record();
            var live = Charges.live(m, t);
            CaseBuilder b;
            if (!t.tenders().isEmpty()) {
                long charged = Charges.charged(m, t);
                long paid = Charges.tendered(t);
                if (!ctx.exceeds(charged, paid)) {
                    continue;
                }
                Money gap = Money.of(charged - paid, r.amount().currency());
                b = new CaseBuilder(type(), "KEYED_HIGH", Direction.MERCHANT_OWES_CUSTOMER, gap)
                        .detail("The card was charged " + Money.format(charged, gap.currency())
                                + " but the receipt shows " + Money.format(paid, gap.currency()) + " paid by card.");
            } else if (!r.approved() && !live.isEmpty()) {
                b = new CaseBuilder(type(), "SETTLED_WITHOUT_APPROVAL", Direction.MERCHANT_OWES_CUSTOMER,
                        live.get(0).amount())
                        .detail("Sale STAN " + r.stan() + " " + (r.timedOut() ? "timed out" : "was declined")
                                + " on the terminal and no receipt was paid with it, but the acquirer settled "
                                + live.get(0).amount().toDecimalString() + ".");
            } else {
                continue;
            }
            b.terminal(r, "sale").matchRule(Charges.rules(t));
            for (var s : live) {
                b.settlement(s, "settlement");
            }
            for (var l : t.tenders()) {
                b.receipt(l.target().receipt(), "receipt");
            }
            ctx.emit(b);
            ctx.claim(t);
        }
    }
}
