package dev.posrecon.core.store;

import java.util.List;

/**
 * What {@link LedgerRun#syncCases} did.
 *
 * @param created    cases the ledger had not seen before (status OPEN)
 * @param unchanged  cases already in the ledger: status and history kept, data and last-seen run updated
 * @param autoClosed OPEN/CONTACTED cases of the scope dates that the run no longer found, now RESOLVED
 * @param reopened   cases the ledger had closed automatically and the run found again, now OPEN
 * @param newIds     ids of the created cases, in the order given
 * @param closedIds  ids of the auto-closed cases, sorted
 */
public record SyncResult(int created, int unchanged, int autoClosed, int reopened, List<String> newIds,
                         List<String> closedIds) {
    public SyncResult {
        newIds = List.copyOf(newIds);
        closedIds = List.copyOf(closedIds);
    }
}
