package dev.posrecon.core.store;

import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.error.ExitCodes;
import dev.posrecon.core.error.InputException;
import dev.posrecon.core.error.ReconException;
import dev.posrecon.core.error.UsageException;
import dev.posrecon.core.model.Ids;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.Source;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.Tender;
import dev.posrecon.core.model.TerminalRecord;
import dev.posrecon.core.model.TxnKind;
import dev.posrecon.core.model.ReceiptKind;
import dev.posrecon.core.model.TenderType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One reconcile run against the ledger: ONE database transaction holding the one-run-at-a-time lock. Nothing is
 * visible to others until {@link #commit()}; {@link #close()} without a commit rolls everything back, and so does a
 * crash or a kill (the database discards an uncommitted transaction when it reopens).
 *
 * <p>Order of calls: {@link #registerFile} for every input, {@link #openItems()}, {@link #saveRecords},
 * {@link #syncCases}, {@link #recordCounts}, {@link #finish}, {@link #commit()}.
 *
 * <p>Record identity: a record read from a file this run registered is stored anew, keyed by the file's SHA-256
 * and its line (loading the same content again with {@code --reload} first deletes that content's earlier rows,
 * so a re-load replaces, never duplicates). An open item handed out by {@link #openItems()} is the same row: when
 * it comes back in {@link #saveRecords} (the same object, or a record with the same {@link SourceRef} from a file
 * not registered in this run) its status is updated in place.
 */
public final class LedgerRun implements AutoCloseable {
    /** The actor of automatic case events. */
    public static final String SYSTEM_ACTOR = "posrecon";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final Ledger ledger;
    private final Connection c;
    private final long runId;
    private final Map<String, String> shaByName = new LinkedHashMap<>();
    private final Set<String> registeredShas = new HashSet<>();
    private final Map<Object, Long> openIds = new IdentityHashMap<>();
    private final Map<SourceRef, Long> openTerminalByRef = new HashMap<>();
    private final Map<SourceRef, Long> openSettlementByRef = new HashMap<>();
    private final Map<SourceRef, Long> openReceiptByRef = new HashMap<>();
    private Function<LocalDateTime, LocalDate> businessDay = LocalDateTime::toLocalDate;
    private boolean finished;
    private boolean committed;
    private boolean closed;

    LedgerRun(Ledger ledger, Connection c, long runId) {
        this.ledger = ledger;
        this.c = c;
        this.runId = runId;
    }

    /** This run's id (committed runs are numbered 1, 2, ...; an abandoned run leaves a gap). */
    public long runId() {
        return runId;
    }

    /**
     * Takes the business-day rule and the merchant name (kept with the run for receipt reprints) from the settings.
     * Without it, a record's business date is its local calendar date.
     */
    public void useConfig(ReconConfig config) {
        this.businessDay = config::businessDate;
        update("UPDATE runs SET merchant_name = ? WHERE id = ?", config.merchantName(), runId);
    }

    /**
     * Records an input file: path, size, SHA-256 and role ({@code TERMINAL}, {@code SETTLEMENT}, {@code JOURNAL},
     * {@code CUSTOMERS}).
     *
     * @param displayName the name records carry in their {@link SourceRef#file()}
     * @throws ReconException exit 3 when an earlier committed run loaded the same content and {@code reload} is off
     */
    public void registerFile(Path path, String displayName, String role, boolean reload) {
        registerFile(path, displayName, role, reload, fingerprint(path, displayName));
    }

    /**
     * {@link #registerFile(Path, String, String, boolean)} with the file's SHA-256 worked out beforehand (by
     * {@link #fingerprint}, e.g. on another thread while the inputs are read).
     */
    public void registerFile(Path path, String displayName, String role, boolean reload, String sha) {
        Source.valueOf(role);
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new InputException(displayName, 0, null, "cannot read the file to fingerprint it: " + e);
        }
        if (!registeredShas.add(sha)) {
            String other = shaByName.entrySet().stream().filter(e -> e.getValue().equals(sha)).map(Map.Entry::getKey)
                    .findFirst().orElse("another input");
            throw new UsageException(displayName + " has the same content as " + other + " (sha256 " + sha
                    + "); give each file once");
        }
        shaByName.put(displayName, sha);
        try {
            try (PreparedStatement ps = c.prepareStatement("SELECT f.run_id, r.started_at, f.display_name"
                    + " FROM input_files f JOIN runs r ON r.id = f.run_id WHERE f.sha256 = ? AND f.run_id <> ?"
                    + " ORDER BY f.run_id DESC")) {
                ps.setString(1, sha);
                ps.setLong(2, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        if (!reload) {
                            throw new ReconException(ExitCodes.BAD_INPUT, displayName + " was already loaded by run "
                                    + rs.getLong(1) + " on " + WHEN.format(Db.instant(rs, "started_at")
                                    .atOffset(ZoneOffset.UTC)) + " (sha256 " + sha.substring(0, 12)
                                    + "…, as " + rs.getString(3) + "); use --reload to load it again");
                        }
                        update("DELETE FROM receipt_block_bodies WHERE block_id IN"
                                + " (SELECT id FROM receipt_blocks WHERE file_sha256 = ?)", sha);
                        for (String table : List.of("terminal_records", "settlement_records", "receipts",
                                "receipt_blocks", "day_totals")) {
                            update("DELETE FROM " + table + " WHERE file_sha256 = ?", sha);
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO input_files (run_id, path, display_name,"
                    + " size_bytes, sha256, role, reloaded) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, runId);
                ps.setString(2, path.toAbsolutePath().normalize().toString());
                ps.setString(3, displayName);
                ps.setLong(4, size);
                ps.setString(5, sha);
                ps.setString(6, role);
                ps.setBoolean(7, reload);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw Db.fail("cannot record input file " + displayName + " in the ledger", e);
        }
    }

    /** Records how many records and rejects a registered file gave. */
    public void recordCounts(String displayName, long records, long rejects) {
        update("UPDATE input_files SET records = ?, rejects = ? WHERE run_id = ? AND display_name = ?",
                records, rejects, runId, displayName);
    }

    /**
     * Records earlier runs left OPEN, except those of files this run registered (re-loaded content comes back
     * through the readers). Call after {@link #registerFile}.
     */
    public OpenItems openItems() {
        List<TerminalRecord> terminal = new ArrayList<>();
        List<SettlementRecord> settlement = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            loadOpen(st, "terminal_records", RecordRows::terminal, TerminalRecord::ref, terminal, openTerminalByRef);
            loadOpen(st, "settlement_records", RecordRows::settlement, SettlementRecord::ref, settlement,
                    openSettlementByRef);
            loadOpen(st, "receipts", RecordRows::receipt, Receipt::ref, receipts, openReceiptByRef);
        } catch (SQLException e) {
            throw Db.fail("cannot read open items from the ledger", e);
        }
        return new OpenItems(terminal, settlement, receipts);
    }

    /**
     * Stores the run's records in JDBC batches, each with the status {@code statusOf} gives
     * ({@code MATCHED}, {@code OPEN} or {@code IN_CASE}; null counts as MATCHED).
     * <ul>
     *   <li>every record read in this run is counted in the audit's day totals;</li>
     *   <li>terminal and settlement records are kept when OPEN or IN_CASE (a matched one is only counted);</li>
     *   <li>an open item from an earlier run gets its new status in place (never a second row);</li>
     *   <li>every receipt is kept with its tenders (see {@link TenderText}), a card tender's missing references
     *       completed from the terminal record with the same RRN, else the same terminal and STAN: a MATCHED one in
     *       a block of receipts ({@link ReceiptBlocks}), an OPEN or IN_CASE one as a row of its own (its status
     *       changes later).</li>
     * </ul>
     */
    public void saveRecords(List<TerminalRecord> t, List<SettlementRecord> s, List<Receipt> r,
                            Function<Object, String> statusOf) {
        saveRecords(t, s, r, statusOf, 1);
    }

    /**
     * As {@link #saveRecords(List, List, List, Function)}; with {@code threads} above 1 the receipts are made ready
     * (tenders completed, blocks' text encoded) on a second thread, in order, while this one stores the terminal
     * and settlement records and then the receipts. The ledger gets the same rows in the same order either way.
     */
    public void saveRecords(List<TerminalRecord> t, List<SettlementRecord> s, List<Receipt> r,
                            Function<Object, String> statusOf, int threads) {
        try (ReceiptFeed feed = new ReceiptFeed(threads, r, () -> new ReceiptPrep(t, statusOf))) {
            saveRecords(t, s, statusOf, feed);
        }
    }

    private void saveRecords(List<TerminalRecord> t, List<SettlementRecord> s, Function<Object, String> statusOf,
                             ReceiptFeed feed) {
        DayTotals totals = new DayTotals();
        try (PreparedStatement ins = c.prepareStatement(RecordRows.INSERT_TERMINAL);
             PreparedStatement upd = c.prepareStatement(
                     "UPDATE terminal_records SET status = ?, status_run_id = ? WHERE id = ?")) {
            Batches b = new Batches(ins, upd);
            for (TerminalRecord x : t) {
                String status = status(statusOf, x);
                Long id = existingId(x, x.ref(), openTerminalByRef);
                if (id != null) {
                    bindStatus(upd, status, id);
                    b.addUpdate();
                    continue;
                }
                LocalDate day = x.localTime() == null ? null : businessDay.apply(x.localTime());
                String key = fileKey(x.ref().file());
                if (x.approved() && (x.kind() == TxnKind.SALE || x.kind() == TxnKind.REFUND)) {
                    totals.add(key, "TERMINAL", day, x.terminalId(), x.amount(), x.kind() == TxnKind.REFUND);
                }
                if (!RecordStatus.MATCHED.name().equals(status)) {
                    RecordRows.bindTerminal(ins, x, runId, status, key, day);
                    b.addInsert();
                }
            }
            b.flush();
        } catch (SQLException e) {
            throw Db.fail("cannot store terminal records in the ledger", e);
        }
        try (PreparedStatement ins = c.prepareStatement(RecordRows.INSERT_SETTLEMENT);
             PreparedStatement upd = c.prepareStatement(
                     "UPDATE settlement_records SET status = ?, status_run_id = ? WHERE id = ?")) {
            Batches b = new Batches(ins, upd);
            for (SettlementRecord x : s) {
                String status = status(statusOf, x);
                Long id = existingId(x, x.ref(), openSettlementByRef);
                if (id != null) {
                    bindStatus(upd, status, id);
                    b.addUpdate();
                    continue;
                }
                LocalDate day = x.txnTime() != null ? businessDay.apply(x.txnTime()) : x.settleDate();
                String key = fileKey(x.ref().file());
                if (x.type() == TxnKind.SALE || x.type() == TxnKind.REFUND) {
                    totals.add(key, "SETTLEMENT", day, x.terminalId(), x.amount(), x.type() == TxnKind.REFUND);
                }
                if (!RecordStatus.MATCHED.name().equals(status)) {
                    RecordRows.bindSettlement(ins, x, runId, status, key, day);
                    b.addInsert();
                }
            }
            b.flush();
        } catch (SQLException e) {
            throw Db.fail("cannot store settlement records in the ledger", e);
        }
        List<Object[]> receiptStatus = new ArrayList<>();
        try (PreparedStatement ins = c.prepareStatement(RecordRows.INSERT_RECEIPT)) {
            Batches b = new Batches(ins, null);
            ReceiptBlocks.Writer blocks = new ReceiptBlocks.Writer(c, runId);
            ReceiptPrep.Ready p;
            while ((p = feed.next()) != null) {
                Receipt x = p.receipt();
                if (p.existingId() != null) {
                    receiptStatus.add(new Object[] {p.status(), p.existingId()});
                    continue;
                }
                List<Tender> tenders = x.tenders();
                for (int i = 0; i < tenders.size(); i++) {
                    Tender tender = tenders.get(i);
                    if (tender.type() == TenderType.CARD && x.kind() != ReceiptKind.VOID) {
                        totals.add(p.key(), "JOURNAL", p.day(), p.totalTerminals()[i], tender.amount(),
                                x.kind() == ReceiptKind.RETURN);
                    }
                }
                if (p.encoded() != null && blocks.addEncoded(p.encoded(), x, p.stored(), p.key(), p.day())) {
                    continue;
                }
                RecordRows.bindReceipt(ins, x, p.stored(), runId, p.status(), p.key(), p.day());
                b.addInsert();
            }
            b.flush();
            blocks.finish();
            totals.write(c, runId);
        } catch (SQLException e) {
            throw Db.fail("cannot store receipts in the ledger", e);
        }
        try (PreparedStatement upd = c.prepareStatement(
                "UPDATE receipts SET status = ?, status_run_id = ? WHERE id = ?")) {
            for (Object[] st : receiptStatus) {
                bindStatus(upd, (String) st[0], (Long) st[1]);
                upd.addBatch();
            }
            upd.executeBatch();
        } catch (SQLException e) {
            throw Db.fail("cannot store receipts in the ledger", e);
        }
    }

    /**
     * Makes receipts ready to store: reads the run's records and the ledger's open items as loaded, writes nothing
     * (so it may run on a second thread while the first writes). One instance for one pass over the receipts.
     */
    private final class ReceiptPrep {
        /** A receipt and everything storing it needs but the ledger's writes. */
        record Ready(Receipt receipt, Long existingId, String status, String key, LocalDate day,
                     List<TenderText.Stored> stored, String[] totalTerminals, String encoded) {
        }

        private final TerminalIndex index;
        private final Function<Object, String> statusOf;
        private final StringBuilder scratch = new StringBuilder(512);

        ReceiptPrep(List<TerminalRecord> t, Function<Object, String> statusOf) {
            this.index = new TerminalIndex(t);
            this.statusOf = statusOf;
        }

        Ready prepare(Receipt x) {
            String status = status(statusOf, x);
            Long id = existingId(x, x.ref(), openReceiptByRef);
            if (id != null) {
                return new Ready(x, id, status, null, null, null, null, null);
            }
            String key = fileKey(x.ref().file());
            LocalDate day = x.time() == null ? null : businessDay.apply(x.time());
            List<Tender> tenders = x.tenders();
            List<TenderText.Stored> stored = new ArrayList<>(tenders.size());
            String[] terminals = new String[tenders.size()];
            for (int i = 0; i < tenders.size(); i++) {
                Tender tender = tenders.get(i);
                TerminalRecord paid = tender.type() == TenderType.CARD ? index.find(tender) : null;
                stored.add(RecordRows.stored(tender, paid));
                terminals[i] = tender.terminalId() != null ? tender.terminalId()
                        : paid == null ? null : paid.terminalId();
            }
            String encoded = null;
            if (RecordStatus.MATCHED.name().equals(status)) {
                scratch.setLength(0);
                ReceiptBlocks.encode(scratch, x, stored);
                encoded = scratch.toString();
            }
            return new Ready(x, null, status, key, day, stored, terminals, encoded);
        }
    }

    /**
     * The receipts made ready in their order: on a second thread that keeps up to {@link #AHEAD} chunks ahead
     * (a bounded queue, so memory does not grow with the day), or on this thread when the run has one.
     */
    private static final class ReceiptFeed implements AutoCloseable {
        private static final int CHUNK = 1024;
        private static final int AHEAD = 4;
        private static final List<ReceiptPrep.Ready> END = new ArrayList<>();

        private final List<Receipt> receipts;
        private final java.util.function.Supplier<ReceiptPrep> prep;
        private final java.util.concurrent.BlockingQueue<Object> queue;
        private final Thread helper;
        private ReceiptPrep inline;
        private List<ReceiptPrep.Ready> chunk = List.of();
        private int at;
        private int next;

        ReceiptFeed(int threads, List<Receipt> receipts, java.util.function.Supplier<ReceiptPrep> prep) {
            this.receipts = receipts;
            this.prep = prep;
            if (threads > 1 && receipts.size() > CHUNK) {
                queue = new java.util.concurrent.ArrayBlockingQueue<>(AHEAD);
                helper = new Thread(this::fill, "posrecon-ledger");
                helper.setDaemon(true);
                helper.start();
            } else {
                queue = null;
                helper = null;
            }
        }

        private void fill() {
            try {
                ReceiptPrep p = prep.get();
                for (int from = 0; from < receipts.size(); from += CHUNK) {
                    int to = Math.min(receipts.size(), from + CHUNK);
                    List<ReceiptPrep.Ready> out = new ArrayList<>(to - from);
                    for (int i = from; i < to; i++) {
                        out.add(p.prepare(receipts.get(i)));
                    }
                    queue.put(out);
                }
                queue.put(END);
            } catch (InterruptedException e) {
                // the storing thread stopped (a failed write): nothing is waiting for more
            } catch (RuntimeException | Error e) {
                queue.clear();
                queue.offer(e);
            }
        }

        /** The next receipt made ready, null after the last. */
        ReceiptPrep.Ready next() {
            if (queue == null) {
                if (next == receipts.size()) {
                    return null;
                }
                if (inline == null) {
                    inline = prep.get();
                }
                return inline.prepare(receipts.get(next++));
            }
            if (at == chunk.size()) {
                if (chunk == END) {
                    return null;
                }
                chunk = take();
                at = 0;
                if (chunk == END) {
                    return null;
                }
            }
            return chunk.get(at++);
        }

        @SuppressWarnings("unchecked")
        private List<ReceiptPrep.Ready> take() {
            Object o;
            try {
                o = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while storing receipts", e);
            }
            if (o instanceof RuntimeException e) {
                throw e;
            }
            if (o instanceof Error e) {
                throw e;
            }
            return (List<ReceiptPrep.Ready>) o;
        }

        @Override
        public void close() {
            if (helper != null) {
                helper.interrupt();
                try {
                    helper.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The run's approved terminal sales and refunds by RRN and by terminal + STAN (a key seen twice finds none). */
    private static final class TerminalIndex {
        /** by RRN (its {@link Ids} code: equal codes, equal texts); a key seen twice maps to {@link #AMBIGUOUS}. */
        private final Map<Long, TerminalRecord> byRrn;
        /** by terminal + "|" + normalised STAN; a key seen twice maps to {@link #AMBIGUOUS}. */
        private final Map<String, TerminalRecord> byStan;

        TerminalIndex(List<TerminalRecord> records) {
            byRrn = new HashMap<>(2 * records.size());
            byStan = new HashMap<>(2 * records.size());
            for (TerminalRecord t : records) {
                if (!t.approved() || (t.kind() != TxnKind.SALE && t.kind() != TxnKind.REFUND)) {
                    continue;
                }
                if (carried(t.rrnKey())) {
                    byRrn.merge(t.rrnKey(), t, (a, b) -> AMBIGUOUS);
                }
                if (t.terminalId() != null && t.stan() != null && !t.stan().isBlank()) {
                    put(byStan, t.terminalId() + "|" + TerminalRecord.normStan(t.stan()), t);
                }
            }
        }

        private static void put(Map<String, TerminalRecord> map, String key, TerminalRecord t) {
            map.merge(key, t, (a, b) -> AMBIGUOUS);
        }

        /** Whether an RRN is given and not blank (a plain code is neither; only another's text is looked at). */
        private static boolean carried(long rrnKey) {
            return rrnKey != Ids.NONE && (Ids.isPlain(rrnKey) || !Ids.text(rrnKey).isBlank());
        }

        TerminalRecord find(Tender tender) {
            TerminalRecord t = null;
            if (carried(tender.rrnKey())) {
                t = byRrn.get(tender.rrnKey());
            } else if (tender.terminalId() != null && tender.stan() != null) {
                t = byStan.get(tender.terminalId() + "|" + TerminalRecord.normStan(tender.stan()));
            }
            return t == AMBIGUOUS ? null : t;
        }
    }

    /** Marks a key of {@link TerminalIndex} that two records share: it finds none. */
    private static final TerminalRecord AMBIGUOUS = new TerminalRecord(new SourceRef("", 0), null, null,
            TxnKind.SALE, null, null, null, null, null, null, null, false, null, null, null, null, null);

    /**
     * Brings the ledger's cases in line with this run's findings.
     * <ul>
     *   <li>a case id the ledger does not know: inserted as OPEN, with a "created" event;</li>
     *   <li>a known id: its data and last-seen run are updated, its status and history kept (a case the ledger had
     *       closed automatically is reopened: it is back);</li>
     *   <li>an OPEN or CONTACTED case of one of {@code scopeDates} that is not in {@code cases}: RESOLVED by
     *       {@value #SYSTEM_ACTOR}, "no longer found on re-run".</li>
     * </ul>
     */
    public SyncResult syncCases(List<ReconCase> cases, Set<LocalDate> scopeDates, Instant now) {
        Map<String, ReconCase> byId = new LinkedHashMap<>();
        for (ReconCase rc : cases) {
            byId.put(rc.caseId(), rc);
        }
        try {
            Map<String, String[]> existing = existing(byId.keySet());
            List<String> newIds = new ArrayList<>();
            int unchanged = 0;
            int reopened = 0;
            try (PreparedStatement ins = c.prepareStatement(CaseRows.INSERT);
                 PreparedStatement upd = c.prepareStatement(CaseRows.UPDATE);
                 PreparedStatement reopen = c.prepareStatement("UPDATE cases SET status = 'OPEN',"
                         + " status_changed_at = ?, closed_reason = NULL, closed_by = NULL WHERE case_id = ?");
                 PreparedStatement ev = c.prepareStatement(CaseRows.INSERT_EVENT)) {
                for (ReconCase rc : byId.values()) {
                    String[] old = existing.get(rc.caseId());
                    if (old == null) {
                        CaseRows.bindData(ins, rc);
                        int i = CaseRows.DATA_COUNT + 1;
                        ins.setString(i++, rc.caseId());
                        ins.setString(i++, CaseStatus.OPEN.name());
                        Db.instant(ins, i++, now);
                        ins.setLong(i++, runId);
                        ins.setLong(i++, runId);
                        Db.instant(ins, i, now);
                        ins.addBatch();
                        CaseRows.insertEvent(ev, rc.caseId(), now, SYSTEM_ACTOR, null, CaseStatus.OPEN,
                                "created by run " + runId, runId);
                        ev.addBatch();
                        newIds.add(rc.caseId());
                    } else {
                        CaseRows.bindData(upd, rc);
                        upd.setLong(CaseRows.DATA_COUNT + 1, runId);
                        upd.setString(CaseRows.DATA_COUNT + 2, rc.caseId());
                        upd.addBatch();
                        if (CaseStatus.RESOLVED.name().equals(old[0]) && SYSTEM_ACTOR.equals(old[1])) {
                            Db.instant(reopen, 1, now);
                            reopen.setString(2, rc.caseId());
                            reopen.addBatch();
                            CaseRows.insertEvent(ev, rc.caseId(), now, SYSTEM_ACTOR, CaseStatus.RESOLVED,
                                    CaseStatus.OPEN, "found again by run " + runId, runId);
                            ev.addBatch();
                            reopened++;
                        } else {
                            unchanged++;
                        }
                    }
                }
                // cases first: events refer to them
                ins.executeBatch();
                upd.executeBatch();
                reopen.executeBatch();
                ev.executeBatch();
            }
            List<String> closed = autoClose(byId.keySet(), scopeDates, now);
            return new SyncResult(newIds.size(), unchanged, closed.size(), reopened, newIds, closed);
        } catch (SQLException e) {
            throw Db.fail("cannot store cases in the ledger", e);
        }
    }

    /** Records the run's end: outcome ({@code OK}, {@code FAILED}...) and its counts as JSON text. */
    public void finish(String outcome, String countsJson) {
        update("UPDATE runs SET finished_at = ?, outcome = ?, counts = ? WHERE id = ?", Instant.now(), outcome,
                countsJson, runId);
        finished = true;
    }

    /** Makes the whole run visible at once and releases the lock. */
    public void commit() {
        if (closed) {
            throw new IllegalStateException("run " + runId + " is closed");
        }
        if (!finished) {
            finish("OK", null);
        }
        try {
            c.commit();
            committed = true;
        } catch (SQLException e) {
            throw Db.fail("cannot commit run " + runId + " to the ledger (nothing of it was kept)", e);
        }
        close();
    }

    /** Without a {@link #commit()}, rolls the whole run back: the ledger stays as it was. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!committed) {
                c.rollback();
            }
        } catch (SQLException e) {
            throw Db.fail("cannot roll back run " + runId, e);
        } finally {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the connection is gone either way
            }
            ledger.releaseHolder(runId);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Reads a row into a record. */
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** One table's open items into {@code into}, each remembered with its row id (by identity and by source line). */
    private <T> void loadOpen(Statement st, String table, RowReader<T> reader, Function<T, SourceRef> ref, List<T> into,
                              Map<SourceRef, Long> idByRef) throws SQLException {
        try (ResultSet rs = st.executeQuery(openItemsSql(table))) {
            while (rs.next()) {
                if (registeredShas.contains(rs.getString("file_sha256"))) {
                    continue;
                }
                T x = reader.read(rs);
                into.add(x);
                openIds.put(x, rs.getLong("id"));
                idByRef.put(ref.apply(x), rs.getLong("id"));
            }
        }
    }

    /** The open items of a record table, in file order (through the table's status index, schema 3). */
    static String openItemsSql(String table) {
        return "SELECT * FROM " + table + " WHERE status = 'OPEN' ORDER BY file_name, line, id";
    }

    /** The file's SHA-256; for a record of a file not registered in this run, its name (so re-loads still find it). */
    private String fileKey(String displayName) {
        String sha = shaByName.get(displayName);
        return sha != null ? sha : "unregistered:" + displayName;
    }

    private Long existingId(Object record, SourceRef ref, Map<SourceRef, Long> byRef) {
        Long id = openIds.get(record);
        if (id == null && !shaByName.containsKey(ref.file())) {
            id = byRef.get(ref);
        }
        return id;
    }

    private static String status(Function<Object, String> statusOf, Object record) {
        String s = statusOf.apply(record);
        return s == null ? RecordStatus.MATCHED.name() : RecordStatus.valueOf(s).name();
    }

    private void bindStatus(PreparedStatement upd, String status, long id) throws SQLException {
        upd.setString(1, status);
        upd.setLong(2, runId);
        upd.setLong(3, id);
    }

    /** For the given ids that the ledger holds: {status, closed_by}. */
    private Map<String, String[]> existing(Collection<String> ids) throws SQLException {
        Map<String, String[]> out = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            // FOR UPDATE: the rows stay as read until the run commits; a staff member's update of one of them waits
            // for the commit and then applies to what the run wrote (it changes status, the run changes data)
            String sql = "SELECT case_id, status, closed_by FROM cases WHERE case_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ") FOR UPDATE";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                    }
                }
            }
        }
        return out;
    }

    private List<String> autoClose(Set<String> found, Set<LocalDate> scopeDates, Instant now) throws SQLException {
        TreeSet<String> gone = new TreeSet<>();
        Map<String, CaseStatus> before = new HashMap<>();
        List<LocalDate> dates = new ArrayList<>(new TreeSet<>(scopeDates));
        for (int from = 0; from < dates.size(); from += 200) {
            List<LocalDate> chunk = dates.subList(from, Math.min(dates.size(), from + 200));
            // FOR UPDATE: a case a person moves on meanwhile (e.g. resolves it) is either seen as they left it, or
            // waits for this run; the run never closes it over their change
            String sql = "SELECT case_id, status FROM cases WHERE status IN ('OPEN', 'CONTACTED') AND business_date IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ") FOR UPDATE";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setObject(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!found.contains(rs.getString(1))) {
                            gone.add(rs.getString(1));
                            before.put(rs.getString(1), CaseStatus.valueOf(rs.getString(2)));
                        }
                    }
                }
            }
        }
        if (gone.isEmpty()) {
            return List.of();
        }
        String reason = "no longer found on re-run (run " + runId + "): e.g. the late settlement file arrived";
        try (PreparedStatement upd = c.prepareStatement("UPDATE cases SET status = 'RESOLVED', status_changed_at = ?,"
                + " closed_reason = ?, closed_by = ? WHERE case_id = ?");
             PreparedStatement ev = c.prepareStatement(CaseRows.INSERT_EVENT)) {
            for (String id : gone) {
                Db.instant(upd, 1, now);
                upd.setString(2, reason);
                upd.setString(3, SYSTEM_ACTOR);
                upd.setString(4, id);
                upd.addBatch();
                CaseRows.insertEvent(ev, id, now, SYSTEM_ACTOR, before.get(id), CaseStatus.RESOLVED, reason, runId);
                ev.addBatch();
            }
            upd.executeBatch();
            ev.executeBatch();
        }
        return new ArrayList<>(gone);
    }

    private void update(String sql, Object... args) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a instanceof Instant in) {
                    Db.instant(ps, i + 1, in);
                } else if (a == null) {
                    ps.setNull(i + 1, java.sql.Types.VARCHAR);
                } else {
                    ps.setObject(i + 1, a);
                }
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Db.fail("cannot update the ledger", e);
        }
    }

    /** The file's SHA-256 in hex, as {@link #registerFile} records it; exit 3 naming the file when unreadable. */
    public static String fingerprint(Path path, String displayName) {
        try {
            return sha256(path);
        } catch (IOException e) {
            throw new InputException(displayName, 0, null, "cannot read the file to fingerprint it: " + e);
        }
    }

    static String sha256(Path path) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Two statements (the second null when unused) batched side by side, each flushed every {@link Db#BATCH} rows. */
    private static final class Batches {
        private final PreparedStatement first;
        private final PreparedStatement second;
        private int n1;
        private int n2;

        Batches(PreparedStatement first, PreparedStatement second) {
            this.first = first;
            this.second = second;
        }

        void addInsert() throws SQLException {
            first.addBatch();
            if (++n1 >= Db.BATCH) {
                first.executeBatch();
                n1 = 0;
            }
        }

        void addUpdate() throws SQLException {
            second.addBatch();
            if (++n2 >= Db.BATCH) {
                second.executeBatch();
                n2 = 0;
            }
        }

        void flush() throws SQLException {
            if (n1 > 0) {
                first.executeBatch();
            }
            if (n2 > 0 && second != null) {
                second.executeBatch();
            }
        }
    }
}
