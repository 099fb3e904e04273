package dev.posrecon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code reconcile --terminal-profile} and {@code inspect} on a terminal's CSV export (samples/profiles/terminal-csv). */
class TerminalProfileCliTest {
    static final Path SAMPLE = Path.of(System.getProperty("posrecon.repoRoot", "../"), "samples", "profiles",
            "terminal-csv");

    private static CommandResult reconcile(Path out, String... extra) {
        String[] base = {"reconcile", "--config", SAMPLE.resolve("posrecon.properties").toString(),
                "--terminal-log", SAMPLE.resolve("terminal.csv").toString(),
                "--settlement", SAMPLE.resolve("settlement.csv").toString(),
                "--journal", SAMPLE.resolve("journal.csv").toString(), "--out", out.toString(), "--no-db"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CommandResult.run(args);
    }

    @Test
    void reconcileReadsTheTerminalCsvWithTheNamedProfile(@TempDir Path tmp) throws Exception {
        reconcile(tmp, "--terminal-profile", "terminal-csv").succeeded().outContains("2 case(s)");
        String cases = Files.readString(tmp.resolve("cases.csv"));
        assertThat(cases).contains("SHORT_CHARGE").contains("PHANTOM_VOID").doesNotContain("UNKNOWN_SETTLEMENT");
    }

    @Test
    void aSettlementProfileGivenAsTerminalProfileIsBadInputNamingTarget(@TempDir Path tmp) {
        reconcile(tmp, "--terminal-profile", "canonical").exitedWith(3).errContains("target")
                .errIsOneLineWithoutStackTrace();
    }

    @Test
    void inspectNamesTheTerminalProfile() {
        CommandResult.run("inspect", SAMPLE.resolve("terminal.csv").toString()).succeeded()
                .outContains("terminal:terminal-csv (terminal export)").outContains("records: 6, ignored: 3, rejected: 0")
                .outContains("--terminal-profile terminal-csv");
    }
}
