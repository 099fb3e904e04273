package dev.posrecon.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The databases the ledger suite runs on: every ledger test class is {@code @ParameterizedClass
 * @EnumSource(TestDb.class)}, so each of its tests runs once on H2 and once on a real PostgreSQL server.
 */
public enum TestDb {
    /** An H2 file in the test's temporary directory. */
    H2 {
        @Override
        public String newLedger(Path dir) {
            return "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
        }

        @Override
        String indexCountSql(String name) {
            return "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = '"
                    + name.toUpperCase(java.util.Locale.ROOT) + "'";
        }
    },
    /** A new database on the embedded PostgreSQL server ({@link PgServer}). */
    POSTGRESQL {
        @Override
        public String newLedger(Path dir) {
            return PgServer.shared().newDatabase();
        }

        @Override
        String indexCountSql(String name) {
            return "SELECT COUNT(*) FROM pg_indexes WHERE indexname = '" + name + "'";
        }
    };

    /** The JDBC URL of a new, empty ledger database (no schema yet). */
    public abstract String newLedger(Path dir);

    abstract String indexCountSql(String name);

    /** How many indexes of this name the ledger has (0 or 1). */
    public long indexCount(String url, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(indexCountSql(name))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The plan the database chooses for a query, as text. PostgreSQL prefers a sequential scan of a table this small
     * whatever its indexes, so there the plan is asked for with sequential scans off: the question is whether an
     * index can serve the query.
     */
    public String plan(Statement st, String sql) throws SQLException {
        if (this == POSTGRESQL) {
            st.execute("SET enable_seqscan = off");
        }
        StringBuilder sb = new StringBuilder();
        try (ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
            while (rs.next()) {
                sb.append(rs.getString(1)).append('\n');
            }
        }
        return sb.toString();
    }
}
