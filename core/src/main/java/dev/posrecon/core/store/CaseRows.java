package dev.posrecon.core.store;

import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.cases.Severity;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The mapping between {@link ReconCase} and a row of {@code cases}. */
final class CaseRows {
    /** The finding's columns, in bind order (status and run columns are apart). */
    static final String DATA_COLUMNS = "case_type, severity, direction, amount_minor, currency, business_date, "
            + "merchant_id, terminal_id, receipt_no, stan, rrn, auth_code, card, member_id, txn_time, reason, detail, "
            + "match_rule, ambiguous, evidence_json, contact_json, contact_channels";
    static final int DATA_COUNT = 22;

    static final String INSERT = "INSERT INTO cases (" + DATA_COLUMNS + ", case_id, status, status_changed_at, "
            + "first_seen_run, last_seen_run, created_at) VALUES (" + "?, ".repeat(DATA_COUNT) + "?, ?, ?, ?, ?, ?)";

    static final String UPDATE = "UPDATE cases SET " + DATA_COLUMNS.replace(",", " = ?,") + " = ?, last_seen_run = ?"
            + " WHERE case_id = ?";

    private CaseRows() {
    }

    /** Binds the finding's columns at 1..{@link #DATA_COUNT}. */
    static void bindData(PreparedStatement ps, ReconCase c) throws SQLException {
        int i = 1;
        ps.setString(i++, c.type().name());
        Db.str(ps, i++, Db.name(c.severity()));
        Db.str(ps, i++, Db.name(c.direction()));
        ps.setLong(i++, c.amountAtStake().minor());
        ps.setString(i++, c.amountAtStake().currency().getCurrencyCode());
        Db.date(ps, i++, c.businessDate());
        Db.str(ps, i++, c.merchantId());
        Db.str(ps, i++, c.terminalId());
        Db.str(ps, i++, c.receiptNo());
        Db.str(ps, i++, c.stan());
        Db.str(ps, i++, c.rrn());
        Db.str(ps, i++, c.authCode());
        Db.str(ps, i++, c.card());
        Db.str(ps, i++, c.memberId());
        Db.time(ps, i++, c.txnTime());
        Db.str(ps, i++, c.reason());
        Db.str(ps, i++, c.detail());
        Db.str(ps, i++, c.matchRule());
        ps.setBoolean(i++, c.ambiguous());
        ps.setString(i++, Json.write(c.evidence()));
        ps.setString(i++, Json.write(c.contact()));
        Db.str(ps, i, c.contact().channelList());
    }

    static StoredCase read(ResultSet rs) throws SQLException {
        ReconCase c = new ReconCase(
                rs.getString("case_id"),
                CaseType.valueOf(rs.getString("case_type")),
                Db.enumOf(Severity.class, rs.getString("severity")),
                Db.enumOf(Direction.class, rs.getString("direction")),
                Db.money(rs, "amount_minor", "currency"),
                Db.date(rs, "business_date"),
                rs.getString("merchant_id"),
                rs.getString("terminal_id"),
                rs.getString("receipt_no"),
                rs.getString("stan"),
                rs.getString("rrn"),
                rs.getString("auth_code"),
                rs.getString("card"),
                rs.getString("member_id"),
                Db.time(rs, "txn_time"),
                rs.getString("reason"),
                rs.getString("detail"),
                rs.getString("match_rule"),
                rs.getBoolean("ambiguous"),
                Json.evidence(rs.getString("evidence_json")),
                Json.contact(rs.getString("contact_json")));
        return new StoredCase(c, CaseStatus.valueOf(rs.getString("status")), rs.getLong("first_seen_run"),
                rs.getLong("last_seen_run"), Db.instant(rs, "created_at"), Db.instant(rs, "status_changed_at"),
                rs.getString("closed_reason"), rs.getString("closed_by"));
    }

    static void insertEvent(PreparedStatement ps, String caseId, java.time.Instant at, String actor,
                            CaseStatus from, CaseStatus to, String note, Long runId) throws SQLException {
        ps.setString(1, caseId);
        Db.instant(ps, 2, at);
        ps.setString(3, actor);
        Db.str(ps, 4, Db.name(from));
        ps.setString(5, to.name());
        Db.str(ps, 6, note);
        Db.lng(ps, 7, runId);
    }

    static final String INSERT_EVENT = "INSERT INTO case_events (case_id, event_at, actor, from_status, to_status, "
            + "note, run_id) VALUES (?, ?, ?, ?, ?, ?, ?)";
}
