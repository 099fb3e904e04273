package dev.posrecon.core.ingest.settlement;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.TxnKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each shipped profile reads its sample in {@code samples/profiles/NAME/} exactly. */
class ShippedProfilesTest {
    static final ReconConfig SHANGHAI = ReconConfig.builder().zone(ZoneId.of("Asia/Shanghai"))
            .currency(Currency.getInstance("CNY")).build();

    static Path sample(String profile) {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("samples/profiles"))) {
            d = d.getParent();
        }
        assertThat(d).as("samples/profiles above the working directory").isNotNull();
        try (Stream<Path> files = Files.list(d.resolve("samples/profiles").resolve(profile))) {
            return files.filter(p -> p.getFileName().toString().startsWith("settlement.")).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static ReadResult<SettlementRecord> read(String profile, ReconConfig config) {
        Path f = sample(profile);
        return SettlementReaders.open(profile, null, config).read(f, "settlement");
    }

    /** type, amount (minor), currency, fee (minor or null), rrn, terminal, line. */
    static String brief(SettlementRecord s) {
        return s.ref().line() + " " + s.type() + " " + s.amount().minor() + " " + s.amount().currency() + " fee="
                + (s.fee() == null ? "-" : s.fee().minor() + s.fee().currency().getCurrencyCode()) + " net="
                + (s.net() == null ? "-" : String.valueOf(s.net().minor())) + " rrn=" + s.rrn() + " tid="
                + s.terminalId();
    }

    @Test
    void shippedProfilesAreListedSortedAndDescribed() {
        assertThat(SettlementReaders.shippedProfiles()).containsExactly("adyen-settlement-details", "alipay-bill",
                "canonical", "fixed-width-acquirer", "stripe-payout-reconciliation", "terminal-csv", "wechatpay-bill");
        for (String name : SettlementReaders.shippedProfiles()) {
            ProfileInfo info = SettlementReaders.describe(name);
            assertThat(info.name()).isEqualTo(name);
            assertThat(info.description()).isNotBlank();
            assertThat(info.assumes()).isNotBlank();
            assertThat(SettlementReaders.profileText(name)).contains("description=");
        }
        assertThat(SettlementReaders.describe(null).name()).isEqualTo("canonical");
        assertThat(SettlementReaders.describe("fixed-width-acquirer").format()).isEqualTo("fixed-width");
        assertThat(SettlementReaders.describe("alipay-bill").encoding()).isEqualTo("GB18030");
        assertThat(SettlementReaders.describe("terminal-csv").target()).isEqualTo("terminal");
        assertThat(profiles()).hasSize(6).doesNotContain("terminal-csv");
    }

    /** The shipped settlement profiles (terminal profiles have their own test). */
    static List<String> profiles() {
        return SettlementReaders.shippedProfiles().stream()
                .filter(n -> SettlementReaders.describe(n).target().equals("settlement")).toList();
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void detectPicksTheProfileOfEachSample(String profile) {
        assertThat(SettlementReaders.detect(sample(profile), null)).contains(profile);
    }

    @Test
    void canonicalSample() {
        ReadResult<SettlementRecord> r = read("canonical", SHANGHAI);
        assertThat(r.rejects()).isEmpty();
        assertThat(r.ignored()).isZero();
        assertThat(r.records()).extracting(ShippedProfilesTest::brief).containsExactly(
                "2 SALE 11520 CNY fee=69CNY net=11451 rrn=632410123456 tid=T0000001",
                "3 SALE 100000 CNY fee=600CNY net=99400 rrn=632410123457 tid=T0000001",
                "4 REFUND 20000 CNY fee=-120CNY net=-19880 rrn=632410123458 tid=T0000002",
                "5 SALE 3850 CNY fee=23CNY net=3827 rrn=632410123459 tid=T0000002");
        assertThat(r.records().get(0).card()).isEqualTo("622202******7894");
    }

    @Test
    void wechatpayBill() {
        ReadResult<SettlementRecord> r = read("wechatpay-bill", SHANGHAI);
        assertThat(r.rejects()).isEmpty();
        assertThat(r.ignored()).isEqualTo(2); // the two-line summary block
        assertThat(r.records()).extracting(ShippedProfilesTest::brief).containsExactly(
                "2 SALE 3200 CNY fee=19CNY net=- rrn=4200001234202611201234567890 tid=POS-0001",
                "3 SALE 1850 CNY fee=11CNY net=- rrn=4200001234202611201234567891 tid=POS-0002",
                "4 REFUND 1200 CNY fee=-7CNY net=- rrn=4200001234202611201234567890 tid=POS-0001");
        SettlementRecord first = r.records().get(0);
        assertThat(first.merchantId()).isEqualTo("1900000109");
        assertThat(first.txnTime()).isEqualTo(LocalDateTime.of(2026, 11, 20, 10, 15, 30));
    }

    @Test
    void wechatpayBillTimesMoveToTheMerchantZone() {
        ReconConfig utc = ReconConfig.builder().zone(ZoneId.of("UTC")).build();
        assertThat(read("wechatpay-bill", utc).records().get(0).txnTime())
                .isEqualTo(LocalDateTime.of(2026, 11, 20, 2, 15, 30));
    }

    @Test
    void alipayBill() {
        ReadResult<SettlementRecord> r = read("alipay-bill", SHANGHAI);
        assertThat(r.rejects()).isEmpty();
        assertThat(r.ignored()).isEqualTo(8); // 4 '#' lines before the header, 4 after the rows
        assertThat(r.records()).extracting(ShippedProfilesTest::brief).containsExactly(
                "6 SALE 3200 CNY fee=19CNY net=- rrn=2026112022001412345678901234 tid=T0000001",
                "7 SALE 1850 CNY fee=10CNY net=- rrn=2026112022001412345678905678 tid=T0000002",
                "8 REFUND 1200 CNY fee=-7CNY net=- rrn=2026112022001412345678901234 tid=T0000001");
        assertThat(r.records().get(2).txnTime()).isEqualTo(LocalDateTime.of(2026, 11, 20, 15, 2, 44));
    }

    @Test
    void fixedWidthAcquirer() {
        ReadResult<SettlementRecord> r = read("fixed-width-acquirer", SHANGHAI);
        assertThat(r.rejects()).isEmpty();
        assertThat(r.ignored()).isEqualTo(2); // header and trailer records
        assertThat(r.records()).extracting(ShippedProfilesTest::brief).containsExactly(
                "2 SALE 11520 CNY fee=69CNY net=- rrn=632410123456 tid=T0000001",
                "3 SALE 100000 CNY fee=600CNY net=- rrn=632410123457 tid=T0000001",
                "4 REFUND 20000 CNY fee=0CNY net=- rrn=632410123458 tid=T0000002",
                "5 VOID 3850 CNY fee=0CNY net=- rrn=632410123459 tid=T0000002");
        SettlementRecord s = r.records().get(0);
        assertThat(s.card()).isEqualTo("622202******7894");
        assertThat(s.merchantId()).isEqualTo("898310048160001");
        assertThat(s.txnTime()).isEqualTo(LocalDateTime.of(2026, 11, 20, 10, 15, 30));
        assertThat(s.settleDate()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(s.authCode()).isEqualTo("A1B2C3");
        assertThat(s.stan()).isEqualTo("000123");
        assertThat(s.batch()).isEqualTo("000045");
    }

    @Test
    void adyenSettlementDetails() {
        ReconConfig amsterdam = ReconConfig.builder().zone(ZoneId.of("Europe/Amsterdam")).build();
        ReadResult<SettlementRecord> r = read("adyen-settlement-details", amsterdam);
        assertThat(r.rejects()).isEmpty();
        assertThat(r.ignored()).isEqualTo(2); // the Fee and MerchantPayout lines
        assertThat(r.records()).extracting(ShippedProfilesTest::brief).containsExactly(
                "2 SALE 2500 EUR fee=28EUR net=2472 rrn=8816178914523447 tid=null",
                "3 SALE 1250 EUR fee=13EUR net=1237 rrn=8816178914523448 tid=null",
                "4 REFUND 1000 EUR fee=- net=-1000 rrn=8816178914523447 tid=null");
        assertThat(r.records().get(0).txnTime()).isEqualTo(LocalDateTime.of(2026, 11, 20, 10, 15, 30));
        assertThat(r.records().get(0).batch()).isEqualTo("12");
        assertThat(r.records().get(0).merchantId()).isEqualTo("ShopPOS_NL");
        // read in Shanghai: CET 10:15:30 is 17:15:30 there
        assertThat(read("adyen-settlement-details", SHANGHAI).records().get(0).txnTime())
                .isEqualTo(LocalDateTime.of(2026, 11, 20, 17, 15, 30));
    }

    @Test
    void stripePayoutReconciliation() {
        ReconConfig newYork = ReconConfig.builder().zone(ZoneId.of("America/New_York")).build();
        ReadResult<SettlementRecord> r = read("stripe-payout-reconciliation", newYork);
        assertThat(r.rejects()).isEmpty();
        assertThat(r.ignored()).isEqualTo(1); // the reader fee row
        assertThat(r.records()).extracting(ShippedProfilesTest::brief).containsExactly(
                "2 SALE 4200 USD fee=152USD net=4048 rrn=ch_3QaAAA1 tid=null",
                "3 SALE 999 USD fee=59USD net=940 rrn=ch_3QaBBB2 tid=null",
                "4 REFUND 1200 USD fee=0USD net=-1200 rrn=ch_3QaAAA1 tid=null");
        SettlementRecord s = r.records().get(0);
        assertThat(s.txnTime()).isEqualTo(LocalDateTime.of(2026, 11, 20, 4, 15, 30)); // 09:15:30 UTC
        assertThat(s.settleDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(s.batch()).isEqualTo("po_1QxYz2AbCdEfGh");
        assertThat(r.records().get(2).type()).isEqualTo(TxnKind.REFUND);
    }

    /**
     * univocity's fixed-width parser, told to skip leading white space, skipped it past the line feed: a line that
     * ends at a field's start with a CR (or spaces) swallowed the next line, uncounted. Found by Jazzer.
     */
    @Test
    void aFixedWidthLineShorterThanTheLayoutNeverSwallowsTheNextLine(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        // a detail record up to the RRN (109 characters), then CRLF; a second one ending in spaces; a full one
        String upToRrn = "D898310048160001T0000001202611201015302026112101000000011520000000000069"
                + "6222021234567894   A1B2C3632410123456";
        String full = upToRrn + "000123000045CNY";
        Path f = dir.resolve("fw.txt");
        java.nio.file.Files.write(f, ("H2026112148020000   \r\n" + upToRrn + "\r\n" + upToRrn + "      \r\n"
                + full + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        ReadResult<SettlementRecord> r = SettlementReaders.open("fixed-width-acquirer", null, SHANGHAI)
                .read(f, "fw.txt");
        assertThat(r.rejects()).isEmpty();
        assertThat(r.ignored()).isEqualTo(1);
        assertThat(r.records()).extracting(s -> s.ref().line()).containsExactly(2L, 3L, 4L);
        assertThat(r.records()).extracting(SettlementRecord::stan).containsExactly(null, null, "000123");
        assertThat(r.records()).extracting(SettlementRecord::rrn).containsOnly("632410123456");
    }

    /** A bad row's card field of control characters has no digits to mask: the row is a reject (it crashed). */
    @Test
    void aBadFixedWidthRowWhoseCardFieldIsControlCharactersIsRejected(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        String row = "D898310048160001T00000012026112010153020261121990000000115200000000000696"
                + "\0".repeat(19) + "A1B2C3632410123456000123000045CNY";
        Path f = dir.resolve("fw.txt");
        java.nio.file.Files.write(f, ("H2026112148020000   \n" + row + "\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        ReadResult<SettlementRecord> r = SettlementReaders.open("fixed-width-acquirer", null, SHANGHAI)
                .read(f, "fw.txt");
        assertThat(r.records()).isEmpty();
        assertThat(r.rejects()).extracting(x -> x.line() + " " + x.reason())
                .containsExactly("2 type (from at 47+2): unknown value '99' (the profile maps: 01, 03, 04, 31, 41, 51)");
    }

    /**
     * A fixed-width line whose text is all where no field is mapped (position 1, the record type, of a short line)
     * is not blank: it is ignored when not selected and rejected when selected, never dropped uncounted. Found by
     * Jazzer.
     */
    @Test
    void aShortFixedWidthLineWithTextOnlyOutsideTheFieldsIsCounted(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path f = dir.resolve("fw.txt");
        // and a line of ideographic spaces and control characters, which is blank
        java.nio.file.Files.write(f, "H2026112148020000\nX \nD   \n\u3000\u3000\0\u0006\u3000\n"
                .getBytes(java.nio.charset.Charset.forName("GB18030")));
        ReadResult<SettlementRecord> r = SettlementReaders.open("fixed-width-acquirer", null, SHANGHAI)
                .read(f, "fw.txt");
        assertThat(r.records()).isEmpty();
        assertThat(r.ignored()).isEqualTo(2);
        assertThat(r.rejects()).extracting(x -> x.line() + " " + x.reason())
                .containsExactly("3 type (from at 47+2): empty");
    }
}
