package dev.posrecon.core.model;

/**
 * One tender of a receipt. Card references (terminal, STAN, RRN, auth code, card ending) are those the register
 * printed from the terminal's slip; any may be null.
 */
public record Tender(
        SourceRef ref,
        TenderType type,
        Money amount,
        String terminalId,
        String stan,
        String rrn,
        String authCode,
        String cardLast4) {
}
