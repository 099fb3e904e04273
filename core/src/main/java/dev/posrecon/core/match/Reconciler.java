package dev.posrecon.core.match;

import dev.posrecon.core.ReconOutcome;
import dev.posrecon.core.ReconRequest;

/** Runs one reconcile. (being written) */
public final class Reconciler {
    private final ReconRequest request;

    public Reconciler(ReconRequest request) {
        this.request = request;
    }

    public ReconOutcome run() {
        throw new UnsupportedOperationException("not yet " + request.outDir());
    }
}
