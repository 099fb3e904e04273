package dev.posrecon.core.ingest.settlement;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.error.InputException;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.inspect.InspectReport;
import dev.posrecon.core.inspect.Inspector;
import dev.posrecon.core.model.TerminalRecord;
import dev.posrecon.core.model.TxnKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A terminal that exports CSV is read through a {@code target=terminal} profile onto terminal records. */
class TerminalProfileTest {
    static final ReconConfig SHANGHAI = ShippedProfilesTest.SHANGHAI;
    static final String MINIMAL = "target=terminal\ncolumn.local_time=t\ncolumn.amount=a\ncolumn.response_code=rc\n"
            + "type.default=SALE\n";

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    static Path sample() {
        return ShippedProfilesTest.sample("terminal-csv").resolveSibling("terminal.csv");
    }

    /** kind, STAN, amount (minor), approved, timed out, card, original STAN, line. */
    static String brief(TerminalRecord t) {
        return t.ref().line() + " " + t.kind() + " " + t.stan() + " " + t.amount().minor() + " "
                + t.amount().currency() + (t.approved() ? " approved" : " rc=" + t.responseCode())
                + (t.timedOut() ? " timeout" : "") + " card=" + t.card() + " orig=" + t.originalStan();
    }

    @Test
    void shippedTerminalCsvReadsItsSample() {
        ReadResult<TerminalRecord> r = TerminalReaders.open("terminal-csv", null, SHANGHAI).read(sample(), "terminal");
        assertThat(r.rejects()).isEmpty();
        assertThat(r.ignored()).isEqualTo(3); // Echo, Balance Inquiry, Settlement
        assertThat(r.records()).extracting(TerminalProfileTest::brief).containsExactly(
                "3 SALE 000701 5680 CNY approved card=622202******1111 orig=null",
                "4 SALE 000702 12000 CNY rc=51 card=436742******2222 orig=null",
                "5 SALE 000703 8800 CNY approved card=625094******3333 orig=null",
                "6 VOID 000704 8800 CNY approved card=625094******3333 orig=000703",
                "8 SALE 000706 125000 CNY approved card=622202******4444 orig=null",
                "9 REFUND 000707 2000 CNY approved card=622202******1111 orig=null");
        TerminalRecord first = r.records().get(0);
        assertThat(first.terminalId()).isEqualTo("T0000003");
        assertThat(first.merchantId()).isEqualTo("898310048160001");
        assertThat(first.rrn()).isEqualTo("633000000701");
        assertThat(first.authCode()).isEqualTo("700701");
        assertThat(first.processingCode()).isEqualTo("000000");
        assertThat(first.localTime()).isEqualTo(LocalDateTime.of(2026, 11, 20, 10, 5, 10));
        assertThat(first.responseRef()).isEqualTo(first.ref());
    }

    @Test
    void fullPanIsMaskedInRecordsAndRejects() throws IOException {
        Path f = file("t.csv", "Date Time,Terminal ID,Trans Type,STAN,Resp Code,Amount,Card Number\n"
                + "2026-11-20 10:00:00,T1,Sale,000001,00,10.00,6222021234567894\n"
                + "2026-11-20 10:01:00,T1,Sale,000002,00,ten,6222021234561234\n");
        ReadResult<TerminalRecord> r = TerminalReaders.open("terminal-csv", null, SHANGHAI).read(f, "t.csv");
        assertThat(r.records()).singleElement().extracting(TerminalRecord::card).isEqualTo("622202******7894");
        assertThat(r.rejects()).singleElement().satisfies(rej -> {
            assertThat(rej.line()).isEqualTo(3);
            assertThat(rej.reason()).contains("amount").contains("not a number: 'ten'");
            assertThat(rej.raw()).doesNotContain("6222021234561234").contains("622202******1234");
        });
    }

    @Test
    void emptyResponseCodeIsATimeoutAndApprovalFollowsTheConfiguredCodes() throws IOException {
        Path f = file("t.csv", "Date Time,Terminal ID,Trans Type,STAN,Resp Code,Amount\n"
                + "2026-11-20 10:00:00,T1,Sale,000001,,10.00\n"
                + "2026-11-20 10:01:00,T1,Sale,000002,10,10.00\n");
        ReadResult<TerminalRecord> strict = TerminalReaders.open("terminal-csv", null, SHANGHAI).read(f, "t.csv");
        assertThat(strict.records()).extracting(TerminalProfileTest::brief).containsExactly(
                "2 SALE 000001 1000 CNY rc=null timeout card=null orig=null",
                "3 SALE 000002 1000 CNY rc=10 card=null orig=null");
        ReconConfig partial = SHANGHAI.toBuilder().approvedCodes(java.util.Set.of("00", "10")).build();
        assertThat(TerminalReaders.open("terminal-csv", null, partial).read(f, "t.csv").records().get(1).approved())
                .isTrue();
    }

    @Test
    void kindFromMtiAndProcessingCodeUsesTheConfiguredMappingAndSkipsNetworkManagement() throws IOException {
        Path p = file("iso.properties", "target=terminal\ncolumn.mti=MTI\ncolumn.processing_code=F3\n"
                + "column.local_time=Time\nformat.local_time=yyyyMMddHHmmss\ncolumn.amount=F4\namount.units=minor\n"
                + "column.response_code=F39\ncolumn.terminal_id=F41\ncolumn.stan=F11\ncolumn.currency=F49\n"
                + "zone=UTC\n");
        Path f = file("iso.csv", "MTI,F3,F4,F11,F39,F41,F49,Time\n"
                + "0800,990000,0,000009,00,T1,,20261120020000\n"
                + "0200,000000,11520,000010,00,T1,156,20261120021530\n"
                + "0200,200000,500,000011,00,T1,156,20261120030000\n"
                + "0400,000000,11520,000012,,T1,156,20261120031000\n");
        ReadResult<TerminalRecord> r = TerminalReaders.open(p.toString(), null, SHANGHAI).read(f, "iso.csv");
        assertThat(r.rejects()).isEmpty();
        assertThat(r.ignored()).isEqualTo(1);
        assertThat(r.records()).extracting(TerminalProfileTest::brief).containsExactly(
                "3 SALE 000010 11520 CNY approved card=null orig=null",
                "4 REFUND 000011 500 CNY approved card=null orig=null",
                "5 REVERSAL 000012 11520 CNY rc=null timeout card=null orig=null");
        assertThat(r.records().get(0).requestMti()).isEqualTo("0200");
        assertThat(r.records().get(0).localTime()).isEqualTo(LocalDateTime.of(2026, 11, 20, 10, 15, 30));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "column.type=kind|column.type|maps column.kind",
        "column.txn_time=x|column.txn_time|unknown terminal field",
        "type.map.X=CHARGEBACK|type.map.X|SALE, REFUND, VOID or REVERSAL",
        "fee.negate=true|fee.negate|only for settlement profiles",
        "amount.credit.column=c|amount.credit.column|only for settlement profiles",
        "format.txn_time=yyyy|format.txn_time|only format.local_time",
        "target=pos|target|expected settlement or terminal",
    })
    void badTerminalProfileKeyIsNamed(String line, String key, String problem) throws IOException {
        Path p = file("bad.properties", MINIMAL + line + "\n");
        assertThatThrownBy(() -> TerminalReaders.open(p.toString(), null, SHANGHAI))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.field()).isEqualTo(key);
                    assertThat(e.getMessage()).contains(problem);
                });
    }

    @Test
    void aTerminalProfileNeedsAResponseCodeOrADefault() throws IOException {
        Path p = file("norc.properties", "target=terminal\ncolumn.local_time=t\ncolumn.amount=a\ntype.default=SALE\n");
        assertThatThrownBy(() -> TerminalReaders.open(p.toString(), null, SHANGHAI))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.field())
                        .isEqualTo("column.response_code"));
        Path ok = file("approved-only.properties", "target=terminal\ncolumn.local_time=t\ncolumn.amount=a\n"
                + "type.default=SALE\ndefault.response_code=00\n");
        Path f = file("t.csv", "t,a\n2026-11-20 10:00:00,5.00\n");
        assertThat(TerminalReaders.open(ok.toString(), null, SHANGHAI).read(f, "t.csv").records())
                .singleElement().satisfies(t -> assertThat(t.approved()).isTrue());
    }

    @Test
    void aProfileOfTheOtherTargetIsRefusedNamingTarget() {
        assertThatThrownBy(() -> SettlementReaders.open("terminal-csv", null, SHANGHAI))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.field()).isEqualTo("target");
                    assertThat(e.getMessage()).contains("--terminal-profile");
                });
        assertThatThrownBy(() -> TerminalReaders.open("canonical", null, SHANGHAI))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.field()).isEqualTo("target"));
    }

    @Test
    void aWrongHeaderIsRefusedNamingTheMissingColumn() throws IOException {
        Path f = file("t.csv", "when,tid,amount\n2026-11-20 10:00:00,T1,5.00\n");
        assertThatThrownBy(() -> TerminalReaders.open("terminal-csv", null, SHANGHAI).read(f, "t.csv"))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("missing columns").contains("Date Time");
                });
    }

    @Test
    void detectionAndInspectNameTheTerminalProfile() {
        assertThat(TerminalReaders.detect(sample(), null)).contains("terminal-csv");
        assertThat(SettlementReaders.detect(sample(), null)).isEmpty();
        assertThat(SettlementReaders.detectAny(sample(), null)).contains("terminal-csv");
        assertThat(TerminalReaders.detect(ShippedProfilesTest.sample("canonical"), null)).isEmpty();
        assertThat(TerminalReaders.isTerminalProfile("terminal-csv")).isTrue();
        assertThat(TerminalReaders.isTerminalProfile("canonical")).isFalse();

        InspectReport r = Inspector.inspect(sample(), null, null, SHANGHAI);
        assertThat(r.format()).isEqualTo("terminal:terminal-csv (terminal export)");
        assertThat(r.records()).isEqualTo(6);
        assertThat(r.ignored()).isEqualTo(3);
        assertThat(r.rejects()).isEmpty();
        assertThat(r.notes()).anyMatch(n -> n.contains("--terminal-profile terminal-csv"));
        assertThat(Inspector.inspect(sample(), "terminal-csv", null, SHANGHAI).format())
                .isEqualTo("terminal:terminal-csv (terminal export)");
    }

    @Test
    void usesTheCurrencyOfTheConfigurationWhenTheExportHasNone() throws IOException {
        Path f = file("t.csv", "Date Time,Terminal ID,Trans Type,STAN,Resp Code,Amount\n"
                + "2026-11-20 10:00:00,T1,Sale,000001,00,10.00\n");
        ReconConfig usd = SHANGHAI.toBuilder().currency(Currency.getInstance("USD")).zone(ZoneId.of("UTC")).build();
        assertThat(TerminalReaders.open("terminal-csv", null, usd).read(f, "t.csv").records().get(0).amount()
                .currency()).isEqualTo(Currency.getInstance("USD"));
    }
}
