package dev.posrecon.core.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every row of every ledger table as text, in a fixed order (tables by name, rows by every column): two dumps are
 * equal exactly when the ledgers hold the same data. Used to show that a killed run left the ledger as it was.
 */
public final class LedgerDump {
    /** The ledger's tables; {@link #dump} fails when the database has others, so a new table cannot be missed. */
    static final List<String> TABLES = List.of("case_events", "cases", "day_totals", "input_files",
            "receipt_block_bodies", "receipt_blocks", "receipts", "run_lock", "runs", "schema_version",
            "settlement_records", "terminal_records");

    private LedgerDump() {
    }

    public static String dump(String url) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            Set<String> actual = new TreeSet<>();
            try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = String.valueOf(rs.getString("TABLE_SCHEM")).toLowerCase(Locale.ROOT);
                    if (schema.equals("public")) {
                        actual.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            if (!actual.equals(new TreeSet<>(TABLES))) {
                throw new IllegalStateException("the ledger's tables are " + actual + ", the dump knows " + TABLES);
            }
            for (String table : TABLES) {
                sb.append("== ").append(table).append('\n');
                int columns;
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
                    columns = rs.getMetaData().getColumnCount();
                }
                StringBuilder order = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    order.append(i == 1 ? "" : ", ").append(i);
                }
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY " + order)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            sb.append(i == 1 ? "" : " | ").append(md.getColumnName(i).toLowerCase(Locale.ROOT))
                                    .append('=').append(rs.getString(i));
                        }
                        sb.append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }
}
