package dev.posrecon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

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
        CommandResult.run("reconcile", "--terminal-log", dir.resolve("nope.xml").toString(),
                        "--settlement", journal.toString(), "--journal", journal.toString(),
                        "--out", dir.resolve("out").toString(), "--no-db")
                .exitedWith(3).errContains("nope.xml").errContains("no such file").errIsOneLineWithoutStackTrace();
    }

    @Test
    void badConfigValueNamesTheKey(@TempDir Path dir) throws Exception {
        Path cfg = Files.writeString(dir.resolve("p.properties"), "match.window.minutes=ten\n");
        Path f = Files.writeString(dir.resolve("f"), "");
        CommandResult.run("reconcile", "--config", cfg.toString(), "--terminal-log", f.toString(),
                        "--settlement", f.toString(), "--journal", f.toString(), "--out", dir.toString(), "--no-db")
                .exitedWith(3).errContains("match.window.minutes").errIsOneLineWithoutStackTrace();
    }

    @Test
    void badFormatIsUsageError(@TempDir Path dir) {
        CommandResult.run("reconcile", "--terminal-log", "a", "--settlement", "b", "--journal", "c",
                "--out", dir.toString(), "--no-db", "--format", "xml").exitedWith(2).errContains("--format");
    }
}
