package dev.posrecon.core.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.posrecon.core.error.InputException;
import dev.posrecon.core.error.StoreException;
import dev.posrecon.core.error.UsageException;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code posrecon ledger} does: the PostgreSQL roles, migrate, status, and export / import, which move a ledger
 * (say an H2 file) into another (say PostgreSQL) with every run, record, receipt, case and case event, ids kept.
 *
 * <p>The export is JSON Lines, UTF-8: a header {@code {"posrecon_ledger_export":1,"schema_version":N}}, then per
 * table a line {@code {"table":T,"columns":[...]}} followed by one JSON array per row, in the order of every
 * column; dates and times as ISO-8601 text (instants in UTC), amounts as the integers the ledger holds.
 */
public final class LedgerAdmin {
    /** The tables an export holds, parents before children (schema_version and run_lock belong to the target). */
    static final List<String> TABLES = List.of("runs", "input_files", "terminal_records", "settlement_records",
            "receipts", "receipt_blocks", "receipt_block_bodies", "day_totals", "cases", "case_events");
    /** Tables whose {@code id} is an identity column, restarted after an import. */
    private static final List<String> IDENTITY = List.of("runs", "input_files", "terminal_records",
            "settlement_records", "receipts", "receipt_blocks", "case_events");
    private static final int FORMAT = 1;

    private LedgerAdmin() {
    }

    /** The SQL that creates the batch, staff and auditor roles of a PostgreSQL ledger and grants them their rights. */
    public static String rolesSql() {
        try (InputStream in = LedgerAdmin.class.getResourceAsStream("/dev/posrecon/store/roles.postgresql.sql")) {
            if (in == null) {
                throw new StoreException("roles.postgresql.sql is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read roles.postgresql.sql: " + e.getMessage(), e);
        }
    }

    /** Creates the ledger or brings its schema up to date; the schema version it is at. */
    public static int migrate(LedgerAccess access) {
        try (Ledger ledger = Ledger.open(access)) {
            return version(ledger);
        }
    }

    private static int version(Ledger ledger) {
        int[] v = new int[1];
        ledger.read("SELECT MAX(version) FROM schema_version", List.of(), rs -> v[0] = rs.getInt(1));
        return v[0];
    }

    /** What a ledger holds, for {@code posrecon ledger status}. */
    public record Status(String url, Dialect dialect, int schemaVersion, int latestVersion, long runs, String lastRun,
                         Map<String, Long> casesByStatus, long caseEvents, long sizeBytes) {
        /** A few lines for the terminal. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            sb.append("ledger    ").append(url).append(" (").append(dialect.name().toLowerCase(Locale.ROOT))
                    .append(")\n");
            sb.append("schema    version ").append(schemaVersion)
                    .append(schemaVersion == latestVersion ? " (up to date)" : " (this posrecon knows " + latestVersion
                            + ")").append('\n');
            sb.append("runs      ").append(runs).append(lastRun == null ? "" : ", last: " + lastRun).append('\n');
            sb.append("cases     ").append(casesByStatus.values().stream().mapToLong(Long::longValue).sum());
            casesByStatus.forEach((k, n) -> sb.append(", ").append(k).append(' ').append(n));
            sb.append("; ").append(caseEvents).append(" history event(s)\n");
            sb.append("size      ").append(sizeBytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f MB",
                    sizeBytes / 1e6)).append('\n');
            return sb.toString();
        }
    }

    /** The ledger's schema version, runs, cases by status and size; the ledger must exist. */
    public static Status status(LedgerAccess access) {
        try (Ledger ledger = Ledger.openExisting(access)) {
            long[] runs = new long[1];
            String[] last = new String[1];
            ledger.read("SELECT COUNT(*) FROM runs", List.of(), rs -> runs[0] = rs.getLong(1));
            ledger.read("SELECT id, actor, started_at, outcome FROM runs ORDER BY id DESC", List.of(), rs -> {
                if (last[0] == null) {
                    last[0] = "run " + rs.getLong(1) + " by " + rs.getString(2) + " at "
                            + Db.instant(rs, "started_at") + " (" + rs.getString(4) + ")";
                }
            });
            Map<String, Long> byStatus = new LinkedHashMap<>();
            for (CaseStatus s : CaseStatus.values()) {
                byStatus.put(s.name(), 0L);
            }
            ledger.read("SELECT status, COUNT(*) FROM cases GROUP BY status", List.of(),
                    rs -> byStatus.put(rs.getString(1), rs.getLong(2)));
            long[] events = new long[1];
            ledger.read("SELECT COUNT(*) FROM case_events", List.of(), rs -> events[0] = rs.getLong(1));
            long size;
            try {
                size = ledger.dialect().sizeBytes(ledger.connection(), ledger.url());
                ledger.connection().commit();
            } catch (SQLException e) {
                throw Db.fail("cannot read the size of the ledger " + ledger.url(), e);
            }
            return new Status(ledger.url(), ledger.dialect(), version(ledger), Schema.latest(), runs[0], last[0],
                    byStatus, events[0], size);
        }
    }

    /** Counts of what an export or import moved: rows per table. */
    public record Moved(Map<String, Long> rows) {
        public String text() {
            StringBuilder sb = new StringBuilder();
            rows.forEach((t, n) -> sb.append(String.format(Locale.ROOT, "%-21s %10d%n", t, n)));
            return sb.toString();
        }
    }

    /**
     * Writes every row of the ledger to {@code out} (atomically: a temporary file moved into place), read in one
     * transaction so that the export is one consistent state even while a run is going on.
     */
    public static Moved export(LedgerAccess access, Path out) {
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Ledger ledger = Ledger.openExisting(access)) {
            Connection c = ledger.connection();
            int schemaVersion = version(ledger);
            try {
                c.commit();
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                if (out.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(out.toAbsolutePath().getParent());
                }
                try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                     JsonGenerator g = Json.MAPPER.getFactory().createGenerator(w);
                     Statement st = c.createStatement()) {
                    g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                    st.setFetchSize(Db.BATCH);
                    Map<String, Object> head = new LinkedHashMap<>();
                    head.put("posrecon_ledger_export", FORMAT);
                    head.put("schema_version", schemaVersion);
                    line(g, w, head);
                    for (String table : TABLES) {
                        counts.put(table, exportTable(st, table, g, w));
                    }
                }
                c.commit();
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (SQLException e) {
                throw Db.fail("cannot export the ledger " + ledger.url(), e);
            } finally {
                try {
                    c.rollback();
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                } catch (SQLException ignored) {
                    // closing anyway
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot write the export " + out + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing to clean
            }
        }
        return new Moved(counts);
    }

    private static void line(JsonGenerator g, BufferedWriter w, Object value) throws IOException {
        g.writeObject(value);
        g.flush();
        w.write('\n');
    }

    private static long exportTable(Statement st, String table, JsonGenerator g, BufferedWriter w)
            throws SQLException, IOException {
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY " + allColumns(st, table))) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            List<String> columns = new ArrayList<>();
            List<Kind> kinds = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                columns.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
                kinds.add(Kind.of(md, i));
            }
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("table", table);
            head.put("columns", columns);
            line(g, w, head);
            long rows = 0;
            while (rs.next()) {
                g.writeStartArray();
                for (int i = 1; i <= n; i++) {
                    kinds.get(i - 1).write(rs, i, g);
                }
                g.writeEndArray();
                g.flush();
                w.write('\n');
                rows++;
            }
            return rows;
        }
    }

    private static String allColumns(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                sb.append(i == 1 ? "" : ", ").append(i);
            }
            return sb.toString();
        }
    }

    /**
     * Loads an export into {@code access}'s ledger (created or migrated first), which must hold no run and no case:
     * one transaction, so a failure leaves it empty. Ids are kept and the identity columns continue after them.
     *
     * @throws UsageException (exit 2) when the target ledger is not empty
     * @throws InputException (exit 3) when the file is not a posrecon export of this schema version
     */
    public static Moved importInto(LedgerAccess access, Path in) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Ledger ledger = Ledger.open(access); BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
            Connection c = ledger.connection();
            try {
                requireEmpty(ledger);
                String header = r.readLine();
                JsonNode h = header == null ? null : Json.MAPPER.readTree(header);
                if (h == null || h.path("posrecon_ledger_export").asInt() != FORMAT) {
                    throw new InputException(in.toString(), 1, null, "not a posrecon ledger export");
                }
                if (h.path("schema_version").asInt() != Schema.latest()) {
                    throw new InputException(in.toString(), 1, "schema_version", "the export is of schema version "
                            + h.path("schema_version").asInt() + ", this posrecon writes " + Schema.latest()
                            + "; export and import with the same posrecon");
                }
                importRows(c, r, in, counts);
                try (Statement st = c.createStatement()) {
                    for (String table : IDENTITY) {
                        long next;
                        try (ResultSet rs = st.executeQuery("SELECT MAX(id) FROM " + table)) {
                            rs.next();
                            next = rs.getLong(1) + 1;
                        }
                        ledger.dialect().restartIdentity(st, table, next);
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw Db.fail("cannot import " + in + " into the ledger " + ledger.url(), e);
            } catch (RuntimeException | IOException e) {
                c.rollback();
                throw e;
            }
        } catch (IOException e) {
            throw new InputException(in.toString(), 0, null, "cannot read the export: " + e.getMessage());
        } catch (SQLException e) {
            throw Db.fail("cannot roll back the import into " + access.url(), e);
        }
        return new Moved(counts);
    }

    private static void requireEmpty(Ledger ledger) {
        long[] n = new long[1];
        ledger.read("SELECT (SELECT COUNT(*) FROM runs) + (SELECT COUNT(*) FROM cases)", List.of(),
                rs -> n[0] = rs.getLong(1));
        if (n[0] > 0) {
            throw new UsageException("the ledger " + ledger.url() + " is not empty (it holds runs or cases); import"
                    + " into a new ledger");
        }
    }

    private static void importRows(Connection c, BufferedReader r, Path in, Map<String, Long> counts)
            throws IOException, SQLException {
        String line;
        long lineNo = 1;
        PreparedStatement ins = null;
        List<Kind> kinds = null;
        String table = null;
        int pending = 0;
        try {
            while ((line = r.readLine()) != null) {
                lineNo++;
                JsonNode node = Json.MAPPER.readTree(line);
                if (node.isObject()) {
                    if (ins != null) {
                        ins.executeBatch();
                        ins.close();
                    }
                    table = node.path("table").asText();
                    if (!TABLES.contains(table)) {
                        throw new InputException(in.toString(), lineNo, "table", "unknown table '" + table + "'");
                    }
                    List<String> columns = new ArrayList<>();
                    node.path("columns").forEach(col -> columns.add(col.asText()));
                    kinds = targetKinds(c, table, columns);
                    ins = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                            + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")");
                    counts.put(table, 0L);
                    pending = 0;
                } else if (node.isArray() && ins != null) {
                    if (node.size() != kinds.size()) {
                        throw new InputException(in.toString(), lineNo, null, node.size() + " values for "
                                + kinds.size() + " columns of " + table);
                    }
                    for (int i = 0; i < kinds.size(); i++) {
                        kinds.get(i).bind(ins, i + 1, node.get(i));
                    }
                    ins.addBatch();
                    counts.merge(table, 1L, Long::sum);
                    if (++pending >= Db.BATCH) {
                        ins.executeBatch();
                        pending = 0;
                    }
                } else {
                    throw new InputException(in.toString(), lineNo, null, "expected a table header or a row");
                }
            }
            if (ins != null) {
                ins.executeBatch();
            }
        } finally {
            if (ins != null) {
                ins.close();
            }
        }
    }

    private static List<Kind> targetKinds(Connection c, String table, List<String> columns) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table + " WHERE 1 = 0")) {
            List<Kind> kinds = new ArrayList<>();
            for (int i = 1; i <= columns.size(); i++) {
                kinds.add(Kind.of(rs.getMetaData(), i));
            }
            return kinds;
        }
    }

    /** How a column's values are written to and read from the export, the same on H2 and PostgreSQL. */
    private enum Kind {
        INTEGER, BOOLEAN, DATE, LOCAL_TIME, INSTANT, TEXT;

        static Kind of(ResultSetMetaData md, int i) throws SQLException {
            String name = md.getColumnTypeName(i).toLowerCase(Locale.ROOT);
            if (name.contains("timestamptz") || name.contains("with time zone")) {
                return INSTANT;
            }
            return switch (md.getColumnType(i)) {
                case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> INTEGER;
                case Types.BOOLEAN, Types.BIT -> BOOLEAN;
                case Types.DATE -> DATE;
                case Types.TIMESTAMP -> LOCAL_TIME;
                case Types.TIMESTAMP_WITH_TIMEZONE -> INSTANT;
                default -> TEXT;
            };
        }

        void write(ResultSet rs, int i, JsonGenerator g) throws SQLException, IOException {
            Object v = switch (this) {
                case INTEGER -> Db.lngAt(rs, i);
                case BOOLEAN -> rs.getObject(i) == null ? null : rs.getBoolean(i);
                case DATE -> rs.getObject(i, LocalDate.class);
                case LOCAL_TIME -> rs.getObject(i, LocalDateTime.class);
                case INSTANT -> {
                    OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                    yield t == null ? null : t.toInstant();
                }
                case TEXT -> rs.getString(i);
            };
            if (v == null) {
                g.writeNull();
            } else if (v instanceof Long l) {
                g.writeNumber(l);
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else {
                g.writeString(v.toString());
            }
        }

        void bind(PreparedStatement ps, int i, JsonNode v) throws SQLException {
            if (v == null || v.isNull()) {
                ps.setNull(i, switch (this) {
                    case INTEGER -> Types.BIGINT;
                    case BOOLEAN -> Types.BOOLEAN;
                    case DATE -> Types.DATE;
                    case LOCAL_TIME -> Types.TIMESTAMP;
                    case INSTANT -> Types.TIMESTAMP_WITH_TIMEZONE;
                    case TEXT -> Types.VARCHAR;
                });
                return;
            }
            switch (this) {
                case INTEGER -> ps.setLong(i, v.asLong());
                case BOOLEAN -> ps.setBoolean(i, v.asBoolean());
                case DATE -> ps.setObject(i, LocalDate.parse(v.asText()));
                case LOCAL_TIME -> ps.setObject(i, LocalDateTime.parse(v.asText()));
                case INSTANT -> ps.setObject(i, Instant.parse(v.asText()).atOffset(ZoneOffset.UTC));
                case TEXT -> ps.setString(i, v.asText());
                default -> throw new IllegalStateException(name());
            }
        }
    }
}
