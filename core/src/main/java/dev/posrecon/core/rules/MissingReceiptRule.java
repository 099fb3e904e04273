package dev.posrecon.core.rules;

import dev.posrecon.core.cases.CaseBuilder;
import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.match.Txn;
import dev.posrecon.core.model.TxnKind;

/**
 * MISSING_RECEIPT: approved and settled, but no receipt in the journal pays with it (a lost receipt, or a sale
 * rung up outside the register). No money is owed; someone should find out what was sold.
 */
public final class MissingReceiptRule implements Rule {

    @Override
    public CaseType type() {
        return CaseType.MISSING_RECEIPT;
    }

    @Override
    public void apply(RuleContext ctx) {
        var m = ctx.match();
        for (Txn t : ctx.where(m.txns(TxnKind.SALE), t -> t.record().approved() && !t.cancelled()
                && !t.hasTenders() && Charges.settled(m, t))) {
            if (ctx.claimed(t)) {
                continue;
            }
            var r = t.record();
            var live = Charges.live(m, t);
            CaseBuilder b = new CaseBuilder(type(), "NO_RECEIPT", Direction.NONE, live.get(0).amount())
                    .terminal(r, "sale")
                    .matchRule(Charges.rules(t))
                    .detail("Sale STAN " + r.stan() + " of " + live.get(0).amount().toDecimalString()
                            + " was approved and settled, but no receipt in the journal was paid with it.");
            for (var s : live) {
                b.settlement(s, "settlement");
            }
            ctx.emit(b);
            ctx.claim(t);
        }
    }
}
