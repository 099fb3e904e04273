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
        ledger.read("SELECT source, terminal_id, currency, SUM(records), SUM(amount_minor) FROM day_totals"
                + " WHERE business_date = ?" + tf + " GROUP BY source, terminal_id, currency", args, rs -> {
                    Acc a = acc.computeIfAbsent(key(rs.getString(2), rs.getString(3)), k -> new Acc());
                    long n = rs.getLong(4);
                    long amount = rs.getLong(5);
                    switch (rs.getString(1)) {
                        case "TERMINAL" -> {
                            a.an += n;
                            a.am += amount;
                        }
                        case "SETTLEMENT" -> {
                            a.sn += n;
                            a.sm += amount;
                        }
                        default -> {
                            a.rn += n;
                            a.rm += amount;
                        }
                    }
                });
        ledger.read("SELECT terminal_id, currency, COUNT(*) FROM terminal_records WHERE status = 'OPEN'"
                + " AND business_date = ?" + tf + " GROUP BY terminal_id, currency", args,
                rs -> acc.computeIfAbsent(key(rs.getString(1), rs.getString(2)), k -> new Acc()).open += rs.getLong(3));
        List<AuditReport.TerminalLine> terminals = new ArrayList<>();
        acc.forEach((k, a) -> terminals.add(new AuditReport.TerminalLine(k.get(0), k.get(1), a.an, a.am, a.sn, a.sm,
                a.rn, a.rm, a.open)));

        List<AuditReport.CaseLine> cases = new ArrayList<>();
        ledger.read("SELECT case_type, currency, COUNT(*), SUM(amount_minor) FROM cases WHERE business_date = ?"
                + " AND status IN ('OPEN', 'CONTACTED')" + tf + " GROUP BY case_type, currency"
                + " ORDER BY case_type, currency", args,
                rs -> cases.add(new AuditReport.CaseLine(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4))));

        // the files of the runs that counted records of this day; a file loaded again counts once (its latest load)
        Map<String, AuditReport.FileLine> bySha = new LinkedHashMap<>();
        ledger.read("SELECT display_name, role, run_id, records, rejects, sha256 FROM input_files WHERE run_id IN ("
                + "SELECT run_id FROM day_totals WHERE business_date = ?)"
                + " ORDER BY run_id, display_name", List.of(date),
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
