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
            assertThat(run("reconcile", "--quiet", "--no-db", "--threads", threads, "--date", "2026-11-20",
                    "--config", day.resolve("posrecon.properties").toString(),
                    "--terminal-log", day.resolve("terminal.xml").toString(),
                    "--settlement", day.resolve("settlement.csv").toString(),
                    "--journal", day.resolve("journal.csv").toString(),
                    "--customers", day.resolve("customers.csv").toString(),
                    "--out", dir.resolve("out" + threads).toString())).isZero();
        }
        assertThat(Files.readAllLines(dir.resolve("out1").resolve("cases.csv"))).hasSizeGreaterThan(500);
        for (String f : List.of("cases.csv", "cases.json", "summary.json", "rejects.csv")) {
            assertThat(Files.readAllBytes(dir.resolve("out2").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(dir.resolve("out1").resolve(f)));
        }
    }

    private static int run(String... args) {
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
        assertThat(err.toString()).as("stderr of %s", List.of(args)).isEmpty();
        return code;
    }
}
