package dev.posrecon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void generatesADayAndSaysWhatItWrote(@TempDir Path dir) throws IOException {
        int code = run("generate", "--transactions", "200", "--terminals", "2", "--seed", "5", "--date", "2026-11-20",
                "--zone", "Asia/Shanghai", "--case-rate", "0.1", "--out", dir.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("transactions on 2 terminals", "20 planted cases", "terminal.xml");
        assertThat(Files.readAllLines(dir.resolve("truth.csv"))).hasSize(21);
        assertThat(Files.readString(dir.resolve("posrecon.properties"))).contains("zone=Asia/Shanghai");
    }

    @Test
    void tooManyTransactionsForTheTerminalsIsAUsageError(@TempDir Path dir) {
        int code = run("generate", "--transactions", "5000", "--terminals", "1", "--date", "2026-11-20",
                "--out", dir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--terminals 4 or more");
    }

    @Test
    void aCaseRateAboveOneIsAUsageError(@TempDir Path dir) {
        int code = run("generate", "--transactions", "10", "--date", "2026-11-20", "--case-rate", "1.5",
                "--out", dir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--case-rate must be between 0 and 1");
    }
}
