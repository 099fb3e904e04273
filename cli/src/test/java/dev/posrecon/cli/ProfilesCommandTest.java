package dev.posrecon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProfilesCommandTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void listsShippedProfilesWithOneLineDescriptions() {
        Result r = run("profiles");
        assertThat(r.code()).isZero();
        String[] lines = r.out().strip().split("\\R");
        assertThat(lines).hasSize(7);
        assertThat(lines[0]).startsWith("adyen-settlement-details").contains("delimited");
        assertThat(r.out()).contains("wechatpay-bill").containsPattern("fixed-width-acquirer +fixed-width +UnionPay");
        assertThat(lines[5]).startsWith("terminal-csv").endsWith("[terminal profile: reconcile --terminal-profile "
                + "terminal-csv]");
    }

    @Test
    void showPrintsTheProfileFile() {
        Result r = run("profiles", "show", "wechatpay-bill");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("stop.at.prefix=总交易单数").contains("strip.prefix=`");
    }

    @Test
    void unknownProfileIsBadInput() {
        Result r = run("profiles", "show", "no-such-layout");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("no such settlement profile");
    }

    @Test
    void showChecksAUsersProfileNamingTheBadKey(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("mine.properties");
        Files.writeString(p, "column.txn_time=t\ncolumn.amount=a\ntype.default=SALE\ncolour=blue\n");
        Result r = run("profiles", "show", p.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("field 'colour': unknown key");
    }
}
