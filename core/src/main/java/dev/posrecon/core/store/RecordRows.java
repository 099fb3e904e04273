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
            + " currency, original_receipt_no, member_id, customer_phone, customer_email) VALUES (" + marks(19) + ")";
    static final String INSERT_TENDER = "INSERT INTO tenders (file_sha256, file_name, receipt_line, seq, line,"
            + " tender_type, amount_minor, currency, terminal_id, stan, rrn, auth_code, card_last4, merchant_id) VALUES ("
            + marks(14) + ")";

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

    /** A stored receipt without its tenders yet, and its file's SHA-256 (the tenders' key). */
    record ReceiptHead(dev.posrecon.core.model.Receipt receipt, String sha) {
        dev.posrecon.core.model.Receipt withTenders(java.util.List<dev.posrecon.core.model.Tender> tenders) {
            var r = receipt;
            return new dev.posrecon.core.model.Receipt(r.ref(), r.receiptNo(), r.storeId(), r.registerId(),
                    r.cashierId(), r.time(), r.kind(), r.total(), tenders, r.originalReceiptNo(), r.memberId(),
                    r.customerPhone(), r.customerEmail());
        }
    }

    static ReceiptHead receiptHead(ResultSet rs) throws SQLException {
        return new ReceiptHead(new dev.posrecon.core.model.Receipt(
                new SourceRef(rs.getString("file_name"), rs.getLong("line")),
                rs.getString("receipt_no"), rs.getString("store_id"), rs.getString("register_id"),
                rs.getString("cashier_id"), Db.time(rs, "receipt_time"),
                Db.enumOf(dev.posrecon.core.model.ReceiptKind.class, rs.getString("kind")),
                Db.money(rs, "total_minor", "currency"), java.util.List.of(), rs.getString("original_receipt_no"),
                rs.getString("member_id"), rs.getString("customer_phone"), rs.getString("customer_email")),
                rs.getString("file_sha256"));
    }

    static dev.posrecon.core.model.Tender tender(ResultSet rs) throws SQLException {
        Long line = Db.lng(rs, "line");
        return new dev.posrecon.core.model.Tender(new SourceRef(rs.getString("file_name"), line == null ? 0 : line),
                Db.enumOf(dev.posrecon.core.model.TenderType.class, rs.getString("tender_type")),
                Db.money(rs, "amount_minor", "currency"), rs.getString("terminal_id"), rs.getString("stan"),
                rs.getString("rrn"), rs.getString("auth_code"), rs.getString("card_last4"));
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

    static void bindReceipt(PreparedStatement ps, Receipt r, long runId, String status, String sha, LocalDate day)
            throws SQLException {
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
        Db.str(ps, i, r.customerEmail());
    }

    /** A tender; with {@code paid} (the terminal record it was paid by), its missing references filled in. */
    static void bindTender(PreparedStatement ps, Receipt r, Tender t, int seq, String sha, TerminalRecord paid)
            throws SQLException {
        Db.str(ps, 1, sha);
        ps.setString(2, r.ref().file());
        ps.setLong(3, r.ref().line());
        ps.setInt(4, seq);
        Db.lng(ps, 5, t.ref() == null ? null : t.ref().line());
        ps.setString(6, t.type().name());
        Db.lng(ps, 7, Db.minor(t.amount()));
        Db.str(ps, 8, Db.code(t.amount()));
        Db.str(ps, 9, or(t.terminalId(), paid == null ? null : paid.terminalId()));
        Db.str(ps, 10, or(t.stan(), paid == null ? null : paid.stan()));
        Db.str(ps, 11, or(t.rrn(), paid == null ? null : paid.rrn()));
        Db.str(ps, 12, or(t.authCode(), paid == null ? null : paid.authCode()));
        Db.str(ps, 13, Cards.last4(Cards.mask(or(t.cardLast4(), paid == null ? null : paid.card()))));
        Db.str(ps, 14, paid == null ? null : paid.merchantId());
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
