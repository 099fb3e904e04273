package dev.posrecon.core.model;

/** What a terminal message or settlement line does to money. */
public enum TxnKind {
    SALE, REFUND, VOID, REVERSAL, CHARGEBACK, ADJUSTMENT
}
