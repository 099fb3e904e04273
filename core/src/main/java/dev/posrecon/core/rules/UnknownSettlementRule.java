package dev.posrecon.core.rules;

import dev.posrecon.core.cases.CaseBuilder;
import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.match.Txn;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.TxnKind;

/**
 * UNKNOWN_SETTLEMENT: the acquirer settled a line no terminal record explains ({@code NO_TERMINAL_RECORD}), or
 * that several terminal records explain equally well ({@code AMBIGUOUS_MATCH}), or a void/reversal/chargeback/
 * adjustment line that refers to nothing ({@code UNLINKED_VOID} ...). A sale the merchant cannot account for may
 * be owed back to the acquirer; other lines are for checking.
 */
public final class UnknownSettlementRule implements Rule {

    @Override
    public CaseType type() {
        return CaseType.UNKNOWN_SETTLEMENT;
    }

    @Override
    public void apply(RuleContext ctx) {
        var m = ctx.match();
        for (SettlementRecord s : m.unlinkedSettlements()) {
            if (ctx.claimed(s)) {
                continue;
            }
            var cands = m.ambiguousCandidates(s);
            String reason;
            if (!cands.isEmpty()) {
                reason = "AMBIGUOUS_MATCH";
            } else if (s.type() == TxnKind.SALE || s.type() == TxnKind.REFUND) {
                reason = "NO_TERMINAL_RECORD";
            } else {
                reason = "UNLINKED_" + s.type();
            }
            Direction d = s.type() == TxnKind.SALE ? Direction.MERCHANT_OWES_ACQUIRER : Direction.NONE;
            CaseBuilder b = new CaseBuilder(type(), reason, d, s.amount())
                    .settlement(s, "settlement")
                    .ambiguous(!cands.isEmpty());
            if (cands.isEmpty()) {
                b.detail("The acquirer settled a " + s.type() + " of " + s.amount().toDecimalString()
                        + " (STAN " + s.stan() + ", RRN " + s.rrn() + ") that no terminal record explains.");
            } else {
                b.matchRule("FALLBACK_AMOUNT_CARD_TIME").detail("This settlement line matches " + cands.size()
                        + " terminal transactions equally well; posrecon does not guess: check which one it settles.");
                for (Txn c : cands) {
                    b.terminal(c.record(), "candidate");
                }
            }
            ctx.emit(b);
            ctx.claim(s);
        }
    }
}
