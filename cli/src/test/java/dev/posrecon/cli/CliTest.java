package dev.posrecon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    @Test
    void helpListsCommandsAndExitCodes() {
        CommandResult.run("--help").succeeded().outContains("reconcile").outContains("inspect")
                .outContains("Exit codes").outContains("70");
    }

    @Test
    void everyCommandHasHelp() {
        CommandResult.run("reconcile", "--help").succeeded().outContains("--terminal-log").outContains("Exit codes");
        CommandResult.run("inspect", "--help").succeeded().outContains("FILE");
    }

    @Test
    void versionIsPrinted() {
        CommandResult.run("--version").succeeded().outContains("posrecon");
    }

    @Test
    void unknownOptionIsUsageError() {
        CommandResult.run("reconcile", "--terminal-log", "a", "--settlement", "b", "--journal", "c", "--out", "d",
                "--bogus").exitedWith(2).errContains("Unknown option").errContains("--bogus");
    }

    @Test
    void missingRequiredOptionIsUsageError() {
        CommandResult.run("reconcile", "--out", "x").exitedWith(2).errContains("--terminal-log");
    }

    @Test
    void missingInputFileIsExit3WithOneLine(@TempDir Path dir) throws Exception {
        Path journal = Files.writeString(dir.resolve("j.csv"), "receipt_no,time,kind,total,tender,tender_amount\n");
        Path settlement = Files.writeString(dir.resolve("s.csv"), "merchant_id,txn_time,type,amount\n");
        CommandResult.run("reconcile", "--terminal-log", dir.resolve("nope.xml").toString(),
                        "--settlement", settlement.toString(), "--journal", journal.toString(),
                        "--out", dir.resolve("out").toString(), "--no-db")
                .exitedWith(3).errContains("nope.xml").errContains("no such file").errIsOneLineWithoutStackTrace();
    }

    @Test
    void badConfigValueNamesTheKey(@TempDir Path dir) throws Exception {
        Path cfg = Files.writeString(dir.resolve("p.properties"), "match.window.minutes=ten\n");
        CommandResult.run("reconcile", "--config", cfg.toString(), "--terminal-log", Files.writeString(dir.resolve("t"),
                        "").toString(), "--settlement", Files.writeString(dir.resolve("s"), "").toString(),
                        "--journal", Files.writeString(dir.resolve("j"), "").toString(), "--out", dir.toString(),
                        "--no-db")
                .exitedWith(3).errContains("match.window.minutes").errIsOneLineWithoutStackTrace();
    }

    @Test
    void verboseTimesEachFileAndEachPhase(@TempDir Path dir) {
        Path day = SampleDayGoldenTest.DAY;
        CommandResult r = CommandResult.run("reconcile", "--terminal-log", day.resolve("terminal.xml").toString(),
                "--settlement", day.resolve("settlement.csv").toString(), "--journal",
                day.resolve("journal.csv").toString(), "--customers", day.resolve("customers.csv").toString(),
                "--config", day.resolve("posrecon.properties").toString(), "--no-db", "--out", dir.toString(),
                "--verbose").succeeded();
        assertThat(r.err).containsPattern("read .*terminal\\.xml: 299 records in \\d+\\.\\d\\d s")
                .containsPattern("read .*journal\\.csv: \\d+ records in")
                .contains("  applying the rules", "  contact advice for ", "  counting every record",
                        "writing case files", "done");
    }

    @Test
    void badFormatIsUsageError(@TempDir Path dir) {
        CommandResult.run("reconcile", "--terminal-log", "a", "--settlement", "b", "--journal", "c",
                "--out", dir.toString(), "--no-db", "--format", "xml").exitedWith(2).errContains("--format");
    }
}
