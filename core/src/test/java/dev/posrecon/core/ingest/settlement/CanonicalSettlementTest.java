package dev.posrecon.core.ingest.settlement;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.error.InputException;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.model.Reject;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.TxnKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalSettlementTest {
    static final ReconConfig CONFIG = ReconConfig.builder().zone(ZoneId.of("Asia/Shanghai"))
            .currency(Currency.getInstance("CNY")).build();
    static final String HEADER = "merchant_id,terminal_id,txn_time,settle_date,type,amount,currency,fee,net,card,"
            + "auth_code,rrn,stan,batch\n";
    static final Charset GB18030 = Charset.forName("GB18030");

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private ReadResult<SettlementRecord> read(Path f, Charset enc) {
        return SettlementReaders.open(null, enc, CONFIG).read(f, f.getFileName().toString());
    }

    @Test
    void readsEveryCanonicalColumnExactly() throws IOException {
        Path f = write("s.csv", (HEADER + "M001,T01,2026-11-20T10:15:30,2026-11-21,SALE,115.20,CNY,0.69,114.51,"
                + "6222021234567894,A1B2C3,632410123456,000123,000045\n").getBytes(StandardCharsets.UTF_8));
        ReadResult<SettlementRecord> r = read(f, null);
        assertThat(r.rejects()).isEmpty();
        assertThat(r.ignored()).isZero();
        SettlementRecord s = r.records().get(0);
        assertThat(s.ref().toString()).isEqualTo("s.csv:2");
        assertThat(s.merchantId()).isEqualTo("M001");
        assertThat(s.terminalId()).isEqualTo("T01");
        assertThat(s.txnTime()).isEqualTo(LocalDateTime.of(2026, 11, 20, 10, 15, 30));
        assertThat(s.settleDate()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(s.type()).isEqualTo(TxnKind.SALE);
        assertThat(s.amount().minor()).isEqualTo(11520);
        assertThat(s.amount().currency().getCurrencyCode()).isEqualTo("CNY");
        assertThat(s.fee().minor()).isEqualTo(69);
        assertThat(s.net().minor()).isEqualTo(11451);
        assertThat(s.card()).isEqualTo("622202******7894");
        assertThat(s.authCode()).isEqualTo("A1B2C3");
        assertThat(s.rrn()).isEqualTo("632410123456");
        assertThat(s.stan()).isEqualTo("000123");
        assertThat(s.batch()).isEqualTo("000045");
    }

    @Test
    void headerOrderFreeCaseInsensitiveSpacesIgnoredOptionalColumnsMayBeMissing() throws IOException {
        Path f = write("s.csv", (" Amount ,TYPE, Txn_Time,terminal_id,MERCHANT_ID\n"
                + "-200.00,refund,2026-11-20 12:40:00,T02,M001\n").getBytes(StandardCharsets.UTF_8));
        SettlementRecord s = read(f, null).records().get(0);
        assertThat(s.type()).isEqualTo(TxnKind.REFUND);
        assertThat(s.amount().minor()).isEqualTo(20000); // written negative: type decides the direction
        assertThat(s.amount().currency().getCurrencyCode()).isEqualTo("CNY"); // config currency
        assertThat(s.txnTime()).isEqualTo(LocalDateTime.of(2026, 11, 20, 12, 40));
        assertThat(s.fee()).isNull();
        assertThat(s.rrn()).isNull();
    }

    @Test
    void utf8WithBomCrlfAndQuotedFields() throws IOException {
        String text = (HEADER + "\"M,001\",T01,2026-11-20 10:15:30,,SALE,\"1,000.00\",USD,,,,,\"R1\",\"\",\n")
                .replace("\n", "\r\n");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        ReadResult<SettlementRecord> r = read(write("bom.csv", withBom), null);
        assertThat(r.rejects()).isEmpty();
        SettlementRecord s = r.records().get(0);
        assertThat(s.merchantId()).isEqualTo("M,001");
        assertThat(s.amount().minor()).isEqualTo(100000);
        assertThat(s.amount().currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(s.rrn()).isEqualTo("R1");
        assertThat(s.stan()).isNull();
        assertThat(s.batch()).isNull();
    }

    @Test
    void gb18030WhenTheEncodingIsGiven() throws IOException {
        byte[] gb = (HEADER + "商户甲,终端1,2026-11-20 10:15:30,,SALE,8.80,CNY,,,,,,,\n").getBytes(GB18030);
        Path f = write("gb.csv", gb);
        SettlementRecord s = read(f, GB18030).records().get(0);
        assertThat(s.merchantId()).isEqualTo("商户甲");
        assertThat(s.terminalId()).isEqualTo("终端1");
        assertThat(s.amount().minor()).isEqualTo(880);
        // read as UTF-8 (the default), the bytes do not decode: an error naming the file, never mojibake
        assertThatThrownBy(() -> read(f, null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("gb.csv:2: not UTF-8 text")
                .hasMessageContaining("--encoding");
    }

    @Test
    void badRowsAreRejectedWithFieldAndValueAndReadingCarriesOn() throws IOException {
        Path f = write("bad.csv", (HEADER
                + "M001,T01,2026-11-20 10:15:30,,SALE,12.3x,CNY,,,4367420000123454,,,,\n"
                + "M001,T01,2026-11-20 10:16:00,,SALE,1.005,CNY,,,,,,,\n"
                + "M001,T01,20.11.2026 10:17,,SALE,5.00,CNY,,,,,,,\n"
                + "M001,T01,2026-11-20 10:18:00,,PAYMENT,5.00,CNY,,,,,,,\n"
                + "M001,T01,2026-11-20 10:19:00,,SALE,5.00,XYZ,,,,,,,\n"
                + "M001,T01,2026-11-20 10:20:00,,SALE,5.00\n"
                + "M001,T01,2026-11-20 10:21:00,,SALE,\"1,00\",CNY,,,,,,,\n"
                + "M001,T01,2026-11-20 10:22:00,,SALE,7.00,CNY,,,,,,,\n").getBytes(StandardCharsets.UTF_8));
        ReadResult<SettlementRecord> r = read(f, null);
        assertThat(r.records()).hasSize(1);
        assertThat(r.records().get(0).ref().line()).isEqualTo(9);
        assertThat(r.rejects()).extracting(Reject::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(r.rejects()).extracting(Reject::reason).containsExactly(
                "amount: not a number: '12.3x'",
                "amount: more decimals than CNY has: '1.005'",
                "txn_time: not a date-time: '20.11.2026 10:17' (expected yyyy-MM-dd HH:mm:ss)",
                "type: unknown value 'PAYMENT' (the profile maps: ADJUSTMENT, CHARGEBACK, REFUND, REVERSAL, SALE, "
                        + "VOID)",
                "currency: unknown currency 'XYZ'",
                "has 6 fields, but the header has 14",
                "amount: not a number: '1,00' (digit groups of three expected around ',')");
        // the raw line is kept for rejects.csv, with the card number masked
        assertThat(r.rejects().get(0).raw()).contains("436742******3454").doesNotContain("4367420000123454");
    }

    @Test
    void settlementDatesAreParsedOncePerTextAndABadOneIsRejectedEveryTime() throws IOException {
        Path f = write("dates.csv", (HEADER
                + "M001,T01,2026-11-20 10:15:30,2026-11-21,SALE,1.00,CNY,,,,,,,\n"
                + "M001,T01,2026-11-20 10:16:00,21/11/2026,SALE,2.00,CNY,,,,,,,\n"
                + "M001,T01,2026-11-20 10:17:00,2026-11-21,SALE,3.00,CNY,,,,,,,\n"
                + "M001,T01,2026-11-20 10:18:00,21/11/2026,SALE,4.00,CNY,,,,,,,\n"
                + "M001,T01,2026-11-20 10:19:00,2026-11-22,SALE,5.00,CNY,,,,,,,\n").getBytes(StandardCharsets.UTF_8));
        ReadResult<SettlementRecord> r = read(f, null);
        assertThat(r.records()).extracting(SettlementRecord::settleDate).containsExactly(
                java.time.LocalDate.of(2026, 11, 21), java.time.LocalDate.of(2026, 11, 21),
                java.time.LocalDate.of(2026, 11, 22));
        // one instance per distinct date text
        assertThat(r.records().get(0).settleDate()).isSameAs(r.records().get(1).settleDate());
        // a text that failed is not remembered: the second line with it is rejected the same way
        assertThat(r.rejects()).extracting(Reject::line).containsExactly(3L, 5L);
        assertThat(r.rejects()).extracting(Reject::reason).containsOnly(
                "settle_date: not a date: '21/11/2026' (expected yyyy-MM-dd)");
    }

    @Test
    void missingRequiredColumnIsAnInputErrorNamingIt() throws IOException {
        Path f = write("nocol.csv", ("merchant_id,terminal_id,txn_time,type,fee\nM,T,2026-11-20 10:00:00,SALE,1\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> read(f, null))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.file()).isEqualTo("nocol.csv");
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.field()).isEqualTo("amount");
                    assertThat(e.getMessage()).contains("missing column")
                            .contains("header has: merchant_id, terminal_id, txn_time, type, fee");
                });
    }

    @Test
    void emptyFileHasNoHeader() throws IOException {
        Path f = write("empty.csv", new byte[0]);
        assertThatThrownBy(() -> read(f, null)).isInstanceOf(InputException.class).hasMessageContaining("no header");
        Path headerOnly = write("h.csv", HEADER.getBytes(StandardCharsets.UTF_8));
        assertThat(read(headerOnly, null).records()).isEmpty();
    }

    @Test
    void lineNumbersArePhysicalLinesAcrossQuotedLineBreaksAndBlankLines() throws IOException {
        Path f = write("ml.csv", (HEADER
                + "M001,T01,2026-11-20 10:15:30,,SALE,1.00,CNY,,,,,\"multi\nline\",,\n"
                + "\n"
                + "M001,T01,2026-11-20 10:15:31,,SALE,2.00,CNY,,,,,,,\n").replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        ReadResult<SettlementRecord> r = read(f, null);
        assertThat(r.records()).extracting(s -> s.ref().line()).containsExactly(2L, 5L);
        assertThat(r.records().get(0).rrn()).isEqualTo("multi\r\nline");
    }

    @Test
    void noSuchFileIsAnInputError() {
        assertThatThrownBy(() -> read(dir.resolve("gone.csv"), null))
                .isInstanceOf(InputException.class).hasMessageContaining("no such file");
    }

    /** univocity skips, uncounted, a row starting with its comment character; '\0' was ours. Found by Jazzer. */
    @Test
    void rowsStartingWithANulByteOrAHashAreReadNotDroppedAndKeepTheirLineNumbers() throws IOException {
        String row = "M001,T01,2026-11-20T10:15:30,2026-11-21,SALE,115.20,CNY,0.69,114.51,,A1B2C3,632410123456,"
                + "000123,000045\n";
        Path f = write("s.csv", (HEADER + "\0" + row + "#" + row + row).getBytes(StandardCharsets.UTF_8));
        ReadResult<SettlementRecord> r = read(f, null);
        assertThat(r.rejects()).isEmpty();
        assertThat(r.records()).extracting(x -> x.ref().line()).containsExactly(2L, 3L, 4L);
        assertThat(r.records()).extracting(SettlementRecord::merchantId).containsExactly("M001", "#M001", "M001"); // a leading NUL is white space to the CSV reader
    }
}
