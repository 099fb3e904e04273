package dev.posrecon.core;

/** Core entry points, one per command. */
public final class Posrecon {
    private Posrecon() {
    }

    /** Reads the inputs, matches, finds cases, writes the case files (and the ledger unless --no-db). */
    public static ReconOutcome reconcile(ReconRequest request) {
        return reconcile(request, phase -> { });
    }

    /**
     * @param progress told the name of each phase as it starts ("reading", "matching", "writing"), for a progress
     *                 line on a terminal
     */
    public static ReconOutcome reconcile(ReconRequest request, java.util.function.Consumer<String> progress) {
        return new dev.posrecon.core.match.Reconciler(request, PhasePause.around(progress)).run();
    }
}
