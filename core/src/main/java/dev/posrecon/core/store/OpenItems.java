package dev.posrecon.core.store;

import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.TerminalRecord;

import java.util.List;

/**
 * Records earlier runs left OPEN, with their original {@link dev.posrecon.core.model.SourceRef} (file as named in
 * the run that read it, and line), sorted by file and line: approved sales waiting for their settlement line, and
 * the receipts that paid them (so a sale settled days later still finds its receipt).
 */
public record OpenItems(List<TerminalRecord> terminal, List<SettlementRecord> settlement, List<Receipt> receipts) {
    public OpenItems {
        terminal = List.copyOf(terminal);
        settlement = List.copyOf(settlement);
        receipts = List.copyOf(receipts);
    }

    public OpenItems(List<TerminalRecord> terminal, List<SettlementRecord> settlement) {
        this(terminal, settlement, List.of());
    }
}
