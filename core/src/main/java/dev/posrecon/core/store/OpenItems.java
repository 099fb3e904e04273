package dev.posrecon.core.store;

import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.TerminalRecord;

import java.util.List;

/**
 * Records earlier runs left OPEN, with their original {@link dev.posrecon.core.model.SourceRef} (file as named in
 * the run that read it, and line), sorted by file and line.
 */
public record OpenItems(List<TerminalRecord> terminal, List<SettlementRecord> settlement) {
    public OpenItems {
        terminal = List.copyOf(terminal);
        settlement = List.copyOf(settlement);
    }
}
