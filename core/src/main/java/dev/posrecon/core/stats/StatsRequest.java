package dev.posrecon.core.stats;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What {@code posrecon stats} reports on: one reconciled day's summary.json, or the ledger over a date range.
 *
 * @param summary a summary.json written by {@code reconcile}, or null for the ledger
 * @param dbUrl   the ledger (H2 path or JDBC URL; null for the default), when {@code summary} is null
 */
public record StatsRequest(Path summary, String dbUrl, LocalDate from, LocalDate to) {
}
