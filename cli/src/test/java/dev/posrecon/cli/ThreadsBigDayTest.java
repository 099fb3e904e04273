package dev.posrecon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated day big enough that every step which uses a second thread does (the rules test lists of more than
 * 20,000 sales in two halves, the matcher finds strong picks on both threads): one thread or two, the same bytes.
 */
class ThreadsBigDayTest {

    @Test
    void aBigDayGivesTheSameFilesWithOneThreadOrTwo(@TempDir Path dir) throws Exception {
        Path day = dir.resolve("day");
        assertThat(run("generate", "--transactions", "40000", "--terminals", "20", "--seed", "11", "--date",
                "2026-11-20", "--zone", "Asia/Shanghai", "--case-rate", "0.02", "--out", day.toString())).isZero();
        for (String threads : List.of("1", "2")) {
            assertThat(reconcile(day, "--no-db", "--threads", threads, "--date", "2026-11-20",
                    "--out", dir.resolve("out" + threads).toString())).isZero();
        }
        assertThat(Files.readAllLines(dir.resolve("out1").resolve("cases.csv"))).hasSizeGreaterThan(500);
        for (String f : List.of("cases.csv", "cases.json", "summary.json", "rejects.csv")) {
            assertThat(Files.readAllBytes(dir.resolve("out2").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(dir.resolve("out1").resolve(f)));
        }
    }

    /**
     * The ledger run makes receipts ready on a second thread while the first stores: one thread or two, the ledger
     * gets the same rows with the same ids (timestamps aside).
     */
    @Test
    void aBigDayGivesTheSameLedgerWithOneThreadOrTwo(@TempDir Path dir) throws Exception {
        Path day = dir.resolve("day");
        assertThat(run("generate", "--transactions", "12000", "--terminals", "8", "--seed", "12", "--date",
                "2026-11-20", "--zone", "Asia/Shanghai", "--case-rate", "0.02", "--out", day.toString())).isZero();
        List<List<String>> first = null;
        for (String threads : List.of("1", "2")) {
            String url = "jdbc:h2:file:" + dir.resolve("ledger" + threads);
            assertThat(reconcile(day, "--db", url, "--threads", threads,
                    "--out", dir.resolve("out" + threads).toString())).isZero();
            List<List<String>> rows = rows(url, "receipts", "receipt_blocks", "day_totals", "terminal_records",
                    "settlement_records");
            if (first == null) {
                first = rows;
            } else {
                assertThat(rows).isEqualTo(first);
            }
        }
        assertThat(first.stream().filter(r -> r.get(0).equals("receipt_blocks")).count()).isGreaterThan(10);
    }

    /** Every row of the tables, by id, as text, without the columns that hold when a run happened. */
    private static List<List<String>> rows(String url, String... tables) throws java.sql.SQLException {
        List<List<String>> out = new java.util.ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url)) {
            for (String t : tables) {
                try (var rs = c.createStatement().executeQuery("SELECT * FROM " + t + " ORDER BY "
                        + (t.equals("day_totals") ? "file_sha256, source, business_date, terminal_id, currency" : "id"))) {
                    var md = rs.getMetaData();
                    while (rs.next()) {
                        List<String> row = new java.util.ArrayList<>(List.of(t));
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            int type = md.getColumnType(i);
                            if (type != java.sql.Types.TIMESTAMP && type != java.sql.Types.TIMESTAMP_WITH_TIMEZONE) {
                                row.add(md.getColumnName(i) + "=" + rs.getString(i));
                            }
                        }
                        out.add(row);
                    }
                }
            }
        }
        return out;
    }

    /** {@code reconcile --quiet} of the generated day's files, with {@code options}. */
    private static int reconcile(Path day, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("reconcile", "--quiet",
                "--config", day.resolve("posrecon.properties").toString(),
                "--terminal-log", day.resolve("terminal.xml").toString(),
                "--settlement", day.resolve("settlement.csv").toString(),
                "--journal", day.resolve("journal.csv").toString(),
                "--customers", day.resolve("customers.csv").toString()));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    private static int run(String... args) {
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
        assertThat(err.toString()).as("stderr of %s", List.of(args)).isEmpty();
        return code;
    }
}
