package dev.posrecon.core.store;

import dev.posrecon.core.model.Money;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Counts a run's records per file, source, business date, terminal and currency for the audit (in memory). */
final class DayTotals {
    private record Key(String fileKey, String source, LocalDate date, String terminal, String currency) {
    }

    private final Map<Key, long[]> totals = new HashMap<>();

    /** Adds one record's signed amount; records without a date or an amount are not counted. */
    void add(String fileKey, String source, LocalDate date, String terminal, Money amount, boolean negative) {
        if (date == null || amount == null) {
            return;
        }
        long[] t = totals.computeIfAbsent(new Key(fileKey, source, date, terminal,
                amount.currency().getCurrencyCode()), k -> new long[2]);
        t[0]++;
        t[1] = Math.addExact(t[1], negative ? -amount.minor() : amount.minor());
    }

    void write(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO day_totals (run_id, file_sha256, source,"
                + " business_date, terminal_id, currency, records, amount_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Key, long[]> e : totals.entrySet()) {
                Key k = e.getKey();
                ps.setLong(1, runId);
                ps.setString(2, Objects.requireNonNull(k.fileKey()));
                ps.setString(3, k.source());
                Db.date(ps, 4, k.date());
                Db.str(ps, 5, k.terminal());
                ps.setString(6, k.currency());
                ps.setLong(7, e.getValue()[0]);
                ps.setLong(8, e.getValue()[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        totals.clear();
    }
}
