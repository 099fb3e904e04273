package dev.posrecon.core.config;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of the fee schedule: a rate in percent of the amount, optionally capped, for cards whose masked number
 * starts with {@code cardPrefix} (empty = any card) at merchants {@code merchantId} (empty = any).
 * The most specific matching rule wins: merchant before any, longer prefix before shorter, then name.
 *
 * @param ratePercent e.g. {@code 0.60} for 0.6 %
 * @param capMinor    maximum fee in minor units, or -1 for none
 */
public record FeeRule(String name, String merchantId, String cardPrefix, BigDecimal ratePercent, long capMinor) {
    public FeeRule {
        Objects.requireNonNull(name);
        merchantId = merchantId == null ? "" : merchantId;
        cardPrefix = cardPrefix == null ? "" : cardPrefix;
        Objects.requireNonNull(ratePercent);
    }

    @Override
    public String toString() {
        return name + "{merchant=" + (merchantId.isEmpty() ? "*" : merchantId) + ", cardPrefix="
                + (cardPrefix.isEmpty() ? "*" : cardPrefix) + ", rate=" + ratePercent.toPlainString() + "%, cap="
                + (capMinor < 0 ? "none" : Long.toString(capMinor)) + "}";
    }
}
