package dev.posrecon.cli;

import dev.posrecon.core.Posrecon;
import dev.posrecon.core.ReconOutcome;
import dev.posrecon.core.ReconRequest;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.error.ExitCodes;
import dev.posrecon.core.model.Source;
import dev.posrecon.core.report.SourceCounts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"Reconcile a business day: terminal log x settlement x receipt journal.",
                "Writes cases.csv, cases.json, summary.json and rejects.csv to --out."})
final class ReconcileCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--terminal-log", paramLabel = "FILE", arity = "1..*", required = true,
            description = "Terminal log(s): jPOS XML, or a terminal's CSV export (see --terminal-profile).")
    List<Path> terminalLogs = new ArrayList<>();

    @Option(names = "--settlement", paramLabel = "FILE", arity = "1..*", required = true,
            description = "Acquirer settlement file(s).")
    List<Path> settlements = new ArrayList<>();

    @Option(names = "--journal", paramLabel = "FILE", arity = "1..*", required = true,
            description = "Receipt journal(s): CSV (one row per tender) or JSON Lines.")
    List<Path> journals = new ArrayList<>();

    @Option(names = "--customers", paramLabel = "FILE", arity = "1..*", description = "Customer directory CSV.")
    List<Path> customers = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "NAME|FILE",
            description = "Settlement layout profile (see 'posrecon profiles'). Default: canonical.")
    String profile;

    @Option(names = "--terminal-profile", paramLabel = "NAME|FILE",
            description = {"Terminal profile (target=terminal) for --terminal-log files that are CSV exports, not jPOS "
                    + "logs (see 'posrecon profiles'). Default: jPOS XML; a file that is not one is read by the "
                    + "shipped terminal profile that fits it."})
    String terminalProfile;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "Settlement file encoding (UTF-8, GB18030...). Default: BOM, else the profile's, else UTF-8.")
    Charset encoding;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Report this business day only.")
    LocalDate date;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory.")
    Path outDir;

    @Mixin
    LedgerOption ledger;

    @Option(names = "--wait", paramLabel = "SECONDS",
            description = "When another run holds the ledger, wait up to SECONDS for it (saying so on stderr). "
                    + "Default: 0, refuse at once naming it.")
    long waitSeconds;

    @Option(names = "--no-db", description = "No ledger: the files given are all there is.")
    boolean noDb;

    @Option(names = "--reload", description = "Load files the ledger has loaded before (same SHA-256) again.")
    boolean reload;

    @Option(names = "--format", paramLabel = "csv,json", split = ",", description = "Case file formats. Default: csv,json.")
    List<String> formats = new ArrayList<>(List.of("csv", "json"));

    @Option(names = "--redact-contacts", description = "Mask every contact detail in the case files.")
    boolean redactContacts;

    @Option(names = "--threads", paramLabel = "N", description = "Parse threads. Default: the number of cores. Output never depends on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--quiet", description = "Print nothing on success.")
    boolean quiet;

    @Option(names = "--fail-on-cases", description = "Exit 1 when new cases were found.")
    boolean failOnCases;

    @Option(names = "--log-file", paramLabel = "FILE",
            description = "Append one line per run (time, outcome, counts) to FILE: for cron.")
    Path logFile;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<String> fmts = new LinkedHashSet<>();
        for (String f : formats) {
            String t = f.trim().toLowerCase(java.util.Locale.ROOT);
            if (!t.equals("csv") && !t.equals("json")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--format: expected csv or json, found '" + f + "'");
            }
            fmts.add(t);
        }
        if (noDb && ledger.db != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--db and --no-db exclude each other");
        }
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        InputFiles.checkEachGivenOnce(new String[] {"--terminal-log", "--settlement", "--journal", "--customers"},
                List.of(terminalLogs, settlements, journals, customers));
        OutputDir.checkWritable("--out", outDir);
        ReconConfig config = configOptions.load();
        if (configOptions.verbose) {
            err.println("posrecon: settings: " + config);
        }
        ReconRequest request = new ReconRequest(terminalLogs, settlements, journals, customers, profile, terminalProfile,
                encoding,
                date, config, outDir, fmts, ledger.db, noDb, reload, redactContacts, threads,
                System.getProperty("user.name", "unknown"), noDb ? null : ledger.access(Duration.ofSeconds(waitSeconds),
                line -> {
                    err.println("posrecon: " + line);
                    err.flush();
                }));
        boolean progress = !quiet && !configOptions.verbose && System.console() != null;
        ReconOutcome outcome;
        try {
            long t0 = System.nanoTime();
            outcome = Posrecon.reconcile(request, phase -> {
                if (configOptions.verbose) {
                    err.printf("posrecon: %7.2f s  %s%n", (System.nanoTime() - t0) / 1e9, phase);
                } else if (progress) {
                    err.print("\rposrecon: " + phase + "...                    ");
                }
                err.flush();
            });
            if (configOptions.verbose) {
                err.printf("posrecon: %7.2f s  done%n", (System.nanoTime() - t0) / 1e9);
            }
        } catch (RuntimeException e) {
            RunLog.append(logFile, "FAILED " + e.getMessage());
            throw e;
        } finally {
            if (progress) {
                err.print("\r" + " ".repeat(60) + "\r");
                err.flush();
            }
        }
        RunLog.append(logFile, String.format("OK cases=%d new=%d rejects=%d out=%s", outcome.cases().size(),
                outcome.newCases(), outcome.rejects().size(), outDir));
        if (!quiet) {
            printSummary(out, outcome);
        }
        if (failOnCases && outcome.newCases() > 0) {
            return ExitCodes.NEW_CASES;
        }
        return ExitCodes.OK;
    }

    private static void printSummary(PrintWriter out, ReconOutcome o) {
        out.printf("%-11s %8s %8s %8s %6s %9s %9s %8s %8s%n", "source", "read", "matched", "in-cases", "open",
                "no-action", "other-day", "rejected", "ignored");
        for (Map.Entry<Source, SourceCounts> e : o.counts().entrySet()) {
            SourceCounts c = e.getValue();
            out.printf("%-11s %8d %8d %8d %6d %9d %9d %8d %8d%n", e.getKey().name().toLowerCase(java.util.Locale.ROOT),
                    c.read(), c.matched(), c.inCases(), c.open(), c.noAction(), c.otherDay(), c.rejected(), c.ignored());
        }
        out.printf("%d case(s), %d new; %d reject(s). Written: %s%n", o.cases().size(), o.newCases(),
                o.rejects().size(), o.written().isEmpty() ? "-" : o.written().get(0).getParent());
    }
}
