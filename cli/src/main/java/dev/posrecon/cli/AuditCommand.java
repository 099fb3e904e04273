package dev.posrecon.cli;

import dev.posrecon.core.store.AuditReport;
import dev.posrecon.core.store.Ledger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"One business day (or one terminal) at a glance, for support staff:",
                "terminal vs settled vs rung up per terminal, open cases by type, rejects per file."})
final class AuditCommand implements Callable<Integer> {

    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The business day.")
    LocalDate date;

    @Option(names = "--terminal", paramLabel = "ID", description = "One terminal only.")
    String terminal;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default, 80 columns) or json.")
    Format format = Format.text;

    @Mixin
    LedgerOption ledger;

    @Override
    public Integer call() {
        try (Ledger l = ledger.open()) {
            AuditReport r = l.audit(date, terminal);
            spec.commandLine().getOut().print(format == Format.json ? r.toJson() : r.toText());
        }
        return 0;
    }
}
