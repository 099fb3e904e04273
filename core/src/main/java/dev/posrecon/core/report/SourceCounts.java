package dev.posrecon.core.report;

/**
 * Conservation for one source: {@code read + carried = matched + inCases + open + noAction + otherDay + rejected}.
 * Ignored entries (network management, connection events, header/trailer lines) are not records and are
 * counted apart.
 *
 * @param read     records read from this run's files (rejects included)
 * @param carried  open items carried in from the ledger (earlier runs' records still waiting)
 * @param matched  records the core matched with no discrepancy
 * @param inCases  records that are evidence of at least one case
 * @param open     approved sales waiting for their settlement line (ledger runs, within the settlement lag)
 * @param noAction records that need no reconciliation (cash-only receipts, declined swipes with nothing rung up)
 * @param otherDay records outside the reported business day that matched nothing
 * @param rejected records that could not be read
 * @param ignored  entries skipped as not being records
 */
public record SourceCounts(long read, long carried, long matched, long inCases, long open, long noAction,
                           long otherDay, long rejected, long ignored) {

    public boolean balanced() {
        return read + carried == matched + inCases + open + noAction + otherDay + rejected;
    }
}
