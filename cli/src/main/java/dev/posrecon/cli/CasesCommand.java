package dev.posrecon.cli;

import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.error.UsageException;
import dev.posrecon.core.store.CaseFilter;
import dev.posrecon.core.store.CaseStatus;
import dev.posrecon.core.store.CaseViews;
import dev.posrecon.core.store.Ledger;
import dev.posrecon.core.store.StoredCase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "cases", mixinStandardHelpOptions = true,
        description = "The case ledger: list, show, update and export cases.",
        subcommands = {CasesCommand.ListCases.class, CasesCommand.Show.class, CasesCommand.Update.class,
                CasesCommand.Export.class})
final class CasesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The filters of list and export. */
    static final class Filters {
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First business date (inclusive).")
        LocalDate from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last business date (inclusive).")
        LocalDate to;

        @Option(names = "--type", paramLabel = "TYPE", description = "Case type: ${COMPLETION-CANDIDATES}.")
        CaseType type;

        @Option(names = "--status", paramLabel = "STATUS", description = "Status: ${COMPLETION-CANDIDATES}.")
        CaseStatus status;

        @Option(names = "--terminal", paramLabel = "ID", description = "Terminal id.")
        String terminal;

        @Option(names = "--min-amount", paramLabel = "AMOUNT", description = "Smallest amount at stake (115.20).")
        BigDecimal minAmount;

        CaseFilter filter() {
            return new CaseFilter(from, to, type, status, terminal, minAmount);
        }
    }

    enum ListFormat { table, csv, json }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List cases, oldest business date first.")
    static final class ListCases implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Filters filters;

        @Mixin
        LedgerOption ledger;

        @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), csv or json.")
        ListFormat format = ListFormat.table;

        @Override
        public Integer call() {
            Instant now = Instant.now();
            try (Ledger l = ledger.open()) {
                List<StoredCase> cases = l.listCases(filters.filter());
                spec.commandLine().getOut().print(switch (format) {
                    case table -> CaseViews.table(cases, now);
                    case csv -> CaseViews.csv(cases, now);
                    case json -> CaseViews.json(cases, now, null);
                });
            }
            return 0;
        }
    }

    enum ShowFormat { text, json }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one case: fields, contact advice, evidence, history and age.")
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "Case id (any unique prefix).")
        String id;

        @Mixin
        LedgerOption ledger;

        @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
        ShowFormat format = ShowFormat.text;

        @Override
        public Integer call() {
            Instant now = Instant.now();
            try (Ledger l = ledger.open()) {
                StoredCase c = l.findCase(id).orElseThrow(() -> new UsageException("no case '" + id + "' in the ledger"));
                spec.commandLine().getOut().print(format == ShowFormat.json
                        ? CaseViews.json(List.of(c), now, l::history)
                        : CaseViews.detail(c, l.history(c.caseId()), now));
            }
            return 0;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Move a case to another status, with a note.",
                    "Legal: OPEN -> CONTACTED|RESOLVED|WRITTEN_OFF; CONTACTED -> OPEN|RESOLVED|WRITTEN_OFF;",
                    "RESOLVED -> OPEN; WRITTEN_OFF -> OPEN."})
    static final class Update implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "Case id (any unique prefix).")
        String id;

        @Option(names = "--status", required = true, paramLabel = "STATUS",
                description = "New status: ${COMPLETION-CANDIDATES}.")
        CaseStatus status;

        @Option(names = "--note", required = true, paramLabel = "TEXT", description = "Why (kept in the history).")
        String note;

        @Option(names = "--by", paramLabel = "NAME", description = "Who. Default: the OS user.")
        String by = System.getProperty("user.name", "unknown");

        @Mixin
        LedgerOption ledger;

        @Override
        public Integer call() {
            try (Ledger l = ledger.open()) {
                StoredCase c = l.updateStatus(id, status, note, by, Instant.now());
                spec.commandLine().getOut().printf("%s: %s (%s)%n", c.caseId(), c.status(), note);
            }
            return 0;
        }
    }

    enum ExportFormat { csv, json }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write cases to a file for the accountant (JSON adds evidence, contact advice and history).")
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write (atomically).")
        Path out;

        @Option(names = "--format", paramLabel = "FORMAT", description = "csv (default) or json.")
        ExportFormat format = ExportFormat.csv;

        @Mixin
        Filters filters;

        @Mixin
        LedgerOption ledger;

        @Override
        public Integer call() {
            Instant now = Instant.now();
            try (Ledger l = ledger.open()) {
                List<StoredCase> cases = l.listCases(filters.filter());
                CaseViews.writeAtomically(out, format == ExportFormat.csv ? CaseViews.csv(cases, now)
                        : CaseViews.json(cases, now, l::history));
                spec.commandLine().getOut().printf("%d case(s) written to %s%n", cases.size(), out);
            }
            return 0;
        }
    }
}
