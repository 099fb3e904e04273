package dev.posrecon.core.model;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One receipt of the register's journal with its tenders (a CSV journal has one row per tender).
 *
 * @param file        the journal's name as given, and {@code line} the receipt's first row/line ({@link #ref})
 * @param receiptKey  the receipt number as {@link Ids#pack} codes it ({@link #receiptNo})
 * @param total       the receipt total, positive; {@code kind} decides the direction
 * @param originalKey the original receipt number of a return or void, may be none ({@link #originalReceiptNo})
 * @param memberKey   the member number, may be none ({@link #memberId})
 */
public record Receipt(
        String file,
        int line,
        long receiptKey,
        String storeId,
        String registerId,
        String cashierId,
        LocalDateTime time,
        ReceiptKind kind,
        Money total,
        List<Tender> tenders,
        long originalKey,
        long memberKey,
        String customerPhone,
        String customerEmail) {

    /** A record with its receipt, original receipt and member numbers as text. */
    public Receipt(String file, int line, String receiptNo, String storeId, String registerId, String cashierId,
            LocalDateTime time, ReceiptKind kind, Money total, List<Tender> tenders, String originalReceiptNo,
            String memberId, String customerPhone, String customerEmail) {
        this(file, line, Ids.pack(receiptNo), storeId, registerId, cashierId, time, kind, total, tenders,
                Ids.pack(originalReceiptNo), Ids.pack(memberId), customerPhone, customerEmail);
    }

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

    /** The receipt number, as printed. */
    public String receiptNo() {
        return Ids.text(receiptKey);
    }

    /** The receipt a return or void refers to, may be null. */
    public String originalReceiptNo() {
        return Ids.text(originalKey);
    }

    /** The member number the register recorded, may be null. */
    public String memberId() {
        return Ids.text(memberKey);
    }

    /** As a record prints itself, with the receipt, original and member numbers as text rather than codes. */
    @Override
    public String toString() {
        return "Receipt[file=" + file + ", line=" + line + ", receiptNo=" + receiptNo() + ", storeId=" + storeId
                + ", registerId=" + registerId + ", cashierId=" + cashierId + ", time=" + time + ", kind=" + kind
                + ", total=" + total + ", tenders=" + tenders + ", originalReceiptNo=" + originalReceiptNo()
                + ", memberId=" + memberId() + ", customerPhone=" + customerPhone + ", customerEmail="
                + customerEmail + "]";
    }

    /** The tenders posrecon reconciles: card and QR payments ({@link TenderType#reconciled()}). */
    public List<Tender> cardTenders() {
        return tenders.stream().filter(t -> t.type().reconciled()).toList();
    }
}
