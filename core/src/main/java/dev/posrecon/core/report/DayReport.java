package dev.posrecon.core.report;

import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.model.Reject;
import dev.posrecon.core.stats.ErrorRates;
import dev.posrecon.core.store.AuditReport;

import java.util.List;
import java.util.Map;

/**
 * What report.html shows, from a reconcile run or from the ledger.
 *
 * @param period    the business day ("2026-11-20"), a range ("2026-11-01 .. 2026-11-30") or "all"
 * @param language  {@code en} or {@code zh} (the setting {@code contact.language})
 * @param sources   per source the run's conservation counts, in source order; empty from the ledger
 * @param terminals per terminal the ledger's approved / settled / rung-up totals; empty from a run
 * @param cases     the cases, with their ledger status where known
 * @param rejects   the run's rejects (from the ledger: none listed, their counts are in {@code files})
 * @param files     input files as "name: records, rejects" lines
 */
public record DayReport(String merchant, String period, String zone, String language, boolean fromLedger,
                        Map<String, SourceCounts> sources, List<AuditReport.TerminalLine> terminals,
                        List<Row> cases, ErrorRates rates, List<Reject> rejects, List<String> files) {

    public DayReport {
        sources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sources));
        terminals = List.copyOf(terminals);
        cases = List.copyOf(cases);
        rejects = List.copyOf(rejects);
        files = List.copyOf(files);
    }

    /** One case and its status in the ledger (null when the report comes from a run without one). */
    public record Row(ReconCase c, String status) {
    }
}
