package dev.posrecon.cli;

import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.cases.Evidence;
import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.cases.Severity;
import dev.posrecon.core.contact.ContactAdvice;
import dev.posrecon.core.contact.ContactOption;
import dev.posrecon.core.contact.ContactRoute;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.ReceiptKind;
import dev.posrecon.core.model.Source;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.Tender;
import dev.posrecon.core.model.TenderType;
import dev.posrecon.core.model.TerminalRecord;
import dev.posrecon.core.model.TxnKind;
import dev.posrecon.core.store.Ledger;
import dev.posrecon.core.store.LedgerRun;
import dev.posrecon.core.store.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Black-box tests of cases, audit and receipt: a ledger seeded through the API, then the command line; on an H2 file
 * and on PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class LedgerCommandsTest {
    @Parameter
    TestDb ledgerDb;

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @TempDir
    Path dir;

    private String db;

    record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static ReconCase overCharge(String id, long minor) {
        Evidence ev = new Evidence(Source.TERMINAL, new SourceRef("term.xml", 12), "sale",
                Map.of("amount", Money.format(minor, CNY)));
        ContactAdvice advice = new ContactAdvice(List.of(new ContactOption(ContactRoute.SMS, "138****1111",
                "member prefers SMS")), "preferred channel", "", "en", "Dear customer, we owe you a refund.");
        return new ReconCase(id, CaseType.OVER_CHARGE, Severity.MEDIUM, Direction.MERCHANT_OWES_CUSTOMER,
                Money.of(minor, CNY), DAY, "M100", "T1", "R-1001", "41", "000000000041", "A41", "622202******1234",
                "MB1", DAY.atTime(14, 3), "KEYED_HIGH", "Charged more than the receipt.", "TERMINAL_RRN", false,
                List.of(ev), advice);
    }

    @BeforeEach
    void seed() throws Exception {
        db = ledgerDb.newLedger(dir);
        LocalDateTime t = DAY.atTime(14, 3);
        TerminalRecord sale = new TerminalRecord(new SourceRef("term.xml", 10), new SourceRef("term.xml", 30), "0200",
                TxnKind.SALE, "000000", "T1", "M100", "41", "000000000041", "A41", "00", true, Money.of(1100, CNY),
                "622202******1234", t, null, null);
        Receipt receipt = new Receipt(new SourceRef("journal.csv", 2), "R-1001", "S1", "R2", "C7", t,
                ReceiptKind.SALE, Money.of(1000, CNY), List.of(new Tender(new SourceRef("journal.csv", 2),
                TenderType.CARD, Money.of(1000, CNY), "T1", "41", null, null, "1234")), null, "MB1", null, null);
        Files.writeString(dir.resolve("journal.csv"), "receipt_no\nR-1001\n");
        try (Ledger ledger = Ledger.open(db); LedgerRun run = ledger.beginRun("cron", "", Instant.now())) {
            run.registerFile(dir.resolve("journal.csv"), "journal.csv", "JOURNAL", false);
            run.saveRecords(List.of(sale), List.of(), List.of(receipt), r -> "IN_CASE");
            run.syncCases(List.of(overCharge("C-OVER-1", 100), overCharge("C-OVER-2", 5000)), Set.of(DAY),
                    Instant.now());
            run.recordCounts("journal.csv", 1, 3);
            run.commit();
        }
    }

    @Test
    void listsCasesAsAnEightyColumnTableAndAsCsvAndJson() {
        Result r = run("cases", "list", "--db", db);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("ID           DATE       TYPE               STATUS      TERMINAL     AMOUNT  AGE")
                .contains("C-OVER-1     2026-11-20 OVER_CHARGE        OPEN        T1             1.00    0")
                .contains("2 cases");
        assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));

        Result big = run("cases", "list", "--db", db, "--min-amount", "10", "--format", "csv");
        assertThat(big.out().lines().toList()).hasSize(2);
        assertThat(big.out()).startsWith("case_id,type,severity,direction,amount_at_stake,currency")
                .contains("C-OVER-2,OVER_CHARGE,MEDIUM,MERCHANT_OWES_CUSTOMER,50.00,CNY,2026-11-20");

        Result json = run("cases", "list", "--db", db, "--status", "open", "--format", "json");
        assertThat(json.out()).contains("\"case_id\" : \"C-OVER-1\"").contains("\"evidence\"");
    }

    @Test
    void updatesAndShowsACaseWithItsHistory() {
        Result u = run("cases", "update", "C-OVER-1", "--status", "CONTACTED", "--note", "texted the customer",
                "--by", "carol", "--db", db);
        assertThat(u.code()).as(u.err()).isZero();
        assertThat(u.out()).isEqualTo("C-OVER-1: CONTACTED (texted the customer)\n");

        Result s = run("cases", "show", "C-OVER-1", "--db", db);
        assertThat(s.code()).isZero();
        assertThat(s.out()).contains("Case C-OVER-1")
                .contains("status           CONTACTED, 0 day(s) open")
                .contains("1. SMS 138****1111: member prefers SMS")
                .contains("draft (en): Dear customer, we owe you a refund.")
                .contains("sale - TERMINAL term.xml:12")
                .contains("posrecon  OPEN: created by run 1")
                .contains("carol  OPEN -> CONTACTED: texted the customer");
    }

    @Test
    void refusesAnIllegalTransitionWithExitCode2() {
        run("cases", "update", "C-OVER-1", "--status", "WRITTEN_OFF", "--note", "small", "--db", db);
        Result r = run("cases", "update", "C-OVER-1", "--status", "CONTACTED", "--note", "x", "--db", db);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("posrecon: case C-OVER-1 cannot go from WRITTEN_OFF to CONTACTED;"
                + " from WRITTEN_OFF it can go to OPEN\n");
        Result unknown = run("cases", "show", "NOPE", "--db", db);
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no case 'NOPE'");
    }

    @Test
    void exportsCasesForTheAccountant() throws Exception {
        Path out = dir.resolve("export/cases.json");
        Result r = run("cases", "export", "--out", out.toString(), "--format", "json", "--db", db);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 case(s) written");
        assertThat(Files.readString(out)).contains("\"history\"").contains("C-OVER-2");
    }

    @Test
    void auditsADay() {
        Result r = run("audit", "--date", "2026-11-20", "--db", db);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Audit of 2026-11-20, all terminals")
                .contains("T1         CNY     1         11.00     0          0.00     1         10.00")
                .contains("OVER_CHARGE          CNY      2            51.00")
                .contains("journal.csv");
        assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        Result json = run("audit", "--date", "2026-11-20", "--terminal", "T1", "--format", "json", "--db", db);
        assertThat(json.out()).contains("\"terminal\":\"T1\"").contains("\"rejects\":3");
        assertThat(run("audit", "--db", db).code()).isEqualTo(2);
    }

    @Test
    void findsAndReprintsAReceipt() {
        Result f = run("receipt", "find", "--card-last4", "1234", "--db", db);
        assertThat(f.code()).as(f.err()).isZero();
        assertThat(f.out()).contains("R-1001               SALE   11-20 14:03      10.00 T1       1234 000000000041");
        Result p = run("receipt", "reprint", "R-1001", "--merchant", "Corner Shop", "--db", db);
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(p.out()).contains("Corner Shop").contains("*** DUPLICATE - NOT AN ORIGINAL ***")
                .contains("RRN      000000000041").contains("STAN     41").contains("Auth     A41");
        Result none = run("receipt", "find", "--db", db);
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("give at least one of");
    }

    /** A mistyped --db must not answer "0 receipts" from a new empty ledger it has just created. */
    @Test
    void aLedgerPathWithNoLedgerIsRefusedAndNotCreated() {
        String typo = ledgerDb == TestDb.H2 ? dir.resolve("ledgr").toString() : ledgerDb.newLedger(dir);
        String refusal = ledgerDb == TestDb.H2 ? "no ledger at " + typo + ".mv.db" : "no ledger in " + typo;
        for (String[] args : List.of(new String[] {"receipt", "find", "--rrn", "000000000041"},
                new String[] {"receipt", "reprint", "R-1001"}, new String[] {"cases", "list"},
                new String[] {"audit", "--date", "2026-11-20"})) {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--db", typo));
            Result r = run(all.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).contains(refusal).doesNotContain("Exception");
        }
        assertThat(dir.resolve("ledgr.mv.db")).doesNotExist();
    }

    @Test
    void aLedgerThatCannotBeOpenedIsAStoreError() {
        Result r = run("cases", "list", "--db", "jdbc:nosuchdriver:x");
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).startsWith("posrecon: cannot open the ledger jdbc:nosuchdriver:x");
    }
}
