package dev.posrecon.core.rules;

import dev.posrecon.core.cases.CaseBuilder;
import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.match.Txn;
import dev.posrecon.core.model.TxnKind;

/**
 * UNSETTLED_SALE: approved on the terminal, not cancelled, and no settlement line — once the settlement lag has
 * passed (at once with no ledger). Until then the sale is an open item. The acquirer owes the merchant.
 */
public final class UnsettledSaleRule implements Rule {

    @Override
    public CaseType type() {
        return CaseType.UNSETTLED_SALE;
    }

    @Override
    public void apply(RuleContext ctx) {
        var m = ctx.match();
        for (Txn t : ctx.where(m.txns(TxnKind.SALE), t -> t.record().approved() && !t.cancelled()
                && !t.hasSettlements())) {
            var r = t.record();
            if (ctx.claimed(t)) {
                continue;
            }
            var day = r.localTime() == null ? null : ctx.config().businessDate(r.localTime());
            if (!ctx.settlementDue(day)) {
                ctx.openItem(t);
                continue;
            }
            CaseBuilder b = new CaseBuilder(type(), "NOT_SETTLED", Direction.ACQUIRER_OWES_MERCHANT, r.amount())
                    .terminal(r, "sale")
                    .matchRule(Charges.rules(t))
                    .detail("Sale STAN " + r.stan() + " of " + r.amount().toDecimalString() + " was approved (auth "
                            + r.authCode() + ") but no settlement line covers it.");
            for (var l : t.tenders()) {
                b.receipt(l.target().receipt(), "receipt");
            }
            ctx.emit(b);
            ctx.claim(t);
        }
    }
}
