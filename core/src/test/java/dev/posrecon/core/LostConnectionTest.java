package dev.posrecon.core;

import dev.posrecon.core.error.ReconException;
import dev.posrecon.core.store.LedgerAccess;
import dev.posrecon.core.store.LedgerDump;
import dev.posrecon.core.store.PgServer;
import dev.posrecon.core.store.TestDb;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.posrecon.core.LedgerRunsTest.settledSaleWithoutReceipt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The PostgreSQL server drops a run's connection mid-run (a network cut, a restart, an administrator's
 * pg_terminate_backend): the run fails with one clear store error (exit 4), nothing of it is kept, and the next run
 * lands. (An H2 ledger is embedded in the process: it has no connection to lose.)
 */
@ParameterizedClass(name = "{0}")
@EnumSource(value = TestDb.class, names = "POSTGRESQL")
class LostConnectionTest extends LedgerRunFixture {
    @Override
    int settlementLagDays() {
        return 3;
    }

    private ReconRequest request(Path[] day, boolean reload) {
        return new ReconRequest(List.of(day[0]), List.of(day[1]), List.of(day[2]), List.of(), null, null, null, null,
                config, dir.resolve("out"), Set.of("csv"), url, false, reload, false, 1, "nightly",
                LedgerAccess.of(url).withLockWait(Duration.ZERO, null));
    }

    @ParameterizedTest(name = "lost at {0}")
    @ValueSource(strings = {"matching", "syncing cases", "committing"})
    void aConnectionLostMidRunIsOneStoreErrorAndNothingIsKept(String phase) throws Exception {
        Path[] day20 = settledSaleWithoutReceipt(dir, "2026-11-20", "000001", "100000000001");
        Path[] day21 = settledSaleWithoutReceipt(dir, "2026-11-21", "000002", "100000000002");
        Posrecon.reconcile(request(day20, false));
        String before = LedgerDump.dump(url);

        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch cut = new CountDownLatch(1);
        CompletableFuture<ReconOutcome> run = CompletableFuture.supplyAsync(() -> Posrecon.reconcile(
                request(day21, false), p -> {
                    if (p.equals(phase)) {
                        reached.countDown();
                        try {
                            cut.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }));
        assertThat(reached.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(terminateRunConnections()).as("the run's connection").isEqualTo(1);
        cut.countDown();

        assertThatThrownBy(() -> run.get(60, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(ReconException.class, e -> assertThat(e.exitCode()).isEqualTo(4))
                .hasMessageStartingWith("cannot ")
                .hasMessageEndingWith("(the connection to the database was lost; its transaction was not committed)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("INSERT"));
        assertThat(LedgerDump.dump(url)).isEqualTo(before);

        ReconOutcome again = Posrecon.reconcile(request(day21, false));
        assertThat(again.newCases()).isEqualTo(1);
    }

    /** What an administrator does with pg_terminate_backend: ends the connections of runs in progress. */
    private int terminateRunConnections() throws Exception {
        String db = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        try (Connection c = DriverManager.getConnection(PgServer.shared().url("postgres"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid)) FROM"
                     + " pg_stat_activity WHERE datname = '" + db + "' AND application_name LIKE 'posrecon run %'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
