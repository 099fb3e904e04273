package dev.posrecon.core.stats;

import dev.posrecon.core.store.LedgerAccess;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What {@code posrecon stats} reports on: one reconciled day's summary.json, or the ledger over a date range.
 *
 * @param summary a summary.json written by {@code reconcile}, or null for the ledger
 * @param ledger  the ledger and how to log in to it (the {@code --db} options), when {@code summary} is null
 */
public record StatsRequest(Path summary, LedgerAccess ledger, LocalDate from, LocalDate to) {
}
