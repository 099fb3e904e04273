package dev.posrecon.core.store;

import dev.posrecon.core.error.ReconException;
import dev.posrecon.core.error.StoreException;
import dev.posrecon.core.error.UsageException;
import dev.posrecon.core.model.Receipt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The case ledger: runs, the files they read (by SHA-256), the records cases, audit, open items and receipt
 * look-up need, cases and their status history. Plain JDBC; H2 embedded by default, and the same SQL runs on
 * PostgreSQL (see {@code dev/posrecon/store/V1__init.sql}).
 *
 * <p>Writes of a reconcile go through {@link #beginRun} (one transaction, one run at a time); the read methods and
 * {@link #updateStatus} serve the {@code cases}, {@code audit} and {@code receipt} commands.
 */
public final class Ledger implements AutoCloseable {
    private final LedgerAccess access;
    private final String url;
    private final Dialect dialect;
    private final Connection conn;

    private Ledger(LedgerAccess access, Dialect dialect, Connection conn) {
        this.access = access;
        this.url = access.url();
        this.dialect = dialect;
        this.conn = conn;
    }

    /** H2 file {@code ledger} under {@code $XDG_DATA_HOME/posrecon}, else {@code ~/.local/share/posrecon}. */
    public static String defaultUrl() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return "jdbc:h2:file:" + base.resolve("posrecon").resolve("ledger").toAbsolutePath();
    }

    /**
     * The JDBC URL for {@code --db}: the default ledger when none is given, a {@code jdbc:} URL as it is, and
     * anything else taken as the path of an H2 ledger file ({@code out/ledger} or {@code out/ledger.mv.db}, relative
     * to the working directory), the same file {@code jdbc:h2:file:} would name.
     */
    public static String url(String db) {
        if (db == null || db.isBlank()) {
            return defaultUrl();
        }
        String s = db.trim();
        if (s.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return s;
        }
        if (s.endsWith(".mv.db")) {
            s = s.substring(0, s.length() - ".mv.db".length());
        }
        return "jdbc:h2:file:" + Path.of(s).toAbsolutePath().normalize();
    }

    /**
     * Connects and brings the schema up to date.
     *
     * @throws StoreException when the database cannot be opened (in use by another process, wrong URL, newer schema)
     */
    public static Ledger open(String jdbcUrl) {
        return open(LedgerAccess.of(jdbcUrl));
    }

    /** {@link #open(String)} with the credentials and lock wait of the {@code --db} options. */
    public static Ledger open(LedgerAccess access) {
        return open(access, true);
    }

    /**
     * {@link #open} for the commands that read or update what runs stored: the ledger must exist. Opening creates a
     * missing one, so a mistyped {@code --db} would answer "0 cases" from a new empty ledger.
     *
     * @throws UsageException (exit 2) when the H2 ledger file does not exist, or the database holds no ledger
     */
    public static Ledger openExisting(String jdbcUrl) {
        return openExisting(LedgerAccess.of(jdbcUrl));
    }

    /** {@link #openExisting(String)} with the credentials of the {@code --db} options. */
    public static Ledger openExisting(LedgerAccess access) {
        Path base = h2FileBase(access.url());
        if (base != null) {
            Path file = Path.of(base + ".mv.db");
            if (!Files.isRegularFile(file)) {
                throw new UsageException("no ledger at " + file + "; check --db (reconcile creates the ledger on"
                        + " its first run)");
            }
        }
        return open(access, false);
    }

    private static Ledger open(LedgerAccess access, boolean create) {
        String url = access.url();
        Connection c;
        try {
            c = connect(access);
        } catch (SQLException e) {
            // H2 embedded: a second process cannot open a database file another one has open
            if (e.getErrorCode() == 90020 || String.valueOf(e.getMessage()).contains("already in use")) {
                String holder = readHolderFile(url);
                throw new StoreException(holder != null ? "another posrecon run holds the ledger " + holder
                        : "another posrecon process is using the ledger " + url + "; try again when it has finished",
                        e);
            }
            throw Db.fail("cannot open the ledger " + url, e);
        }
        try {
            Dialect dialect = Dialect.of(c);
            if (!create && Schema.version(c) == 0) {
                throw new UsageException("no ledger in " + url + "; check --db (reconcile or 'posrecon ledger"
                        + " migrate' creates the ledger)");
            }
            Schema.migrate(c, url, dialect);
            c.setAutoCommit(false);
            dialect.requireCodePointOrder(c, url);
            return new Ledger(access, dialect, c);
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing
            }
            if (e instanceof ReconException re) {
                throw re;
            }
            throw e instanceof SQLException sql ? Db.fail("cannot create or migrate the ledger " + url, sql)
                    : new StoreException("cannot create or migrate the ledger " + url + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(LedgerAccess access) throws SQLException {
        return DriverManager.getConnection(access.url(), access.properties());
    }

    public String url() {
        return url;
    }

    /** The database the ledger lives in. */
    public Dialect dialect() {
        return dialect;
    }

    /** The ledger's own connection (not auto-commit), for {@link LedgerAdmin}. */
    Connection connection() {
        return conn;
    }

    // ------------------------------------------------------------------------------------------------- runs

    /**
     * Starts a reconcile run: takes the one-run-at-a-time lock and opens the run's single transaction. When another
     * run holds the lock, waits for it up to the access's {@link LedgerAccess#lockWait()} (telling its
     * {@link LedgerAccess#notices()} who holds it), else refuses at once.
     *
     * @param options the run's options as text, kept with the run
     * @throws StoreException when another run holds the ledger (past the wait), naming it
     */
    public LedgerRun beginRun(String actor, String options, Instant startedAt) {
        Connection c;
        try {
            c = connect(access);
            c.setAutoCommit(false);
        } catch (SQLException e) {
            throw Db.fail("cannot open the ledger " + url + " for a run", e);
        }
        try {
            takeRunLock(c);
            long runId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs (actor, started_at, options)"
                    + " VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, actor);
                Db.instant(ps, 2, startedAt);
                Db.str(ps, 3, options);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    runId = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE run_lock SET run_id = ?, actor = ?, since = ? WHERE name = 'ledger'")) {
                ps.setLong(1, runId);
                ps.setString(2, actor);
                Db.instant(ps, 3, startedAt);
                ps.executeUpdate();
            }
            announceHolder(c, runId, actor, startedAt);
            return new LedgerRun(this, c, runId);
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
                c.close();
            } catch (SQLException ignored) {
                // already failing
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw Db.fail("cannot start a run in the ledger " + url, (SQLException) e);
        }
    }

    /**
     * Locks row 'ledger' of {@code run_lock} for the run's transaction: at once if it is free; else, with a lock
     * wait, tells who holds it and waits (PostgreSQL {@code lock_timeout}, H2 {@code LOCK_TIMEOUT}); else refuses.
     */
    private void takeRunLock(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            // PostgreSQL and H2 both know FOR UPDATE NOWAIT: refuse at once instead of waiting
            st.executeQuery("SELECT run_id FROM run_lock WHERE name = 'ledger' FOR UPDATE NOWAIT").close();
            return;
        } catch (SQLException e) {
            if (!isLockConflict(e)) {
                throw e;
            }
            c.rollback();
            if (access.lockWait().isZero()) {
                throw new StoreException("another posrecon run holds the ledger " + describeHolder()
                        + "; try again when it has finished, or give --wait SECONDS", e);
            }
        }
        long ms = access.lockWait().toMillis();
        access.notices().accept("another posrecon run holds the ledger " + describeHolder() + "; waiting up to "
                + access.lockWait().toSeconds() + " s for it to finish");
        try (Statement st = c.createStatement()) {
            dialect.setLockTimeout(st, ms);
            st.executeQuery("SELECT run_id FROM run_lock WHERE name = 'ledger' FOR UPDATE").close();
            dialect.resetLockTimeout(st);
        } catch (SQLException e) {
            if (isLockConflict(e)) {
                throw new StoreException("another posrecon run still holds the ledger " + describeHolder()
                        + " after waiting " + access.lockWait().toSeconds() + " s; try again later", e);
            }
            throw e;
        }
    }

    private static boolean isLockConflict(SQLException e) {
        // H2: 50200 lock timeout (HYT00); PostgreSQL: 55P03 lock_not_available (NOWAIT and lock_timeout)
        return e.getErrorCode() == 50200 || "HYT00".equals(e.getSQLState()) || "55P03".equals(e.getSQLState());
    }

    /**
     * Who holds the run lock: "since T (run N by X)". Nothing of it is written into the ledger (a killed run would
     * leave it behind): PostgreSQL shows it as the run's connection's {@code application_name}; an H2 file can be
     * open in one process only, so this process's runs are remembered in memory, and other processes learn it from
     * a file beside the database.
     */
    private String describeHolder() {
        String text = null;
        if (dialect == Dialect.POSTGRESQL) {
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT application_name"
                    + " FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE"
                    + " 'posrecon run %' ORDER BY backend_start")) {
                if (rs.next()) {
                    java.util.regex.Matcher m = APPLICATION_NAME.matcher(rs.getString(1));
                    text = m.matches() ? holderText(Long.parseLong(m.group(1)), m.group(2), Instant.parse(m.group(3)))
                            : "(" + rs.getString(1) + ")";
                }
                conn.commit();
            } catch (SQLException e) {
                rollbackQuietly();
            }
        } else {
            text = HOLDERS.get(url);
        }
        return text != null ? text : "(a run in progress)";
    }

    /** This JVM's runs on H2 ledgers, by URL: what {@link #describeHolder()} says. */
    private static final Map<String, String> HOLDERS = new ConcurrentHashMap<>();

    /** A run's {@code application_name} on PostgreSQL: "posrecon run N by X since T" (at most 63 bytes). */
    private static final java.util.regex.Pattern APPLICATION_NAME =
            java.util.regex.Pattern.compile("posrecon run (\\d+) by (.*) since (\\S+Z)");

    private static String holderText(long runId, String actor, Instant since) {
        return "since " + since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " (run " + runId + " by " + actor
                + ")";
    }

    /** Makes who holds the lock known beside the run's transaction (see {@link #describeHolder()}). */
    private void announceHolder(Connection c, long runId, String actor, Instant since) throws SQLException {
        String text = holderText(runId, actor, since);
        if (dialect == Dialect.POSTGRESQL) {
            // application_name is at most 63 bytes (a long actor name cuts the time off); pg_stat_activity shows it
            // to the other runs at once
            String name = "posrecon run " + runId + " by " + actor + " since "
                    + since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            c.setClientInfo("ApplicationName", name.length() > 63 ? name.substring(0, 63) : name);
            return;
        }
        HOLDERS.put(url, text);
        Path f = holderFile(url);
        if (f != null) {
            try {
                Files.writeString(f, text, StandardCharsets.UTF_8);
            } catch (IOException ignored) {
                // only used to word a message
            }
        }
    }

    /** Called by a run when it ends, committed or not. */
    void releaseHolder(long runId) {
        HOLDERS.computeIfPresent(url, (k, v) -> v.contains("(run " + runId + " by ") ? null : v);
        Path f = holderFile(url);
        if (f != null) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException ignored) {
                // advisory only
            }
        }
    }

    /** {@code <db file>.run} beside an H2 file database, else null. */
    private static Path holderFile(String url) {
        Path base = h2FileBase(url);
        return base == null ? null : Path.of(base + ".run");
    }

    /** An H2 file database's path without the {@code .mv.db} suffix, else null. */
    static Path h2FileBase(String url) {
        String prefix = url.startsWith("jdbc:h2:file:") ? "jdbc:h2:file:" : null;
        if (prefix == null) {
            return null;
        }
        String p = url.substring(prefix.length());
        int semi = p.indexOf(';');
        if (semi >= 0) {
            p = p.substring(0, semi);
        }
        if (p.startsWith("~")) {
            p = System.getProperty("user.home") + p.substring(1);
        }
        return Path.of(p);
    }

    private static String readHolderFile(String url) {
        Path f = holderFile(url);
        try {
            return f != null && Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------------- cases

    /** Cases matching the filter, by business date then id. */
    public List<StoredCase> listCases(CaseFilter f) {
        StringBuilder sql = new StringBuilder("SELECT * FROM cases WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (f.from() != null) {
            sql.append(" AND business_date >= ?");
            args.add(f.from());
        }
        if (f.to() != null) {
            sql.append(" AND business_date <= ?");
            args.add(f.to());
        }
        if (f.type() != null) {
            sql.append(" AND case_type = ?");
            args.add(f.type().name());
        }
        if (f.status() != null) {
            sql.append(" AND status = ?");
            args.add(f.status().name());
        }
        if (f.terminalId() != null) {
            sql.append(" AND terminal_id = ?");
            args.add(f.terminalId());
        }
        sql.append(" ORDER BY business_date, case_id");
        List<StoredCase> out = new ArrayList<>();
        read(sql.toString(), args, rs -> {
            StoredCase c = CaseRows.read(rs);
            if (f.minAmount() == null || new java.math.BigDecimal(c.reconCase().amountAtStake().toDecimalString())
                    .compareTo(f.minAmount()) >= 0) {
                out.add(c);
            }
        });
        return out;
    }

    /** The case with this id, or the only one whose id starts with it. */
    public Optional<StoredCase> findCase(String caseId) {
        List<StoredCase> exact = new ArrayList<>();
        read("SELECT * FROM cases WHERE case_id = ?", List.of(caseId), rs -> exact.add(CaseRows.read(rs)));
        if (!exact.isEmpty()) {
            return Optional.of(exact.get(0));
        }
        List<StoredCase> byPrefix = new ArrayList<>();
        read("SELECT * FROM cases WHERE case_id LIKE ? ESCAPE '\\' ORDER BY case_id", List.of(likePrefix(caseId)),
                rs -> byPrefix.add(CaseRows.read(rs)));
        if (byPrefix.size() > 1) {
            throw new UsageException("case id '" + caseId + "' is ambiguous: it starts "
                    + byPrefix.stream().limit(5).map(StoredCase::caseId).toList()
                    + (byPrefix.size() > 5 ? " and " + (byPrefix.size() - 5) + " more" : ""));
        }
        return byPrefix.stream().findFirst();
    }

    private static String likePrefix(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The case's events, oldest first. */
    public List<CaseEvent> history(String caseId) {
        String id = require(caseId).caseId();
        List<CaseEvent> out = new ArrayList<>();
        read("SELECT * FROM case_events WHERE case_id = ? ORDER BY event_at, id", List.of(id),
                rs -> out.add(new CaseEvent(rs.getString("case_id"), Db.instant(rs, "event_at"),
                        rs.getString("actor"), Db.enumOf(CaseStatus.class, rs.getString("from_status")),
                        CaseStatus.valueOf(rs.getString("to_status")), rs.getString("note"), Db.lng(rs, "run_id"))));
        return out;
    }

    /**
     * Moves a case to another status, with who, when and why.
     *
     * @throws UsageException (exit 2) for an unknown case or an illegal transition, naming the legal ones
     */
    public StoredCase updateStatus(String caseId, CaseStatus to, String note, String actor, Instant at) {
        StoredCase c = require(caseId);
        c.status().requireCanMoveTo(c.caseId(), to);
        boolean closing = !to.active();
        try (PreparedStatement upd = conn.prepareStatement("UPDATE cases SET status = ?, status_changed_at = ?,"
                + " closed_reason = ?, closed_by = ? WHERE case_id = ? AND status = ?");
             PreparedStatement ev = conn.prepareStatement(CaseRows.INSERT_EVENT)) {
            upd.setString(1, to.name());
            Db.instant(upd, 2, at);
            Db.str(upd, 3, closing ? note : null);
            Db.str(upd, 4, closing ? actor : null);
            upd.setString(5, c.caseId());
            upd.setString(6, c.status().name());
            if (upd.executeUpdate() != 1) {
                conn.rollback();
                throw new StoreException("case " + c.caseId() + " changed while it was being updated; try again");
            }
            CaseRows.insertEvent(ev, c.caseId(), at, actor, c.status(), to, note, null);
            ev.executeUpdate();
            conn.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw Db.fail("cannot update case " + c.caseId(), e);
        }
        return require(c.caseId());
    }

    private StoredCase require(String caseId) {
        return findCase(caseId).orElseThrow(() -> new UsageException("no case '" + caseId + "' in the ledger " + url));
    }

    // ------------------------------------------------------------------------------------------------- audit

    /** One business day (optionally one terminal) at a glance. */
    public AuditReport audit(LocalDate date, String terminalIdOrNull) {
        return new Audits(this).audit(date, terminalIdOrNull);
    }

    // ------------------------------------------------------------------------------------------------- receipts

    /** Receipts matching every given detail, by time then number. */
    public List<ReceiptMatch> findReceipts(ReceiptQuery q) {
        return new Receipts(this).find(q);
    }

    /**
     * Every receipt of one business day, as the journal had it (tenders with the references the ledger completed),
     * by time then number; a receipt a reload stored again is given once.
     */
    public List<Receipt> receiptsOn(LocalDate day) {
        List<Receipt> out = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        for (StoredReceipt r : new Receipts(this).findStored(new ReceiptQuery(day, null, null, null, null, null,
                null))) {
            if (seen.add(Arrays.asList(r.storeId(), r.receiptNo(), r.kind()))) {
                out.add(r.toReceipt());
            }
        }
        return out;
    }

    /**
     * Approved sales and refunds on the terminal logs, per business day and terminal, from {@code from} to
     * {@code to} inclusive (the audit's "approved" count); a file loaded again counts once, by its latest load.
     */
    public SortedMap<LocalDate, SortedMap<String, Long>> terminalTransactions(LocalDate from, LocalDate to) {
        SortedMap<LocalDate, SortedMap<String, Long>> out = new TreeMap<>();
        read("SELECT d.business_date, d.terminal_id, SUM(d.records) FROM day_totals d WHERE d.source = 'TERMINAL'"
                + " AND d.business_date >= ? AND d.business_date <= ? AND d.run_id = (SELECT MAX(e.run_id) FROM"
                + " day_totals e WHERE e.file_sha256 = d.file_sha256 AND e.business_date = d.business_date)"
                + " GROUP BY d.business_date, d.terminal_id", List.of(from, to),
                rs -> out.computeIfAbsent(rs.getObject(1, LocalDate.class), k -> new TreeMap<>())
                        .merge(rs.getString(2) == null ? "" : rs.getString(2), rs.getLong(3), Long::sum));
        return out;
    }

    /**
     * Rebuilds a receipt as text, marked DUPLICATE.
     *
     * @param receiptNoOrRrn the receipt number, else the RRN of one of its card tenders
     * @param dateOrNull     the business date, to choose among receipts sharing a number
     * @param merchantName   printed on top; null for the name stored with the run that loaded the receipt
     */
    public String reprint(String receiptNoOrRrn, LocalDate dateOrNull, String merchantName) {
        return new Receipts(this).reprint(receiptNoOrRrn, dateOrNull, merchantName);
    }

    // ------------------------------------------------------------------------------------------------- plumbing

    @FunctionalInterface
    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** Runs a read-only query on the ledger's own connection and ends its transaction. */
    void read(String sql, List<?> args, RowHandler h) {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    h.row(rs);
                }
            }
            conn.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw Db.fail("cannot read the ledger " + url, e);
        }
    }

    private void rollbackQuietly() {
        try {
            conn.rollback();
        } catch (SQLException ignored) {
            // already failing
        }
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw Db.fail("cannot close the ledger " + url, e);
        }
    }
}
