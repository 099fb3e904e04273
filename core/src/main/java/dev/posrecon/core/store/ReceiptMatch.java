package dev.posrecon.core.store;

import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.SourceRef;

import java.time.LocalDateTime;

/** One receipt found by {@link Ledger#findReceipts}, with its (first) card tender's references. */
public record ReceiptMatch(String receiptNo, LocalDateTime time, String kind, Money total, String terminalId,
                           String cardLast4, String authCode, String rrn, String stan, SourceRef ref) {
}
