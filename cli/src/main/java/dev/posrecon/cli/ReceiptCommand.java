package dev.posrecon.cli;

import dev.posrecon.core.store.Ledger;
import dev.posrecon.core.store.ReceiptMatch;
import dev.posrecon.core.store.ReceiptQuery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "receipt", mixinStandardHelpOptions = true,
        description = "Find a sale by partial details and rebuild its receipt.",
        subcommands = {ReceiptCommand.Find.class, ReceiptCommand.Reprint.class})
final class ReceiptCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "find", mixinStandardHelpOptions = true,
            description = "Receipts matching every detail given (at least one).")
    static final class Find implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Business day.")
        LocalDate date;

        @Option(names = "--amount", paramLabel = "AMOUNT", description = "Receipt total or a tender amount (115.20).")
        String amount;

        @Option(names = "--card-last4", paramLabel = "NNNN", description = "Card ending.")
        String cardLast4;

        @Option(names = "--auth", paramLabel = "CODE", description = "Authorisation code.")
        String auth;

        @Option(names = "--rrn", paramLabel = "RRN", description = "Retrieval reference number.")
        String rrn;

        @Option(names = "--terminal", paramLabel = "ID", description = "Terminal id.")
        String terminal;

        @Option(names = "--receipt", paramLabel = "NO", description = "Receipt number.")
        String receipt;

        @Mixin
        LedgerOption ledger;

        @Override
        public Integer call() {
            try (Ledger l = ledger.open()) {
                List<ReceiptMatch> found = l.findReceipts(
                        new ReceiptQuery(date, amount, cardLast4, auth, rrn, terminal, receipt));
                spec.commandLine().getOut().print(ReceiptMatch.table(found));
            }
            return 0;
        }
    }

    @Command(name = "reprint", mixinStandardHelpOptions = true,
            description = "Rebuild a receipt from the ledger as text, marked DUPLICATE.")
    static final class Reprint implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "RECEIPT_NO|RRN", description = "Receipt number, or the RRN of its card payment.")
        String key;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Business day, when a number repeats.")
        LocalDate date;

        @Option(names = "--merchant", paramLabel = "NAME",
                description = "Name on top. Default: the config's merchant.name, else the one stored with the run.")
        String merchant;

        @Mixin
        ConfigOptions configOptions;

        @Mixin
        LedgerOption ledger;

        @Override
        public Integer call() {
            String name = merchant;
            if (name == null && (configOptions.config != null || Files.isRegularFile(Path.of("posrecon.properties")))) {
                name = configOptions.load().merchantName();
            }
            try (Ledger l = ledger.open()) {
                spec.commandLine().getOut().print(l.reprint(key, date, name));
            }
            return 0;
        }
    }
}
