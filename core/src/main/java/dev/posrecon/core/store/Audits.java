package dev.posrecon.core.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds {@link AuditReport}s with a few grouped queries. */
final class Audits {
    private final Ledger ledger;

    Audits(Ledger ledger) {
        this.ledger = ledger;
    }

    private static final class Acc {
        long an;
        long am;
        long sn;
        long sm;
        long rn;
        long rm;
        long open;
    }

    AuditReport audit(LocalDate date, String terminal) {
        String tf = terminal == null ? "" : " AND terminal_id = ?";
        List<Object> args = terminal == null ? List.of(date) : List.of(date, terminal);
        Map<List<String>, Acc> acc = new TreeMap<>((a, b) -> {
            int c = a.get(0).compareTo(b.get(0));
            return c != 0 ? c : a.get(1).compareTo(b.get(1));
        });
        ledger.read("SELECT terminal_id, currency, COUNT(*),"
                + " SUM(CASE WHEN kind = 'REFUND' THEN -amount_minor ELSE amount_minor END),"
                + " SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END)"
                + " FROM terminal_records WHERE business_date = ? AND approved = TRUE AND kind IN ('SALE', 'REFUND')"
                + " AND amount_minor IS NOT NULL" + tf + " GROUP BY terminal_id, currency", args, rs -> {
                    Acc a = acc.computeIfAbsent(key(rs.getString(1), rs.getString(2)), k -> new Acc());
                    a.an += rs.getLong(3);
                    a.am += rs.getLong(4);
                    a.open += rs.getLong(5);
                });
        ledger.read("SELECT terminal_id, currency, COUNT(*),"
                + " SUM(CASE WHEN txn_type = 'REFUND' THEN -amount_minor ELSE amount_minor END)"
                + " FROM settlement_records WHERE business_date = ? AND txn_type IN ('SALE', 'REFUND')"
                + " AND amount_minor IS NOT NULL" + tf + " GROUP BY terminal_id, currency", args, rs -> {
                    Acc a = acc.computeIfAbsent(key(rs.getString(1), rs.getString(2)), k -> new Acc());
                    a.sn += rs.getLong(3);
                    a.sm += rs.getLong(4);
                });
        ledger.read("SELECT t.terminal_id, t.currency, COUNT(*),"
                + " SUM(CASE WHEN r.kind = 'RETURN' THEN -t.amount_minor ELSE t.amount_minor END)"
                + " FROM receipts r JOIN tenders t ON t.file_sha256 = r.file_sha256 AND t.receipt_line = r.line"
                + " WHERE r.business_date = ? AND r.kind IN ('SALE', 'RETURN') AND t.tender_type = 'CARD'"
                + " AND t.amount_minor IS NOT NULL" + tf.replace("terminal_id", "t.terminal_id")
                + " GROUP BY t.terminal_id, t.currency", args, rs -> {
                    Acc a = acc.computeIfAbsent(key(rs.getString(1), rs.getString(2)), k -> new Acc());
                    a.rn += rs.getLong(3);
                    a.rm += rs.getLong(4);
                });
        List<AuditReport.TerminalLine> terminals = new ArrayList<>();
        acc.forEach((k, a) -> terminals.add(new AuditReport.TerminalLine(k.get(0), k.get(1), a.an, a.am, a.sn, a.sm,
                a.rn, a.rm, a.open)));

        List<AuditReport.CaseLine> cases = new ArrayList<>();
        ledger.read("SELECT case_type, currency, COUNT(*), SUM(amount_minor) FROM cases WHERE business_date = ?"
                + " AND status IN ('OPEN', 'CONTACTED')" + tf + " GROUP BY case_type, currency"
                + " ORDER BY case_type, currency", args,
                rs -> cases.add(new AuditReport.CaseLine(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4))));

        // the files of the runs that stored this day's records; a file loaded again counts once (its latest load)
        Map<String, AuditReport.FileLine> bySha = new LinkedHashMap<>();
        ledger.read("SELECT display_name, role, run_id, records, rejects, sha256 FROM input_files WHERE run_id IN ("
                + "SELECT run_id FROM terminal_records WHERE business_date = ?"
                + " UNION SELECT run_id FROM settlement_records WHERE business_date = ?"
                + " UNION SELECT run_id FROM receipts WHERE business_date = ?)"
                + " ORDER BY run_id, display_name", List.of(date, date, date),
                rs -> bySha.put(rs.getString(6), new AuditReport.FileLine(rs.getString(1), rs.getString(2),
                        rs.getLong(3), Db.lng(rs, "records"), Db.lng(rs, "rejects"))));
        List<AuditReport.FileLine> files = new ArrayList<>(bySha.values());
        files.sort((a, b) -> {
            int c = a.file().compareTo(b.file());
            return c != 0 ? c : Long.compare(a.runId(), b.runId());
        });
        return new AuditReport(date, terminal, terminals, cases, files);
    }

    private static List<String> key(String terminal, String currency) {
        return List.of(terminal == null ? "-" : terminal, currency == null ? "-" : currency);
    }
}
