package dev.posrecon.core.store;

import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.error.ReconException;
import dev.posrecon.core.error.StoreException;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.TerminalRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static dev.posrecon.core.store.Fixtures.DAY;
import static dev.posrecon.core.store.Fixtures.reconCase;
import static dev.posrecon.core.store.Fixtures.sale;
import static dev.posrecon.core.store.Fixtures.settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class LedgerTest {
    @Parameter
    TestDb db;

    private static final Instant T0 = Instant.parse("2026-11-21T02:00:00Z");

    @TempDir
    Path dir;

    private String url;

    @BeforeEach
    void newLedger() {
        url = db.newLedger(dir);
    }

    private String url() {
        return url;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One committed run that syncs the given cases for DAY. */
    private SyncResult runWith(Ledger ledger, Instant at, ReconCase... cases) {
        try (LedgerRun run = ledger.beginRun("cron", "--date " + DAY, at)) {
            SyncResult r = run.syncCases(List.of(cases), Set.of(DAY), at);
            run.finish("OK", "{}");
            run.commit();
            return r;
        }
    }

    @Test
    void migratesAnEmptyDatabaseOnceAndReopens() throws Exception {
        try (Ledger ledger = Ledger.open(url())) {
            assertThat(ledger.listCases(CaseFilter.all())).isEmpty();
        }
        try (Ledger ignored = Ledger.open(url())) {
            assertThat(count("SELECT COUNT(*) FROM schema_version")).isEqualTo(Schema.latest());
            assertThat(count("SELECT MAX(version) FROM schema_version")).isEqualTo(Schema.latest());
            assertThat(count("SELECT COUNT(*) FROM run_lock")).isEqualTo(2);
        }
    }

    @Test
    void aVersion1LedgerGetsTheReceiptRrnIndexAndKeepsItsData() throws Exception {
        try (Ledger ledger = Ledger.open(url())) {
            runWith(ledger, T0, reconCase("C-A", CaseType.OVER_CHARGE, 1000, DAY, "T1"));
        }
        // back to what schema version 1 left
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
            backTo(st, 1);
        }
        assertThat(db.indexCount(url, "receipts_card_rrn"))
                .isZero();
        try (Ledger ledger = Ledger.open(url())) {
            assertThat(ids(ledger.listCases(CaseFilter.all()))).containsExactly("C-A");
        }
        assertThat(count("SELECT MAX(version) FROM schema_version")).isEqualTo(Schema.latest());
        assertThat(db.indexCount(url, "receipts_card_rrn"))
                .isEqualTo(1);
        assertThat(db.indexCount(url, "receipts_status"))
                .isEqualTo(1);
    }

    @Test
    void aVersion2LedgerGetsTheReceiptStatusIndexAndItsOpenItemsStillCarry() throws Exception {
        var t = DAY.atTime(9, 0);
        try (Ledger ledger = Ledger.open(url())) {
            try (LedgerRun run = ledger.beginRun("test", "day 1", T0)) {
                run.saveRecords(List.of(sale("term.xml", 1, "T1", "1", "1", 100, t)), List.of(), List.of(),
                        r -> "OPEN");
                run.commit();
            }
        }
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
            backTo(st, 2);
        }
        try (Ledger ledger = Ledger.open(url()); LedgerRun run = ledger.beginRun("test", "day 2", T0)) {
            assertThat(run.openItems().terminal()).singleElement()
                    .satisfies(x -> assertThat(x.terminalId()).isEqualTo("T1"));
        }
        assertThat(count("SELECT MAX(version) FROM schema_version")).isEqualTo(Schema.latest());
        assertThat(db.indexCount(url, "receipts_status"))
                .isEqualTo(1);
    }

    @Test
    void aVersion4LedgerGetsTheAppendOnlyHistoryAndKeepsItsCasesAndEvents() throws Exception {
        try (Ledger ledger = Ledger.open(url())) {
            runWith(ledger, T0, reconCase("C-A", CaseType.OVER_CHARGE, 1000, DAY, "T1"));
            ledger.updateStatus("C-A", CaseStatus.CONTACTED, "called", "carol", T0.plusSeconds(60));
        }
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
            backTo(st, 4);
            // schema 4 let anyone rewrite history
            st.executeUpdate("UPDATE case_events SET note = 'called (edited)' WHERE actor = 'carol'");
        }
        try (Ledger ledger = Ledger.open(url())) {
            assertThat(ledger.history("C-A")).extracting(CaseEvent::note)
                    .containsExactly("created by run 1", "called (edited)");
        }
        assertThat(count("SELECT MAX(version) FROM schema_version")).isEqualTo(Schema.latest());
        assertHistoryIsAppendOnly();
    }

    @Test
    void caseHistoryIsAppendOnlyInTheDatabaseWhoeverAsks() throws Exception {
        try (Ledger ledger = Ledger.open(url())) {
            runWith(ledger, T0, reconCase("C-A", CaseType.OVER_CHARGE, 1000, DAY, "T1"));
            ledger.updateStatus("C-A", CaseStatus.RESOLVED, "refunded", "erin", T0.plusSeconds(60));
        }
        assertHistoryIsAppendOnly();
        try (Ledger ledger = Ledger.open(url())) {
            assertThat(ledger.history("C-A")).extracting(CaseEvent::note).containsExactly("created by run 1",
                    "refunded");
        }
    }

    /** The ledger's owner (H2's admin, PostgreSQL's superuser) can neither change nor delete a history row. */
    private void assertHistoryIsAppendOnly() throws SQLException {
        List<String> refused = List.of("UPDATE case_events SET note = 'rewritten'", "DELETE FROM case_events");
        for (String sql : db == TestDb.POSTGRESQL ? java.util.stream.Stream.concat(refused.stream(),
                java.util.stream.Stream.of("TRUNCATE case_events")).toList() : refused) {
            try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining("case history is append-only");
            }
        }
        assertThat(count("SELECT COUNT(*) FROM case_events")).isEqualTo(2);
    }

    /**
     * A run begins by loading the open items of earlier runs: through each table's status index, not by reading
     * every row the ledger holds (a receipts table grows by a million rows a day on a big merchant).
     */
    @Test
    void openItemsAreLookedUpThroughTheStatusIndexes() throws Exception {
        try (Ledger ignored = Ledger.open(url())) {
            try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
                for (String table : List.of("receipts", "terminal_records", "settlement_records")) {
                    assertThat(db.plan(st, LedgerRun.openItemsSql(table))).as(table)
                            .containsIgnoringCase(table + "_status");
                }
            }
        }
    }

    /** Back to what schema version {@code version} left: the later scripts undone, newest first. */
    static void backTo(Statement st, int version) throws SQLException {
        if (version < 5) {
            boolean pg = st.getConnection().getMetaData().getDatabaseProductName().contains("PostgreSQL");
            st.execute("DROP TRIGGER case_events_append_only" + (pg ? " ON case_events" : ""));
            if (pg) {
                st.execute("DROP TRIGGER case_events_no_truncate ON case_events");
                st.execute("DROP FUNCTION posrecon_case_events_append_only()");
            }
        }
        if (version < 4) {
            st.execute("DROP TABLE receipt_block_bodies");
            st.execute("DROP TABLE receipt_blocks");
        }
        if (version < 3) {
            st.execute("DROP INDEX receipts_status");
        }
        if (version < 2) {
            st.execute("DROP INDEX receipts_card_rrn");
        }
        st.execute("DELETE FROM schema_version WHERE version > " + version);
    }

    @Test
    void refusesAFileAlreadyLoadedNamingTheRunUnlessReload() throws Exception {
        Path f = Fixtures.file(dir, "settle-1120.csv", "merchant_id,terminal_id\nM100,T1\n");
        try (Ledger ledger = Ledger.open(url())) {
            try (LedgerRun run = ledger.beginRun("alice", "", T0)) {
                run.registerFile(f, "settle-1120.csv", "SETTLEMENT", false);
                run.recordCounts("settle-1120.csv", 1, 0);
                run.commit();
            }
            try (LedgerRun run = ledger.beginRun("bob", "", T0.plusSeconds(60))) {
                assertThatThrownBy(() -> run.registerFile(f, "copy.csv", "SETTLEMENT", false))
                        .isInstanceOfSatisfying(ReconException.class, e -> assertThat(e.exitCode()).isEqualTo(3))
                        .hasMessageContaining("copy.csv was already loaded by run 1 on 2026-11-21 02:00 UTC")
                        .hasMessageContaining("sha256 ")
                        .hasMessageContaining("use --reload to load it again");
            }
            try (LedgerRun run = ledger.beginRun("bob", "", T0.plusSeconds(120))) {
                run.registerFile(f, "settle-1120.csv", "SETTLEMENT", true);
                run.commit();
            }
        }
        assertThat(count("SELECT COUNT(*) FROM input_files")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM input_files WHERE reloaded = TRUE")).isEqualTo(1);
    }

    @Test
    void reRunOfTheSameCasesAddsNothingAndKeepsStatusAndHistory() {
        ReconCase a = reconCase("C-A", CaseType.OVER_CHARGE, 1000, DAY, "T1");
        ReconCase b = reconCase("C-B", CaseType.SHORT_CHARGE, 2500, DAY, "T1");
        try (Ledger ledger = Ledger.open(url())) {
            SyncResult first = runWith(ledger, T0, a, b);
            assertThat(first.created()).isEqualTo(2);
            assertThat(first.newIds()).containsExactly("C-A", "C-B");
            ledger.updateStatus("C-A", CaseStatus.CONTACTED, "called, will come by", "carol", T0.plusSeconds(3600));

            SyncResult second = runWith(ledger, T0.plusSeconds(86400), a, b);
            assertThat(second.created()).isZero();
            assertThat(second.unchanged()).isEqualTo(2);
            assertThat(second.autoClosed()).isZero();
            assertThat(ledger.listCases(CaseFilter.all())).hasSize(2);
            StoredCase sa = ledger.findCase("C-A").orElseThrow();
            assertThat(sa.status()).isEqualTo(CaseStatus.CONTACTED);
            assertThat(sa.firstSeenRun()).isEqualTo(1);
            assertThat(sa.lastSeenRun()).isEqualTo(2);
            assertThat(sa.reconCase()).isEqualTo(a);
            assertThat(ledger.history("C-A")).extracting(CaseEvent::to, CaseEvent::actor, CaseEvent::note)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(CaseStatus.OPEN, "posrecon", "created by run 1"),
                            org.assertj.core.groups.Tuple.tuple(CaseStatus.CONTACTED, "carol", "called, will come by"));
        }
    }

    @Test
    void caseNoLongerFoundOnReRunIsClosedWithTheReasonAndReopenedWhenItComesBack() {
        ReconCase a = reconCase("C-A", CaseType.OVER_CHARGE, 1000, DAY, "T1");
        ReconCase b = reconCase("C-B", CaseType.UNSETTLED_SALE, 2500, DAY, "T1");
        ReconCase otherDay = reconCase("C-X", CaseType.UNSETTLED_SALE, 700, DAY.minusDays(1), "T1");
        try (Ledger ledger = Ledger.open(url())) {
            runWith(ledger, T0, a, b, otherDay);
            ledger.updateStatus("C-B", CaseStatus.CONTACTED, "asked acquirer", "dave", T0.plusSeconds(10));

            SyncResult second = runWith(ledger, T0.plusSeconds(86400), a);
            assertThat(second.autoClosed()).isEqualTo(1);
            assertThat(second.closedIds()).containsExactly("C-B");
            StoredCase sb = ledger.findCase("C-B").orElseThrow();
            assertThat(sb.status()).isEqualTo(CaseStatus.RESOLVED);
            assertThat(sb.closedReason())
                    .isEqualTo("no longer found on re-run (run 2): e.g. the late settlement file arrived");
            assertThat(sb.closedBy()).isEqualTo("posrecon");
            CaseEvent last = ledger.history("C-B").get(2);
            assertThat(last.from()).isEqualTo(CaseStatus.CONTACTED);
            assertThat(last.to()).isEqualTo(CaseStatus.RESOLVED);
            assertThat(last.actor()).isEqualTo("posrecon");
            assertThat(last.runId()).isEqualTo(2L);
            // out of the run's scope: untouched
            assertThat(ledger.findCase("C-X").orElseThrow().status()).isEqualTo(CaseStatus.OPEN);

            SyncResult third = runWith(ledger, T0.plusSeconds(2 * 86400), a, b);
            assertThat(third.reopened()).isEqualTo(1);
            assertThat(ledger.findCase("C-B").orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
        }
    }

    /**
     * A run closes a case that is no longer found while a person changes it: the person's update waits for the run
     * and is then refused as stale (the case moved on), never applied over the run's close, nor the run's close over
     * it; a change made before the run read the case is kept and the close starts from it.
     */
    @Test
    void aStaffChangeRacingARunsAutoCloseIsNeitherLostNorOverwritten() throws Exception {
        ReconCase a = reconCase("C-A", CaseType.OVER_CHARGE, 1000, DAY, "T1");
        ReconCase b = reconCase("C-B", CaseType.UNSETTLED_SALE, 2500, DAY, "T1");
        ReconCase c = reconCase("C-C", CaseType.UNSETTLED_SALE, 700, DAY, "T1");
        try (Ledger ledger = Ledger.open(url()); Ledger staff = Ledger.open(url())) {
            runWith(ledger, T0, a, b, c);
            try (LedgerRun run = ledger.beginRun("cron", "", T0.plusSeconds(86400))) {
                // before the run reads the cases: kept, and the run's close starts from it
                staff.updateStatus("C-C", CaseStatus.CONTACTED, "asked the acquirer", "dave", T0.plusSeconds(80000));
                run.syncCases(List.of(a), Set.of(DAY), T0.plusSeconds(86400));
                java.util.concurrent.CompletableFuture<StoredCase> late = java.util.concurrent.CompletableFuture
                        .supplyAsync(() -> staff.updateStatus("C-B", CaseStatus.CONTACTED, "called", "carol",
                                T0.plusSeconds(90100)));
                Thread.sleep(300);
                assertThat(late).as("waits for the run holding the case").isNotDone();
                run.commit();
                assertThatThrownBy(() -> late.get(30, java.util.concurrent.TimeUnit.SECONDS)).cause()
                        .isInstanceOfSatisfying(ReconException.class, e -> assertThat(e.exitCode()).isEqualTo(4))
                        .hasMessageContaining("C-B");
            }
            assertThat(ledger.findCase("C-B").orElseThrow().closedBy()).isEqualTo("posrecon");
            assertThat(ledger.history("C-B")).extracting(CaseEvent::actor, CaseEvent::from, CaseEvent::to)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("posrecon", null, CaseStatus.OPEN),
                            org.assertj.core.groups.Tuple.tuple("posrecon", CaseStatus.OPEN, CaseStatus.RESOLVED));
            assertThat(ledger.history("C-C")).extracting(CaseEvent::actor, CaseEvent::from, CaseEvent::to)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("posrecon", null, CaseStatus.OPEN),
                            org.assertj.core.groups.Tuple.tuple("dave", CaseStatus.OPEN, CaseStatus.CONTACTED),
                            org.assertj.core.groups.Tuple.tuple("posrecon", CaseStatus.CONTACTED,
                                    CaseStatus.RESOLVED));
            // told the case moved on, the person decides again from what it is now
            assertThat(staff.updateStatus("C-B", CaseStatus.OPEN, "still unpaid", "carol", T0.plusSeconds(90200))
                    .status()).isEqualTo(CaseStatus.OPEN);
        }
    }

    @Test
    void aCaseResolvedByAPersonStaysResolvedWhenFoundAgain() {
        ReconCase a = reconCase("C-A", CaseType.OVER_CHARGE, 1000, DAY, "T1");
        try (Ledger ledger = Ledger.open(url())) {
            runWith(ledger, T0, a);
            ledger.updateStatus("C-A", CaseStatus.RESOLVED, "refunded in store", "erin", T0.plusSeconds(10));
            SyncResult again = runWith(ledger, T0.plusSeconds(86400), a);
            assertThat(again.reopened()).isZero();
            StoredCase s = ledger.findCase("C-A").orElseThrow();
            assertThat(s.status()).isEqualTo(CaseStatus.RESOLVED);
            assertThat(s.closedReason()).isEqualTo("refunded in store");
        }
    }

    @Test
    void illegalTransitionsAreRefusedNamingTheLegalOnes() {
        try (Ledger ledger = Ledger.open(url())) {
            runWith(ledger, T0, reconCase("C-A", CaseType.OVER_CHARGE, 1000, DAY, "T1"));
            assertThatThrownBy(() -> ledger.updateStatus("C-A", CaseStatus.OPEN, "x", "u", T0))
                    .isInstanceOfSatisfying(ReconException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                    .hasMessage("case C-A cannot go from OPEN to OPEN; from OPEN it can go to CONTACTED, RESOLVED,"
                            + " WRITTEN_OFF");
            ledger.updateStatus("C-A", CaseStatus.WRITTEN_OFF, "too small", "u", T0);
            assertThatThrownBy(() -> ledger.updateStatus("C-A", CaseStatus.CONTACTED, "x", "u", T0))
                    .isInstanceOfSatisfying(ReconException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                    .hasMessageContaining("cannot go from WRITTEN_OFF to CONTACTED; from WRITTEN_OFF it can go to OPEN");
            assertThatThrownBy(() -> ledger.updateStatus("C-NOPE", CaseStatus.OPEN, "x", "u", T0))
                    .isInstanceOfSatisfying(ReconException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                    .hasMessageContaining("no case 'C-NOPE'");
            ledger.updateStatus("C-A", CaseStatus.OPEN, "customer came back", "u", T0.plusSeconds(5));
            StoredCase s = ledger.findCase("C-A").orElseThrow();
            assertThat(s.status()).isEqualTo(CaseStatus.OPEN);
            assertThat(s.closedReason()).isNull();
        }
    }

    @Test
    void findCaseAcceptsAUniquePrefix() {
        try (Ledger ledger = Ledger.open(url())) {
            runWith(ledger, T0, reconCase("C-A1", CaseType.OVER_CHARGE, 1000, DAY, "T1"),
                    reconCase("C-A2", CaseType.OVER_CHARGE, 1000, DAY, "T1"),
                    reconCase("C-B1", CaseType.OVER_CHARGE, 1000, DAY, "T1"));
            assertThat(ledger.findCase("C-B").orElseThrow().caseId()).isEqualTo("C-B1");
            assertThatThrownBy(() -> ledger.findCase("C-A")).hasMessageContaining("ambiguous");
            assertThat(ledger.findCase("Z")).isEmpty();
        }
    }

    @Test
    void listFiltersByDateTypeStatusTerminalAndAmount() {
        try (Ledger ledger = Ledger.open(url())) {
            runWith(ledger, T0, reconCase("C-1", CaseType.OVER_CHARGE, 1000, DAY, "T1"),
                    reconCase("C-2", CaseType.SHORT_CHARGE, 50000, DAY, "T2"));
            try (LedgerRun run = ledger.beginRun("cron", "", T0)) {
                run.syncCases(List.of(reconCase("C-3", CaseType.OVER_CHARGE, 300, DAY.minusDays(3), "T1")),
                        Set.of(DAY.minusDays(3)), T0);
                run.commit();
            }
            ledger.updateStatus("C-1", CaseStatus.CONTACTED, "n", "u", T0);
            assertThat(ids(ledger.listCases(CaseFilter.all()))).containsExactly("C-3", "C-1", "C-2");
            assertThat(ids(ledger.listCases(new CaseFilter(DAY, DAY, null, null, null, null))))
                    .containsExactly("C-1", "C-2");
            assertThat(ids(ledger.listCases(new CaseFilter(null, null, CaseType.OVER_CHARGE, null, null, null))))
                    .containsExactly("C-3", "C-1");
            assertThat(ids(ledger.listCases(new CaseFilter(null, null, null, CaseStatus.CONTACTED, null, null))))
                    .containsExactly("C-1");
            assertThat(ids(ledger.listCases(new CaseFilter(null, null, null, null, "T2", null))))
                    .containsExactly("C-2");
            assertThat(ids(ledger.listCases(new CaseFilter(null, null, null, null, null,
                    new java.math.BigDecimal("10.00"))))).containsExactly("C-1", "C-2");
        }
    }

    private static List<String> ids(List<StoredCase> cases) {
        return cases.stream().map(StoredCase::caseId).toList();
    }

    @Test
    void openItemsComeBackInTheNextRunAndAreUpdatedNotDuplicated() throws Exception {
        LocalDateTime t = DAY.atTime(14, 3);
        TerminalRecord open1 = sale("term-1120.xml", 10, "T1", "41", "000000000041", 1000, t);
        TerminalRecord matched = sale("term-1120.xml", 60, "T1", "42", "000000000042", 2000, t);
        SettlementRecord lonely = settled("settle-1120.csv", 2, "T1", "43", "000000000043", 3000, t);
        try (Ledger ledger = Ledger.open(url())) {
            try (LedgerRun run = ledger.beginRun("cron", "", T0)) {
                run.registerFile(Fixtures.file(dir, "term-1120.xml", "<log/>"), "term-1120.xml", "TERMINAL", false);
                run.registerFile(Fixtures.file(dir, "settle-1120.csv", "a\n"), "settle-1120.csv", "SETTLEMENT",
                        false);
                assertThat(run.openItems().terminal()).isEmpty();
                run.saveRecords(List.of(open1, matched), List.of(lonely), List.of(),
                        r -> r == matched ? "MATCHED" : "OPEN");
                run.commit();
            }
            TerminalRecord carried;
            try (LedgerRun run = ledger.beginRun("cron", "", T0.plusSeconds(86400))) {
                run.registerFile(Fixtures.file(dir, "settle-1121.csv", "b\n"), "settle-1121.csv", "SETTLEMENT",
                        false);
                OpenItems items = run.openItems();
                assertThat(items.terminal()).containsExactly(open1);
                assertThat(items.settlement()).containsExactly(lonely);
                carried = items.terminal().get(0);
                assertThat(carried.ref()).isEqualTo(new SourceRef("term-1120.xml", 10));
                SettlementRecord late = settled("settle-1121.csv", 2, "T1", "41", "000000000041", 1000, t);
                // the carried sale is matched by the late settlement line; the old lonely line stays open
                run.saveRecords(List.of(carried), List.of(late, items.settlement().get(0)), List.of(),
                        r -> r == items.settlement().get(0) ? "OPEN" : "MATCHED");
                run.commit();
            }
            // matched records are counted for the audit, not kept; the open item was updated, not duplicated
            assertThat(count("SELECT COUNT(*) FROM terminal_records")).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM terminal_records WHERE status = 'MATCHED' AND status_run_id = 2"))
                    .isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM settlement_records")).isEqualTo(1);
            assertThat(ledger.audit(DAY, "T1").terminals()).extracting(AuditReport.TerminalLine::approvedCount,
                    AuditReport.TerminalLine::settledCount, AuditReport.TerminalLine::openItems)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 2L, 0L));
            try (LedgerRun run = ledger.beginRun("cron", "", T0.plusSeconds(2 * 86400))) {
                OpenItems items = run.openItems();
                assertThat(items.terminal()).isEmpty();
                assertThat(items.settlement()).extracting(SettlementRecord::ref)
                        .containsExactly(new SourceRef("settle-1120.csv", 2));
                // a record equal by file and line (not the same object) from a file not loaded now: updated too
                run.saveRecords(List.of(), List.of(lonely), List.of(), r -> "IN_CASE");
                run.commit();
            }
            assertThat(count("SELECT COUNT(*) FROM settlement_records")).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM settlement_records WHERE status = 'IN_CASE'")).isEqualTo(1);
        }
    }

    @Test
    void reloadingAFileReplacesItsRecordsAndItsOpenItemsAreNotCarried() throws Exception {
        LocalDateTime t = DAY.atTime(9, 0);
        Path f = Fixtures.file(dir, "term.xml", "<log/>");
        try (Ledger ledger = Ledger.open(url())) {
            for (int i = 0; i < 2; i++) {
                try (LedgerRun run = ledger.beginRun("cron", "", T0.plusSeconds(i))) {
                    run.registerFile(f, "term.xml", "TERMINAL", i > 0);
                    assertThat(run.openItems().terminal()).isEmpty();
                    run.saveRecords(List.of(sale("term.xml", 1, "T1", "1", "1", 100, t)), List.of(), List.of(),
                            r -> "OPEN");
                    run.commit();
                }
            }
        }
        assertThat(count("SELECT COUNT(*) FROM terminal_records")).isEqualTo(1);
        assertThat(count("SELECT SUM(records) FROM day_totals")).isEqualTo(1);
    }

    @Test
    void storesNoFullCardNumber() throws Exception {
        TerminalRecord leaky = new TerminalRecord(new SourceRef("t.xml", 1), null, "0200",
                dev.posrecon.core.model.TxnKind.SALE, "000000", "T1", "M1", "1", null, null, null, false,
                Fixtures.cny(100), "6222020200112233445", DAY.atTime(10, 0), null, null);
        try (Ledger ledger = Ledger.open(url()); LedgerRun run = ledger.beginRun("cron", "", T0)) {
            run.saveRecords(List.of(leaky), List.of(), List.of(), r -> "OPEN");
            run.commit();
        }
        assertThat(count("SELECT COUNT(*) FROM terminal_records WHERE card = '622202*********3445'")).isEqualTo(1);
    }

    @Test
    void aRunClosedWithoutCommitLeavesTheLedgerAsItWas() throws Exception {
        try (Ledger ledger = Ledger.open(url())) {
            runWith(ledger, T0, reconCase("C-A", CaseType.OVER_CHARGE, 1000, DAY, "T1"));
            try (LedgerRun run = ledger.beginRun("cron", "", T0.plusSeconds(60))) {
                run.registerFile(Fixtures.file(dir, "x.csv", "x\n"), "x.csv", "JOURNAL", false);
                run.saveRecords(List.of(sale("t.xml", 1, "T1", "1", "1", 100, DAY.atTime(9, 0))), List.of(),
                        List.of(), r -> "OPEN");
                run.syncCases(List.of(reconCase("C-B", CaseType.OVER_CHARGE, 1000, DAY, "T1")), Set.of(DAY),
                        T0.plusSeconds(60));
                // abandoned: no commit
            }
            assertThat(ids(ledger.listCases(CaseFilter.all()))).containsExactly("C-A");
            assertThat(ledger.findCase("C-A").orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
        }
        assertThat(count("SELECT COUNT(*) FROM runs")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM input_files")).isZero();
        assertThat(count("SELECT COUNT(*) FROM terminal_records")).isZero();
    }

    @Test
    void aSecondRunWhileTheFirstIsOpenIsRefusedNamingTheFirst() {
        try (Ledger first = Ledger.open(url()); Ledger second = Ledger.open(url())) {
            try (LedgerRun run = first.beginRun("alice", "", T0)) {
                assertThatThrownBy(() -> second.beginRun("bob", "", T0.plusSeconds(5)))
                        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.exitCode()).isEqualTo(4))
                        .hasMessage("another posrecon run holds the ledger since 2026-11-21T02:00:00Z (run "
                                + run.runId() + " by alice); try again when it has finished, or give --wait SECONDS");
            }
            try (LedgerRun run = second.beginRun("bob", "", T0.plusSeconds(10))) {
                run.commit();
            }
        }
    }

    @Test
    void ageIsDaysOpenUntilClosed() {
        ReconCase a = reconCase("C-A", CaseType.OVER_CHARGE, 1000, DAY, "T1");
        try (Ledger ledger = Ledger.open(url())) {
            runWith(ledger, T0, a);
            assertThat(ledger.findCase("C-A").orElseThrow().ageDays(T0.plusSeconds(3 * 86400 + 5))).isEqualTo(3);
            ledger.updateStatus("C-A", CaseStatus.RESOLVED, "done", "u", T0.plusSeconds(86400));
            assertThat(ledger.findCase("C-A").orElseThrow().ageDays(T0.plusSeconds(30 * 86400))).isEqualTo(1);
        }
    }
}
