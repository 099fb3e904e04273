package dev.posrecon.core.store;

import dev.posrecon.core.error.StoreException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates and migrates the ledger with the versioned scripts {@code dev/posrecon/store/V<n>__<name>.sql}, applied
 * in order, each recorded in {@code schema_version}. The scripts are listed in {@link #SCRIPTS} (class-path
 * resources cannot be listed portably inside a jar).
 */
final class Schema {
    /** Every migration, in order; append, never edit a released one. */
    static final List<String> SCRIPTS = List.of("V1__init.sql", "V2__receipt_rrn_index.sql",
            "V3__receipt_status_index.sql", "V4__receipt_blocks.sql", "V5__case_history_append_only.sql");

    private Schema() {
    }

    /** The version the code expects. */
    static int latest() {
        return SCRIPTS.size();
    }

    /**
     * The ledger's schema version, 0 for a database that holds no ledger. Reads only: a role without the right to
     * create tables (staff, auditor) opens an up-to-date ledger without trying DDL.
     */
    static int version(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT MAX(version) FROM schema_version")) {
            int v = rs.next() ? rs.getInt(1) : 0;
            c.commit();
            return v;
        } catch (SQLException e) {
            // no schema_version table: no ledger yet (PostgreSQL needs the failed transaction ended)
            c.rollback();
            if (hasTable(c, "schema_version")) {
                throw e;
            }
            return 0;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        var md = c.getMetaData();
        for (String n : new String[] {name, name.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = md.getTables(null, null, n, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Brings the schema to {@link #latest()}; refuses a ledger written by a newer posrecon. Nothing is written when
     * it is up to date. On PostgreSQL each migration is one transaction (DDL included) and concurrent openers wait
     * for each other on a lock of {@code schema_version}, so two first runs at once migrate once.
     */
    static void migrate(Connection c, String url, Dialect dialect) throws SQLException {
        int current = version(c);
        if (current == latest()) {
            return;
        }
        checkNotNewer(current, url);
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            try {
                st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, script VARCHAR"
                        + " NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
                c.commit();
            } catch (SQLException e) {
                // PostgreSQL: another opener created it at the same moment (a unique violation in its catalog)
                c.rollback();
                if (!hasTable(c, "schema_version")) {
                    throw e;
                }
            }
            if (dialect == Dialect.POSTGRESQL) {
                st.execute("LOCK TABLE schema_version IN SHARE ROW EXCLUSIVE MODE");
            }
            try (ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
                current = rs.next() ? rs.getInt(1) : 0;
            }
            checkNotNewer(current, url);
            for (int v = current + 1; v <= latest(); v++) {
                String script = SCRIPTS.get(v - 1);
                // PostgreSQL runs DDL inside the transaction; H2 commits each DDL statement on its own, so a crash
                // in the middle of a migration on H2 needs the ledger file deleted (it only happens on a new ledger).
                for (String sql : statements(script, dialect)) {
                    st.execute(sql);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, v);
                    ps.setString(2, script);
                    Db.instant(ps, 3, Instant.now());
                    ps.executeUpdate();
                }
                c.commit();
                if (dialect == Dialect.POSTGRESQL && v < latest()) {
                    st.execute("LOCK TABLE schema_version IN SHARE ROW EXCLUSIVE MODE");
                }
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static void checkNotNewer(int current, String url) {
        if (current > latest()) {
            throw new StoreException("the ledger " + url + " has schema version " + current
                    + ", newer than this posrecon knows (" + latest() + "); use a newer posrecon");
        }
    }

    /** The statements of a script as this database runs it: its variant for the database when there is one. */
    static List<String> statements(String script, Dialect dialect) {
        String variant = dialect.variant(script);
        return statements(Schema.class.getResource("/dev/posrecon/store/" + variant) != null ? variant : script);
    }

    /**
     * A script's statements: split at a semicolon ending a line, comments ({@code --}) dropped; a PostgreSQL
     * function body between {@code $$} lines is kept whole.
     */
    static List<String> statements(String script) {
        String text;
        try (InputStream in = Schema.class.getResourceAsStream("/dev/posrecon/store/" + script)) {
            if (in == null) {
                throw new StoreException("migration script " + script + " is missing from the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration script " + script + ": " + e.getMessage(), e);
        }
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inBody = false;
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--") && !inBody) {
                continue;
            }
            if (t.contains("$$") && t.indexOf("$$") == t.lastIndexOf("$$")) {
                inBody = !inBody;
            }
            if (t.endsWith(";") && !inBody) {
                cur.append(t, 0, t.length() - 1);
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(t).append('\n');
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }
}
