package dev.posrecon.core.store;

import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.error.ReconException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static dev.posrecon.core.store.Fixtures.DAY;
import static dev.posrecon.core.store.Fixtures.reconCase;
import static dev.posrecon.core.store.Fixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The roles of 'posrecon ledger roles --print', applied to a real PostgreSQL ledger and used by logins that are
 * members of them: the batch runs, staff work cases and cannot touch amounts, evidence or history, the auditor only
 * reads.
 */
class LedgerRolesTest {
    private static final String PW = "role-Pw-1";
    private static final Instant T0 = Instant.parse("2026-11-21T02:00:00Z");

    @TempDir
    Path dir;

    private PgServer pg;
    private String database;

    @BeforeEach
    void aLedgerWithTheRoles() throws Exception {
        pg = PgServer.shared();
        String url = pg.newDatabase();
        database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        try (Ledger ignored = Ledger.open(url); Connection c = DriverManager.getConnection(url);
             Statement st = c.createStatement()) {
            st.execute(LedgerAdmin.rolesSql());
        }
        for (String group : List.of("batch", "staff", "auditor")) {
            pg.admin("CREATE ROLE " + login(group) + " LOGIN PASSWORD '" + PW + "' IN ROLE posrecon_" + group);
        }
    }

    private String login(String group) {
        return database + "_" + group;
    }

    private LedgerAccess as(String group) {
        return LedgerAccess.resolve(pg.bareUrl(database), login(group), null, null, Duration.ZERO, null,
                Map.of("PGPASSWORD", PW));
    }

    private Connection sqlAs(String group) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", login(group));
        p.setProperty("password", PW);
        return DriverManager.getConnection(pg.bareUrl(database), p);
    }

    /** The nightly job, as the batch login: records, a receipt, two cases. */
    private void nightlyRun() {
        try (Ledger ledger = Ledger.open(as("batch")); LedgerRun run = ledger.beginRun("nightly", "", T0)) {
            run.registerFile(Fixtures.file(dir, "t.xml", "<log/>"), "t.xml", "TERMINAL", false);
            run.saveRecords(List.of(sale("t.xml", 1, "T1", "41", "000000000041", 1000, DAY.atTime(9, 0))), List.of(),
                    List.of(Fixtures.receipt("j.csv", 2, "R-1", 1000, DAY.atTime(9, 0), "T1", "000000000041")),
                    r -> "IN_CASE");
            run.syncCases(List.of(reconCase("C-A", CaseType.OVER_CHARGE, 1000, DAY, "T1"),
                    reconCase("C-B", CaseType.SHORT_CHARGE, 500, DAY, "T1")), Set.of(DAY), T0);
            run.commit();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theBatchRunsReconcileAndReRunsADay() throws Exception {
        nightlyRun();
        try (Ledger ledger = Ledger.open(as("batch")); LedgerRun run = ledger.beginRun("nightly", "", T0)) {
            run.registerFile(Fixtures.file(dir, "t.xml", "<log/>"), "t.xml", "TERMINAL", true);
            run.syncCases(List.of(reconCase("C-A", CaseType.OVER_CHARGE, 1000, DAY, "T1")), Set.of(DAY), T0);
            run.commit();
        }
        try (Ledger ledger = Ledger.open(as("auditor"))) {
            assertThat(ledger.findCase("C-B").orElseThrow().status()).isEqualTo(CaseStatus.RESOLVED);
        }
        // but not the schema: migrations stay with the owner
        try (Connection c = sqlAs("batch"); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("CREATE TABLE x (a INT)")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.execute("UPDATE case_events SET note = 'x'"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void staffWorkCasesAndReceiptsButCannotChangeAmountsEvidenceOrHistory() throws Exception {
        nightlyRun();
        try (Ledger ledger = Ledger.open(as("staff"))) {
            assertThat(ledger.listCases(CaseFilter.all())).hasSize(2);
            assertThat(ledger.updateStatus("C-A", CaseStatus.CONTACTED, "called", "carol", T0.plusSeconds(60))
                    .status()).isEqualTo(CaseStatus.CONTACTED);
            assertThat(ledger.history("C-A")).hasSize(2);
            assertThat(ledger.findReceipts(new ReceiptQuery(DAY, null, null, null, null, null, "R-1"))).hasSize(1);
            assertThat(ledger.reprint("R-1", null, "Shop")).contains("DUPLICATE");
            assertThat(ledger.audit(DAY, null).terminals()).isNotEmpty();
            assertThatThrownBy(() -> ledger.beginRun("carol", "", T0))
                    .isInstanceOfSatisfying(ReconException.class, e -> assertThat(e.exitCode()).isEqualTo(4))
                    .hasMessageContaining("permission denied");
        }
        try (Connection c = sqlAs("staff"); Statement st = c.createStatement()) {
            for (String sql : List.of("UPDATE cases SET amount_minor = 1 WHERE case_id = 'C-A'",
                    "UPDATE cases SET currency = 'USD'",
                    "UPDATE cases SET evidence_json = '[]' WHERE case_id = 'C-A'",
                    "UPDATE cases SET case_type = 'FEE_MISMATCH'",
                    "DELETE FROM cases",
                    "INSERT INTO cases (case_id) VALUES ('C-FAKE')",
                    "UPDATE case_events SET note = 'never called'",
                    "DELETE FROM case_events",
                    "TRUNCATE case_events",
                    "UPDATE receipts SET total_minor = 1",
                    "UPDATE terminal_records SET amount_minor = 1",
                    "DELETE FROM runs")) {
                assertThatThrownBy(() -> st.executeUpdate(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
        }
        try (Ledger ledger = Ledger.open(as("auditor"))) {
            StoredCase a = ledger.findCase("C-A").orElseThrow();
            assertThat(a.reconCase().amountAtStake().minor()).isEqualTo(1000);
            assertThat(a.reconCase()).isEqualTo(reconCase("C-A", CaseType.OVER_CHARGE, 1000, DAY, "T1"));
            assertThat(ledger.history("C-A")).extracting(CaseEvent::note).containsExactly("created by run 1", "called");
        }
    }

    @Test
    void theAuditorReadsAndChangesNothing() throws Exception {
        nightlyRun();
        try (Ledger ledger = Ledger.open(as("auditor"))) {
            assertThat(ledger.listCases(CaseFilter.all())).hasSize(2);
            assertThat(ledger.audit(DAY, "T1").terminals()).hasSize(1);
            assertThatThrownBy(() -> ledger.updateStatus("C-A", CaseStatus.CONTACTED, "x", "a", T0))
                    .isInstanceOfSatisfying(ReconException.class, e -> assertThat(e.exitCode()).isEqualTo(4))
                    .hasMessageContaining("permission denied");
        }
        try (Connection c = sqlAs("auditor"); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE cases SET status = 'RESOLVED'"))
                    .hasMessageContaining("permission denied");
        }
    }
}
