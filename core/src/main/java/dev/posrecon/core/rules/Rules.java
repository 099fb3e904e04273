package dev.posrecon.core.rules;

import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.match.MatchResult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Runs every rule in precedence order — the more specific finding claims a transaction first: a duplicate charge
 * before a phantom void, a phantom void before a short/over charge, those before unsettled/missing-receipt — and
 * gives every case its final, unique id.
 */
public final class Rules {
    private Rules() {
    }

    public static List<Rule> all() {
        return List.of(new DuplicateChargeRule(), new PhantomVoidRule(), new ShortChargeRule(), new OverChargeRule(),
                new MisRefundRule(), new UnsettledSaleRule(), new MissingReceiptRule(), new UnknownSettlementRule(),
                new FeeMismatchRule());
    }

    public static RuleContext run(MatchResult m, ReconConfig config, Predicate<LocalDate> settlementDue) {
        return run(m, config, settlementDue, 1);
    }

    /** @param threads more than 1: the rules test long lists on two threads (the cases are the same) */
    public static RuleContext run(MatchResult m, ReconConfig config, Predicate<LocalDate> settlementDue,
                                  int threads) {
        RuleContext ctx = new RuleContext(m, config, settlementDue, threads);
        try {
            for (Rule r : all()) {
                r.apply(ctx);
            }
        } finally {
            ctx.stopHelper();
        }
        return ctx;
    }

    /**
     * Sorts cases in output order (business date, terminal, time, type, id) and makes ids unique: where two
     * discrepancies share a natural key, the later in that order gets {@code -2}, {@code -3}...
     */
    public static List<ReconCase> finish(List<ReconCase> cases) {
        List<ReconCase> sorted = new ArrayList<>(cases);
        sorted.sort(OUTPUT_ORDER);
        Map<String, Integer> seen = new HashMap<>();
        List<ReconCase> out = new ArrayList<>(sorted.size());
        for (ReconCase c : sorted) {
            int n = seen.merge(c.caseId(), 1, Integer::sum);
            if (n > 1) {
                c = new ReconCase(c.caseId() + "-" + n, c.type(), c.severity(), c.direction(), c.amountAtStake(),
                        c.businessDate(), c.merchantId(), c.terminalId(), c.receiptNo(), c.stan(), c.rrn(),
                        c.authCode(), c.card(), c.memberId(), c.txnTime(), c.reason(), c.detail(), c.matchRule(),
                        c.ambiguous(), c.evidence(), c.contact());
            }
            out.add(c);
        }
        return out;
    }

    private static final java.util.Comparator<String> STR =
            java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder());

    public static final java.util.Comparator<ReconCase> OUTPUT_ORDER = java.util.Comparator
            .comparing(ReconCase::businessDate, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
            .thenComparing(ReconCase::terminalId, STR)
            .thenComparing(ReconCase::txnTime, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
            .thenComparing(ReconCase::type)
            .thenComparing(ReconCase::caseId)
            .thenComparing(ReconCase::reason)
            .thenComparing(c -> c.amountAtStake().minor())
            .thenComparing(ReconCase::receiptNo, STR);
}
