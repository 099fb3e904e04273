package dev.posrecon.core.store;

import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.error.ReconException;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.ReceiptKind;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.Tender;
import dev.posrecon.core.model.TenderType;
import dev.posrecon.core.model.TerminalRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static dev.posrecon.core.store.Fixtures.DAY;
import static dev.posrecon.core.store.Fixtures.cny;
import static dev.posrecon.core.store.Fixtures.receipt;
import static dev.posrecon.core.store.Fixtures.reconCase;
import static dev.posrecon.core.store.Fixtures.sale;
import static dev.posrecon.core.store.Fixtures.settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class AuditAndReceiptTest {
    @Parameter
    TestDb db;

    private static final Instant T0 = Instant.parse("2026-11-21T02:00:00Z");

    @TempDir
    Path dir;

    private String url;

    /** T1: two sales approved (10.00, 20.00), one settled, both rung up; T2: a sale of 5.00 settled, not rung up. */
    @BeforeEach
    void seed() throws Exception {
        url = db.newLedger(dir);
        LocalDateTime t = DAY.atTime(14, 3);
        TerminalRecord s1 = sale("term.xml", 10, "T1", "41", "000000000041", 1000, t);
        TerminalRecord s2 = sale("term.xml", 40, "T1", "42", "000000000042", 2000, t.plusMinutes(5));
        TerminalRecord s3 = sale("term.xml", 70, "T2", "43", "000000000043", 500, t.plusMinutes(9));
        // the day before the business-day start (04:00) still belongs to the previous day
        TerminalRecord early = sale("term.xml", 90, "T1", "44", "000000000044", 700, DAY.plusDays(1).atTime(3, 0));
        SettlementRecord st1 = settled("settle.csv", 2, "T1", "41", "000000000041", 1000, t);
        SettlementRecord st3 = settled("settle.csv", 3, "T2", "43", "000000000043", 500, t.plusMinutes(9));
        Receipt r1 = receipt("journal.csv", 2, "R-1001", 1000, t, "T1", "000000000041");
        Receipt r2 = new Receipt(new SourceRef("journal.csv", 3), "R-1002", "S1", "R2", "C7", t.plusMinutes(5),
                ReceiptKind.SALE, cny(2500), List.of(
                new Tender(new SourceRef("journal.csv", 3), TenderType.CARD, cny(2000), "T1", "42", null, null,
                        "1234"),
                new Tender(new SourceRef("journal.csv", 4), TenderType.CASH, cny(500), null, null, null, null, null)),
                null, null, null, null);
        try (Ledger ledger = Ledger.open(url); LedgerRun run = ledger.beginRun("cron", "", T0)) {
            run.useConfig(ReconConfig.builder().businessDayStart(LocalTime.of(4, 0)).build());
            run.registerFile(Fixtures.file(dir, "term.xml", "<log/>"), "term.xml", "TERMINAL", false);
            run.registerFile(Fixtures.file(dir, "settle.csv", "s\n"), "settle.csv", "SETTLEMENT", false);
            run.registerFile(Fixtures.file(dir, "journal.csv", "j\n"), "journal.csv", "JOURNAL", false);
            run.saveRecords(List.of(s1, s2, s3, early), List.of(st1, st3), List.of(r1, r2),
                    r -> r == s2 ? "OPEN" : r == s3 || r == st3 ? "IN_CASE" : "MATCHED");
            run.syncCases(List.of(reconCase("C-1", CaseType.MISSING_RECEIPT, 500, DAY, "T2"),
                    reconCase("C-2", CaseType.OVER_CHARGE, 300, DAY, "T1"),
                    reconCase("C-3", CaseType.OVER_CHARGE, 200, DAY, "T1")), Set.of(DAY), T0);
            run.recordCounts("term.xml", 4, 0);
            run.recordCounts("settle.csv", 2, 1);
            run.recordCounts("journal.csv", 3, 2);
            run.commit();
        }
    }

    @Test
    void auditShowsTheDayPerTerminalWithOpenCasesAndRejects() {
        try (Ledger ledger = Ledger.open(url)) {
            ledger.updateStatus("C-3", CaseStatus.RESOLVED, "ok", "u", T0);
            AuditReport a = ledger.audit(DAY, null);
            assertThat(a.terminals()).containsExactly(
                    new AuditReport.TerminalLine("T1", "CNY", 3, 3700, 1, 1000, 2, 3000, 1),
                    new AuditReport.TerminalLine("T2", "CNY", 1, 500, 1, 500, 0, 0, 0));
            assertThat(a.openCases()).containsExactly(new AuditReport.CaseLine("MISSING_RECEIPT", "CNY", 1, 500),
                    new AuditReport.CaseLine("OVER_CHARGE", "CNY", 1, 300));
            assertThat(a.files()).extracting(AuditReport.FileLine::file, AuditReport.FileLine::rejects)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("journal.csv", 2L),
                            org.assertj.core.groups.Tuple.tuple("settle.csv", 1L),
                            org.assertj.core.groups.Tuple.tuple("term.xml", 0L));
            String text = a.toText();
            assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
            assertThat(text).contains("T1         CNY     3         37.00     1         10.00     2         30.00")
                    .contains("T1: approved - settled = 27.00, approved - rung up = 7.00 CNY")
                    .contains("OVER_CHARGE          CNY      1             3.00");
            assertThat(a.toJson()).contains("\"approved_amount\":\"37.00\"").contains("\"rejects\":2");

            AuditReport t2 = ledger.audit(DAY, "T2");
            assertThat(t2.terminals()).extracting(AuditReport.TerminalLine::terminalId).containsExactly("T2");
            assertThat(t2.openCases()).containsExactly(new AuditReport.CaseLine("MISSING_RECEIPT", "CNY", 1, 500));
            assertThat(ledger.audit(DAY.minusDays(5), null).toText()).contains("No records of this day");
        }
    }

    @Test
    void findsReceiptsByPartialDetails() {
        try (Ledger ledger = Ledger.open(url)) {
            assertThat(ledger.findReceipts(new ReceiptQuery(null, null, "1234", null, null, null, null)))
                    .extracting(ReceiptMatch::receiptNo).containsExactly("R-1001", "R-1002");
            assertThat(ledger.findReceipts(new ReceiptQuery(DAY, "20.00", null, null, null, null, null)))
                    .extracting(ReceiptMatch::receiptNo).containsExactly("R-1002");
            assertThat(ledger.findReceipts(new ReceiptQuery(DAY, "25", null, null, null, null, null)))
                    .extracting(ReceiptMatch::receiptNo).containsExactly("R-1002");
            List<ReceiptMatch> byRrn = ledger.findReceipts(
                    new ReceiptQuery(null, null, null, null, "000000000041", "T1", null));
            assertThat(byRrn).hasSize(1);
            assertThat(byRrn.get(0).total()).isEqualTo(cny(1000));
            assertThat(byRrn.get(0).ref()).isEqualTo(new SourceRef("journal.csv", 2));
            assertThat(ledger.findReceipts(new ReceiptQuery(DAY.plusDays(1), null, null, null, null, null, null)))
                    .isEmpty();
            assertThatThrownBy(() -> ledger.findReceipts(new ReceiptQuery(null, null, null, null, null, null, null)))
                    .isInstanceOfSatisfying(ReconException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
        }
    }

    @Test
    void reprintsAReceiptMarkedDuplicateCompletedFromTheTerminalRecord() {
        try (Ledger ledger = Ledger.open(url)) {
            String text = ledger.reprint("R-1001", null, null);
            assertThat(text).contains("posrecon demo store")
                    .contains("*** DUPLICATE - NOT AN ORIGINAL ***")
                    .contains("Receipt").contains("R-1001")
                    .contains("2026-11-20 14:03:00")
                    .contains("10.00 CNY")
                    .contains("**** **** **** 1234")
                    .contains("Terminal T1  Merchant M100")
                    .contains("Auth     A41")
                    .contains("RRN      000000000041")
                    .contains("STAN     41");
            assertThat(ledger.reprint("000000000041", DAY, "Shop 7")).startsWith(" ".repeat(17) + "Shop 7\n");
            // the tender printed STAN only: RRN and auth code come from the terminal record
            assertThat(ledger.reprint("R-1002", null, null)).contains("RRN      000000000042")
                    .contains("Auth     A42").contains("CASH").contains("5.00");
            assertThatThrownBy(() -> ledger.reprint("R-9", null, null)).hasMessageContaining("no receipt with");
        }
    }
}
