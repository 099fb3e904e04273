package dev.posrecon.core.model;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One receipt of the register's journal with its tenders (a CSV journal has one row per tender). An immutable
 * value with a record's accessors, {@code equals} and {@code hashCode}; a class rather than a record so that a
 * receipt of one tender holds the tender itself, not a list of it (a million receipts, 27 MB of lists).
 */
public final class Receipt {
    private final String file;
    private final int line;
    private final long receiptKey;
    private final String storeId;
    private final String registerId;
    private final String cashierId;
    private final LocalDateTime time;
    private final ReceiptKind kind;
    private final Money total;
    /** the one {@link Tender}, or an immutable list of none or several. */
    private final Object tenders;
    private final long originalKey;
    private final long memberKey;
    private final String customerPhone;
    private final String customerEmail;

    /**
     * A receipt with its numbers as codes; {@code tenders} is copied.
     *
     * @param file        the journal's name as given, and {@code line} the receipt's first row/line ({@link #ref})
     * @param receiptKey  the receipt number as {@link Ids#pack} codes it ({@link #receiptNo})
     * @param total       the receipt total, positive; {@code kind} decides the direction
     * @param originalKey the original receipt number of a return or void, may be none ({@link #originalReceiptNo})
     * @param memberKey   the member number, may be none ({@link #memberId})
     */
    public Receipt(String file, int line, long receiptKey, String storeId, String registerId, String cashierId,
            LocalDateTime time, ReceiptKind kind, Money total, List<Tender> tenders, long originalKey,
            long memberKey, String customerPhone, String customerEmail) {
        this.file = file;
        this.line = line;
        this.receiptKey = receiptKey;
        this.storeId = storeId;
        this.registerId = registerId;
        this.cashierId = cashierId;
        this.time = time;
        this.kind = kind;
        this.total = total;
        List<Tender> copy = List.copyOf(tenders);
        this.tenders = copy.size() == 1 ? copy.get(0) : copy;
        this.originalKey = originalKey;
        this.memberKey = memberKey;
        this.customerPhone = customerPhone;
        this.customerEmail = customerEmail;
    }

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
                + ", total=" + total + ", tenders=" + tenders() + ", originalReceiptNo=" + originalReceiptNo()
                + ", memberId=" + memberId() + ", customerPhone=" + customerPhone + ", customerEmail="
                + customerEmail + "]";
    }

    /** The tenders posrecon reconciles: card and QR payments ({@link TenderType#reconciled()}). */
    public List<Tender> cardTenders() {
        return tenders().stream().filter(t -> t.type().reconciled()).toList();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public long receiptKey() {
        return receiptKey;
    }

    public String storeId() {
        return storeId;
    }

    public String registerId() {
        return registerId;
    }

    public String cashierId() {
        return cashierId;
    }

    public LocalDateTime time() {
        return time;
    }

    public ReceiptKind kind() {
        return kind;
    }

    public Money total() {
        return total;
    }

    /** The tenders in journal order, an immutable list. */
    @SuppressWarnings("unchecked")
    public List<Tender> tenders() {
        return tenders instanceof Tender one ? List.of(one) : (List<Tender>) tenders;
    }

    public long originalKey() {
        return originalKey;
    }

    public long memberKey() {
        return memberKey;
    }

    public String customerPhone() {
        return customerPhone;
    }

    public String customerEmail() {
        return customerEmail;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Receipt r && line == r.line && receiptKey == r.receiptKey && originalKey == r.originalKey
                && memberKey == r.memberKey && kind == r.kind && Objects.equals(file, r.file)
                && Objects.equals(storeId, r.storeId) && Objects.equals(registerId, r.registerId)
                && Objects.equals(cashierId, r.cashierId) && Objects.equals(time, r.time)
                && Objects.equals(total, r.total) && tenders().equals(r.tenders())
                && Objects.equals(customerPhone, r.customerPhone) && Objects.equals(customerEmail, r.customerEmail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, line, receiptKey, storeId, registerId, cashierId, time, kind, total, tenders(),
                originalKey, memberKey, customerPhone, customerEmail);
    }
}
