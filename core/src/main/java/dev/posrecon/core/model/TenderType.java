package dev.posrecon.core.model;

public enum TenderType {
    CARD, CASH, QR, OTHER
}
