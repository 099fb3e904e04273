package dev.posrecon.core.store;

import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.ReceiptKind;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.Tender;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A receipt as the ledger keeps it, a row of {@code receipts} or one receipt of a block ({@link ReceiptBlocks}),
 * with its tenders as stored (a card tender's references completed from the terminal record that paid it).
 *
 * @param runId the run that stored it (its merchant name heads a reprint)
 * @param kind  SALE, RETURN or VOID as stored
 */
record StoredReceipt(SourceRef ref, long runId, LocalDate businessDate, String receiptNo, String storeId,
                     String registerId, String cashierId, LocalDateTime time, String kind, Money total,
                     String originalReceiptNo, String memberId, String customerPhone, String customerEmail,
                     List<TenderText.Stored> tenders) {

    StoredReceipt {
        tenders = List.copyOf(tenders);
    }

    /** The receipt of a {@code receipts} row ({@code SELECT r.*}). */
    static StoredReceipt of(ResultSet rs) throws SQLException {
        return new StoredReceipt(new SourceRef(rs.getString("file_name"), rs.getLong("line")), rs.getLong("run_id"),
                Db.date(rs, "business_date"), rs.getString("receipt_no"), rs.getString("store_id"),
                rs.getString("register_id"), rs.getString("cashier_id"), Db.time(rs, "receipt_time"),
                rs.getString("kind"), Db.money(rs, "total_minor", "currency"), rs.getString("original_receipt_no"),
                rs.getString("member_id"), rs.getString("customer_phone"), rs.getString("customer_email"),
                TenderText.decode(rs.getString("tenders")));
    }

    /** The card tender a look-up lists, see {@link RecordRows#firstCard}; null without one. */
    TenderText.Stored firstCard() {
        return RecordRows.firstCard(tenders);
    }

    /** The model's receipt, its tenders in this receipt's file. */
    Receipt toReceipt() {
        List<Tender> out = new ArrayList<>(tenders.size());
        for (TenderText.Stored t : tenders) {
            out.add(t.toTender(ref.file()));
        }
        return new Receipt(ref, receiptNo, storeId, registerId, cashierId, time, Db.enumOf(ReceiptKind.class, kind),
                total, out, originalReceiptNo, memberId, customerPhone, customerEmail);
    }

    ReceiptMatch toMatch() {
        TenderText.Stored card = firstCard();
        return new ReceiptMatch(receiptNo, time, kind, total, card == null ? null : card.terminalId(),
                card == null ? null : card.cardLast4(), card == null ? null : card.authCode(),
                card == null ? null : card.rrn(), card == null ? null : card.stan(), ref);
    }
}
