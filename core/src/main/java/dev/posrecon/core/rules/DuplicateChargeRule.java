package dev.posrecon.core.rules;

import dev.posrecon.core.cases.CaseBuilder;
import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.match.MatchResult;
import dev.posrecon.core.match.Txn;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.TxnKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DUPLICATE_CHARGE: one payment, two settled charges. Either the acquirer settled the same sale twice
 * ({@code SETTLED_TWICE}), or a sale that failed on the terminal (timeout, decline, or reversed) was settled anyway
 * while the cashier's retry — same terminal, card and amount, within the duplicate window — was settled too and
 * is the one on the receipt ({@code RETRY_AFTER_TIMEOUT}, {@code RETRY_AFTER_DECLINE},
 * {@code RETRY_AFTER_REVERSAL}). The customer paid twice: the merchant owes the extra charge.
 */
public final class DuplicateChargeRule implements Rule {

    @Override
    public CaseType type() {
        return CaseType.DUPLICATE_CHARGE;
    }

    @Override
    public void apply(RuleContext ctx) {
        var m = ctx.match();
        for (Txn t : ctx.where(m.txns(TxnKind.SALE), t -> t.settlementCount() > 1 && Charges.live(m, t).size() > 1)) {
            List<SettlementRecord> live = Charges.live(m, t);
            for (int i = 1; i < live.size(); i++) {
                SettlementRecord extra = live.get(i);
                CaseBuilder b = new CaseBuilder(type(), "SETTLED_TWICE", Direction.MERCHANT_OWES_CUSTOMER,
                        extra.amount())
                        .settlement(extra, "duplicate settlement")
                        .terminal(t.record(), "sale")
                        .settlement(live.get(0), "settlement")
                        .matchRule(m.ruleOf(extra))
                        .detail("The acquirer settled sale STAN " + t.record().stan() + " " + live.size()
                                + " times; the customer was charged " + extra.amount().toDecimalString()
                                + " more than once.");
                for (var l : t.tenders()) {
                    b.receipt(l.target().receipt(), "receipt");
                }
                ctx.emit(b);
                ctx.claim(extra);
            }
        }
        // failed sales that were settled anyway are few: the retries are looked for on their terminals only
        List<Txn> failedButSettled = new ArrayList<>();
        Set<String> terminals = new HashSet<>(); // null for no terminal id: Hash* hold a null key
        for (Txn t : ctx.where(m.txns(TxnKind.SALE), t -> failedButSettled(m, t))) {
            if (!ctx.claimed(t)) {
                failedButSettled.add(t);
                terminals.add(t.record().terminalId());
            }
        }
        if (failedButSettled.isEmpty()) {
            return;
        }
        Map<String, List<Txn>> byTid = new HashMap<>();
        for (Txn t : m.txns(TxnKind.SALE)) {
            String tid = t.record().terminalId();
            if (terminals.contains(tid)) {
                byTid.computeIfAbsent(tid, k -> new ArrayList<>()).add(t);
            }
        }
        Duration window = ctx.config().duplicateWindow();
        for (Txn t : failedButSettled) {
            var r = t.record();
            List<SettlementRecord> live = Charges.live(m, t);
            // the terminal's sales are in time order: the earliest retry is the first that qualifies in the window
            List<Txn> sales = byTid.get(r.terminalId());
            java.time.LocalDateTime end = r.localTime().plus(window);
            Txn retry = null;
            for (int i = firstAtOrAfter(sales, r.localTime()); i < sales.size(); i++) {
                Txn y = sales.get(i);
                var yr = y.record();
                if (yr.localTime().isAfter(end)) {
                    break;
                }
                if (y != t && yr.approved() && yr.amount().equals(r.amount()) && r.cardLast4().equals(yr.cardLast4())
                        && y.hasTenders() && Charges.settled(m, y)) {
                    retry = y;
                    break;
                }
            }
            if (retry == null) {
                continue;
            }
            String reason = t.cancelledBy() != null ? "RETRY_AFTER_REVERSAL"
                    : r.timedOut() ? "RETRY_AFTER_TIMEOUT" : "RETRY_AFTER_DECLINE";
            CaseBuilder b = new CaseBuilder(type(), reason, Direction.MERCHANT_OWES_CUSTOMER, live.get(0).amount())
                    .terminal(r, "failed charge")
                    .settlement(live.get(0), "settlement of failed charge")
                    .terminal(retry.record(), "retry")
                    .settlement(Charges.live(m, retry).get(0), "settlement of retry")
                    .matchRule(Charges.rules(t))
                    .matchRule("DUPLICATE_SAME_CARD_AMOUNT_WINDOW")
                    .detail("Sale STAN " + r.stan() + " " + (r.timedOut() ? "timed out" : "failed")
                            + (t.cancelledBy() != null ? " and was reversed" : "") + ", the cashier retried as STAN "
                            + retry.record().stan() + ", and the acquirer settled both: the customer paid "
                            + r.amount().toDecimalString() + " twice for one receipt.");
            if (t.cancelledBy() != null) {
                b.terminal(t.cancelledBy().record(), "reversal");
            }
            for (var l : retry.tenders()) {
                b.receipt(l.target().receipt(), "receipt");
            }
            ctx.emit(b);
            ctx.claim(t);
        }
    }

    /** The first of {@code sales} (a terminal's, in time order, no time first) at or after {@code time}. */
    private static int firstAtOrAfter(List<Txn> sales, java.time.LocalDateTime time) {
        int lo = 0;
        int hi = sales.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            var t = sales.get(mid).record().localTime();
            if (t == null || t.isBefore(time)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A sale that failed on the terminal (declined, timed out, or reversed) and settled anyway, with no receipt. */
    private static boolean failedButSettled(MatchResult m, Txn t) {
        var r = t.record();
        boolean failed = !r.approved()
                || (t.cancelledBy() != null && t.cancelledBy().record().kind() == TxnKind.REVERSAL);
        return failed && !t.hasTenders() && r.cardLast4() != null && r.localTime() != null
                && Charges.settled(m, t);
    }
}
