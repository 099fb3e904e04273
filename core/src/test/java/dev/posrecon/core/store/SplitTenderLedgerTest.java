package dev.posrecon.core.store;

import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.ReceiptKind;
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
import java.util.List;

import static dev.posrecon.core.store.Fixtures.DAY;
import static dev.posrecon.core.store.Fixtures.cny;
import static dev.posrecon.core.store.Fixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;

/** A receipt paid by two cards (and cash) keeps all its tenders through the ledger, folded into its row. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class SplitTenderLedgerTest {
    @Parameter
    TestDb db;

    private static final Instant T0 = Instant.parse("2026-11-21T02:00:00Z");

    @TempDir
    Path dir;

    private String url;

    @BeforeEach
    void newLedger() {
        url = db.newLedger(dir);
    }

    private static final LocalDateTime T = DAY.atTime(15, 10);
    /** The second card's sale: the register printed its STAN and card ending only. */
    private static final TerminalRecord SECOND = sale("term.xml", 30, "T2", "77", "000000000077", 1500, T);

    private static Receipt splitReceipt() {
        return new Receipt(new SourceRef("journal.csv", 5), "R-2001", "S1", "R1", "C1", T, ReceiptKind.SALE,
                cny(4000), List.of(
                new Tender(new SourceRef("journal.csv", 6), TenderType.CARD, cny(2000), "T1", "76", "000000000076",
                        "A76", "1111"),
                new Tender(new SourceRef("journal.csv", 7), TenderType.CARD, cny(1500), "T2", "77", null, null,
                        "5678"),
                new Tender(new SourceRef("journal.csv", 8), TenderType.CASH, cny(500), null, null, null, null, null)),
                null, "MB9", null, null);
    }

    private void store(Ledger ledger, String status) throws Exception {
        try (LedgerRun run = ledger.beginRun("cron", "", T0)) {
            run.registerFile(Fixtures.file(dir, "term.xml", "<log/>"), "term.xml", "TERMINAL", false);
            run.registerFile(Fixtures.file(dir, "journal.csv", "j\n"), "journal.csv", "JOURNAL", false);
            run.openItems();
            run.saveRecords(List.of(SECOND), List.of(), List.of(splitReceipt()), r -> status);
            run.commit();
        }
    }

    @Test
    void aReceiptWithTwoCardsIsFoundByTheSecondCardAndReprintedWithBoth() throws Exception {
        try (Ledger ledger = Ledger.open(url)) {
            store(ledger, "MATCHED");

            List<ReceiptMatch> bySecondCard = ledger.findReceipts(
                    new ReceiptQuery(null, null, "5678", null, null, null, null));
            assertThat(bySecondCard).extracting(ReceiptMatch::receiptNo).containsExactly("R-2001");
            // the look-up lists the first card tender's references
            assertThat(bySecondCard.get(0).cardLast4()).isEqualTo("1111");
            assertThat(bySecondCard.get(0).rrn()).isEqualTo("000000000076");
            // the second card's RRN and auth code were completed from the terminal record
            assertThat(ledger.findReceipts(new ReceiptQuery(null, null, null, "A77", null, null, null)))
                    .extracting(ReceiptMatch::receiptNo).containsExactly("R-2001");
            assertThat(ledger.findReceipts(new ReceiptQuery(null, null, null, null, "000000000077", "T2", null)))
                    .extracting(ReceiptMatch::receiptNo).containsExactly("R-2001");
            // by any tender amount: the second card's and the cash
            assertThat(ledger.findReceipts(new ReceiptQuery(DAY, "15.00", null, null, null, null, null)))
                    .extracting(ReceiptMatch::receiptNo).containsExactly("R-2001");
            assertThat(ledger.findReceipts(new ReceiptQuery(DAY, "5", null, null, null, null, null)))
                    .extracting(ReceiptMatch::receiptNo).containsExactly("R-2001");
            assertThat(ledger.findReceipts(new ReceiptQuery(DAY, "15.01", null, null, null, null, null))).isEmpty();
            // the details asked for belong to one tender: the first card's RRN on the second card's terminal is none
            assertThat(ledger.findReceipts(new ReceiptQuery(null, null, null, null, "000000000076", "T2", null)))
                    .isEmpty();
            assertThat(ledger.findReceipts(new ReceiptQuery(null, null, "5678", "A76", null, null, null)))
                    .isEmpty();
            // a value that is in the tenders' text but not a card ending (a STAN) is not a card ending
            assertThat(ledger.findReceipts(new ReceiptQuery(null, null, "77", null, null, null, null))).isEmpty();

            String text = ledger.reprint("R-2001", null, null);
            assertThat(text).contains("**** **** **** 1111").contains("**** **** **** 5678")
                    .contains("RRN      000000000076").contains("RRN      000000000077")
                    .contains("Auth     A77").contains("Terminal T2  Merchant M100")
                    .contains("20.00").contains("15.00").contains("CASH").contains("5.00");
            assertThat(text.indexOf("1111")).isLessThan(text.indexOf("5678"));
            assertThat(text.indexOf("5678")).isLessThan(text.indexOf("CASH"));
            // reprint by the second card's RRN
            assertThat(ledger.reprint("000000000077", DAY, null)).contains("R-2001");
        }
    }

    @Test
    void anOpenSplitReceiptComesBackWithAllItsTenders() throws Exception {
        try (Ledger ledger = Ledger.open(url)) {
            store(ledger, "OPEN");
            try (LedgerRun run = ledger.beginRun("cron", "", T0.plusSeconds(86400))) {
                List<Receipt> open = run.openItems().receipts();
                assertThat(open).hasSize(1);
                Receipt r = open.get(0);
                Receipt original = splitReceipt();
                assertThat(r.ref()).isEqualTo(original.ref());
                assertThat(r.memberId()).isEqualTo("MB9");
                assertThat(r.tenders()).containsExactly(original.tenders().get(0),
                        new Tender(new SourceRef("journal.csv", 7), TenderType.CARD, cny(1500), "T2", "77",
                                "000000000077", "A77", "5678"),
                        original.tenders().get(2));
            }
        }
    }

    @Test
    void tenderTextKeepsNullsEmptiesAndSeparatorsApart() {
        List<TenderText.Stored> tenders = List.of(
                new TenderText.Stored(6L, "CARD", 2000L, "CNY", "T\u001F1", "", null, "A\u001B\u001E", "1111", "M1"),
                new TenderText.Stored(null, "CASH", null, null, null, null, null, null, null, null));
        String text = TenderText.encode(tenders);
        assertThat(TenderText.decode(text)).containsExactlyElementsOf(tenders);
        assertThat(TenderText.decode(null)).isEmpty();
        assertThat(text).contains(TenderText.FIELD + "2000" + TenderText.FIELD);
        assertThat(TenderText.likeField("50%_1!")).isEqualTo("%\u001F50!%!_1!!\u001F%");
    }
}
