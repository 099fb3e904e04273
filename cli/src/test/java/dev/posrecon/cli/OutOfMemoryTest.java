package dev.posrecon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A day too big for the heap ends with exit 5 and one line saying how to give Java more memory, never with the
 * JVM's "Exception in thread main java.lang.OutOfMemoryError" and its stack trace. Runs posrecon in a child JVM
 * with a 16 MB heap on a generated day of 20,000 transactions (about 30 MB of jPOS log).
 */
class OutOfMemoryTest {
    @Test
    void aHeapTooSmallForTheDayIsExit5WithAHint(@TempDir Path dir) throws Exception {
        CommandResult.run("generate", "--transactions", "20000", "--terminals", "20", "--seed", "3", "--date",
                "2026-11-20", "--zone", "Asia/Shanghai", "--out", dir.toString()).succeeded();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(javaBin, "-Xmx16m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "reconcile", "--terminal-log", dir.resolve("terminal.xml").toString(),
                "--settlement", dir.resolve("settlement.csv").toString(), "--journal",
                dir.resolve("journal.csv").toString(), "--customers", dir.resolve("customers.csv").toString(),
                "--config", dir.resolve("posrecon.properties").toString(), "--no-db", "--out",
                dir.resolve("out").toString()))
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
        String err = java.nio.file.Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("exit code; stderr: %s", err).isEqualTo(5);
        assertThat(err).contains("out of memory").contains("-Xmx").doesNotContain("\tat ")
                .doesNotContain("Exception in thread");
        assertThat(err.strip().lines().count()).as(err).isEqualTo(1);
        assertThat(System.getProperty("java.class.path")).as("a class path the child can use").contains(File.separator);
    }
}
