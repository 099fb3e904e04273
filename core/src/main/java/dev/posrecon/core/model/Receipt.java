package dev.posrecon.core.model;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One receipt of the register's journal with its tenders (a CSV journal has one row per tender).
 *
 * @param ref   where the receipt's first row/line is
 * @param total the receipt total, positive; {@code kind} decides the direction
 */
public record Receipt(
        SourceRef ref,
        String receiptNo,
        String storeId,
        String registerId,
        String cashierId,
        LocalDateTime time,
        ReceiptKind kind,
        Money total,
        List<Tender> tenders,
        String originalReceiptNo,
        String memberId,
        String customerPhone,
        String customerEmail) {

    public Receipt {
        tenders = List.copyOf(tenders);
    }

    /** The tenders posrecon reconciles: card and QR payments ({@link TenderType#reconciled()}). */
    public List<Tender> cardTenders() {
        return tenders.stream().filter(t -> t.type().reconciled()).toList();
    }
}
