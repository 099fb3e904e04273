package dev.posrecon.cli;

import dev.posrecon.core.error.UsageException;
import dev.posrecon.core.report.LedgerReports;
import dev.posrecon.core.store.AuditReport;
import dev.posrecon.core.store.Ledger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"One business day (or one terminal) at a glance, for support staff:",
                "terminal vs settled vs rung up per terminal, open cases by type, rejects per file.",
                "--html FILE writes the day (or --from/--to range) as report.html from the ledger instead."})
final class AuditCommand implements Callable<Integer> {

    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The business day.")
    LocalDate date;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First business day of a range (--html).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last business day of a range (--html).")
    LocalDate to;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Write the day or range as an HTML report (language and merchant name from --config).")
    Path html;

    @Option(names = "--redact-contacts", description = "--html: mask every contact address and leave drafts out.")
    boolean redactContacts;

    @Mixin
    ConfigOptions config;

    @Option(names = "--terminal", paramLabel = "ID", description = "One terminal only.")
    String terminal;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default, 80 columns) or json.")
    Format format = Format.text;

    @Mixin
    LedgerOption ledger;

    @Override
    public Integer call() {
        LocalDate first = date != null ? date : from;
        LocalDate last = date != null ? date : to != null ? to : from;
        if (first == null) {
            throw new UsageException("give --date, or --from (and --to) with --html");
        }
        if (html != null) {
            Path written = LedgerReports.write(ledger.access(), first, last, html, config.load(), redactContacts);
            spec.commandLine().getOut().println("Written: " + written);
            return 0;
        }
        if (date == null) {
            throw new UsageException("a date range (--from/--to) needs --html; the screen audit is of one --date");
        }
        try (Ledger l = ledger.open()) {
            AuditReport r = l.audit(date, terminal);
            spec.commandLine().getOut().print(format == Format.json ? r.toJson() : r.toText());
        }
        return 0;
    }
}
