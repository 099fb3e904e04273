package dev.posrecon.core.model;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One line the acquirer settled, in canonical form.
 *
 * @param amount positive magnitude; {@code type} decides the direction (a REFUND is money back to the card)
 * @param fee    fee charged by the acquirer (positive = charged to the merchant), null when the file has none
 * @param net    net amount as written by the acquirer (signed as written), null when absent
 * @param card   masked card (first 6 / last 4) or just a last-4 form, may be null
 */
public record SettlementRecord(
        SourceRef ref,
        String merchantId,
        String terminalId,
        LocalDateTime txnTime,
        LocalDate settleDate,
        TxnKind type,
        Money amount,
        Money fee,
        Money net,
        String card,
        String authCode,
        String rrn,
        String stan,
        String batch) {

    public String cardLast4() {
        return Cards.last4(card);
    }
}
