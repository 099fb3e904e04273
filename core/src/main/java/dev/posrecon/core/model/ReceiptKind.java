package dev.posrecon.core.model;

public enum ReceiptKind {
    SALE, RETURN, VOID
}
