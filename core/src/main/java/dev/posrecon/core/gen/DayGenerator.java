package dev.posrecon.core.gen;

import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.error.StoreException;
import dev.posrecon.core.error.UsageException;
import dev.posrecon.core.model.Cards;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Generates a synthetic business day with ground truth: a jPOS DailyLogListener log of the terminals, the acquirer's
 * settlement CSV, the register's receipt journal, a customer directory, a {@code posrecon.properties} for the day and
 * {@code truth.csv} listing every planted case.
 *
 * <p>Deterministic: one {@link SplittableRandom} seeded with the options' seed drives every choice, in a fixed order;
 * no clock, no hash order. Streaming: stories (one customer's payment: a sale, a sale and its refund, a declined
 * swipe and its retry...) are generated terminal by terminal in order of start time, and their records wait in small
 * time-ordered queues until nothing earlier can come; settlement lines wait in their terminal's open batch (at most
 * {@value #BATCH_LINES} lines). Memory is flat whatever the number of transactions.
 *
 * <p>Unrelated transactions on one terminal are at least 15 s apart and no two within its last 64 amounts share an
 * amount, so matching by amount, card ending and time never becomes ambiguous by accident.
 */
public final class DayGenerator {
    public static final String TERMINAL_LOG = "terminal.xml";
    public static final String SETTLEMENT = "settlement.csv";
    public static final String JOURNAL = "journal.csv";
    public static final String CUSTOMERS = "customers.csv";
    public static final String TRUTH = "truth.csv";
    public static final String PROPERTIES = "posrecon.properties";

    public static final String SETTLEMENT_HEADER =
            "merchant_id,terminal_id,txn_time,settle_date,type,amount,currency,fee,net,card,auth_code,rrn,stan,batch";
    public static final String JOURNAL_HEADER = "receipt_no,store_id,register_id,cashier_id,time,kind,total,tender,"
            + "tender_amount,terminal_id,stan,rrn,auth_code,card_last4,original_receipt_no,member_id,customer_phone,"
            + "customer_email";
    public static final String CUSTOMERS_HEADER =
            "member_id,name,phone,email,preferred_channel,birth_year,consent,quiet_hours,language";
    public static final String TRUTH_HEADER = "type,terminal_id,stan,receipt_no,amount,cashier_id,reason";

    /** The planted cases, in the order they are planted (round robin), so that 15 cases cover every variant. */
    public enum Variant {
        KEYED_LOW(CaseType.SHORT_CHARGE, "KEYED_LOW"),
        KEYED_HIGH(CaseType.OVER_CHARGE, "KEYED_HIGH"),
        REFUND_NO_RETURN(CaseType.MIS_REFUND, "NO_RETURN_ON_JOURNAL"),
        VOID_SETTLED(CaseType.PHANTOM_VOID, "VOIDED"),
        REVERSAL_FAILED(CaseType.DUPLICATE_CHARGE, "REVERSAL_FAILED"),
        NOT_SETTLED(CaseType.UNSETTLED_SALE, "NOT_SETTLED"),
        NO_TERMINAL_RECORD(CaseType.UNKNOWN_SETTLEMENT, "NO_TERMINAL_RECORD"),
        NO_RECEIPT(CaseType.MISSING_RECEIPT, "NO_RECEIPT"),
        FEE_RATE(CaseType.FEE_MISMATCH, "FEE_RATE"),
        DECLINED_PAID(CaseType.SHORT_CHARGE, "DECLINED_BUT_CARD_PAID"),
        REFUND_OTHER_CARD(CaseType.MIS_REFUND, "OTHER_CARD"),
        REVERSAL_SETTLED(CaseType.PHANTOM_VOID, "REVERSED"),
        REFUND_LARGER(CaseType.MIS_REFUND, "LARGER_THAN_ORIGINAL"),
        TIMEOUT_PAID(CaseType.SHORT_CHARGE, "DECLINED_BUT_CARD_PAID"),
        REFUND_REPEATED(CaseType.MIS_REFUND, "REPEATED");

        public final CaseType type;
        public final String reason;

        Variant(CaseType type, String reason) {
            this.type = type;
            this.reason = reason;
        }
    }

    private static final Variant[] VARIANTS = Variant.values();
    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long OPEN = 7 * HOUR;
    private static final long WINDOW = 15 * HOUR;
    private static final long LAST_START = DAY - 10 * MINUTE;
    private static final long SPACING = 15 * SECOND;
    static final int BATCH_LINES = 100;
    private static final int RECENT = 64;
    private static final long TIMEOUT = 30 * SECOND;
    private static final String PACKAGER = "<!-- org.jpos.iso.packager.GenericPackager[cfg/packager/iso87ascii.xml] -->";

    private static final byte[] FIELD_OPEN = ascii("      <field id=\"");
    private static final byte[] FIELD_MID = ascii("\" value=\"");
    private static final byte[] FIELD_CLOSE = ascii("\"/>\n");

    private final GeneratorOptions o;
    private final SplittableRandom rnd;
    private final int digits;
    private final String currencyCode;
    private final String currencyNumeric;
    private final String datePrefix;
    private final String settleDate;
    private final String compactDate;
    private final String rrnPrefix;
    private final String[] utcMmdd = new String[3];
    private final long offsetMillis;
    private final Term[] terms;
    private final int[] receiptSeq;
    private final long members;
    private final long meanGap;
    private final BigDecimal feeMismatchRate;

    private final ByteBuf buf = new ByteBuf();
    private final TimedQueue logQueue = new TimedQueue();
    private final TimedQueue journalQueue = new TimedQueue();
    private final List<TruthRow> truth = new ArrayList<>();
    private OutputStream settlementOut;

    private long rrnSeq;
    private long unknownStan = 900_000;
    private long transactions;
    private long receipts;
    private long settlementLines;
    private int echoStan;
    /** The last RRN a terminal got, and which terminal (for coincidences: another terminal gets it too). */
    private String lastRrn;
    private int lastRrnTerminal = -1;

    /** One terminal, its register and its open settlement batch. */
    private static final class Term {
        final int index;
        final String id;
        final String merchantId;
        final int store;
        final String storeId;
        final String registerId;
        final String realm;
        int stan;
        int batch = 1;
        final List<byte[]> batchLines = new ArrayList<>();
        long clock;
        long lastTxnEnd = -DAY;
        final long[] recent = new long[RECENT];
        int recentPos;
        /** The STAN of the last sale settled (for coincidences: an unknown line that carries it). */
        String lastSettledStan;

        Term(int index, String id, String merchantId, int store, String registerId, String realm) {
            this.index = index;
            this.id = id;
            this.merchantId = merchantId;
            this.store = store;
            this.storeId = String.format("S%02d", store + 1);
            this.registerId = registerId;
            this.realm = realm;
        }
    }

    /** One request and its response (or none: a timeout). */
    private static final class Txn {
        String stan;
        String rrn;
        String auth;
        long reqAt;
        long respAt;
        long amount;
        String pan;
        boolean approved;
    }

    private enum Outcome { APPROVED, DECLINED, TIMEOUT }

    private record TruthRow(CaseType type, String terminalId, String stan, String receiptNo, long amount,
                            String cashierId, String reason) {
    }

    /** True while a planted case the register side caused is written: its receipts go to the trainee cashier. */
    private boolean traineeAtTill;
    /** While a planted case is written: the cashier of each of its receipts, for its truth row; else null. */
    private Map<String, String> plantedCashiers;

    /** A receipt line: one tender. */
    private record Tend(String tender, long amount, String terminalId, String stan, String rrn, String auth, String last4) {
        static Tend cash(long amount) {
            return new Tend("CASH", amount, null, null, null, null, null);
        }

        static Tend card(String terminalId, Txn x, long amount) {
            return new Tend("CARD", amount, terminalId, x.stan, x.rrn, x.auth, x.pan.substring(x.pan.length() - 4));
        }
    }

    private DayGenerator(GeneratorOptions o) {
        this.o = o;
        this.rnd = new SplittableRandom(o.seed());
        this.digits = Math.max(0, o.currency().getDefaultFractionDigits());
        this.currencyCode = o.currency().getCurrencyCode();
        this.currencyNumeric = String.format("%03d", o.currency().getNumericCode());
        LocalDate d = o.date();
        this.datePrefix = d + "T";
        this.settleDate = d.plusDays(1).toString();
        this.compactDate = d.toString().replace("-", "");
        this.rrnPrefix = String.format("%d%03d", d.getYear() % 10, d.getDayOfYear());
        for (int i = 0; i < 3; i++) {
            LocalDate u = d.plusDays(i - 1);
            utcMmdd[i] = String.format("%02d%02d", u.getMonthValue(), u.getDayOfMonth());
        }
        // One offset for the day (taken at noon): field 7 on a DST-change night may be off by the change.
        ZoneOffset off = o.zone().getRules().getOffset(d.atTime(LocalTime.NOON));
        this.offsetMillis = off.getTotalSeconds() * SECOND;
        long perTerminal = (o.transactions() + o.terminals() - 1) / o.terminals();
        if (perTerminal > GeneratorOptions.TRANSACTIONS_PER_TERMINAL) {
            throw new UsageException(o.transactions() + " transactions do not fit one day on " + o.terminals()
                    + " terminal(s) with unrelated transactions 15 s apart: use --terminals "
                    + GeneratorOptions.autoTerminals(o.transactions()) + " or more (at most "
                    + GeneratorOptions.TRANSACTIONS_PER_TERMINAL + " per terminal)");
        }
        this.meanGap = WINDOW * 7 / 10 / perTerminal;
        this.terms = new Term[o.terminals()];
        int merchants = o.merchantIds().size();
        int[] perStore = new int[merchants];
        for (int i = 0; i < terms.length; i++) {
            int m = i % merchants;
            String register = String.format("R%02d", ++perStore[m]);
            String realm = "channel/10.0." + (i / 250) + "." + (i % 250 + 1) + ":5000";
            terms[i] = new Term(i, String.format("%08d", 10_000_001L + i), o.merchantIds().get(m), m, register, realm);
        }
        this.receiptSeq = new int[merchants];
        this.members = Math.max(10, o.transactions() / 4);
        this.feeMismatchRate = o.feeRatePercent().signum() == 0 ? new BigDecimal("0.60")
                : o.feeRatePercent().multiply(BigDecimal.valueOf(2));
        this.rrnSeq = rnd.nextLong(10_000_000L);
    }

    /**
     * Writes the day into {@code options.outDir()}.
     *
     * @throws UsageException  when the transactions do not fit the day on the terminals given
     * @throws StoreException  when the output directory cannot be written
     */
    public static GenerationResult generate(GeneratorOptions options) {
        DayGenerator g = new DayGenerator(options);
        try {
            return g.run();
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException("cannot write the generated day to " + options.outDir() + ": " + e.getMessage(), e);
        }
    }

    /** Planted cases for {@code transactions} at {@code rate}: every variant at least once from 100 transactions. */
    public static long plannedCases(long transactions, BigDecimal rate) {
        long c = rate.multiply(BigDecimal.valueOf(transactions)).setScale(0, RoundingMode.HALF_UP).longValueExact();
        if (rate.signum() > 0 && transactions >= 100) {
            c = Math.max(c, VARIANTS.length);
        }
        return c;
    }

    private GenerationResult run() throws IOException {
        Path dir = o.outDir();
        Files.createDirectories(dir);
        Path logPath = dir.resolve(TERMINAL_LOG);
        Path settlementPath = dir.resolve(SETTLEMENT);
        Path journalPath = dir.resolve(JOURNAL);
        long cases = plannedCases(o.transactions(), o.caseRate());
        try (OutputStream log = open(logPath); OutputStream settle = open(settlementPath);
             OutputStream journal = open(journalPath)) {
            settlementOut = settle;
            log.write(ascii("<logger class=\"org.jpos.util.DailyLogListener\">\n"));
            settle.write(ascii(SETTLEMENT_HEADER + "\n"));
            journal.write(ascii(JOURNAL_HEADER + "\n"));
            PriorityQueue<Term> ready = new PriorityQueue<>(
                    Comparator.comparingLong((Term t) -> t.clock).thenComparingInt(t -> t.index));
            for (Term t : terms) {
                t.clock = OPEN + rnd.nextLong(meanGap);
                ready.add(t);
            }
            long planted = 0;
            while (transactions < o.transactions() || planted < cases) {
                Term t = ready.poll();
                long start = t.clock;
                if (start > LAST_START) {
                    throw new UsageException("the day ran out of time on terminal " + t.id
                            + ": use more --terminals (a bug: the schedule should have fitted)");
                }
                logQueue.flushBefore(start, log);
                journalQueue.flushBefore(start, journal);
                start = noise(t, start);
                long before = transactions;
                long end;
                if (planted < cases && transactions >= (2 * planted + 1) * o.transactions() / (2 * cases)) {
                    end = plant(t, Math.max(start, t.lastTxnEnd + SPACING), VARIANTS[(int) (planted % VARIANTS.length)]);
                    planted++;
                } else {
                    end = normal(t, start);
                }
                long done = transactions - before;
                if (done > 0) {
                    long gap = done * meanGap * (60 + rnd.nextInt(81)) / 100;
                    t.clock = Math.max(t.lastTxnEnd + SPACING + rnd.nextLong(3 * SECOND), start + gap);
                } else {
                    t.clock = end + 3 * SECOND + rnd.nextLong(8 * SECOND);
                }
                ready.add(t);
            }
            logQueue.flushAll(log);
            journalQueue.flushAll(journal);
            log.write(ascii("</logger>\n"));
            for (Term t : terms) {
                closeBatch(t);
            }
        }
        Path customersPath = dir.resolve(CUSTOMERS);
        writeCustomers(customersPath);
        Path truthPath = dir.resolve(TRUTH);
        writeTruth(truthPath);
        Path props = dir.resolve(PROPERTIES);
        Files.writeString(props, "# Settings for this generated day (posrecon generate).\n"
                + "zone=" + o.zone().getId() + "\n"
                + "currency=" + currencyCode + "\n"
                + "fee.rule.standard=" + o.feeRatePercent().toPlainString() + "\n"
                + "merchant.name=" + o.merchantName() + "\n", StandardCharsets.ISO_8859_1);
        Map<Path, Long> files = new LinkedHashMap<>();
        for (Path p : List.of(logPath, settlementPath, journalPath, customersPath, truthPath, props)) {
            files.put(p, Files.size(p));
        }
        Map<String, Long> byType = new LinkedHashMap<>();
        Map<CaseType, Long> counts = new EnumMap<>(CaseType.class);
        for (TruthRow r : truth) {
            counts.merge(r.type(), 1L, Long::sum);
        }
        counts.forEach((k, v) -> byType.put(k.name(), v));
        return new GenerationResult(transactions, terms.length, receipts, settlementLines, truth.size(), byType, files);
    }

    private static OutputStream open(Path p) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(p), 1 << 20);
    }

    // ---------------------------------------------------------------- stories

    /** Now and then an echo pair, a channel notice or a dropped connection before the story; returns its start. */
    private long noise(Term t, long start) {
        int r = rnd.nextInt(1000);
        if (r < 20) {
            echo(t, start);
            return start + SECOND;
        }
        if (r < 26) {
            buf.reset();
            entryOpen("org.jpos.q2.iso.ChannelAdaptor", start, -1);
            buf.ascii("  <info>\n    channel-receiver-").ascii(t.id).ascii(": reconnected to ")
                    .ascii(t.realm.substring("channel/".length())).ascii("\n  </info>\n</log>\n");
            logQueue.add(start, buf.toArray());
            return start + SECOND;
        }
        if (r < 29) {
            buf.reset();
            entryOpen(t.realm, start, 60_000 + rnd.nextInt(900_000));
            buf.ascii("  <receive>\n    <peer-disconnect/>\n  </receive>\n</log>\n");
            logQueue.add(start, buf.toArray());
            return start + 2 * SECOND;
        }
        return start;
    }

    private void echo(Term t, long at) {
        String stan = zpad(++echoStan % 1_000_000, 6);
        long resp = at + 40 + rnd.nextInt(200);
        for (int i = 0; i < 2; i++) {
            long when = i == 0 ? at : resp;
            buf.reset();
            entryOpen(t.realm, when, i == 0 ? 1 + rnd.nextInt(5) : (int) (resp - at));
            isoOpen(i == 0);
            field(0, i == 0 ? "0800" : "0810");
            field7(when);
            field(11, stan);
            if (i == 1) {
                field(39, "00");
            }
            field(70, "301");
            isoClose(i == 0);
            logQueue.add(when, buf.toArray());
        }
    }

    private long normal(Term t, long start) {
        if (o.coincidences() && t.stan > 20 && rnd.nextInt(60) == 0) {
            t.stan = 0; // a key exchange or batch close resets the terminal's STAN: the day's STANs come round
        }
        int r = rnd.nextInt(100);
        if (r < 20) {
            return cashOnly(t, start);
        }
        start = Math.max(start, t.lastTxnEnd + SPACING);
        if (r < 27) {
            return declineThenRetry(t, start);
        }
        if (r < 32) {
            return saleThenRefund(t, start);
        }
        if (r < 36) {
            return saleThenVoid(t, start);
        }
        String pan = Pans.random(rnd);
        long amount = drawAmount(t);
        Txn x = request(t, start, "0200", "000000", amount, pan, Outcome.APPROVED, null, null);
        settleSale(t, x, o.feeRatePercent());
        long at = x.respAt + receiptDelay();
        if (rnd.nextInt(100) < 7) {
            long cash = 100 + rnd.nextLong(5000);
            receipt(t, at, "SALE", amount + cash, null, true, Tend.card(t.id, x, amount), Tend.cash(cash));
        } else {
            receipt(t, at, "SALE", amount, null, true, Tend.card(t.id, x, amount));
        }
        if (o.coincidences() && rnd.nextInt(25) == 0) {
            // the customer comes back for a second one: the same card and amount minutes later, a new payment
            Txn twin = request(t, later(at), "0200", "000000", amount, pan, Outcome.APPROVED, null, null);
            settleSale(t, twin, o.feeRatePercent());
            at = twin.respAt + receiptDelay();
            receipt(t, at, "SALE", amount, null, true, Tend.card(t.id, twin, amount));
        }
        return at;
    }

    private long cashOnly(Term t, long start) {
        long amount = 100 + rnd.nextLong(30_000);
        receipt(t, start, "SALE", amount, null, rnd.nextInt(4) == 0, Tend.cash(amount));
        return start;
    }

    private long declineThenRetry(Term t, long start) {
        long amount = drawAmount(t);
        Txn declined = request(t, start, "0200", "000000", amount, Pans.random(rnd), Outcome.DECLINED, null, null);
        Txn x = request(t, declined.respAt + SPACING + rnd.nextLong(25 * SECOND), "0200", "000000", amount,
                Pans.random(rnd), Outcome.APPROVED, null, null);
        settleSale(t, x, o.feeRatePercent());
        long at = x.respAt + receiptDelay();
        receipt(t, at, "SALE", amount, null, true, Tend.card(t.id, x, amount));
        return at;
    }

    /** A settled sale with its receipt; returns the receipt number (the sale is in {@code out}). */
    private String settledSale(Term t, long start, long amount, String pan, Txn[] out) {
        Txn x = request(t, start, "0200", "000000", amount, pan, Outcome.APPROVED, null, null);
        settleSale(t, x, o.feeRatePercent());
        out[0] = x;
        return receipt(t, x.respAt + receiptDelay(), "SALE", amount, null, true, Tend.card(t.id, x, amount));
    }

    private long saleThenRefund(Term t, long start) {
        Txn[] sale = new Txn[1];
        String pan = Pans.random(rnd);
        long amount = drawAmount(t, 2000, 300_000);
        String saleReceipt = settledSale(t, start, amount, pan, sale);
        long refund = drawAmount(t, Math.max(1, amount / 5), amount - 1);
        Txn x = request(t, later(sale[0].respAt), "0200", "200000", refund, pan, Outcome.APPROVED, null, null);
        settleRefund(t, x);
        long at = x.respAt + receiptDelay();
        receipt(t, at, "RETURN", refund, saleReceipt, true, Tend.card(t.id, x, refund));
        return at;
    }

    private long saleThenVoid(Term t, long start) {
        String pan = Pans.random(rnd);
        long amount = drawAmount(t);
        Txn s = request(t, start, "0200", "000000", amount, pan, Outcome.APPROVED, null, null);
        String saleReceipt = receipt(t, s.respAt + receiptDelay(), "SALE", amount, null, true, Tend.card(t.id, s, amount));
        Txn v = request(t, later(s.respAt), "0200", "020000", amount, pan, Outcome.APPROVED, s.stan, s.rrn);
        long at = v.respAt + receiptDelay();
        receipt(t, at, "VOID", amount, saleReceipt, false, Tend.card(t.id, v, amount));
        if (o.coincidences() && rnd.nextInt(4) == 0) {
            // the cashier tries to void the void: the host declines it, nothing changes
            Txn vv = request(t, later(v.respAt), "0200", "020000", amount, pan, Outcome.DECLINED, v.stan, v.rrn);
            at = vv.respAt;
        }
        return at;
    }

    /** The planted cases a cashier causes at the till (a keyed amount, a failed swipe closed as paid, a refund). */
    private static boolean atTill(Variant v) {
        return switch (v) {
            case KEYED_LOW, KEYED_HIGH, DECLINED_PAID, TIMEOUT_PAID, REFUND_OTHER_CARD, REFUND_LARGER,
                 REFUND_REPEATED -> true;
            default -> false;
        };
    }

    private long plant(Term t, long start, Variant v) {
        traineeAtTill = o.traineeCashier() != null && atTill(v);
        plantedCashiers = new HashMap<>();
        try {
            return plantCase(t, start, v);
        } finally {
            traineeAtTill = false;
            plantedCashiers = null;
        }
    }

    private long plantCase(Term t, long start, Variant v) {
        String pan = Pans.random(rnd);
        switch (v) {
            case KEYED_LOW -> {
                long amount = drawAmount(t, 500, 30_000);
                long onReceipt = amount * 10;
                remember(t, onReceipt);
                Txn x = request(t, start, "0200", "000000", amount, pan, Outcome.APPROVED, null, null);
                settleSale(t, x, o.feeRatePercent());
                long at = x.respAt + receiptDelay();
                String no = receipt(t, at, "SALE", onReceipt, null, true, Tend.card(t.id, x, onReceipt));
                truth(v, t, x.stan, no, onReceipt - amount);
                return at;
            }
            case KEYED_HIGH -> {
                long onReceipt = 5 * drawAmount(t, 100, 40_000);
                long amount = onReceipt / 5 * 6;
                remember(t, onReceipt);
                remember(t, amount);
                Txn x = request(t, start, "0200", "000000", amount, pan, Outcome.APPROVED, null, null);
                settleSale(t, x, o.feeRatePercent());
                long at = x.respAt + receiptDelay();
                String no = receipt(t, at, "SALE", onReceipt, null, true, Tend.card(t.id, x, onReceipt));
                truth(v, t, x.stan, no, amount - onReceipt);
                return at;
            }
            case DECLINED_PAID, TIMEOUT_PAID -> {
                long amount = drawAmount(t);
                Txn x = request(t, start, "0200", "000000", amount, pan,
                        v == Variant.DECLINED_PAID ? Outcome.DECLINED : Outcome.TIMEOUT, null, null);
                long at = (v == Variant.DECLINED_PAID ? x.respAt : x.reqAt + TIMEOUT) + receiptDelay();
                Tend slip = new Tend("CARD", amount, t.id, x.stan, null, null, pan.substring(pan.length() - 4));
                String no = receipt(t, at, "SALE", amount, null, true, slip);
                truth(v, t, x.stan, no, amount);
                return at;
            }
            case REFUND_NO_RETURN, REFUND_OTHER_CARD, REFUND_LARGER, REFUND_REPEATED -> {
                return plantRefund(t, start, v, pan);
            }
            case VOID_SETTLED, REVERSAL_SETTLED -> {
                long amount = drawAmount(t);
                Txn s = request(t, start, "0200", "000000", amount, pan, Outcome.APPROVED, null, null);
                settleSale(t, s, o.feeRatePercent());
                String saleReceipt = receipt(t, s.respAt + receiptDelay(), "SALE", amount, null, true,
                        Tend.card(t.id, s, amount));
                Txn c = v == Variant.VOID_SETTLED
                        ? request(t, later(s.respAt), "0200", "020000", amount, pan, Outcome.APPROVED, s.stan, s.rrn)
                        : request(t, later(s.respAt), "0400", "000000", amount, pan, Outcome.APPROVED, s.stan, s.rrn);
                long at = c.respAt + receiptDelay();
                receipt(t, at, "VOID", amount, saleReceipt, false, Tend.card(t.id, c, amount));
                truth(v, t, s.stan, saleReceipt, amount);
                return at;
            }
            case REVERSAL_FAILED -> {
                long amount = drawAmount(t);
                Txn first = request(t, start, "0200", "000000", amount, pan, Outcome.TIMEOUT, null, null);
                Txn rev = request(t, first.reqAt + TIMEOUT + 500 + rnd.nextInt(2000), "0400", "000000", amount, pan,
                        Outcome.TIMEOUT, first.stan, null);
                Txn second = request(t, rev.reqAt + TIMEOUT + 5 * SECOND + rnd.nextLong(40 * SECOND), "0200", "000000",
                        amount, pan, Outcome.APPROVED, null, null);
                // the acquirer did approve the first attempt: the terminal never saw its RRN and auth code
                first.rrn = nextRrn();
                first.auth = authCode();
                settleSale(t, first, o.feeRatePercent());
                settleSale(t, second, o.feeRatePercent());
                long at = second.respAt + receiptDelay();
                String no = receipt(t, at, "SALE", amount, null, true, Tend.card(t.id, second, amount));
                truth(v, t, first.stan, no, amount);
                return at;
            }
            case NOT_SETTLED, NO_RECEIPT, FEE_RATE -> {
                long amount = v == Variant.FEE_RATE ? drawAmount(t, 5000, 300_000) : drawAmount(t);
                Txn x = request(t, start, "0200", "000000", amount, pan, Outcome.APPROVED, null, null);
                long at = x.respAt + receiptDelay();
                String no = v == Variant.NO_RECEIPT ? "" : receipt(t, at, "SALE", amount, null, true,
                        Tend.card(t.id, x, amount));
                long stake = amount;
                if (v == Variant.FEE_RATE) {
                    settleSale(t, x, feeMismatchRate);
                    stake = fee(amount, feeMismatchRate) - fee(amount, o.feeRatePercent());
                } else if (v == Variant.NO_RECEIPT) {
                    settleSale(t, x, o.feeRatePercent());
                }
                truth(v, t, x.stan, no, stake);
                return at;
            }
            case NO_TERMINAL_RECORD -> {
                Txn x = new Txn();
                ++unknownStan;
                // coincidences: the acquirer's unknown line carries the STAN of a sale it settled on this terminal
                x.stan = o.coincidences() && t.lastSettledStan != null ? t.lastSettledStan : zpad(unknownStan, 6);
                x.rrn = nextRrn();
                x.auth = authCode();
                x.reqAt = start;
                x.respAt = start;
                x.amount = drawAmount(t);
                x.pan = pan;
                x.approved = true;
                transactions++;
                settleSale(t, x, o.feeRatePercent());
                truth(v, t, x.stan, "", x.amount);
                return start;
            }
            default -> throw new IllegalStateException("unplanned variant " + v);
        }
    }

    private long plantRefund(Term t, long start, Variant v, String pan) {
        Txn[] sale = new Txn[1];
        long amount = drawAmount(t, 2000, 300_000);
        String saleReceipt = settledSale(t, start, amount, pan, sale);
        long refund = v == Variant.REFUND_LARGER ? drawAmount(t, amount + 100, amount + 20_000)
                : drawAmount(t, Math.max(1, amount / 5), amount - 1);
        String refundPan = v == Variant.REFUND_OTHER_CARD ? Pans.random(rnd) : pan;
        Txn x = request(t, later(sale[0].respAt), "0200", "200000", refund, refundPan, Outcome.APPROVED, null, null);
        settleRefund(t, x);
        long at = x.respAt + receiptDelay();
        String no = v == Variant.REFUND_NO_RETURN ? ""
                : receipt(t, at, "RETURN", refund, saleReceipt, true, Tend.card(t.id, x, refund));
        Txn named = x;
        if (v == Variant.REFUND_REPEATED) {
            named = request(t, later(at), "0200", "200000", refund, refundPan, Outcome.APPROVED, null, null);
            settleRefund(t, named);
            at = named.respAt;
        }
        long stake = v == Variant.REFUND_LARGER ? refund - amount : refund;
        truth(v, t, named.stan, no, stake);
        return at;
    }

    private void truth(Variant v, Term t, String stan, String receiptNo, long amount) {
        truth.add(new TruthRow(v.type, t.id, stan, receiptNo, amount, plantedCashiers.getOrDefault(receiptNo, ""),
                v.reason));
    }

    // ---------------------------------------------------------------- terminal log

    /**
     * Logs a request and, unless it times out, its response. {@code originalStan} makes a void or reversal (field
     * 90); {@code rrn} is the original's RRN that a void or reversal carries in field 37.
     */
    private Txn request(Term t, long at, String mti, String proc, long amount, String pan, Outcome outcome,
                        String originalStan, String rrn) {
        transactions++;
        t.stan = t.stan % 999_999 + 1;
        Txn x = new Txn();
        x.stan = zpad(t.stan, 6);
        x.reqAt = at;
        x.amount = amount;
        x.pan = pan;
        String entry = rnd.nextInt(3) == 0 ? "021" : rnd.nextBoolean() ? "051" : "071";
        buf.reset();
        entryOpen(t.realm, at, 1 + rnd.nextInt(20));
        isoOpen(true);
        field(0, mti);
        field(2, pan);
        field(3, proc);
        field(4, amount12(amount));
        field7(at);
        field(11, x.stan);
        field12(at);
        field13();
        field(22, entry);
        if (rrn != null) {
            field(37, rrn);
        }
        field(41, t.id);
        field(42, t.merchantId);
        field(49, currencyNumeric);
        if (originalStan != null) {
            field(90, "0200" + originalStan + "00000000000000000000000000000000");
        }
        isoClose(true);
        logQueue.add(at, buf.toArray());
        if (outcome == Outcome.TIMEOUT) {
            x.respAt = at + TIMEOUT;
            t.lastTxnEnd = Math.max(t.lastTxnEnd, x.respAt);
            return x;
        }
        long resp = at + 250 + rnd.nextInt(2500);
        x.respAt = resp;
        x.approved = outcome == Outcome.APPROVED;
        boolean reversal = mti.startsWith("04");
        x.rrn = rrn != null ? rrn : reversal ? null : nextRrn();
        if (o.coincidences() && rrn == null && !reversal) {
            if (lastRrn != null && lastRrnTerminal != t.index && rnd.nextInt(15) == 0) {
                x.rrn = lastRrn; // RRNs are unique per terminal only: another terminal's host gave the same one
            } else {
                lastRrn = x.rrn;
                lastRrnTerminal = t.index;
            }
        }
        x.auth = x.approved && !reversal ? authCode() : null;
        buf.reset();
        entryOpen(t.realm, resp, (int) (resp - at));
        isoOpen(false);
        field(0, mti.substring(0, 2) + (char) (mti.charAt(2) + 1) + mti.charAt(3));
        field(3, proc);
        field(4, amount12(amount));
        field7(resp);
        field(11, x.stan);
        field12(at);
        field13();
        if (x.rrn != null) {
            field(37, x.rrn);
        }
        if (x.auth != null) {
            field(38, x.auth);
        }
        field(39, x.approved ? "00" : rnd.nextInt(3) == 0 ? "51" : "05");
        field(41, t.id);
        field(42, t.merchantId);
        field(49, currencyNumeric);
        isoClose(false);
        logQueue.add(resp, buf.toArray());
        t.lastTxnEnd = Math.max(t.lastTxnEnd, resp);
        return x;
    }

    private void entryOpen(String realm, long at, int lifespan) {
        buf.ascii("<log realm=\"").ascii(realm).ascii("\" at=\"");
        localTime(at, true);
        buf.put('"');
        if (lifespan >= 0) {
            buf.ascii(" lifespan=\"").num(lifespan).ascii("ms\"");
        }
        buf.ascii(">\n");
    }

    private void isoOpen(boolean send) {
        buf.ascii(send ? "  <send>\n    <isomsg direction=\"outgoing\">\n" : "  <receive>\n    <isomsg direction=\"incoming\">\n");
        buf.ascii("      ").ascii(PACKAGER).put('\n');
    }

    private void isoClose(boolean send) {
        buf.ascii(send ? "    </isomsg>\n  </send>\n</log>\n" : "    </isomsg>\n  </receive>\n</log>\n");
    }

    private void field(int id, String value) {
        buf.put(FIELD_OPEN).num(id).put(FIELD_MID).ascii(value).put(FIELD_CLOSE);
    }

    private void field7(long at) {
        long utc = at - offsetMillis;
        int day = (int) Math.floorDiv(utc, DAY);
        long ms = Math.floorMod(utc, DAY);
        buf.put(FIELD_OPEN).num(7).put(FIELD_MID).ascii(utcMmdd[Math.max(0, Math.min(2, day + 1))]);
        hhmmss(ms);
        buf.put(FIELD_CLOSE);
    }

    private void field12(long at) {
        buf.put(FIELD_OPEN).num(12).put(FIELD_MID);
        hhmmss(at);
        buf.put(FIELD_CLOSE);
    }

    private void field13() {
        buf.put(FIELD_OPEN).num(13).put(FIELD_MID).ascii(utcMmdd[1]).put(FIELD_CLOSE);
    }

    private void hhmmss(long ms) {
        long s = ms / SECOND;
        buf.pad(s / 3600, 2).pad(s / 60 % 60, 2).pad(s % 60, 2);
    }

    /** {@code 2026-11-20T10:15:30} or, with millis, {@code 2026-11-20T10:15:30.123}. */
    private void localTime(long at, boolean millis) {
        long s = at / SECOND;
        buf.ascii(datePrefix).pad(s / 3600, 2).put(':').pad(s / 60 % 60, 2).put(':').pad(s % 60, 2);
        if (millis) {
            buf.put('.').pad(at % SECOND, 3);
        }
    }

    private static String amount12(long minor) {
        return zpad(minor, 12);
    }

    /** {@code v} zero-padded to {@code width} digits (never cut). */
    static String zpad(long v, int width) {
        String s = Long.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private String nextRrn() {
        return rrnPrefix + zpad(++rrnSeq % 100_000_000L, 8);
    }

    private String authCode() {
        return zpad(rnd.nextInt(1_000_000), 6);
    }

    // ---------------------------------------------------------------- settlement

    static long fee(long amountMinor, BigDecimal ratePercent) {
        return BigDecimal.valueOf(amountMinor).multiply(ratePercent).movePointLeft(2)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private void settleSale(Term t, Txn x, BigDecimal rate) {
        if (x.stan != null && !x.stan.equals(t.lastSettledStan) && Integer.parseInt(x.stan) <= t.stan) {
            t.lastSettledStan = x.stan;
        }
        long fee = fee(x.amount, rate);
        settlementLine(t, x, "SALE", fee, x.amount - fee);
    }

    private void settleRefund(Term t, Txn x) {
        settlementLine(t, x, "REFUND", 0, -x.amount);
    }

    private void settlementLine(Term t, Txn x, String type, long fee, long net) {
        buf.reset();
        buf.ascii(t.merchantId).put(',').ascii(t.id).put(',');
        localTime(x.reqAt, false);
        buf.put(',').ascii(settleDate).put(',').ascii(type).put(',').money(x.amount, digits).put(',')
                .ascii(currencyCode).put(',').money(fee, digits).put(',').money(net, digits).put(',')
                .ascii(Cards.mask(x.pan)).put(',').ascii(x.auth).put(',').ascii(x.rrn).put(',').ascii(x.stan)
                .put(',').pad(t.batch, 6).put('\n');
        t.batchLines.add(buf.toArray());
        settlementLines++;
        if (t.batchLines.size() >= BATCH_LINES) {
            closeBatch(t);
        }
    }

    /** Acquirers write a terminal's batch when it closes: the file is ordered by batch, not by time. */
    private void closeBatch(Term t) {
        try {
            for (byte[] line : t.batchLines) {
                settlementOut.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        t.batchLines.clear();
        t.batch++;
    }

    // ---------------------------------------------------------------- journal

    private long receiptDelay() {
        return 2 * SECOND + rnd.nextLong(6 * SECOND);
    }

    /** A moment 15 s to 60 s after {@code t}: the next step of the same story. */
    private long later(long t) {
        return t + SPACING + rnd.nextLong(45 * SECOND);
    }

    /**
     * Writes a receipt, one row per tender, and returns its number. {@code customer}: maybe a member id, or a phone
     * or e-mail written on the receipt.
     */
    private String receipt(Term t, long at, String kind, long total, String original, boolean customer, Tend... tenders) {
        receipts++;
        String no = t.storeId + "-" + compactDate + "-" + zpad(++receiptSeq[t.store], 6);
        String member = null;
        String phone = null;
        String email = null;
        if (customer) {
            int r = rnd.nextInt(100);
            if (r < 50) {
                member = memberId(rnd.nextLong(members));
            } else if (r < 54) {
                phone = "139" + zpad(rnd.nextInt(100_000_000), 8);
            } else if (r < 56) {
                email = "guest" + rnd.nextInt(100_000) + "@example.com";
            }
        }
        String cashier = traineeAtTill || o.traineeCashier() != null
                && receiptSeq[t.store] % GeneratorOptions.TRAINEE_SHARE == 0 ? o.traineeCashier()
                : "C" + zpad(t.index * 2 + (at < 15 * HOUR ? 1 : 2), 2);
        if (plantedCashiers != null) {
            plantedCashiers.put(no, cashier);
        }
        buf.reset();
        for (Tend d : tenders) {
            buf.ascii(no).put(',').ascii(t.storeId).put(',').ascii(t.registerId).put(',').ascii(cashier).put(',');
            localTime(at, false);
            buf.put(',').ascii(kind).put(',').money(total, digits).put(',').ascii(d.tender()).put(',')
                    .money(d.amount(), digits).put(',').ascii(d.terminalId()).put(',').ascii(d.stan()).put(',')
                    .ascii(d.rrn()).put(',').ascii(d.auth()).put(',').ascii(d.last4()).put(',').ascii(original)
                    .put(',').ascii(member).put(',').ascii(phone).put(',').ascii(email).put('\n');
        }
        journalQueue.add(at, buf.toArray());
        return no;
    }

    static String memberId(long index) {
        return "M" + zpad(10_000_001L + index, 8);
    }

    // ---------------------------------------------------------------- amounts

    /** An amount in the usual basket range (5.00 to 3,000.00 in a 2-decimal currency) new on this terminal. */
    private long drawAmount(Term t) {
        int tier = rnd.nextInt(10);
        return tier < 6 ? drawAmount(t, 500, 10_000) : tier < 9 ? drawAmount(t, 10_001, 50_000)
                : drawAmount(t, 50_001, 300_000);
    }

    /** An amount in [lo, hi] that none of the terminal's last 64 amounts has. */
    private long drawAmount(Term t, long lo, long hi) {
        long a = lo;
        for (int i = 0; i < 20; i++) {
            a = lo + rnd.nextLong(Math.max(1, hi - lo + 1));
            if (!seen(t, a)) {
                break;
            }
        }
        remember(t, a);
        return a;
    }

    private static boolean seen(Term t, long a) {
        for (long r : t.recent) {
            if (r == a) {
                return true;
            }
        }
        return false;
    }

    private static void remember(Term t, long a) {
        t.recent[t.recentPos] = a;
        t.recentPos = (t.recentPos + 1) % RECENT;
    }

    // ---------------------------------------------------------------- truth, customers

    private void writeTruth(Path p) throws IOException {
        truth.sort(Comparator.comparing((TruthRow r) -> r.type().name()).thenComparing(TruthRow::terminalId)
                .thenComparing(TruthRow::stan).thenComparing(TruthRow::reason));
        try (OutputStream out = open(p)) {
            out.write(ascii(TRUTH_HEADER + "\n"));
            for (TruthRow r : truth) {
                buf.reset();
                buf.ascii(r.type().name()).put(',').ascii(r.terminalId()).put(',').ascii(r.stan()).put(',')
                        .ascii(r.receiptNo()).put(',').money(r.amount(), digits).put(',').ascii(r.cashierId()).put(',')
                        .ascii(r.reason()).put('\n');
                buf.writeTo(out);
            }
        }
    }

    private void writeCustomers(Path p) throws IOException {
        try (OutputStream out = open(p)) {
            out.write(ascii(CUSTOMERS_HEADER + "\n"));
            for (long i = 0; i < members; i++) {
                buf.reset();
                if (Customers.row(o.seed(), i, o.date().getYear(), buf)) {
                    buf.writeTo(out);
                }
            }
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
