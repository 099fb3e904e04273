package dev.posrecon.cli;

import dev.posrecon.core.gen.DayGenerator;
import dev.posrecon.core.gen.GenerationResult;
import dev.posrecon.core.gen.GeneratorOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate a synthetic business day with planted cases and their ground truth:",
                "terminal.xml (jPOS log), settlement.csv, journal.csv, customers.csv, truth.csv, posrecon.properties.",
                "The same options and seed give the same files byte for byte."})
final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--transactions", paramLabel = "N", required = true,
            description = "Terminal transactions to generate (sales, refunds, voids, reversals, declines...).")
    long transactions;

    @Option(names = "--terminals", paramLabel = "T",
            description = "Terminals. Default: at least 4 and one per " + GeneratorOptions.TRANSACTIONS_PER_TERMINAL
                    + " transactions.")
    int terminals;

    @Option(names = "--merchant", paramLabel = "ID", split = ",",
            description = "Merchant id(s), terminals spread over them. Default: " + GeneratorOptions.DEFAULT_MERCHANT_ID + ".")
    List<String> merchants = new ArrayList<>();

    @Option(names = "--merchant-name", paramLabel = "NAME", description = "Written to posrecon.properties. Default: "
            + GeneratorOptions.DEFAULT_MERCHANT_NAME + ".")
    String merchantName;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed. Default: 1.")
    long seed = 1;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", required = true, description = "The business date.")
    LocalDate date;

    @Option(names = "--zone", paramLabel = "ZONE", description = "The merchant's zone. Default: Asia/Shanghai.")
    ZoneId zone = ZoneId.of("Asia/Shanghai");

    @Option(names = "--currency", paramLabel = "CODE", description = "ISO 4217 currency. Default: CNY.")
    Currency currency = Currency.getInstance("CNY");

    @Option(names = "--case-rate", paramLabel = "R",
            description = "Fraction of transactions that are planted cases. Default: 0.01. From 100 transactions on,"
                    + " every case type and reason is planted at least once (unless R is 0).")
    BigDecimal caseRate = GeneratorOptions.DEFAULT_CASE_RATE;

    @Option(names = "--fee-rate", paramLabel = "PERCENT", description = "The acquirer's fee in percent. Default: 0.60.")
    BigDecimal feeRate = GeneratorOptions.DEFAULT_FEE_RATE;

    @Option(names = "--trainee-cashier", paramLabel = "ID",
            description = {"A cashier who rings up the register-side planted cases (keyed amounts, declined swipes "
                    + "closed as paid, refunds) and one in " + GeneratorOptions.TRAINEE_SHARE + " other receipts: "
                    + "a cashier whose error rate is far above the others'. Default: none."})
    String traineeCashier;

    @Option(names = "--coincidences",
            description = {"Also write what fools a matcher that trusts a weak key, none of it a case: STANs that "
                    + "come round on a terminal, the same amount on the same card minutes apart, an RRN two terminals "
                    + "used, unknown settlement lines carrying a settled sale's STAN, declined voids of voids."})
    boolean coincidences;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--quiet", description = "Print nothing on success.")
    boolean quiet;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        GenerationResult r = DayGenerator.generate(new GeneratorOptions(transactions, terminals, merchants, date, zone,
                currency, seed, caseRate, feeRate, merchantName, out, traineeCashier, coincidences));
        if (!quiet) {
            PrintWriter w = spec.commandLine().getOut();
            w.printf("%d transactions on %d terminals, %d receipts, %d settlement lines, %d planted cases %s%n",
                    r.transactions(), r.terminals(), r.receipts(), r.settlementLines(), r.cases(), r.casesByType());
            for (Map.Entry<Path, Long> f : r.files().entrySet()) {
                w.printf("  %-40s %,15d bytes%n", f.getKey(), f.getValue());
            }
            double secs = (System.nanoTime() - started) / 1e9;
            w.printf("%,d bytes in %.1f s (%.0f MB/s)%n", r.totalBytes(), secs, r.totalBytes() / 1e6 / secs);
        }
        return 0;
    }
}
