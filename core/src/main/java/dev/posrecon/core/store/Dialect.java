package dev.posrecon.core.store;

import dev.posrecon.core.error.StoreException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The databases the ledger runs on, and the few places where they differ. The schema and every query are the same
 * SQL on both, with these exceptions (docs/LEDGER.md explains each):
 * <ul>
 *   <li>a migration may have a PostgreSQL variant, {@code V<n>__<name>.postgresql.sql}, used instead of the plain
 *       script there (schema 5: the trigger that keeps the case history append-only is PL/pgSQL on PostgreSQL and
 *       a Java trigger on H2);</li>
 *   <li>how long a statement waits for a lock: {@code SET lock_timeout} (PostgreSQL), {@code SET LOCK_TIMEOUT}
 *       (H2);</li>
 *   <li>text order: posrecon orders and compares text by code point, as Java's {@code String.compareTo} does (case
 *       ids, receipt numbers, the receipt blocks' ranges); H2 does, PostgreSQL does in a database of collation
 *       {@code C}, so a PostgreSQL ledger must be one (checked when it is opened).</li>
 * </ul>
 */
public enum Dialect {
    H2("h2"),
    POSTGRESQL("postgresql");

    private final String suffix;

    Dialect(String suffix) {
        this.suffix = suffix;
    }

    static Dialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("h2")) {
            return H2;
        }
        throw new StoreException("the ledger runs on H2 or PostgreSQL, not on " + c.getMetaData()
                .getDatabaseProductName());
    }

    /** The name of a migration's variant for this database: {@code V5__x.sql} to {@code V5__x.postgresql.sql}. */
    String variant(String script) {
        return script.replaceFirst("\\.sql$", "." + suffix + ".sql");
    }

    void setLockTimeout(Statement st, long millis) throws SQLException {
        st.execute(this == POSTGRESQL ? "SET lock_timeout = " + millis : "SET LOCK_TIMEOUT " + millis);
    }

    void resetLockTimeout(Statement st) throws SQLException {
        st.execute(this == POSTGRESQL ? "RESET lock_timeout" : "SET LOCK_TIMEOUT 10000");
    }

    /** Makes the identity column {@code id} of {@code table} hand out {@code next} and on. */
    void restartIdentity(Statement st, String table, long next) throws SQLException {
        st.execute(this == POSTGRESQL
                ? "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ", false)"
                : "ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
    }

    /** The database's size in bytes, -1 when it cannot say. */
    long sizeBytes(Connection c, String url) throws SQLException {
        if (this == POSTGRESQL) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pg_database_size(current_database())")) {
                rs.next();
                return rs.getLong(1);
            }
        }
        java.nio.file.Path base = Ledger.h2FileBase(url);
        try {
            return base == null ? -1 : java.nio.file.Files.size(java.nio.file.Path.of(base + ".mv.db"));
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /**
     * Refuses a PostgreSQL database whose collation does not order text by code point ('B' before 'a', '-' before
     * letters): case lists, receipt look-ups and exports would come out in another order than on H2.
     */
    void requireCodePointOrder(Connection c, String url) throws SQLException {
        if (this != POSTGRESQL) {
            return;
        }
        boolean ok;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 'B' < 'a' AND 'PR-Z' < 'PRA' AND 'Z9' < 'a1', datcollate"
                     + " FROM pg_database WHERE datname = current_database()")) {
            rs.next();
            ok = rs.getBoolean(1);
            if (!ok) {
                String collation = rs.getString(2);
                c.rollback();
                throw new StoreException("the ledger database " + url + " has collation " + collation
                        + "; posrecon orders text by code point and needs collation C: CREATE DATABASE ... TEMPLATE"
                        + " template0 LC_COLLATE 'C' LC_CTYPE 'C' (see docs/LEDGER.md)");
            }
        }
        c.commit();
    }
}
