package dev.posrecon.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.ingest.RecordReader;
import dev.posrecon.core.ingest.settlement.SettlementReaders;
import dev.posrecon.core.ingest.settlement.TerminalReaders;
import dev.posrecon.core.model.TerminalRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** A terminal's CSV export through the shipped terminal profile; the checks are {@link ProfileRead}'s. */
class TerminalProfileFuzzTest {
    private static final RecordReader<TerminalRecord> READER = TerminalReaders.open("terminal-csv", null,
            ReconConfig.defaults());

    @FuzzTest(maxDuration = "2h")
    void terminalCsv(byte[] data) {
        ProfileRead.checkTerminal(READER, new ProfileRead.Layout(StandardCharsets.UTF_8, ",", '"', 1), "terminal.csv",
                data);
    }

    /** A new shipped terminal profile needs its own target here. */
    @Test
    void theOnlyShippedTerminalProfileIsFuzzed() {
        Set<String> terminal = new TreeSet<>();
        for (String p : SettlementReaders.shippedProfiles()) {
            if (SettlementReaders.describe(p).target().equals("terminal")) {
                terminal.add(p);
            }
        }
        assertThat(terminal).containsExactly("terminal-csv");
    }
}
