package dev.posrecon.cli;

import dev.posrecon.core.store.LedgerDump;
import dev.posrecon.core.store.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reconcile run killed with SIGKILL ({@link Process#destroyForcibly()}) at each phase leaves the ledger exactly as
 * it was: every row of every table, compared before and after. The run is the real command line in a child JVM, on
 * the sample day re-loaded over a ledger that holds it (so the killed run had deleted, re-inserted and updated rows
 * in its transaction), held at the phase by the test hook {@code posrecon.test.pauseAt}. A run afterwards lands.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class KilledRunTest {
    private static final Path DAY = SampleDayGoldenTest.DAY;

    @Parameter
    TestDb db;

    @TempDir
    Path dir;

    private String url;

    private List<String> reconcile(String out, boolean reload) {
        List<String> args = new ArrayList<>(List.of("reconcile", "--config", DAY.resolve("posrecon.properties").toString(),
                "--terminal-log", DAY.resolve("terminal.xml").toString(), "--settlement",
                DAY.resolve("settlement.csv").toString(), "--journal", DAY.resolve("journal.csv").toString(),
                "--customers", DAY.resolve("customers.csv").toString(), "--out", dir.resolve(out).toString(),
                "--db", url, "--quiet"));
        if (reload) {
            args.add("--reload");
        }
        return args;
    }

    private static int run(List<String> args, StringWriter err) {
        return Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
    }

    @BeforeEach
    void aLedgerHoldingTheSampleDayWithAStaffChange() {
        url = db.newLedger(dir);
        StringWriter err = new StringWriter();
        assertThat(run(reconcile("out-1", false), err)).as(err.toString()).isZero();
        assertThat(run(List.of("cases", "update", "PR-E88EA0", "--status", "CONTACTED", "--note", "called",
                "--by", "carol", "--db", url), err)).as(err.toString()).isZero();
    }

    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"reading", "matching", "syncing", "committing"})
    void aRunKilledAtAPhaseLeavesTheLedgerExactlyAsItWas(String phase) throws Exception {
        String before = LedgerDump.dump(url);
        assertThat(before).contains("case_id=PR-E88EA0").contains("note=called").contains("== receipt_block_bodies");
        Path marker = dir.resolve("paused-at-" + phase);
        Path log = dir.resolve("child-" + phase + ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dposrecon.test.pauseAt=" + phase, "-Dposrecon.test.pauseMarker=" + marker,
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(reconcile("out-killed", true));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(marker) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(marker).as("the child reached %s; its output: %s", phase, Files.readString(log)).exists();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

        assertThat(LedgerDump.dump(url)).as("the ledger after the kill at " + phase).isEqualTo(before);

        // and the next run lands: the same day again, nothing new, the staff change kept
        StringWriter err = new StringWriter();
        assertThat(run(reconcile("out-2", true), err)).as(err.toString()).isZero();
        StringWriter out = new StringWriter();
        assertThat(Cli.run(new PrintWriter(out), new PrintWriter(err), "cases", "show", "PR-E88EA0", "--db", url))
                .isZero();
        assertThat(out.toString()).contains("status           CONTACTED");
        assertThat(LedgerDump.dump(url)).isNotEqualTo(before).contains("actor=" + System.getProperty("user.name"));
    }
}
