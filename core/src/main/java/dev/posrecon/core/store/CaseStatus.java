package dev.posrecon.core.store;

import dev.posrecon.core.error.UsageException;

import java.util.EnumSet;
import java.util.Set;

/** Where a case stands in the workflow. Legal moves are listed in {@link #next()}; anything else is refused. */
public enum CaseStatus {
    OPEN, CONTACTED, RESOLVED, WRITTEN_OFF;

    /** The statuses this one may move to. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(CONTACTED, RESOLVED, WRITTEN_OFF);
            case CONTACTED -> EnumSet.of(OPEN, RESOLVED, WRITTEN_OFF);
            case RESOLVED, WRITTEN_OFF -> EnumSet.of(OPEN);
        };
    }

    /** True for OPEN and CONTACTED: someone still has to act. */
    public boolean active() {
        return this == OPEN || this == CONTACTED;
    }

    /**
     * Checks a move.
     *
     * @throws UsageException (exit 2) naming from, to and the legal moves
     */
    public void requireCanMoveTo(String caseId, CaseStatus to) {
        if (!next().contains(to)) {
            throw new UsageException("case " + caseId + " cannot go from " + this + " to " + to + "; from " + this
                    + " it can go to " + String.join(", ", next().stream().map(Enum::name).toList()));
        }
    }

    /** Parses a status name case-insensitively, with a usage error naming the legal values. */
    public static CaseStatus parse(String text) {
        for (CaseStatus s : values()) {
            if (s.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return s;
            }
        }
        throw new UsageException("unknown case status '" + text + "'; expected one of OPEN, CONTACTED, RESOLVED, "
                + "WRITTEN_OFF");
    }
}
