package dev.posrecon.core.rules;

import dev.posrecon.core.cases.CaseBuilder;
import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.match.Txn;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.TxnKind;

import java.util.List;

/**
 * PHANTOM_VOID: the terminal voided or reversed the sale (or the journal voided its receipt), yet the acquirer
 * settled it and no void/reversal line nets it off. The customer was charged and "never got it back".
 */
public final class PhantomVoidRule implements Rule {

    @Override
    public CaseType type() {
        return CaseType.PHANTOM_VOID;
    }

    @Override
    public void apply(RuleContext ctx) {
        var m = ctx.match();
        for (Txn t : m.txns(TxnKind.SALE)) {
            if (ctx.claimed(t) || !t.cancelled()) {
                continue;
            }
            List<SettlementRecord> live = Charges.live(m, t);
            if (live.isEmpty()) {
                continue;
            }
            Money amount = live.get(0).amount();
            Txn by = t.cancelledBy();
            String reason = by == null ? "JOURNAL_VOID_SETTLED"
                    : by.record().kind() == TxnKind.VOID ? "VOID_SETTLED" : "REVERSAL_SETTLED";
            String what = by == null ? "the register voided receipt " + t.journalVoid().receiptNo()
                    : "the terminal " + (by.record().kind() == TxnKind.VOID ? "voided" : "reversed") + " it (STAN "
                    + by.record().stan() + (by.record().approved() ? ", approved" : ", no response") + ")";
            CaseBuilder b = new CaseBuilder(type(), reason, Direction.MERCHANT_OWES_CUSTOMER, amount)
                    .terminal(t.record(), "sale")
                    .settlement(live.get(0), "settlement")
                    .matchRule(Charges.rules(t))
                    .detail("Sale STAN " + t.record().stan() + " of " + amount.toDecimalString() + ": " + what
                            + ", but the acquirer settled the sale anyway.");
            if (by != null) {
                b.terminal(by.record(), by.record().kind() == TxnKind.VOID ? "void" : "reversal");
            }
            for (var l : t.tenders()) {
                b.receipt(l.target().receipt(), "receipt");
            }
            if (t.journalVoid() != null) {
                b.receipt(t.journalVoid(), "void receipt");
            }
            ctx.emit(b);
            ctx.claim(t);
        }
    }
}
