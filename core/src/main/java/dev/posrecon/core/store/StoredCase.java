package dev.posrecon.core.store;

import dev.posrecon.core.cases.ReconCase;

import java.time.Duration;
import java.time.Instant;

/**
 * A case as the ledger holds it: the core's finding plus its workflow state.
 *
 * @param createdAt       when a run first recorded it
 * @param statusChangedAt when its status last changed
 * @param closedReason    why it was resolved or written off (the note, or the automatic reason), null while active
 * @param closedBy        who closed it ("posrecon" for an automatic close), null while active
 */
public record StoredCase(ReconCase reconCase, CaseStatus status, long firstSeenRun, long lastSeenRun,
                         Instant createdAt, Instant statusChangedAt, String closedReason, String closedBy) {

    public String caseId() {
        return reconCase.caseId();
    }

    /** Days open: from creation to {@code now} while active, to the close otherwise. Never negative. */
    public long ageDays(Instant now) {
        Instant end = status.active() ? now : statusChangedAt;
        long d = Duration.between(createdAt, end).toDays();
        return Math.max(0, d);
    }
}
