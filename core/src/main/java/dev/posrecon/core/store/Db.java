package dev.posrecon.core.store;

import dev.posrecon.core.error.StoreException;
import dev.posrecon.core.model.Currencies;
import dev.posrecon.core.model.Money;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;

/** Small JDBC helpers: nullable parameters and columns, java.time through JDBC 4.2 (portable H2/PostgreSQL). */
final class Db {
    /** Rows per JDBC batch. */
    static final int BATCH = 1000;

    private Db() {
    }

    static void str(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }

    static void lng(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    static void date(PreparedStatement ps, int i, LocalDate v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setObject(i, v);
        }
    }

    static void time(PreparedStatement ps, int i, LocalDateTime v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.TIMESTAMP);
        } else {
            ps.setObject(i, v);
        }
    }

    static void instant(PreparedStatement ps, int i, Instant v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, v.atOffset(ZoneOffset.UTC));
        }
    }

    static Long lng(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    static Long lngAt(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    static LocalDate date(ResultSet rs, String col) throws SQLException {
        return rs.getObject(col, LocalDate.class);
    }

    static LocalDateTime time(ResultSet rs, String col) throws SQLException {
        return rs.getObject(col, LocalDateTime.class);
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static String code(Money m) {
        return m == null ? null : m.currency().getCurrencyCode();
    }

    static Long minor(Money m) {
        return m == null ? null : m.minor();
    }

    /** Money from a minor-units column and a currency column; null when either is null. */
    static Money money(ResultSet rs, String minorCol, String currencyCol) throws SQLException {
        return money(lng(rs, minorCol), rs.getString(currencyCol), currencyCol);
    }

    /** The amount, null when either part is; {@code where} names it when the currency is unknown. */
    static Money money(Long minor, String code, String where) {
        if (minor == null || code == null) {
            return null;
        }
        Currency c = Currencies.resolve(code);
        if (c == null) {
            throw new StoreException("the ledger holds an unknown currency '" + code + "' in " + where);
        }
        return Money.of(minor, c);
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String v) {
        return v == null ? null : Enum.valueOf(type, v);
    }

    static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static StoreException fail(String what, SQLException e) {
        // a failed JDBC batch (PostgreSQL) names the whole statement with its values, then the cause: say the cause
        SQLException cause = e instanceof java.sql.BatchUpdateException && e.getNextException() != null
                ? e.getNextException() : e;
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        // 08003/08006/08007 an open connection failed, 57P0x the server ended the session (shutdown,
        // pg_terminate_backend); not 08001/08004, a connection that could not be made in the first place
        String lost = state.equals("08003") || state.equals("08006") || state.equals("08007")
                || state.startsWith("57P0") ? " (the connection to the database was lost;"
                + " its transaction was not committed)" : "";
        return new StoreException(what + ": " + firstLine(cause.getMessage()) + lost, e);
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
