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
        /**
         * Mixed, not the record's 31-polynomial: terminal ids like 10000016 and consecutive dates differ by small
         * steps, and a million records' keys fell into the same few buckets (tree bins) of the totals map.
         */
        @Override
        public int hashCode() {
            long h = Objects.hashCode(fileKey) * 0x9E3779B97F4A7C15L + Objects.hashCode(terminal);
            h = (h ^ (h >>> 29)) * 0xBF58476D1CE4E5B9L + Objects.hashCode(date);
            h = (h ^ (h >>> 31)) * 0x94D049BB133111EBL + Objects.hashCode(source) * 31L + Objects.hashCode(currency);
            return (int) (h ^ (h >>> 32));
        }
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
