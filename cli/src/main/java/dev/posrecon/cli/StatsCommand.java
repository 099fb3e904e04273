package dev.posrecon.cli;

import dev.posrecon.core.stats.RangeRates;
import dev.posrecon.core.stats.Stats;
import dev.posrecon.core.stats.StatsRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Error rates per terminal, cashier, register and store: cases per 1,000 transactions, by type,",
                "money at stake, and a flag on a unit far above the others. From the ledger over a date range",
                "(--from/--to, or --date), or from one reconciled day's summary.json (--summary)."})
final class StatsCommand implements Callable<Integer> {

    enum Format { text, csv, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First business day (ledger).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last business day (ledger). Default: --from.")
    LocalDate to;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "One business day (ledger): --from D --to D.")
    LocalDate date;

    @Option(names = "--summary", paramLabel = "FILE", description = "A summary.json that reconcile wrote (no ledger).")
    Path summary;

    @Option(names = "--by-day", description = "Text: a block per day after the range's (CSV and JSON always have them).")
    boolean byDay;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), csv or json.")
    Format format = Format.text;

    @Mixin
    LedgerOption ledger;

    @Override
    public Integer call() {
        LocalDate first = date != null ? date : from;
        LocalDate last = date != null ? date : to != null ? to : from;
        RangeRates r = Stats.run(new StatsRequest(summary, summary != null ? null : ledger.access(), first, last));
        spec.commandLine().getOut().print(switch (format) {
            case text -> r.toText(byDay);
            case csv -> r.toCsv();
            case json -> r.toJson();
        });
        return 0;
    }
}
