package dev.posrecon.core.store;

import java.time.LocalDate;

/**
 * Partial details of a sale, as a customer or a shop assistant remembers them; null fields are not used.
 *
 * @param amount    the receipt total or a tender amount, in major units as typed ({@code 115.20})
 * @param cardLast4 the card ending
 */
public record ReceiptQuery(LocalDate date, String amount, String cardLast4, String authCode, String rrn,
                           String terminalId, String receiptNo) {

    public boolean isEmpty() {
        return date == null && amount == null && cardLast4 == null && authCode == null && rrn == null
                && terminalId == null && receiptNo == null;
    }
}
