package dev.posrecon.core;

/** Core entry points, one per command. */
public final class Posrecon {
    private Posrecon() {
    }

    /** Reads the inputs, matches, finds cases, writes the case files (and the ledger unless --no-db). */
    public static ReconOutcome reconcile(ReconRequest request) {
        return new dev.posrecon.core.match.Reconciler(request).run();
    }
}
