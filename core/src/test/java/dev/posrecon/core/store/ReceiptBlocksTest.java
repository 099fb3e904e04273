package dev.posrecon.core.store;

import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.ReceiptKind;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.Tender;
import dev.posrecon.core.model.TenderType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static dev.posrecon.core.store.Fixtures.DAY;
import static dev.posrecon.core.store.Fixtures.cny;
import static org.assertj.core.api.Assertions.assertThat;

/** Matched receipts kept in blocks (schema 4): stored, found and reprinted as the rows were. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class ReceiptBlocksTest {
    @Parameter
    TestDb db;

    private static final Instant T0 = Instant.parse("2026-11-21T02:00:00Z");
    private static final LocalDateTime OPENING = DAY.atTime(8, 0);

    @TempDir
    Path dir;

    private String url;

    @BeforeEach
    void newLedger() {
        url = db.newLedger(dir);
    }

    /** Receipt {@code i}: store S1 or S2 by parity, a card tender with RRN 6324000000{i}, one a minute. */
    private static Receipt receipt(int i) {
        String rrn = String.format("6324%08d", i);
        Tender card = new Tender(new SourceRef("journal.csv", 2 + i), TenderType.CARD, cny(100 + i), "T" + (i % 3),
                String.valueOf(i), rrn, "A" + i, String.format("%04d", i));
        return new Receipt(new SourceRef("journal.csv", 2 + i), String.format("S%d-%06d", 1 + i % 2, i),
                "S" + (1 + i % 2), "R1", "C1", OPENING.plusMinutes(i), ReceiptKind.SALE, cny(100 + i), List.of(card),
                null, null, null, null);
    }

    private void store(Ledger ledger, List<Receipt> receipts, Function<Object, String> status) throws Exception {
        try (LedgerRun run = ledger.beginRun("cron", "", T0)) {
            run.registerFile(Fixtures.file(dir, "journal.csv", "j\n"), "journal.csv", "JOURNAL", false);
            run.openItems();
            run.saveRecords(List.of(), List.of(), receipts, status);
            run.commit();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void matchedReceiptsGoIntoBlocksPerStoreOfAtMost64AndEveryOneIsFoundAgain() throws Exception {
        List<Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            receipts.add(receipt(i));
        }
        Set<Receipt> inCase = Set.of(receipts.get(7), receipts.get(150));
        try (Ledger ledger = Ledger.open(url)) {
            store(ledger, receipts, r -> inCase.contains(r) ? "IN_CASE" : "MATCHED");

            // store S1: the 100 even receipts less one in a case = 99 -> 64 + 35; store S2 the same
            assertThat(count("SELECT COUNT(*) FROM receipt_blocks")).isEqualTo(4);
            assertThat(count("SELECT SUM(receipt_count) FROM receipt_blocks")).isEqualTo(198);
            assertThat(count("SELECT COUNT(*) FROM receipt_block_bodies")).isEqualTo(4);
            assertThat(count("SELECT COUNT(*) FROM receipts")).isEqualTo(2);

            List<ReceiptMatch> all = ledger.findReceipts(new ReceiptQuery(DAY, null, null, null, null, null, null));
            assertThat(all).hasSize(200);
            assertThat(all).extracting(ReceiptMatch::receiptNo)
                    .containsExactlyElementsOf(receipts.stream().map(Receipt::receiptNo).toList());
            for (int i : new int[] {0, 1, 7, 63, 64, 127, 128, 150, 199}) {
                Receipt r = receipts.get(i);
                String rrn = r.tenders().get(0).rrn();
                assertThat(ledger.findReceipts(new ReceiptQuery(null, null, null, null, rrn, null, null)))
                        .as("by RRN %s", rrn).singleElement().satisfies(m -> {
                            assertThat(m.receiptNo()).isEqualTo(r.receiptNo());
                            assertThat(m.ref()).isEqualTo(r.ref());
                            assertThat(m.total()).isEqualTo(r.total());
                            assertThat(m.time()).isEqualTo(r.time());
                            assertThat(m.authCode()).isEqualTo("A" + i);
                            assertThat(m.cardLast4()).isEqualTo(String.format("%04d", i));
                        });
                assertThat(ledger.findReceipts(new ReceiptQuery(null, null, null, null, null, null, r.receiptNo())))
                        .extracting(ReceiptMatch::ref).containsExactly(r.ref());
                assertThat(ledger.findReceipts(new ReceiptQuery(DAY, null, String.format("%04d", i), "A" + i, null,
                        "T" + (i % 3), null))).extracting(ReceiptMatch::ref).containsExactly(r.ref());
                assertThat(ledger.findReceipts(new ReceiptQuery(null, (100 + i) / 100 + "." + String.format("%02d",
                        (100 + i) % 100), null, null, null, null, null))).extracting(ReceiptMatch::ref)
                        .containsExactly(r.ref());
                assertThat(ledger.reprint(r.receiptNo(), null, "Shop")).contains("Receipt", r.receiptNo())
                        .contains("Store/register").contains("S" + (1 + i % 2) + " / R1")
                        .contains("RRN      " + rrn).contains("(journal.csv:" + (2 + i) + ")");
                assertThat(ledger.reprint(rrn, DAY, "Shop")).contains(r.receiptNo());
            }
            assertThat(ledger.findReceipts(new ReceiptQuery(DAY.plusDays(1), null, null, null, null, null, null)))
                    .isEmpty();
            assertThat(ledger.findReceipts(new ReceiptQuery(null, null, null, null, "632400000200", null, null)))
                    .isEmpty();
        }
    }

    @Test
    void aBlockKeepsNullsEmptiesSeparatorsAndEveryField() {
        Receipt r = new Receipt(new SourceRef("j.csv", 42), "N\u001E1", "S1", "R\u001F2", "", DAY.atTime(9, 0),
                ReceiptKind.RETURN, cny(1234), List.of(), "N\u001B0", "MB1", "138 0000", "a@b.c");
        List<TenderText.Stored> tenders = List.of(
                new TenderText.Stored(43L, "CARD", 1234L, "CNY", "T\u001F1", "", null, "A\u001B\u001E", "1111", "M1"),
                new TenderText.Stored(null, "CASH", null, null, null, null, null, null, null, null));
        Receipt bare = new Receipt(new SourceRef("j.csv", 44), null, null, null, null, null, ReceiptKind.SALE, null,
                List.of(), null, null, null, null);
        StringBuilder body = new StringBuilder();
        ReceiptBlocks.encode(body, r, tenders);
        body.append(TenderText.TENDER);
        ReceiptBlocks.encode(body, bare, List.of());

        List<StoredReceipt> back = ReceiptBlocks.decode(new ReceiptBlocks.Header(7, "j.csv", DAY, "S1", "R\u001F2"),
                body.toString());
        assertThat(back).containsExactly(
                new StoredReceipt(r.ref(), 7, DAY, "N\u001E1", "S1", "R\u001F2", "", r.time(), "RETURN", cny(1234),
                        "N\u001B0", "MB1", "138 0000", "a@b.c", tenders),
                new StoredReceipt(bare.ref(), 7, DAY, null, "S1", "R\u001F2", null, null, "SALE", null, null, null,
                        null, null, List.of()));
    }

    /** A value with one of the encoding's control characters is escaped in the block and still found. */
    @Test
    void aNumberWithAnEncodingCharacterIsFoundInItsBlock() throws Exception {
        Receipt odd = new Receipt(new SourceRef("journal.csv", 9), "N\u001E\u001B1", "S1", "R1", "C1", OPENING,
                ReceiptKind.SALE, cny(700), List.of(new Tender(new SourceRef("journal.csv", 9), TenderType.CARD,
                cny(700), "T\u001F9", null, "RRN\u001F9", null, "9999")), null, null, null, null);
        try (Ledger ledger = Ledger.open(url)) {
            store(ledger, List.of(receipt(1), odd), x -> "MATCHED");
            assertThat(count("SELECT COUNT(*) FROM receipts")).isZero();
            assertThat(ledger.findReceipts(new ReceiptQuery(null, null, null, null, null, null, "N\u001E\u001B1")))
                    .extracting(ReceiptMatch::ref).containsExactly(odd.ref());
            assertThat(ledger.findReceipts(new ReceiptQuery(null, null, "9999", null, "RRN\u001F9", "T\u001F9", null)))
                    .extracting(ReceiptMatch::ref).containsExactly(odd.ref());
            assertThat(ledger.reprint("RRN\u001F9", null, null)).contains("Receipt");
        }
    }

    @Test
    void aReceiptTooLongForABlockIsKeptAsARowAndStillFound() throws Exception {
        String huge = "x".repeat(ReceiptBlocks.MAX_CHARS + 1);
        Receipt r = new Receipt(new SourceRef("journal.csv", 2), "BIG-1", "S1", "R1", "C1", OPENING,
                ReceiptKind.SALE, cny(500), List.of(), null, null, null, huge);
        try (Ledger ledger = Ledger.open(url)) {
            store(ledger, List.of(r, receipt(1)), x -> "MATCHED");
            assertThat(count("SELECT COUNT(*) FROM receipts")).isEqualTo(1);
            assertThat(count("SELECT SUM(receipt_count) FROM receipt_blocks")).isEqualTo(1);
            assertThat(ledger.findReceipts(new ReceiptQuery(DAY, null, null, null, null, null, null)))
                    .extracting(ReceiptMatch::receiptNo).containsExactly("BIG-1", "S2-000001");
            assertThat(ledger.reprint("BIG-1", null, null)).contains("BIG-1");
        }
    }

    @Test
    void aReloadReplacesTheFilesBlocks() throws Exception {
        List<Receipt> receipts = List.of(receipt(1), receipt(2), receipt(3));
        try (Ledger ledger = Ledger.open(url)) {
            store(ledger, receipts, x -> "MATCHED");
            try (LedgerRun run = ledger.beginRun("cron", "", T0.plusSeconds(60))) {
                run.registerFile(Fixtures.file(dir, "journal.csv", "j\n"), "journal.csv", "JOURNAL", true);
                run.openItems();
                run.saveRecords(List.of(), List.of(), receipts.subList(0, 1), x -> "MATCHED");
                run.commit();
            }
            assertThat(count("SELECT COUNT(*) FROM receipt_blocks")).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM receipt_block_bodies")).isEqualTo(1);
            assertThat(ledger.findReceipts(new ReceiptQuery(DAY, null, null, null, null, null, null)))
                    .extracting(ReceiptMatch::receiptNo).containsExactly("S2-000001");
        }
    }

    /** A version-3 ledger kept matched receipts as rows: after the migration they are found beside the blocks. */
    @Test
    void receiptRowsOfAVersion3LedgerAreFoundBesideTheBlocks() throws Exception {
        try (Ledger ledger = Ledger.open(url)) {
            store(ledger, List.of(receipt(5)), x -> "IN_CASE");
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("UPDATE receipts SET status = 'MATCHED'");
            LedgerTest.backTo(st, 3);
        }
        try (Ledger ledger = Ledger.open(url)) {
            try (LedgerRun run = ledger.beginRun("cron", "", T0.plusSeconds(86400))) {
                run.registerFile(Fixtures.file(dir, "journal-2.csv", "j2\n"), "journal.csv", "JOURNAL", false);
                assertThat(run.openItems().receipts()).isEmpty();
                run.saveRecords(List.of(), List.of(), List.of(receipt(4), receipt(6)), x -> "MATCHED");
                run.commit();
            }
            assertThat(count("SELECT MAX(version) FROM schema_version")).isEqualTo(Schema.latest());
            assertThat(count("SELECT COUNT(*) FROM receipts")).isEqualTo(1);
            assertThat(ledger.findReceipts(new ReceiptQuery(DAY, null, null, null, null, null, null)))
                    .extracting(ReceiptMatch::receiptNo).containsExactly("S1-000004", "S2-000005", "S1-000006");
            assertThat(ledger.reprint("632400000005", null, null)).contains("S2-000005");
            assertThat(ledger.reprint("S1-000006", null, null)).contains("632400000006");
        }
    }

    /** A look-up by RRN or number reads the block rows through the index on the range's top, not every block. */
    @Test
    void blockLookUpsUseTheRangeIndexes() throws Exception {
        try (Ledger ignored = Ledger.open(url);
             Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            Set<String> plans = new HashSet<>();
            for (String where : List.of("b.rrn_max >= '1' AND b.rrn_min <= '1'",
                    "b.receipt_no_max >= '1' AND b.receipt_no_min <= '1'")) {
                plans.add(db.plan(st, "SELECT b.run_id, d.body FROM receipt_blocks b"
                        + " JOIN receipt_block_bodies d ON d.block_id = b.id WHERE " + where)
                        .toUpperCase(java.util.Locale.ROOT));
            }
            assertThat(plans).anySatisfy(p -> assertThat(p).contains("RECEIPT_BLOCKS_RRN"))
                    .anySatisfy(p -> assertThat(p).contains("RECEIPT_BLOCKS_NO"));
        }
    }
}
