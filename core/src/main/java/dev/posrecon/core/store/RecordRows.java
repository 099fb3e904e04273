package dev.posrecon.core.store;

import dev.posrecon.core.model.Cards;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.Tender;
import dev.posrecon.core.model.TerminalRecord;
import dev.posrecon.core.model.TxnKind;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** The mapping between records and their rows. Cards are masked again on the way in: no full PAN is stored. */
final class RecordRows {
    static final String INSERT_TERMINAL = "INSERT INTO terminal_records (run_id, status_run_id, status, file_sha256,"
            + " file_name, line, response_file, response_line, business_date, request_mti, kind, processing_code,"
            + " terminal_id, merchant_id, stan, rrn, auth_code, response_code, approved, amount_minor, currency, card,"
            + " local_time, original_mti, original_stan) VALUES (" + marks(25) + ")";
    static final String INSERT_SETTLEMENT = "INSERT INTO settlement_records (run_id, status_run_id, status,"
            + " file_sha256, file_name, line, business_date, merchant_id, terminal_id, txn_time, settle_date, txn_type,"
            + " amount_minor, currency, fee_minor, net_minor, card, auth_code, rrn, stan, batch) VALUES ("
            + marks(21) + ")";
    static final String INSERT_RECEIPT = "INSERT INTO receipts (run_id, status_run_id, status, file_sha256, file_name,"
            + " line, business_date, receipt_no, store_id, register_id, cashier_id, receipt_time, kind, total_minor,"
            + " currency, original_receipt_no, member_id, customer_phone, customer_email, card_terminal_id, card_stan,"
            + " card_rrn, card_auth_code, card_last4, card_merchant_id, card_amount_minor, tenders) VALUES ("
            + marks(27) + ")";

    private RecordRows() {
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static void bindTerminal(PreparedStatement ps, TerminalRecord t, long runId, String status, String sha,
                             LocalDate day) throws SQLException {
        int i = head(ps, runId, status, sha, t.ref());
        Db.str(ps, i++, t.responseRef() == null ? null : t.responseRef().file());
        Db.lng(ps, i++, t.responseRef() == null ? null : t.responseRef().line());
        Db.date(ps, i++, day);
        Db.str(ps, i++, t.requestMti());
        Db.str(ps, i++, Db.name(t.kind()));
        Db.str(ps, i++, t.processingCode());
        Db.str(ps, i++, t.terminalId());
        Db.str(ps, i++, t.merchantId());
        Db.str(ps, i++, t.stan());
        Db.str(ps, i++, t.rrn());
        Db.str(ps, i++, t.authCode());
        Db.str(ps, i++, t.responseCode());
        ps.setBoolean(i++, t.approved());
        Db.lng(ps, i++, Db.minor(t.amount()));
        Db.str(ps, i++, Db.code(t.amount()));
        Db.str(ps, i++, Cards.mask(t.card()));
        Db.time(ps, i++, t.localTime());
        Db.str(ps, i++, t.originalMti());
        Db.str(ps, i, t.originalStan());
    }

    /** A stored receipt with its tenders (decoded from its row). */
    static Receipt receipt(ResultSet rs) throws SQLException {
        return StoredReceipt.of(rs).toReceipt();
    }

    static TerminalRecord terminal(ResultSet rs) throws SQLException {
        String responseFile = rs.getString("response_file");
        Long responseLine = Db.lng(rs, "response_line");
        return new TerminalRecord(
                new SourceRef(rs.getString("file_name"), rs.getLong("line")),
                responseFile == null ? null : new SourceRef(responseFile, responseLine == null ? 0 : responseLine),
                rs.getString("request_mti"),
                Db.enumOf(TxnKind.class, rs.getString("kind")),
                rs.getString("processing_code"),
                rs.getString("terminal_id"),
                rs.getString("merchant_id"),
                rs.getString("stan"),
                rs.getString("rrn"),
                rs.getString("auth_code"),
                rs.getString("response_code"),
                rs.getBoolean("approved"),
                Db.money(rs, "amount_minor", "currency"),
                rs.getString("card"),
                Db.time(rs, "local_time"),
                rs.getString("original_mti"),
                rs.getString("original_stan"));
    }

    /** Fee and net are stored in the amount's currency (minor units only). */
    static void bindSettlement(PreparedStatement ps, SettlementRecord s, long runId, String status, String sha,
                               LocalDate day) throws SQLException {
        int i = head(ps, runId, status, sha, s.ref());
        Db.date(ps, i++, day);
        Db.str(ps, i++, s.merchantId());
        Db.str(ps, i++, s.terminalId());
        Db.time(ps, i++, s.txnTime());
        Db.date(ps, i++, s.settleDate());
        Db.str(ps, i++, Db.name(s.type()));
        Db.lng(ps, i++, Db.minor(s.amount()));
        Db.str(ps, i++, Db.code(s.amount()));
        Db.lng(ps, i++, Db.minor(s.fee()));
        Db.lng(ps, i++, Db.minor(s.net()));
        Db.str(ps, i++, Cards.mask(s.card()));
        Db.str(ps, i++, s.authCode());
        Db.str(ps, i++, s.rrn());
        Db.str(ps, i++, s.stan());
        Db.str(ps, i, s.batch());
    }

    static SettlementRecord settlement(ResultSet rs) throws SQLException {
        Money amount = Db.money(rs, "amount_minor", "currency");
        Long fee = Db.lng(rs, "fee_minor");
        Long net = Db.lng(rs, "net_minor");
        return new SettlementRecord(
                new SourceRef(rs.getString("file_name"), rs.getLong("line")),
                rs.getString("merchant_id"),
                rs.getString("terminal_id"),
                Db.time(rs, "txn_time"),
                Db.date(rs, "settle_date"),
                Db.enumOf(TxnKind.class, rs.getString("txn_type")),
                amount,
                fee == null || amount == null ? null : Money.of(fee, amount.currency()),
                net == null || amount == null ? null : Money.of(net, amount.currency()),
                rs.getString("card"),
                rs.getString("auth_code"),
                rs.getString("rrn"),
                rs.getString("stan"),
                rs.getString("batch"));
    }

    /**
     * A receipt with its tenders as stored ({@link #stored}): the first card tender's references in the card_*
     * columns, all tenders in the text column.
     */
    static void bindReceipt(PreparedStatement ps, Receipt r, java.util.List<TenderText.Stored> tenders, long runId,
                            String status, String sha, LocalDate day) throws SQLException {
        int i = head(ps, runId, status, sha, r.ref());
        Db.date(ps, i++, day);
        Db.str(ps, i++, r.receiptNo());
        Db.str(ps, i++, r.storeId());
        Db.str(ps, i++, r.registerId());
        Db.str(ps, i++, r.cashierId());
        Db.time(ps, i++, r.time());
        Db.str(ps, i++, Db.name(r.kind()));
        Db.lng(ps, i++, Db.minor(r.total()));
        Db.str(ps, i++, Db.code(r.total()));
        Db.str(ps, i++, r.originalReceiptNo());
        Db.str(ps, i++, r.memberId());
        Db.str(ps, i++, r.customerPhone());
        Db.str(ps, i++, r.customerEmail());
        TenderText.Stored card = firstCard(tenders);
        Db.str(ps, i++, card == null ? null : card.terminalId());
        Db.str(ps, i++, card == null ? null : card.stan());
        Db.str(ps, i++, card == null ? null : card.rrn());
        Db.str(ps, i++, card == null ? null : card.authCode());
        Db.str(ps, i++, card == null ? null : card.cardLast4());
        Db.str(ps, i++, card == null ? null : card.merchantId());
        Db.lng(ps, i++, card == null ? null : card.amountMinor());
        Db.str(ps, i, tenders.isEmpty() ? null : TenderText.encode(tenders));
    }

    /**
     * The card tender a look-up lists for a receipt: the first card tender that has a card ending or an RRN, else
     * the first card tender; null without one.
     */
    static TenderText.Stored firstCard(java.util.List<TenderText.Stored> tenders) {
        TenderText.Stored first = null;
        for (TenderText.Stored t : tenders) {
            if (!t.isCard()) {
                continue;
            }
            if (t.cardLast4() != null || t.rrn() != null) {
                return t;
            }
            if (first == null) {
                first = t;
            }
        }
        return first;
    }

    /** A tender as stored; with {@code paid} (the terminal record it was paid by), its missing references filled in. */
    static TenderText.Stored stored(Tender t, TerminalRecord paid) {
        return new TenderText.Stored(t.ref() == null ? null : (Long) t.ref().line(), t.type().name(),
                Db.minor(t.amount()), Db.code(t.amount()),
                or(t.terminalId(), paid == null ? null : paid.terminalId()),
                or(t.stan(), paid == null ? null : paid.stan()),
                or(t.rrn(), paid == null ? null : paid.rrn()),
                or(t.authCode(), paid == null ? null : paid.authCode()),
                Cards.maskedLast4(or(t.cardLast4(), paid == null ? null : paid.card())),
                paid == null ? null : paid.merchantId());
    }

    private static String or(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    /** run_id, status_run_id, status, file_sha256, file_name, line; returns the next index. */
    private static int head(PreparedStatement ps, long runId, String status, String sha, SourceRef ref)
            throws SQLException {
        ps.setLong(1, runId);
        ps.setLong(2, runId);
        ps.setString(3, status);
        Db.str(ps, 4, sha);
        ps.setString(5, ref.file());
        ps.setLong(6, ref.line());
        return 7;
    }
}
