package dev.posrecon.core;

import dev.posrecon.core.error.ReconException;
import dev.posrecon.core.store.CaseEvent;
import dev.posrecon.core.store.CaseFilter;
import dev.posrecon.core.store.CaseStatus;
import dev.posrecon.core.store.Ledger;
import dev.posrecon.core.store.LedgerAccess;
import dev.posrecon.core.store.StoredCase;
import dev.posrecon.core.store.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static dev.posrecon.core.LedgerRunsTest.settledSaleWithoutReceipt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real reconcile runs at the same time on one ledger, the way a team uses it: the nightly batch, a second batch, a
 * support person working a case. A run holds the ledger for its one transaction; a second run waits for it
 * ({@code --wait}) and then lands; a staff update waits for the run's commit and is applied after it, never lost.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class ConcurrentRunsTest extends LedgerRunFixture {
    private static final long TIMEOUT_S = 60;

    @Override
    int settlementLagDays() {
        return 3;
    }

    @BeforeEach
    void ledgerExists() {
        // as it does once the nightly batch has run once
        Ledger.open(url).close();
    }

    private ReconRequest request(Path[] day, boolean reload, String actor, Consumer<String> notices) {
        return new ReconRequest(List.of(day[0]), List.of(day[1]), List.of(day[2]), List.of(), null, null, null, null,
                config, dir.resolve("out-" + actor), Set.of("csv"), url, false, reload, false, 1, actor,
                LedgerAccess.of(url).withLockWait(Duration.ofSeconds(30), notices));
    }

    /** A run that stops at {@code phase} (holding the ledger) until {@code release} opens. */
    private CompletableFuture<ReconOutcome> pausedRun(ReconRequest r, String phase, CountDownLatch reached,
                                                      CountDownLatch release) {
        return CompletableFuture.supplyAsync(() -> Posrecon.reconcile(r, p -> {
            if (p.equals(phase)) {
                reached.countDown();
                await(release);
            }
        }));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(TIMEOUT_S, TimeUnit.SECONDS)).as("waited %d s", TIMEOUT_S).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<StoredCase> cases() {
        try (Ledger l = Ledger.open(url)) {
            return l.listCases(CaseFilter.all());
        }
    }

    @Test
    void twoRunsOfDifferentDaysAtTheSameTimeBothLandTheSecondWaitingForTheFirst() throws Exception {
        Path[] day20 = settledSaleWithoutReceipt(dir, "2026-11-20", "000001", "100000000001");
        Path[] day21 = settledSaleWithoutReceipt(dir, "2026-11-21", "000002", "100000000002");
        CountDownLatch aHolds = new CountDownLatch(1);
        CountDownLatch releaseA = new CountDownLatch(1);
        CountDownLatch bWaits = new CountDownLatch(1);
        List<String> notices = new CopyOnWriteArrayList<>();

        CompletableFuture<ReconOutcome> a = pausedRun(request(day20, false, "nightly", n -> { }), "matching",
                aHolds, releaseA);
        await(aHolds);
        CompletableFuture<ReconOutcome> b = CompletableFuture.supplyAsync(() -> Posrecon.reconcile(
                request(day21, false, "catch-up", n -> {
                    notices.add(n);
                    bWaits.countDown();
                })));
        await(bWaits);
        assertThat(b).as("the second run waits while the first holds the ledger").isNotDone();
        releaseA.countDown();

        ReconOutcome first = a.get(TIMEOUT_S, TimeUnit.SECONDS);
        ReconOutcome second = b.get(TIMEOUT_S, TimeUnit.SECONDS);
        assertThat(notices).singleElement().asString()
                .matches("another posrecon run holds the ledger since \\S+ \\(run 1 by nightly\\); waiting up to 30 s"
                        + " for it to finish");
        assertThat(first.runId()).isEqualTo("1");
        assertThat(second.runId()).isEqualTo("2");
        assertThat(cases()).extracting(c -> c.reconCase().businessDate().toString(), StoredCase::firstSeenRun)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-11-20", 1L),
                        org.assertj.core.groups.Tuple.tuple("2026-11-21", 2L));
    }

    @Test
    void twoRunsOfTheSameDayAtOnceNeverDuplicateACase() throws Exception {
        Path[] day = settledSaleWithoutReceipt(dir, "2026-11-20", "000001", "100000000001");
        CountDownLatch aHolds = new CountDownLatch(1);
        CountDownLatch releaseA = new CountDownLatch(1);
        CountDownLatch bWaits = new CountDownLatch(2);
        CompletableFuture<ReconOutcome> a = pausedRun(request(day, false, "nightly", n -> { }), "saving to the ledger",
                aHolds, releaseA);
        await(aHolds);
        // the same files once more without --reload (refused once the first has committed them), and with it
        CompletableFuture<ReconOutcome> plain = CompletableFuture.supplyAsync(() -> Posrecon.reconcile(
                request(day, false, "again", n -> bWaits.countDown())));
        CompletableFuture<ReconOutcome> reload = CompletableFuture.supplyAsync(() -> Posrecon.reconcile(
                request(day, true, "reload", n -> bWaits.countDown())));
        await(bWaits);
        releaseA.countDown();

        assertThat(a.get(TIMEOUT_S, TimeUnit.SECONDS).newCases()).isEqualTo(1);
        assertThat(reload.get(TIMEOUT_S, TimeUnit.SECONDS).newCases()).isZero();
        assertThatThrownBy(() -> plain.get(TIMEOUT_S, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(ReconException.class, e -> assertThat(e.exitCode()).isEqualTo(3))
                .hasMessageMatching(".* was already loaded by run [12] .*");
        List<StoredCase> all = cases();
        assertThat(all).hasSize(1);
        try (Ledger l = Ledger.open(url)) {
            assertThat(l.history(all.get(0).caseId())).extracting(CaseEvent::note)
                    .containsExactly("created by run 1");
        }
    }

    @Test
    void aStaffUpdateDuringANightlyRunWaitsForItsCommitAndIsNeverLost() throws Exception {
        Path[] day = settledSaleWithoutReceipt(dir, "2026-11-20", "000001", "100000000001");
        String id = Posrecon.reconcile(request(day, false, "nightly", n -> { })).cases().get(0).caseId();

        // the next night re-runs the day; it has stored its findings and is writing its case files
        CountDownLatch runHolds = new CountDownLatch(1);
        CountDownLatch releaseRun = new CountDownLatch(1);
        CompletableFuture<ReconOutcome> run = pausedRun(request(day, true, "nightly", n -> { }),
                "writing case files", runHolds, releaseRun);
        await(runHolds);
        CompletableFuture<StoredCase> staff = CompletableFuture.supplyAsync(() -> {
            try (Ledger l = Ledger.open(url)) {
                return l.updateStatus(id, CaseStatus.CONTACTED, "called the cashier", "carol", Instant.now());
            }
        });
        Thread.sleep(500);
        assertThat(staff).as("the update waits for the run's commit (the run holds the case's row)").isNotDone();
        releaseRun.countDown();
        assertThat(run.get(TIMEOUT_S, TimeUnit.SECONDS).newCases()).isZero();
        assertThat(staff.get(TIMEOUT_S, TimeUnit.SECONDS).status()).isEqualTo(CaseStatus.CONTACTED);

        StoredCase after = cases().get(0);
        assertThat(after.status()).isEqualTo(CaseStatus.CONTACTED);
        assertThat(after.lastSeenRun()).isEqualTo(2);
        try (Ledger l = Ledger.open(url)) {
            assertThat(l.history(id)).extracting(CaseEvent::actor, CaseEvent::to).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("posrecon", CaseStatus.OPEN),
                    org.assertj.core.groups.Tuple.tuple("carol", CaseStatus.CONTACTED));
        }
    }
}
