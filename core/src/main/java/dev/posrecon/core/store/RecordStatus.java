package dev.posrecon.core.store;

/** What became of a stored record in the run that last touched it. */
public enum RecordStatus {
    /** matched with no discrepancy. */
    MATCHED,
    /** not matched yet: an open item carried into later runs (an approved sale waiting for its settlement). */
    OPEN,
    /** evidence of at least one case. */
    IN_CASE
}
