package dev.posrecon.core.model;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One receipt of the register's journal with its tenders (a CSV journal has one row per tender).
 *
 * @param file  the journal's name as given, and {@code line} the receipt's first row/line ({@link #ref})
 * @param total the receipt total, positive; {@code kind} decides the direction
 */
public record Receipt(
        String file,
        int line,
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

    /** A record whose source reference is {@code ref}. */
    public Receipt(SourceRef ref, String receiptNo, String storeId, String registerId, String cashierId,
            LocalDateTime time, ReceiptKind kind, Money total, List<Tender> tenders, String originalReceiptNo,
            String memberId, String customerPhone, String customerEmail) {
        this(ref.file(), SourceRef.intLine(ref), receiptNo, storeId, registerId, cashierId, time, kind, total, tenders,
                originalReceiptNo, memberId, customerPhone, customerEmail);
    }

    /** Where the record starts: made when asked for, as a big day holds millions of records. */
    public SourceRef ref() {
        return new SourceRef(file, line);
    }

    public Receipt {
        tenders = List.copyOf(tenders);
    }

    /** The tenders posrecon reconciles: card and QR payments ({@link TenderType#reconciled()}). */
    public List<Tender> cardTenders() {
        return tenders.stream().filter(t -> t.type().reconciled()).toList();
    }
}
