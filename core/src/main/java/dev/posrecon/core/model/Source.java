package dev.posrecon.core.model;

/** The input sources posrecon reconciles. */
public enum Source {
    TERMINAL, SETTLEMENT, JOURNAL, CUSTOMERS
}
