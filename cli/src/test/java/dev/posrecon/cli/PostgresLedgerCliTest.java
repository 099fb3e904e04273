package dev.posrecon.cli;

import dev.posrecon.core.store.PgServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line on a PostgreSQL ledger, as a team's batch user logs in: reconcile, then cases, audit and receipt,
 * the password read from a file; a URL holding a password refused; an unreachable server a store error.
 */
class PostgresLedgerCliTest {
    private static final Path DAY = SampleDayGoldenTest.DAY;
    private static final String SECRET = "batch-Pw-42";

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private static Result run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private static List<String> with(List<String> login, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(login);
        return all;
    }

    @Test
    void everyLedgerCommandWorksOnPostgresLoggedInWithAPasswordFile() throws Exception {
        PgServer pg = PgServer.shared();
        String role = pg.newDatabaseOwnedBy(SECRET);
        Path pw = Files.writeString(dir.resolve("ledger.pw"), SECRET + "\n");
        List<String> login = List.of("--db", pg.bareUrl(role), "--db-user", role, "--db-password-file", pw.toString());

        Result rec = run(with(login, "reconcile", "--config", DAY.resolve("posrecon.properties").toString(),
                "--terminal-log", DAY.resolve("terminal.xml").toString(), "--settlement",
                DAY.resolve("settlement.csv").toString(), "--journal", DAY.resolve("journal.csv").toString(),
                "--customers", DAY.resolve("customers.csv").toString(), "--out", dir.resolve("out").toString(),
                "--quiet"));
        assertThat(rec.code()).as(rec.err()).isZero();
        Result again = run(with(login, "reconcile", "--config", DAY.resolve("posrecon.properties").toString(),
                "--terminal-log", DAY.resolve("terminal.xml").toString(), "--settlement",
                DAY.resolve("settlement.csv").toString(), "--journal", DAY.resolve("journal.csv").toString(),
                "--out", dir.resolve("out2").toString(), "--quiet"));
        assertThat(again.code()).isEqualTo(3);
        assertThat(again.err()).contains("was already loaded by run 1").contains("use --reload");

        Result list = run(with(login, "cases", "list", "--format", "csv"));
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out().lines().count() - 1).isEqualTo(14);
        Result upd = run(with(login, "cases", "update", "PR-E88EA0", "--status", "CONTACTED", "--note",
                "called, refund promised", "--by", "carol"));
        assertThat(upd.code()).as(upd.err()).isZero();
        assertThat(run(with(login, "cases", "show", "PR-E88EA0")).out())
                .contains("carol  OPEN -> CONTACTED: called, refund promised");
        Result audit = run(with(login, "audit", "--date", "2026-11-20"));
        assertThat(audit.code()).as(audit.err()).isZero();
        assertThat(audit.out()).contains("Audit of 2026-11-20");
        Result find = run(with(login, "receipt", "find", "--card-last4", "7056"));
        assertThat(find.code()).as(find.err()).isZero();
        assertThat(find.out()).contains("S01-20261120-000242");
        Result reprint = run(with(login, "receipt", "reprint", "S01-20261120-000242"));
        assertThat(reprint.out()).contains("DUPLICATE");
        Result stats = run(with(login, "stats", "--date", "2026-11-20", "--format", "csv"));
        assertThat(stats.code()).as(stats.err()).isZero();
        assertThat(stats.out()).contains("C09");
        Path html = dir.resolve("day.html");
        Result report = run(with(login, "audit", "--date", "2026-11-20", "--html", html.toString()));
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(Files.readString(html)).contains("PR-E88EA0");
    }

    @Test
    void aUrlWithAPasswordIsAUsageErrorOnOneLineThatDoesNotRepeatIt() {
        for (List<String> cmd : List.of(List.of("cases", "list"), List.of("audit", "--date", "2026-11-20"),
                List.of("receipt", "find", "--rrn", "1"), List.of("reconcile", "--terminal-log", "t.xml",
                        "--settlement", "s.csv", "--journal", "j.csv", "--out", dir.toString()))) {
            List<String> args = new ArrayList<>(cmd);
            args.addAll(List.of("--db", "jdbc:postgresql://db.example/ledger?user=batch&password=" + SECRET));
            Result r = run(args);
            assertThat(r.code()).as(cmd.toString()).isEqualTo(2);
            assertThat(r.err()).as(cmd.toString()).startsWith("posrecon: --db: the URL holds a password")
                    .doesNotContain(SECRET).hasLineCount(1);
        }
    }

    @Test
    void anUnreachableServerIsAStoreErrorExit4() {
        Result r = run(List.of("cases", "list", "--db", "jdbc:postgresql://127.0.0.1:1/ledger?user=batch"));
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).startsWith("posrecon: cannot open the ledger jdbc:postgresql://127.0.0.1:1/ledger")
                .hasLineCount(1).doesNotContain("Exception").doesNotContain("was lost");
    }
}
