package dev.posrecon.cli;

import dev.posrecon.core.store.LedgerAdmin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "Administer the case ledger: PostgreSQL roles, migrate, status, export and import.",
        subcommands = {LedgerCommand.Roles.class, LedgerCommand.Migrate.class, LedgerCommand.Status.class,
                LedgerCommand.Export.class, LedgerCommand.Import.class})
final class LedgerCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A subcommand on one ledger: its {@code --db} options and where it prints. */
    abstract static class OnLedger implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        LedgerOption ledger;

        /** Prints the subcommand's answer on stdout; exit 0. */
        Integer print(String text) {
            spec.commandLine().getOut().print(text);
            return 0;
        }
    }

    @Command(name = "roles", mixinStandardHelpOptions = true,
            description = {"The SQL that creates a PostgreSQL ledger's roles: posrecon_batch (runs reconcile), "
                    + "posrecon_staff (reads cases and receipts, changes case status and notes) and posrecon_auditor "
                    + "(read-only). Apply it as the database owner: posrecon ledger roles --print | psql -d posrecon"})
    static final class Roles implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--print", required = true, description = "Print the SQL on stdout.")
        boolean print;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(LedgerAdmin.rolesSql());
            return 0;
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Create the ledger, or bring its schema up to date (as the database owner on PostgreSQL).")
    static final class Migrate extends OnLedger {        @Override
        public Integer call() {
            return print("ledger " + ledger.access().url() + ": schema version "
                    + LedgerAdmin.migrate(ledger.access()) + "\n");
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Schema version, runs, cases by status and size of the ledger.")
    static final class Status extends OnLedger {        @Override
        public Integer call() {
            return print(LedgerAdmin.status(ledger.access()).text());
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write every run, record, receipt, case and case event of the ledger to FILE (JSON Lines).")
    static final class Export extends OnLedger {
        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The export file.")
        Path out;
        @Override
        public Integer call() {
            return print(LedgerAdmin.export(ledger.access(), out).text() + "exported to " + out + "\n");
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Load an export into a new, empty ledger (e.g. an H2 ledger onto PostgreSQL), ids kept.")
    static final class Import extends OnLedger {
        @Option(names = "--in", paramLabel = "FILE", required = true, description = "An export of 'ledger export'.")
        Path in;
        @Override
        public Integer call() {
            return print(LedgerAdmin.importInto(ledger.access(), in).text() + "imported into "
                    + ledger.access().url() + "\n");
        }
    }
}
