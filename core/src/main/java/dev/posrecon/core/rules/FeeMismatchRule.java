package dev.posrecon.core.rules;

import dev.posrecon.core.cases.CaseBuilder;
import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.config.FeeRule;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.TxnKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * FEE_MISMATCH: a settled sale's fee differs from the configured rate schedule by more than the fee tolerance.
 * Expected fee = amount x rate, rounded half-up to the currency's minor unit, capped where the rule has a cap.
 * The most specific rule applies (merchant, then longest card prefix, then name). No rules configured, no check.
 */
public final class FeeMismatchRule implements Rule {

    @Override
    public CaseType type() {
        return CaseType.FEE_MISMATCH;
    }

    @Override
    public void apply(RuleContext ctx) {
        List<FeeRule> rules = ctx.config().feeRules();
        if (rules.isEmpty()) {
            return;
        }
        java.util.Map<FeeRule, Rate> rates = new java.util.IdentityHashMap<>();
        for (SettlementRecord s : ctx.match().settlements()) {
            if (s.type() != TxnKind.SALE || s.fee() == null) {
                continue;
            }
            FeeRule rule = pick(rules, s);
            if (rule == null) {
                continue;
            }
            long expected = expectedFee(s.amount().minor(), rule,
                    rates.computeIfAbsent(rule, r -> Rate.of(r.ratePercent())));
            long charged = Math.abs(s.fee().minor());
            long diff = charged - expected;
            if (Math.abs(diff) <= ctx.config().feeToleranceMinor()) {
                continue;
            }
            var cur = s.amount().currency();
            Direction d = diff > 0 ? Direction.ACQUIRER_OWES_MERCHANT : Direction.MERCHANT_OWES_ACQUIRER;
            CaseBuilder b = new CaseBuilder(type(), diff > 0 ? "FEE_TOO_HIGH" : "FEE_TOO_LOW", d,
                    Money.of(Math.abs(diff), cur))
                    .settlement(s, "settlement")
                    .matchRule("FEE_RULE_" + rule.name())
                    .detail("Fee " + Money.format(charged, cur) + " charged on " + s.amount().toDecimalString()
                            + "; expected " + Money.format(expected, cur) + " (" + rule.name() + " "
                            + rule.ratePercent().toPlainString() + "%"
                            + (rule.capMinor() >= 0 ? ", cap " + Money.format(rule.capMinor(), cur) : "") + ").");
            ctx.emit(b);
        }
    }

    /** amount x rate% rounded half-up to minor units, then capped. */
    static long expectedFee(long amountMinor, FeeRule rule) {
        return expectedFee(amountMinor, rule, Rate.of(rule.ratePercent()));
    }

    private static long expectedFee(long amountMinor, FeeRule rule, Rate rate) {
        long fee = rate.fee(amountMinor);
        if (fee == Rate.NOT_EXACT) {
            fee = BigDecimal.valueOf(amountMinor).multiply(rule.ratePercent())
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
        }
        return rule.capMinor() >= 0 ? Math.min(fee, rule.capMinor()) : fee;
    }

    /**
     * A rate in percent as {@code unscaled / divisor} (0.60% is 60 / 10,000), so a fee is worked out in longs, exactly
     * as the decimal sum would: the product, then the quotient rounded half-up. A rate or product longs cannot hold
     * exactly says so ({@link #NOT_EXACT}), and the fee is then worked out in decimals.
     */
    record Rate(long unscaled, long divisor) {
        static final long NOT_EXACT = Long.MIN_VALUE;

        static Rate of(BigDecimal ratePercent) {
            int scale = ratePercent.scale() + 2;
            if (ratePercent.scale() < 0 || scale > 18 || ratePercent.unscaledValue().bitLength() > 62) {
                return new Rate(0, 0);
            }
            return new Rate(ratePercent.unscaledValue().longValue(), pow10(scale));
        }

        /** The fee on {@code amountMinor} in minor units, rounded half-up; {@link #NOT_EXACT} when longs cannot. */
        long fee(long amountMinor) {
            if (divisor == 0) {
                return NOT_EXACT;
            }
            long hi = Math.multiplyHigh(amountMinor, unscaled);
            long p = amountMinor * unscaled;
            if ((hi != 0 || p < 0) && (hi != -1 || p >= 0)) {
                return NOT_EXACT; // the product does not fit a long
            }
            long q = p / divisor;
            long r = p % divisor;
            if (Math.abs(r) >= divisor - Math.abs(r)) {
                q += Long.signum(p);
            }
            return q;
        }

        private static long pow10(int n) {
            long v = 1;
            for (int i = 0; i < n; i++) {
                v *= 10;
            }
            return v;
        }
    }

    static FeeRule pick(List<FeeRule> rules, SettlementRecord s) {
        FeeRule best = null;
        for (FeeRule r : rules) {
            if (!r.merchantId().isEmpty() && !r.merchantId().equals(s.merchantId())) {
                continue;
            }
            if (!r.cardPrefix().isEmpty() && (s.card() == null || !s.card().startsWith(r.cardPrefix()))) {
                continue;
            }
            if (best == null || specificity(r) > specificity(best)) {
                best = r;
            }
        }
        return best;
    }

    private static int specificity(FeeRule r) {
        return (r.merchantId().isEmpty() ? 0 : 1000) + r.cardPrefix().length();
    }
}
