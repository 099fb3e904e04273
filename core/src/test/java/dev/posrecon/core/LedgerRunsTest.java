package dev.posrecon.core;

import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.error.ReconException;
import dev.posrecon.core.store.CaseFilter;
import dev.posrecon.core.store.CaseStatus;
import dev.posrecon.core.store.Ledger;
import dev.posrecon.core.store.StoredCase;
import dev.posrecon.core.store.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nightly runs against a real ledger (H2 file and PostgreSQL): open items carried across days and settled by a later day's file,
 * ageing into UNSETTLED_SALE after the lag, idempotent re-runs, auto-close when a late file arrives.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class LedgerRunsTest extends LedgerRunFixture {
    @Override
    int settlementLagDays() {
        return 1;
    }

    /** A sale request + approved response in jPOS XML. */
    static String sale(String date, String time, String stan, long amountMinor, String rrn) {
        String d = date.substring(5, 7) + date.substring(8, 10);
        String t = time.replace(":", "");
        String common = "<field id=\"3\" value=\"000000\"/><field id=\"4\" value=\"" + amountMinor + "\"/>"
                + "<field id=\"11\" value=\"" + stan + "\"/><field id=\"12\" value=\"" + t + "\"/>"
                + "<field id=\"13\" value=\"" + d + "\"/><field id=\"41\" value=\"T1\"/><field id=\"42\" value=\"M1\"/>"
                + "<field id=\"49\" value=\"156\"/>";
        return "<log realm=\"pos\" at=\"" + date + "T" + time + ".000\"><send><isomsg><field id=\"0\" value=\"0200\"/>"
                + "<field id=\"2\" value=\"6222021234567891234\"/>" + common + "</isomsg></send></log>\n"
                + "<log realm=\"pos\" at=\"" + date + "T" + time + ".500\"><receive><isomsg><field id=\"0\" value=\"0210\"/>"
                + common + "<field id=\"37\" value=\"" + rrn + "\"/><field id=\"38\" value=\"A" + stan + "\"/>"
                + "<field id=\"39\" value=\"00\"/></isomsg></receive></log>\n";
    }

    Path log(String name, String... entries) throws IOException {
        return log(dir, name, entries);
    }

    Path settlement(String name, String... lines) throws IOException {
        return settlement(dir, name, lines);
    }

    Path journal(String name, String... lines) throws IOException {
        return journal(dir, name, lines);
    }

    static Path log(Path dir, String name, String... entries) throws IOException {
        return Files.writeString(dir.resolve(name), "<logger>\n" + String.join("", entries) + "</logger>\n");
    }

    static Path settlement(Path dir, String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), "merchant_id,terminal_id,txn_time,settle_date,type,amount,currency,"
                + "fee,net,card,auth_code,rrn,stan,batch\n" + String.join("\n", lines) + "\n");
    }

    static Path journal(Path dir, String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), "receipt_no,time,kind,total,tender,tender_amount,terminal_id,stan,"
                + "rrn,card_last4\n" + String.join("\n", lines) + "\n");
    }

    /**
     * A day's log, settlement and journal in {@code dir}, named after the day: one sale of 50.00 at 10:00, settled,
     * with no receipt (one MISSING_RECEIPT case of that day), and a cash sale.
     */
    static Path[] settledSaleWithoutReceipt(Path dir, String day, String stan, String rrn) throws IOException {
        String settle = LocalDate.parse(day).plusDays(1).toString();
        return new Path[] {log(dir, "t-" + day + ".xml", sale(day, "10:00:00", stan, 5000, rrn)),
                settlement(dir, "s-" + day + ".csv", "M1,T1," + day + "T10:00:00," + settle + ",SALE,50.00,CNY,0.30,"
                        + "49.70,622202******1234,A" + stan + "," + rrn + "," + stan + ",B1"),
                // a cash receipt (not reconciled) so that each day's journal has content of its own
                journal(dir, "j-" + day + ".csv", "C-" + day + "," + day + "T12:00:00,SALE,5.00,CASH,5.00,,,,")};
    }

    ReconOutcome run(LocalDate date, boolean reload, Path t, Path s, Path j) {
        return run(date, reload, 1, t, s, j);
    }

    ReconOutcome run(LocalDate date, boolean reload, int threads, Path t, Path s, Path j) {
        return Posrecon.reconcile(new ReconRequest(List.of(t), List.of(s), List.of(j), List.of(), null, null, null, date,
                config, dir.resolve("out"), Set.of("csv"), url, false, reload, false, threads, "test"));
    }

    List<StoredCase> cases() {
        try (Ledger l = Ledger.open(url)) {
            return new ArrayList<>(l.listCases(CaseFilter.all()));
        }
    }

    @Test
    void openItemSettledByALaterDaysFileIsMatchedWithItsReceipt() throws Exception {
        Path t1 = log("t1.xml", sale("2026-11-20", "10:00:00", "000001", 5000, "100000000001"));
        Path s1 = settlement("s1.csv");
        Path j1 = journal("j1.csv", "R1,2026-11-20T10:00:05,SALE,50.00,CARD,50.00,T1,000001,100000000001,1234");
        ReconOutcome day1 = run(LocalDate.of(2026, 11, 20), false, t1, s1, j1);
        assertThat(day1.cases()).isEmpty();
        assertThat(day1.counts().get(dev.posrecon.core.model.Source.TERMINAL).open()).isEqualTo(1);

        Path t2 = log("t2.xml", sale("2026-11-21", "11:00:00", "000002", 7000, "100000000002"));
        Path s2 = settlement("s2.csv",
                "M1,T1,2026-11-20T10:00:00,2026-11-21,SALE,50.00,CNY,0.30,49.70,622202******1234,A000001,100000000001,000001,B1",
                "M1,T1,2026-11-21T11:00:00,2026-11-22,SALE,70.00,CNY,0.42,69.58,622202******1234,A000002,100000000002,000002,B2");
        Path j2 = journal("j2.csv", "R2,2026-11-21T11:00:05,SALE,70.00,CARD,70.00,T1,000002,100000000002,1234");
        ReconOutcome day2 = run(null, false, t2, s2, j2);
        assertThat(day2.cases()).as("the day-1 sale found its day-2 settlement line and kept its receipt").isEmpty();
        assertThat(day2.counts().get(dev.posrecon.core.model.Source.TERMINAL).carried()).isEqualTo(1);
        assertThat(day2.counts().values()).allMatch(c -> c.balanced());
    }

    @Test
    void openItemAgesIntoUnsettledSaleAfterTheLag() throws Exception {
        Path t1 = log("t1.xml", sale("2026-11-20", "10:00:00", "000001", 5000, "100000000001"));
        Path j1 = journal("j1.csv", "R1,2026-11-20T10:00:05,SALE,50.00,CARD,50.00,T1,000001,100000000001,1234");
        assertThat(run(null, false, t1, settlement("s1.csv"), j1).cases()).isEmpty();
        // next day, nothing for it: lag of one day has passed
        Path t2 = log("t2.xml", sale("2026-11-21", "11:00:00", "000002", 7000, "100000000002"));
        Path s2 = settlement("s2.csv",
                "M1,T1,2026-11-21T11:00:00,2026-11-22,SALE,70.00,CNY,0.42,69.58,622202******1234,A000002,100000000002,000002,B2");
        Path j2 = journal("j2.csv", "R2,2026-11-21T11:00:05,SALE,70.00,CARD,70.00,T1,000002,100000000002,1234");
        ReconOutcome day2 = run(null, false, t2, s2, j2);
        assertThat(day2.cases()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(CaseType.UNSETTLED_SALE);
            assertThat(c.businessDate()).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(c.receiptNo()).isEqualTo("R1");
        });
        assertThat(day2.newCases()).isEqualTo(1);

        // the late settlement file arrives: the sale settles, the case closes by itself
        Path late = settlement("late.csv",
                "M1,T1,2026-11-20T10:00:00,2026-11-23,SALE,50.00,CNY,0.30,49.70,622202******1234,A000001,100000000001,000001,B9");
        ReconOutcome day3 = run(null, false, log("t3.xml"), late, journal("j3.csv"));
        assertThat(day3.cases()).isEmpty();
        assertThat(cases()).singleElement().satisfies(sc -> {
            assertThat(sc.status()).isEqualTo(CaseStatus.RESOLVED);
        });
    }

    /** A day's log, settlement and journal: one sale, settled, with no receipt (one MISSING_RECEIPT case). */
    Path[] settledSaleWithoutReceipt() throws Exception {
        return settledSaleWithoutReceipt(dir, "2026-11-20", "000001", "100000000001");
    }

    @Test
    void reRunningTheSameDayAddsNoCaseAndKeepsStatus() throws Exception {
        Path[] day = settledSaleWithoutReceipt();
        Path t1 = day[0];
        Path s1 = day[1];
        Path j1 = day[2];
        ReconOutcome first = run(null, false, t1, s1, j1);
        assertThat(first.cases()).extracting(c -> c.type()).containsExactly(CaseType.MISSING_RECEIPT);
        String id = first.cases().get(0).caseId();
        try (Ledger l = Ledger.open(url)) {
            l.updateStatus(id, CaseStatus.CONTACTED, "called the cashier", "amy", Instant.parse("2026-11-21T02:00:00Z"));
        }
        assertThatThrownBy(() -> run(null, false, t1, s1, j1)).isInstanceOf(ReconException.class)
                .hasMessageContaining("already loaded by run 1").hasMessageContaining("--reload");
        ReconOutcome again = run(null, true, t1, s1, j1);
        assertThat(again.newCases()).isZero();
        assertThat(again.cases()).extracting(c -> c.caseId()).containsExactly(id);
        assertThat(cases()).singleElement().satisfies(sc -> assertThat(sc.status()).isEqualTo(CaseStatus.CONTACTED));
    }

    @Test
    void aFileLoadedBeforeIsRefusedWhicheverThreadFingerprintedIt() throws Exception {
        // with two threads the files' SHA-256 is worked out beside the reading, with one before it: the same value
        Path[] day = settledSaleWithoutReceipt();
        Path t1 = day[0];
        Path s1 = day[1];
        Path j1 = day[2];
        assertThat(run(null, false, 2, t1, s1, j1).newCases()).isEqualTo(1);
        for (int threads : new int[] {1, 2}) {
            assertThatThrownBy(() -> run(null, false, threads, t1, s1, j1)).isInstanceOf(ReconException.class)
                    .hasMessageContaining(t1 + " was already loaded by run 1").hasMessageContaining("--reload");
        }
        // a copy of a file loaded before, under another name, is the same content
        Path copy = dir.resolve("s1-copy.csv");
        Files.copy(s1, copy);
        Path t2 = log("t2.xml", sale("2026-11-21", "10:00:00", "000002", 5000, "100000000002"));
        assertThatThrownBy(() -> run(null, false, 2, t2, copy, journal("j2.csv"))).isInstanceOf(ReconException.class)
                .hasMessageContaining(copy + " was already loaded by run 1").hasMessageContaining("as " + s1);
        assertThat(run(null, true, 2, t1, s1, j1).newCases()).isZero();
    }
}
