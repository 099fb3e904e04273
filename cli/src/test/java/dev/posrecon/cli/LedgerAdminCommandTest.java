package dev.posrecon.cli;

import dev.posrecon.core.store.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** posrecon ledger roles, migrate, status, export and import: an H2 ledger moved onto PostgreSQL, nothing lost. */
class LedgerAdminCommandTest {
    private static final Path DAY = SampleDayGoldenTest.DAY;

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private Result reconcile(String db, String out, String... more) {
        List<String> args = new ArrayList<>(List.of("reconcile", "--config", DAY.resolve("posrecon.properties").toString(),
                "--terminal-log", DAY.resolve("terminal.xml").toString(), "--settlement",
                DAY.resolve("settlement.csv").toString(), "--journal", DAY.resolve("journal.csv").toString(),
                "--customers", DAY.resolve("customers.csv").toString(), "--out", dir.resolve(out).toString(),
                "--db", db, "--quiet"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void rolesPrintsTheSqlOfTheThreeRoles() {
        Result r = run("ledger", "roles", "--print");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("CREATE ROLE posrecon_batch NOLOGIN").contains("CREATE ROLE posrecon_staff")
                .contains("CREATE ROLE posrecon_auditor")
                .contains("GRANT UPDATE (status, status_changed_at, closed_reason, closed_by) ON cases TO posrecon_staff");
        assertThat(run("ledger", "roles").code()).isEqualTo(2);
    }

    @Test
    void migrateCreatesAndStatusDescribes() {
        String pg = TestDb.POSTGRESQL.newLedger(dir);
        assertThat(run("ledger", "status", "--db", pg).code()).as("no ledger there yet").isEqualTo(2);
        Result m = run("ledger", "migrate", "--db", pg);
        assertThat(m.code()).as(m.err()).isZero();
        assertThat(m.out()).isEqualTo("ledger " + pg + ": schema version 5\n");
        Result s = run("ledger", "status", "--db", pg);
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(s.out()).contains("(postgresql)").contains("schema    version 5 (up to date)")
                .contains("runs      0").contains("cases     0, OPEN 0").contains("size      ");
    }

    @Test
    void anH2LedgerMovesOntoPostgresWithEveryCaseAndItsHistory() throws Exception {
        String h2 = dir.resolve("ledger").toString();
        assertThat(reconcile(h2, "out-h2").code()).isZero();
        assertThat(run("cases", "update", "PR-E88EA0", "--status", "CONTACTED", "--note", "called", "--by", "carol",
                "--db", h2).code()).isZero();
        Path export = dir.resolve("ledger.jsonl");
        Result e = run("ledger", "export", "--out", export.toString(), "--db", h2);
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).containsPattern("cases\\s+14\\n").containsPattern("case_events\\s+15\\n");

        String pg = TestDb.POSTGRESQL.newLedger(dir);
        Result i = run("ledger", "import", "--in", export.toString(), "--db", pg);
        assertThat(i.code()).as(i.err()).isZero();
        assertThat(i.out()).isEqualTo(e.out().replace("exported to " + export, "imported into " + pg));

        // the same rows on both: exports byte for byte, and what the commands show
        Path again = dir.resolve("again.jsonl");
        assertThat(run("ledger", "export", "--out", again.toString(), "--db", pg).code()).isZero();
        assertThat(Files.readString(again)).isEqualTo(Files.readString(export));
        for (String[] cmd : List.of(new String[] {"cases", "list", "--format", "csv"},
                new String[] {"cases", "show", "PR-E88EA0"}, new String[] {"audit", "--date", "2026-11-20"},
                new String[] {"receipt", "find", "--card-last4", "7056"},
                new String[] {"receipt", "reprint", "S01-20261120-000242"})) {
            List<String> onH2 = new ArrayList<>(List.of(cmd));
            onH2.addAll(List.of("--db", h2));
            List<String> onPg = new ArrayList<>(List.of(cmd));
            onPg.addAll(List.of("--db", pg));
            assertThat(run(onPg.toArray(String[]::new)).out()).as(String.join(" ", cmd))
                    .isEqualTo(run(onH2.toArray(String[]::new)).out());
        }
        assertThat(run("ledger", "status", "--db", pg).out()).contains("runs      1, last: run 1 by ")
                .contains("cases     14");

        // the moved ledger carries on: ids continue, the day re-runs without a new case
        Result next = reconcile(pg, "out-pg", "--reload");
        assertThat(next.code()).as(next.err()).isZero();
        assertThat(run("ledger", "status", "--db", pg).out()).contains("runs      2, last: run 2 by ");
        assertThat(run("cases", "show", "PR-E88EA0", "--db", pg).out()).contains("status           CONTACTED");

        // and an import never lands on a ledger that holds something
        Result twice = run("ledger", "import", "--in", export.toString(), "--db", pg);
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("is not empty");
    }
}
