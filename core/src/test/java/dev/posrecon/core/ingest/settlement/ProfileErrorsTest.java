package dev.posrecon.core.ingest.settlement;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.error.InputException;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.model.SettlementRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bad profile fails fast naming the key; a profile that does not fit the file never yields wrong amounts. */
class ProfileErrorsTest {
    static final String MINIMAL = "column.txn_time=t\ncolumn.amount=a\ntype.default=SALE\n";

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "colour=blue|colour|unknown key",
        "format=xml|format|expected delimited or fixed-width",
        "column.amount_due=x|column.amount_due|unknown canonical column",
        "type.map.X=PAYMENT|type.map.X|found 'PAYMENT'",
        "zone=Mars/Base|zone|unknown time zone",
        "format.txn_time=yyyy-MM-dd HH:mm:ss ppp q|format.txn_time|not a date-time pattern",
        "format.txn_time=yyyy-MM-dd HH:mpem|format.txn_time|not a date-time pattern",
        "amount.units=cents|amount.units|expected major or minor",
        "skip.lines=-1|skip.lines|expected a number >= 0",
        "encoding=KLINGON-8|encoding|unknown encoding",
        "default.currency=XXQ|default.currency|unknown currency",
        "quote=''|quote|expected one character",
        "field.amount=1,5|field.amount|field.* is for fixed-width profiles",
        "column.rrn=a + b|column.rrn|only amount, fee and net",
        "record.select.column=kind|record.select.values|go together",
        "column.batch=77777777777777777777777777777777|column.batch|beyond the 2048 columns",
        "column.batch=2049|column.batch|beyond the 2048 columns",
    })
    void badKeyIsNamed(String line, String key, String problem) throws IOException {
        Path p = file("bad.properties", MINIMAL + line.replace("''", "ab") + "\n");
        assertThatThrownBy(() -> SettlementReaders.open(p.toString(), null, ReconConfig.defaults()))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.file()).isEqualTo(p.toString());
                    assertThat(e.line()).isZero();
                    assertThat(e.field()).isEqualTo(key);
                    assertThat(e.getMessage()).contains(problem);
                });
    }

    @Test
    void profileWithoutAmountOrTimeIsRejected() throws IOException {
        Path noAmount = file("a.properties", "column.txn_time=t\ntype.default=SALE\n");
        assertThatThrownBy(() -> SettlementReaders.describe(noAmount.toString()))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.field()).isEqualTo("column.amount"));
        Path noTime = file("b.properties", "column.amount=a\ntype.default=SALE\n");
        assertThatThrownBy(() -> SettlementReaders.describe(noTime.toString()))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.field()).isEqualTo("column.txn_time"));
        Path noMap = file("c.properties", "column.amount=a\ncolumn.txn_time=t\ncolumn.type=k\n");
        assertThatThrownBy(() -> SettlementReaders.describe(noMap.toString()))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.field()).isEqualTo("type.map"));
    }

    @Test
    void fixedWidthFieldsMayNotOverlapNorHaveAHeader() throws IOException {
        Path overlap = file("o.properties", "format=fixed-width\nfield.txn_time=1,14\nfield.amount=10,12\n"
                + "type.default=SALE\n");
        assertThatThrownBy(() -> SettlementReaders.describe(overlap.toString()))
                .isInstanceOf(InputException.class).hasMessageContaining("field.*").hasMessageContaining("overlap");
        Path header = file("h.properties", "format=fixed-width\nheader=true\nfield.txn_time=1,14\n"
                + "field.amount=15,12\ntype.default=SALE\n");
        assertThatThrownBy(() -> SettlementReaders.describe(header.toString()))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.field()).isEqualTo("header"));
    }

    @Test
    void unknownProfileNameListsTheShippedOnes() {
        assertThatThrownBy(() -> SettlementReaders.open("visa-base2", null, ReconConfig.defaults()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("no such settlement profile")
                .hasMessageContaining("wechatpay-bill");
    }

    @Test
    void userProfileFileReadsItsLayout() throws IOException {
        Path p = file("shop.properties", "description=My acquirer\ndelimiter=;\nskip.lines=1\n"
                + "column.txn_time=Datum\nformat.txn_time=dd.MM.yyyy HH:mm\ncolumn.amount=Betrag\n"
                + "amount.decimal.separator=,\namount.thousands.separator=.\namount.sign=signed\n"
                + "column.terminal_id=Terminal\ndefault.currency=EUR\n");
        Path f = file("export.csv", "Export 2026-11-20\nDatum;Terminal;Betrag\n20.11.2026 10:15;T1;1.234,50\n"
                + "20.11.2026 11:00;T1;-20,00\n");
        ReadResult<SettlementRecord> r = SettlementReaders.open(p.toString(), null, ReconConfig.defaults())
                .read(f, "export.csv");
        assertThat(r.rejects()).isEmpty();
        assertThat(r.ignored()).isEqualTo(1);
        assertThat(r.records()).extracting(s -> s.type() + " " + s.amount())
                .containsExactly("SALE 1234.50 EUR", "REFUND 20.00 EUR");
        assertThat(SettlementReaders.describe(p.toString()).name()).isEqualTo("shop");
        assertThat(SettlementReaders.profileText(p.toString())).contains("My acquirer");
    }

    @Test
    void wrongProfileForTheFileNamesTheMissingColumn() throws IOException {
        Path canonical = file("c.csv", "merchant_id,terminal_id,txn_time,type,amount\nM,T,2026-11-20 10:00:00,SALE,"
                + "1.00\n");
        assertThatThrownBy(() -> SettlementReaders.open("wechatpay-bill", null, ReconConfig.defaults())
                .read(canonical, "c.csv"))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.field()).isEqualTo("商户号");
                    assertThat(e.getMessage()).contains("missing columns").contains("profile wechatpay-bill")
                            .contains("header has: merchant_id, terminal_id, txn_time, type, amount");
                });
    }

    @Test
    void fixedWidthWithWrongWidthsRejectsInsteadOfMisreadingAmounts() throws IOException {
        // a detail record shifted by two characters: the amount field holds letters and digits
        String good = "D898310048160001T00000012026112010153020261121010000000115200000000000696222021234567894   "
                + "A1B2C3632410123456000123000045156";
        String shifted = "DXX898310048160001T00000012026112010153020261121010000000115200000000000696222021234567894";
        Path f = file("fw.txt", "H2026112148020000   X\n" + good + "\n" + shifted + "\nT00000002\n");
        ReadResult<SettlementRecord> r = SettlementReaders.open("fixed-width-acquirer", null, ReconConfig.defaults())
                .read(f, "fw.txt");
        assertThat(r.records()).hasSize(1);
        assertThat(r.records().get(0).amount().minor()).isEqualTo(11520);
        assertThat(r.ignored()).isEqualTo(2);
        assertThat(r.rejects()).hasSize(1);
        assertThat(r.rejects().get(0).line()).isEqualTo(3);
        assertThat(r.rejects().get(0).reason()).isEqualTo("type (from at 47+2): unknown value '21' (the profile maps: 01, 03, 04, 31, 41, 51)");
        assertThat(r.rejects().get(0).raw()).doesNotContain("6222021234567894");
    }

    @Test
    void fixedWidthAmountThatIsNotANumberIsRejectedNamingIt() throws IOException {
        String rec = "D898310048160001T00000012026112010153020261121010000001152X0000000000696222021234567894   "
                + "A1B2C3632410123456000123000045156";
        Path f = file("fw.txt", rec + "\n");
        ReadResult<SettlementRecord> r = SettlementReaders.open("fixed-width-acquirer", null, ReconConfig.defaults())
                .read(f, "fw.txt");
        assertThat(r.records()).isEmpty();
        assertThat(r.rejects().get(0).reason()).isEqualTo("amount (from at 49+12): not a number: '0000001152X0'");
    }

    @Test
    void typeMappedToIgnoreIsIgnoredNotRejected() throws IOException {
        Path p = file("t.properties", "column.txn_time=time\ncolumn.amount=amt\ncolumn.type=kind\n"
                + "type.map.P=SALE\ntype.map.FEE=IGNORE\n");
        Path f = file("t.csv", "time,kind,amt\n2026-11-20 10:00:00,P,1.00\n2026-11-20 10:00:01,fee,0.10\n"
                + "2026-11-20 10:00:02,Q,1.00\n");
        ReadResult<SettlementRecord> r = SettlementReaders.open(p.toString(), null, ReconConfig.defaults())
                .read(f, "t.csv");
        assertThat(r.records()).hasSize(1);
        assertThat(r.ignored()).isEqualTo(1);
        assertThat(r.rejects()).extracting(x -> x.line() + " " + x.reason())
                .containsExactly("4 type (from 'kind'): unknown value 'Q' (the profile maps: FEE, P)");
    }

    @Test
    void detectFindsNothingForAnUnrelatedFile() throws IOException {
        Path f = file("notes.txt", "hello,world\n1,2\n");
        assertThat(SettlementReaders.detect(f, null)).isEmpty();
    }
}
