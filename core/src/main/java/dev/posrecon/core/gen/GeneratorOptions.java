package dev.posrecon.core.gen;

import dev.posrecon.core.error.UsageException;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * What {@link DayGenerator} makes.
 *
 * @param transactions   terminal transactions to generate (financial requests in the log: sales, refunds, voids,
 *                       reversals, declined and timed-out attempts), plus the acquirer-only lines of planted cases;
 *                       cash-only receipts come on top
 * @param terminals      number of terminals, 0 = {@link #autoTerminals(long)}
 * @param merchantIds    the merchants (15 characters, ISO 8583 field 42); terminals are spread over them in turn
 * @param date           the business date
 * @param zone           the merchant's zone (field 7 is written in UTC as terminals do)
 * @param currency       the currency of every amount
 * @param seed           the same seed gives the same files byte for byte
 * @param caseRate       fraction of transactions that are planted cases (0.01 = 1 %)
 * @param feeRatePercent the acquirer's standard fee in percent of the amount (0.60)
 * @param merchantName   written to the generated posrecon.properties
 * @param outDir         where the files go (created when missing)
 * @param traineeCashier a cashier who rings up the receipts of the register-side planted cases (keyed amounts,
 *                       declined swipes closed as paid, refunds) and every {@value #TRAINEE_SHARE}th other
 *                       receipt, so that the error rates have one cashier far above the others; null for none
 * @param coincidences   also write the records that fool a matcher that trusts a weak key: STANs that come round on
 *                       a terminal during the day, a second sale of the same amount on the same card minutes later,
 *                       an RRN another terminal used too, unknown settlement lines that carry the STAN of a settled
 *                       sale, declined voids of voids. None of them is a case; the planted cases are the same kinds
 */
public record GeneratorOptions(
        long transactions,
        int terminals,
        List<String> merchantIds,
        LocalDate date,
        ZoneId zone,
        Currency currency,
        long seed,
        BigDecimal caseRate,
        BigDecimal feeRatePercent,
        String merchantName,
        Path outDir,
        String traineeCashier,
        boolean coincidences) {

    public static final String DEFAULT_MERCHANT_ID = "898310048160001";
    public static final String DEFAULT_MERCHANT_NAME = "Lotus Lane Grocery";
    public static final BigDecimal DEFAULT_CASE_RATE = new BigDecimal("0.01");
    public static final BigDecimal DEFAULT_FEE_RATE = new BigDecimal("0.60");
    /** Transactions per terminal the automatic terminal count aims at, and the most that fit one day. */
    public static final int TRANSACTIONS_PER_TERMINAL = 2000;
    /** The trainee cashier rings up one in this many ordinary receipts. */
    public static final int TRAINEE_SHARE = 10;

    public GeneratorOptions {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(outDir, "outDir");
        merchantIds = merchantIds == null || merchantIds.isEmpty() ? List.of(DEFAULT_MERCHANT_ID) : List.copyOf(merchantIds);
        caseRate = caseRate == null ? DEFAULT_CASE_RATE : caseRate;
        feeRatePercent = feeRatePercent == null ? DEFAULT_FEE_RATE : feeRatePercent;
        merchantName = merchantName == null ? DEFAULT_MERCHANT_NAME : merchantName;
        if (transactions < 1) {
            throw new UsageException("--transactions must be at least 1, found " + transactions);
        }
        if (terminals < 0) {
            throw new UsageException("--terminals must be at least 1, found " + terminals);
        }
        if (terminals == 0) {
            terminals = autoTerminals(transactions);
        }
        if (caseRate.signum() < 0 || caseRate.compareTo(BigDecimal.ONE) > 0) {
            throw new UsageException("--case-rate must be between 0 and 1, found " + caseRate.toPlainString());
        }
        if (feeRatePercent.signum() < 0 || feeRatePercent.compareTo(BigDecimal.TEN) > 0) {
            throw new UsageException("--fee-rate must be between 0 and 10 (percent), found " + feeRatePercent.toPlainString());
        }
        for (String m : merchantIds) {
            if (m.isBlank() || !m.chars().allMatch(c -> c > ' ' && c < 127 && c != ',' && c != '"' && c != '<' && c != '&')) {
                throw new UsageException("merchant id must be printable ASCII without , \" < &: '" + m + "'");
            }
        }
        if (traineeCashier != null && !traineeCashier.chars().allMatch(c -> c > ' ' && c < 127 && c != ',' && c != '"')) {
            throw new UsageException("trainee cashier must be printable ASCII without , \": '" + traineeCashier + "'");
        }
        if (merchantName.indexOf('\n') >= 0) {
            throw new UsageException("merchant name must be one line");
        }
    }

    /** At least 4 terminals, and about {@value #TRANSACTIONS_PER_TERMINAL} transactions each. */
    public static int autoTerminals(long transactions) {
        return (int) Math.max(4, (transactions + TRANSACTIONS_PER_TERMINAL - 1) / TRANSACTIONS_PER_TERMINAL);
    }

    /** Options with every default but the size, seed, date, zone and output directory. */
    public static GeneratorOptions of(long transactions, long seed, LocalDate date, ZoneId zone, Path outDir) {
        return new GeneratorOptions(transactions, 0, null, date, zone, Currency.getInstance("CNY"), seed, null, null,
                null, outDir, null, false);
    }

    public GeneratorOptions withTerminals(int t) {
        return new GeneratorOptions(transactions, t, merchantIds, date, zone, currency, seed, caseRate, feeRatePercent,
                merchantName, outDir, traineeCashier, coincidences);
    }

    public GeneratorOptions withCaseRate(BigDecimal r) {
        return new GeneratorOptions(transactions, terminals, merchantIds, date, zone, currency, seed, r, feeRatePercent,
                merchantName, outDir, traineeCashier, coincidences);
    }

    public GeneratorOptions withTraineeCashier(String id) {
        return new GeneratorOptions(transactions, terminals, merchantIds, date, zone, currency, seed, caseRate,
                feeRatePercent, merchantName, outDir, id, coincidences);
    }

    /** The same day with the coincidences a weak key falls for (see {@code coincidences}). */
    public GeneratorOptions withCoincidences() {
        return new GeneratorOptions(transactions, terminals, merchantIds, date, zone, currency, seed, caseRate,
                feeRatePercent, merchantName, outDir, traineeCashier, true);
    }

    public GeneratorOptions withOutDir(Path dir) {
        return new GeneratorOptions(transactions, terminals, merchantIds, date, zone, currency, seed, caseRate,
                feeRatePercent, merchantName, dir, traineeCashier, coincidences);
    }
}
