package dev.posrecon.core;

import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.model.Reject;
import dev.posrecon.core.model.Source;
import dev.posrecon.core.report.SourceCounts;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a reconcile run produced.
 *
 * @param counts   per source, conservation counts
 * @param cases    every case, in output order
 * @param newCases cases the ledger had not seen before (all of them with {@code --no-db})
 * @param rejects  every reject, sorted
 * @param written  the files written
 * @param runId    the ledger's run id, or null with {@code --no-db}
 */
public record ReconOutcome(Map<Source, SourceCounts> counts, List<ReconCase> cases, int newCases,
                           List<Reject> rejects, List<Path> written, String runId) {
}
