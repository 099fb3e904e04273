package dev.posrecon.core.ingest.jpos;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.error.InputException;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.Reject;
import dev.posrecon.core.model.TerminalRecord;
import dev.posrecon.core.model.TxnKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class JposLogReaderTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final ReconConfig SHANGHAI = ReconConfig.builder().zone(ZoneId.of("Asia/Shanghai")).build();
    private static final List<String> FULL_PANS = List.of("6222021234567890123", "4111111111111111",
            "4000001234567899", "6009330000000021", "4000001234567891", "4000001234567892");

    @Test
    void pairsRequestsWithResponsesInRequestOrder() throws Exception {
        ReadResult<TerminalRecord> r = read("day.xml");

        assertThat(r.records()).extracting(TerminalRecord::terminalId, TerminalRecord::stan, TerminalRecord::kind,
                        TerminalRecord::responseCode)
                .containsExactly(
                        tuple("T0000001", "000101", TxnKind.SALE, "00"),
                        tuple("T0000001", "000102", TxnKind.SALE, "05"),
                        tuple("T0000002", "000102", TxnKind.SALE, "00"),
                        tuple("T0000001", "000103", TxnKind.SALE, null),
                        tuple("T0000001", "000104", TxnKind.REFUND, "00"),
                        tuple("T0000001", "000105", TxnKind.VOID, "00"),
                        tuple("T0000001", "000106", TxnKind.REVERSAL, "00"),
                        tuple("T0000001", "000107", TxnKind.SALE, "00"),
                        tuple("T0000001", "000108", TxnKind.SALE, "00"),
                        tuple("T0000001", "000101", TxnKind.SALE, "00"));
        // info entry, 0800, 0810, the 0201 repeat, the peer-disconnect entry
        assertThat(r.ignored()).isEqualTo(5);
        assertThat(r.units()).isEqualTo("transactions");
    }

    @Test
    void approvedSaleCarriesEveryField() throws Exception {
        TerminalRecord sale = read("day.xml").records().get(0);

        assertThat(sale.ref().line()).isEqualTo(lineOf("day.xml", "at=\"2026-11-20T10:15:30.123\""));
        assertThat(sale.responseRef().line()).isEqualTo(lineOf("day.xml", "at=\"2026-11-20T10:15:31.000\""));
        assertThat(sale.requestMti()).isEqualTo("0200");
        assertThat(sale.processingCode()).isEqualTo("000000");
        assertThat(sale.merchantId()).isEqualTo("M00000000000001");
        assertThat(sale.amount()).isEqualTo(Money.of(11520, CNY));
        assertThat(sale.approved()).isTrue();
        assertThat(sale.timedOut()).isFalse();
        assertThat(sale.rrn()).isEqualTo("632410000101");
        assertThat(sale.authCode()).isEqualTo("A12345");
        assertThat(sale.card()).isEqualTo("622202*********0123");
        assertThat(sale.localTime()).isEqualTo(LocalDateTime.of(2026, 11, 20, 10, 15, 30));
    }

    @Test
    void declinedTimeoutAndInterleavedTerminals() throws Exception {
        List<TerminalRecord> recs = read("day.xml").records();
        TerminalRecord declined = recs.get(1);
        assertThat(declined.approved()).isFalse();
        assertThat(declined.rrn()).as("request's RRN when the response has none").isEqualTo("632410000102");
        assertThat(declined.card()).isEqualTo("411111******1111");
        assertThat(declined.localTime()).as("entry time without fields 12/13")
                .isEqualTo(LocalDateTime.of(2026, 11, 20, 10, 20, 0));
        assertThat(declined.responseRef().line()).isEqualTo(lineOf("day.xml", "at=\"2026-11-20T10:20:04.000\""));

        TerminalRecord otherTerminal = recs.get(2);
        assertThat(otherTerminal.approved()).isTrue();
        assertThat(otherTerminal.responseRef().line()).isEqualTo(lineOf("day.xml", "at=\"2026-11-20T10:20:03.000\""));

        TerminalRecord timeout = recs.get(3);
        assertThat(timeout.timedOut()).isTrue();
        assertThat(timeout.responseCode()).isNull();
        assertThat(timeout.approved()).isFalse();
        assertThat(timeout.amount()).isEqualTo(Money.of(2000, CNY));
    }

    @Test
    void refundVoidReversalAndOriginalData() throws Exception {
        List<TerminalRecord> recs = read("day.xml").records();
        assertThat(recs.get(4).kind()).isEqualTo(TxnKind.REFUND);
        assertThat(recs.get(4).rrn()).isEqualTo("632410000104");

        TerminalRecord voided = recs.get(5);
        assertThat(voided.kind()).isEqualTo(TxnKind.VOID);
        assertThat(voided.originalMti()).isEqualTo("0200");
        assertThat(voided.originalStan()).isEqualTo("000101");

        TerminalRecord reversal = recs.get(6);
        assertThat(reversal.requestMti()).isEqualTo("0400");
        assertThat(reversal.originalMti()).isEqualTo("0200");
        assertThat(reversal.originalStan()).isEqualTo("000103");
    }

    @Test
    void repeatIsMergedAdviceWithoutTerminalIdPairsAndSameStanAfterCompletionIsNew() throws Exception {
        List<TerminalRecord> recs = read("day.xml").records();
        assertThat(recs).filteredOn(t -> t.stan().equals("000107")).singleElement()
                .satisfies(t -> {
                    assertThat(t.requestMti()).isEqualTo("0200");
                    assertThat(t.authCode()).isEqualTo("B77777");
                });
        TerminalRecord advice = recs.get(8);
        assertThat(advice.requestMti()).isEqualTo("0220");
        assertThat(advice.responseRef()).isNotNull();
        assertThat(advice.amount()).isEqualTo(Money.of(990, Currency.getInstance("USD")));

        assertThat(recs.get(9).amount()).isEqualTo(Money.of(100, CNY));
        assertThat(recs.get(9).ref().line()).isGreaterThan(recs.get(0).ref().line());
    }

    @Test
    void responseWithNoRequestIsRejectedWithMaskedRaw() throws Exception {
        ReadResult<TerminalRecord> r = read("day.xml");
        assertThat(r.rejects()).singleElement().satisfies(j -> {
            assertThat(j.file()).isEqualTo("day.xml");
            assertThat(j.line()).isEqualTo(lineOf("day.xml", "at=\"2026-11-20T11:05:00.000\""));
            assertThat(j.reason()).contains("response with no request").contains("T0000009");
            assertThat(j.raw()).startsWith("<log realm=\"channel/10.1.1.9:5000\"").contains("400000******7899");
        });
    }

    @Test
    void oldAtFormatIsConvertedToTheMerchantZone() throws Exception {
        List<TerminalRecord> recs = read("old-at.xml").records();
        assertThat(recs).extracting(TerminalRecord::localTime).containsExactly(
                LocalDateTime.of(2014, 11, 24, 13, 0, 3, 292_000_000),
                LocalDateTime.of(2015, 1, 5, 8, 10, 0, 13_000_000),
                // an unknown zone abbreviation is taken as the merchant's own
                LocalDateTime.of(2015, 1, 4, 22, 10, 0));
        assertThat(recs).allSatisfy(t -> assertThat(t.timedOut()).isTrue());
    }

    @Test
    void chinaStandardTimeIsNotUsCentral() {
        JposTimes times = new JposTimes(ZoneId.of("Asia/Shanghai"));
        assertThat(times.at("Fri Nov 20 10:00:00 CST 2026.5"))
                .isEqualTo(LocalDateTime.of(2026, 11, 20, 10, 0, 0, 5_000_000));
        assertThat(new JposTimes(ZoneId.of("UTC")).at("Fri Nov 20 10:00:00 CST 2026"))
                .isEqualTo(LocalDateTime.of(2026, 11, 20, 16, 0));
        assertThat(times.at("2026-11-20T02:00:00Z")).isEqualTo(LocalDateTime.of(2026, 11, 20, 10, 0));
        assertThat(times.at("not a time")).isNull();
        assertThat(times.at("Fri Foo 99 xx:yy CST 2026")).isNull();
    }

    @Test
    void plainIsoTimesAreReadFromBytesAsTheTextReaderReadsThem() {
        JposTimes times = new JposTimes(ZoneId.of("Asia/Shanghai"));
        for (String s : new String[]{"2026-11-20T10:15:30", "2026-11-20T10:15:30.123", " 2026-11-20 10:15:30.5 ",
                "2026-11-20T10:15:30.123456789", "2024-02-29T23:59:59.999"}) {
            byte[] b = ("x" + s + "y").getBytes(StandardCharsets.US_ASCII);
            assertThat(JposTimes.plainIso(b, 1, b.length - 1)).as(s).isEqualTo(times.at(s)).isNotNull();
        }
        for (String s : new String[]{"2026-02-30T10:00:00", "2026-11-20T24:00:00", "2026-11-20T10:15", "2026/11/20T10:15:30",
                "2026-11-20T10:15:30Z", "2026-11-20T10:15:30.", "2026-11-20T10:15:30.1234567891", "2026-11-2OT10:15:30"}) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertThat(JposTimes.plainIso(b, 0, b.length)).as(s).isNull();
        }
    }

    @Test
    void bareIsomsgDumpsWithCdataHeaderEntitiesAndNestedFields() throws Exception {
        ReadResult<TerminalRecord> r = read("bare.xml");
        assertThat(r.records()).hasSize(2);
        TerminalRecord first = r.records().get(0);
        assertThat(first.ref().line()).isEqualTo(1);
        assertThat(first.terminalId()).as("CDATA value").isEqualTo("BARE0001");
        assertThat(first.merchantId()).as("text value with entities").isEqualTo("Shop & Co A");
        assertThat(first.amount()).as("nested 48.4 does not overwrite 4").isEqualTo(Money.of(4200, CNY));
        assertThat(first.stan()).isEqualTo("000301");
        assertThat(first.card()).as("from track 2").isEqualTo("622202*********0123");
        assertThat(first.localTime()).isEqualTo(LocalDateTime.of(2026, 11, 20, 9, 30));
        assertThat(first.approved()).isTrue();

        TerminalRecord third = r.records().get(1);
        assertThat(third.amount()).isEqualTo(Money.of(1250, CNY));
        assertThat(third.localTime()).isEqualTo(LocalDateTime.of(2026, 11, 20, 9, 35));

        assertThat(r.rejects()).singleElement().satisfies(j -> {
            assertThat(j.line()).isEqualTo(lineOf("bare.xml", "value=\"000302\"") - 4);
            assertThat(j.reason()).contains("no time");
        });
    }

    @Test
    void truncatedFileKeepsCompleteEntriesAndRejectsTheCutOne() throws Exception {
        ReadResult<TerminalRecord> r = read("truncated.xml");
        assertThat(r.records()).singleElement().satisfies(t -> assertThat(t.approved()).isTrue());
        long cutLine = lineOf("truncated.xml", "at=\"2026-11-20T09:01:00.000\"");
        assertThat(r.rejects()).singleElement().satisfies(j -> {
            assertThat(j.line()).isEqualTo(cutLine);
            assertThat(j.reason()).isEqualTo("entry starting at line " + cutLine + " cut at end of file");
            assertThat(j.raw()).contains("411111******1111");
        });
    }

    @Test
    void garbageInterleavingRejectsTheBrokenEntryAndReadsTheNext() throws Exception {
        ReadResult<TerminalRecord> r = read("garbage.xml");
        assertThat(r.rejects()).singleElement().satisfies(j -> {
            assertThat(j.line()).isEqualTo(1);
            assertThat(j.reason()).contains("interrupted by another <log> at line 4");
        });
        assertThat(r.records()).singleElement().satisfies(t -> {
            assertThat(t.stan()).isEqualTo("128");
            assertThat(t.approved()).isTrue();
        });
        assertThat(r.ignored()).as("the entry that began inside the broken one").isEqualTo(1);
    }

    @Test
    void iso8583v2003MessagesLoopBackCopiesAndQuotedMessages() throws Exception {
        ReconConfig config = SHANGHAI.toBuilder().approvedCodes(Set.of("00", "0000")).build();
        ReadResult<TerminalRecord> r = read("iso2003.xml", config);

        assertThat(r.rejects()).isEmpty();
        assertThat(r.records()).extracting(TerminalRecord::requestMti, TerminalRecord::kind, TerminalRecord::amount)
                .containsExactly(
                        tuple("2100", TxnKind.SALE, Money.of(4000, Currency.getInstance("UYU"))),
                        tuple("2420", TxnKind.REVERSAL, Money.of(4000, Currency.getInstance("UYU"))));
        TerminalRecord sale = r.records().get(0);
        assertThat(sale.terminalId()).isEqualTo("29110001");
        assertThat(sale.stan()).isEqualTo("000000000013");
        assertThat(sale.authCode()).isEqualTo("123456");
        assertThat(sale.approved()).isTrue();
        assertThat(sale.localTime()).isEqualTo(LocalDateTime.of(2014, 12, 18, 15, 12, 40));
        TerminalRecord reversal = r.records().get(1);
        assertThat(reversal.originalMti()).isEqualTo("2100");
        assertThat(reversal.originalStan()).isEqualTo("000000000013");
        assertThat(reversal.card()).isEqualTo("600933******0021");
        assertThat(reversal.localTime()).as("offset entry time converted to Shanghai")
                .isEqualTo(LocalDateTime.of(2014, 12, 19, 1, 12, 42));
        // request copy, response copy, context entry, 2100/2110 balance inquiry, 2800
        assertThat(r.ignored()).isEqualTo(6);
    }

    @Test
    void yearWrapsAroundNewYear() throws Exception {
        assertThat(read("yearwrap.xml").records()).extracting(TerminalRecord::localTime).containsExactly(
                LocalDateTime.of(2026, 12, 31, 23, 59, 59),
                LocalDateTime.of(2027, 1, 1, 0, 0, 10));
    }

    @Test
    void brokenMessagesAreRejectedWithReasons() throws Exception {
        ReadResult<TerminalRecord> r = read("broken-fields.xml");
        assertThat(r.records()).isEmpty();
        assertThat(r.rejects()).extracting(Reject::line, Reject::reason).containsExactly(
                tuple(1L, "MTI '02X0' is not four digits (field 0)"),
                tuple(10L, "no MTI (field 0)"),
                tuple(18L, "0200 request: amount '12AB' is not digits (field 4)"),
                tuple(39L, "0200 request: no amount (field 4)"),
                tuple(49L, "0200 request: unknown currency '123' (field 49)"),
                tuple(61L, "0200 request: no terminal id (field 41)"));
        assertThat(r.ignored()).as("the response to the rejected request").isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"day.xml", "old-at.xml", "bare.xml", "truncated.xml", "garbage.xml", "iso2003.xml",
            "yearwrap.xml", "broken-fields.xml"})
    void noFullCardNumberAnywhereAndTheSameOutputWithAnyBufferSize(String name) throws Exception {
        ReadResult<TerminalRecord> r = read(name);
        StringBuilder all = new StringBuilder();
        r.records().forEach(t -> all.append(t).append('\n'));
        r.rejects().forEach(j -> all.append(j).append(' ').append(j.raw()).append('\n'));
        for (String pan : FULL_PANS) {
            assertThat(all.toString()).doesNotContain(pan);
        }
        byte[] bytes = Files.readAllBytes(resource(name));
        for (int size : new int[]{1, 7, 64, 4096}) {
            ReadResult<TerminalRecord> small = JposLogReader.read(new ByteArrayInputStream(bytes), name, SHANGHAI,
                    LocalDate.of(2026, 11, 20), size);
            assertThat(small).as("buffer %d", size).isEqualTo(r);
        }
        assertThat(read(name)).as("deterministic").isEqualTo(r);
    }

    /**
     * The usual field tag, {@code <field id="N" value="V"/>}, is read by a dedicated scan; every other way of
     * writing the same field goes through the general tag scanner. Both must read the same transactions.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "<field value=\"$2\" id=\"$1\"/>",
            "<field  id='$1'   value='$2' />",
            "<field id=\"$1\" value=\"$2\"></field>",
            "<field id = \"$1\" value = \"$2\"/>",
            "<field id=\"$1\" value=\"$2\" note=\"a=b\"/>",
            "<field id=\"$1\">$2</field>",
            "<field id=\"0$1\" value=\" $2 \"/>"})
    void everyWayOfWritingAFieldReadsTheSame(String shape) throws Exception {
        byte[] plain = Files.readAllBytes(resource("day.xml"));
        String text = new String(plain, StandardCharsets.UTF_8);
        String rewritten = text.replaceAll("<field id=\"(\\d+)\" value=\"([^\"&<>]*)\"\\s*/>", shape);
        assertThat(rewritten).isNotEqualTo(text);
        ReadResult<TerminalRecord> expected = read("day.xml");
        for (int size : new int[]{7, 4096}) {
            ReadResult<TerminalRecord> r = JposLogReader.read(
                    new ByteArrayInputStream(rewritten.getBytes(StandardCharsets.UTF_8)), "day.xml", SHANGHAI,
                    LocalDate.of(2026, 11, 20), size);
            assertThat(r.records()).as("buffer %d", size).isEqualTo(expected.records());
            assertThat(r.rejects()).extracting(Reject::line, Reject::reason)
                    .isEqualTo(expected.rejects().stream().map(j -> tuple(j.line(), j.reason())).toList());
            assertThat(r.ignored()).isEqualTo(expected.ignored());
        }
    }

    @Test
    void responsesWithoutTerminalIdPairWithTheOneOpenRequestOfTheirStan() throws Exception {
        StringBuilder log = new StringBuilder();
        // requests of four terminals; the host's responses carry no field 41
        log.append(message("0200", "T1", "000001", null, "10:00:00"));
        log.append(message("0200", "T2", "000002", null, "10:00:01"));
        log.append(message("0210", null, "000002", "00", "10:00:02"));
        log.append(message("0210", null, "000001", "05", "10:00:03"));
        log.append(message("0200", "T3", "000005", null, "10:00:04"));
        log.append(message("0200", "T4", "000005", null, "10:00:05"));
        log.append(message("0210", null, "000005", "00", "10:00:06"));
        log.append(message("0200", "T1", "000006", null, "10:00:07"));
        log.append(message("0210", null, "000006", "00", "10:00:08"));
        ReadResult<TerminalRecord> r = JposLogReader.read(
                new ByteArrayInputStream(log.toString().getBytes(StandardCharsets.UTF_8)), "t.xml", SHANGHAI,
                LocalDate.of(2026, 11, 20), 4096);
        assertThat(r.records()).extracting(TerminalRecord::terminalId, TerminalRecord::stan,
                        TerminalRecord::responseCode)
                .containsExactly(
                        tuple("T1", "000001", "05"),
                        tuple("T2", "000002", "00"),
                        tuple("T3", "000005", null),
                        tuple("T4", "000005", null),
                        tuple("T1", "000006", "00"));
        // STAN 5 is open on two terminals: its response cannot be told apart, so it is not guessed
        assertThat(r.rejects()).extracting(Reject::reason)
                .containsExactly("0210 response with no request (terminal ?, STAN 000005)");
    }

    @Test
    void aRequestThatReusesTheStanOfAnUnansweredOneIsANewPaymentNotARepeat() throws Exception {
        StringBuilder log = new StringBuilder();
        // STAN 42's sale of 10.00 gets no answer; the terminal's STAN comes round and a sale of 25.00 takes it
        log.append(message("0200", "T1", "000042", null, "10:00:00", "000000001000"));
        log.append(message("0200", "T1", "000042", null, "11:30:00", "000000002500"));
        log.append(message("0210", "T1", "000042", "00", "11:30:01", "000000002500"));
        // a true second copy (same amount) of an open request is still one transaction
        log.append(message("0200", "T1", "000043", null, "11:31:00", "000000000700"));
        log.append(message("0200", "T1", "000043", null, "11:31:00", "000000000700"));
        log.append(message("0210", "T1", "000043", "00", "11:31:01", "000000000700"));
        ReadResult<TerminalRecord> r = JposLogReader.read(
                new ByteArrayInputStream(log.toString().getBytes(StandardCharsets.UTF_8)), "t.xml", SHANGHAI,
                LocalDate.of(2026, 11, 20), 4096);
        assertThat(r.records()).extracting(TerminalRecord::stan, t -> t.amount().minor(),
                        TerminalRecord::responseCode)
                .containsExactly(
                        tuple("000042", 1000L, null),
                        tuple("000042", 2500L, "00"),
                        tuple("000043", 700L, "00"));
        assertThat(r.rejects()).isEmpty();
        assertThat(r.ignored()).isEqualTo(1);
    }

    private static String message(String mti, String tid, String stan, String rc, String time) {
        return message(mti, tid, stan, rc, time, "000000001000");
    }

    private static String message(String mti, String tid, String stan, String rc, String time, String amount) {
        return "<log realm=\"t\" at=\"2026-11-20T" + time + ".000\">\n  <" + (rc == null ? "send" : "receive")
                + "><isomsg>\n"
                + "    <field id=\"0\" value=\"" + mti + "\"/>\n"
                + "    <field id=\"3\" value=\"000000\"/>\n"
                + "    <field id=\"4\" value=\"" + amount + "\"/>\n"
                + "    <field id=\"11\" value=\"" + stan + "\"/>\n"
                + (tid == null ? "" : "    <field id=\"41\" value=\"" + tid + "\"/>\n")
                + (rc == null ? "" : "    <field id=\"39\" value=\"" + rc + "\"/>\n")
                + "  </isomsg></" + (rc == null ? "send" : "receive") + ">\n</log>\n";
    }

    @Test
    void aCardNumberQuotedInARejectReasonIsMasked() throws Exception {
        // found by JposLogFuzzTest: field 0 holding a Luhn-valid 14-digit run came out whole in the reason
        String log = message("02102404401103", "T1", "000001", null, "10:00:00");
        ReadResult<TerminalRecord> r = JposLogReader.read(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)),
                "t.xml", SHANGHAI, LocalDate.of(2026, 11, 20), 4096);
        assertThat(r.rejects()).singleElement().satisfies(j -> {
            assertThat(j.reason()).isEqualTo("MTI '021024****1103' is not four digits (field 0)");
            assertThat(j.raw()).doesNotContain("02102404401103");
        });
    }

    @Test
    void aFieldValueWithAnEntityOrANonAsciiCharacterIsDecoded() throws Exception {
        String log = """
                <log realm="t" at="2026-11-20T10:15:30.000">
                  <send><isomsg>
                    <field id="0" value="0200"/>
                    <field id="3" value="000000"/>
                    <field id="4" value="000000001000"/>
                    <field id="11" value="000001"/>
                    <field id="41" value="T&#48;01"/>
                    <field id="42" value="Mé01"/>
                  </isomsg></send>
                </log>
                """;
        ReadResult<TerminalRecord> r = JposLogReader.read(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)),
                "t.xml", SHANGHAI, LocalDate.of(2026, 11, 20), 4096);
        assertThat(r.records()).extracting(TerminalRecord::terminalId, TerminalRecord::merchantId)
                .containsExactly(tuple("T001", "M\u00e901"));
    }

    @Test
    void missingFileIsAnInputError(@TempDir Path dir) {
        assertThatThrownBy(() -> new JposLogReader(SHANGHAI).read(dir.resolve("nope.xml"), "nope.xml"))
                .isInstanceOf(InputException.class)
                .hasMessage("nope.xml: cannot read: no such file");
    }

    @Test
    void sniffRecognisesJposLogs(@TempDir Path dir) throws Exception {
        assertThat(JposLogReader.sniff(resource("day.xml"))).isTrue();
        assertThat(JposLogReader.sniff(resource("bare.xml"))).isTrue();
        assertThat(JposLogReader.sniff(resource("garbage.xml"))).isTrue();
        Path csv = Files.writeString(dir.resolve("s.csv"), "merchant_id,terminal_id\nM1,T1\n");
        assertThat(JposLogReader.sniff(csv)).isFalse();
        assertThat(JposLogReader.sniff(dir.resolve("missing"))).isFalse();
    }

    @Test
    void emptyAndNonLogInputGiveNothing() throws IOException {
        for (String text : new String[]{"", "hello < world", "<log", "<!-- only a comment", "<![CDATA[x"}) {
            InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            ReadResult<TerminalRecord> r = JposLogReader.read(in, "x", SHANGHAI, null, 16);
            assertThat(r.records()).as(text).isEmpty();
            assertThat(r.rejects()).as(text).isEmpty();
        }
    }

    private static ReadResult<TerminalRecord> read(String name) throws Exception {
        return read(name, SHANGHAI);
    }

    private static ReadResult<TerminalRecord> read(String name, ReconConfig config) throws Exception {
        return new JposLogReader(config).read(resource(name), name);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(JposLogReaderTest.class.getResource("/jpos/" + name).toURI());
    }

    private static long lineOf(String name, String text) throws Exception {
        List<String> lines = Files.readAllLines(resource(name));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + name);
    }
}
