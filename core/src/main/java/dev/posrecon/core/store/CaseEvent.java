package dev.posrecon.core.store;

import java.time.Instant;

/**
 * One step of a case's history.
 *
 * @param from  the status before, null for the event that created the case
 * @param runId the run that caused it, null for a person's update
 */
public record CaseEvent(String caseId, Instant at, String actor, CaseStatus from, CaseStatus to, String note,
                        Long runId) {
}
