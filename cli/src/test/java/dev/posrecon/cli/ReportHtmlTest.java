package dev.posrecon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** report.html: written by every reconcile, self-contained, every value from an input file HTML-escaped. */
class ReportHtmlTest {
    static final String EVIL = "<script>alert(\"x\")</script>'&";
    static final String EVIL_ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;";

    @Test
    void theSampleDaysReportIsSelfContainedAndDeterministic(@TempDir Path tmp) throws Exception {
        SampleDayGoldenTest.reconcile(tmp.resolve("a"), "--quiet").succeeded();
        SampleDayGoldenTest.reconcile(tmp.resolve("b"), "--quiet", "--threads", "1").succeeded();
        String html = Files.readString(tmp.resolve("a").resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(Files.readString(tmp.resolve("b").resolve("report.html"), StandardCharsets.UTF_8)).isEqualTo(html);
        // nothing fetched: no external script, style sheet, font or image
        assertThat(html).doesNotContainPattern("(?i)<script[^>]+src").doesNotContainPattern("(?i)<link")
                .doesNotContainPattern("(?i)url\\(").doesNotContainPattern("(?i)@import")
                .doesNotContainPattern("(?i)https?://");
        assertThat(html).contains("<span class=\"n\" id=\"case-count\">15</span>")
                .contains("id=\"at-stake\">11858.51 CNY<")
                .contains("<li class=\"flagged\" data-unit=\"cashier\" data-id=\"C09\">")
                .contains("<svg class=\"chart\"").contains("2026-11-20");
        assertThat(count(html, "<details class=\"case\"")).isEqualTo(15);
        // conservation lines, all balanced
        assertThat(count(html, "class=\"conservation ok\"")).isEqualTo(4);
        // evidence with file:line, ranked contact advice and drafts
        assertThat(html).contains("samples/day-2026-11-20/terminal.xml:").contains("<ol class=\"contact\">")
                .contains("<blockquote>");
        // card numbers only masked
        assertThat(html).doesNotContainPattern("\\b[3-6]\\d{15,18}\\b");
    }

    /** Script and quotes in every field the inputs carry: file names, ids, names, settings, a rejected line. */
    @Test
    void everyValueFromAnInputFileIsEscaped(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in" + EVIL));
        Path day = SampleDayGoldenTest.DAY;
        for (String f : List.of("terminal.xml", "settlement.csv", "customers.csv")) {
            Files.copy(day.resolve(f), in.resolve(f));
        }
        Files.writeString(in.resolve("settlement.csv"), EVIL + "," + EVIL + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        String quoted = "\"" + EVIL.replace("\"", "\"\"") + "\"";
        List<String> journal = new ArrayList<>();
        for (String line : Files.readAllLines(day.resolve("journal.csv"), StandardCharsets.UTF_8)) {
            String[] f = line.split(",", -1);
            if (!f[0].equals("receipt_no")) {
                f[1] = quoted.replace("x", "store");
                f[2] = quoted.replace("x", "register");
                f[3] = "\"" + f[3] + EVIL.replace("\"", "\"\"") + "\"";
                f[0] = "\"" + f[0] + EVIL.replace("\"", "\"\"") + "\"";
            }
            journal.add(String.join(",", f));
        }
        Files.write(in.resolve("journal.csv"), journal, StandardCharsets.UTF_8);
        List<String> customers = new ArrayList<>();
        for (String line : Files.readAllLines(in.resolve("customers.csv"), StandardCharsets.UTF_8)) {
            String[] f = line.split(",", -1);
            if (!f[0].equals("member_id")) {
                f[1] = quoted;
            }
            customers.add(String.join(",", f));
        }
        Files.write(in.resolve("customers.csv"), customers, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("posrecon.properties"), Files.readString(day.resolve("posrecon.properties"))
                .replaceAll("merchant.name=.*", "merchant.name=" + EVIL.replace("\\", "\\\\")), StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        CommandResult.run("reconcile", "--config", in.resolve("posrecon.properties").toString(),
                "--terminal-log", in.resolve("terminal.xml").toString(),
                "--settlement", in.resolve("settlement.csv").toString(),
                "--journal", in.resolve("journal.csv").toString(),
                "--customers", in.resolve("customers.csv").toString(), "--out", out.toString(), "--no-db",
                "--quiet").succeeded();
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        // the only script is the report's own filter script, and no input made an element or attribute of its own
        assertThat(count(html, "<script")).isEqualTo(1);
        assertThat(html).doesNotContain("alert(\"").doesNotContain("</script>'");
        // each kind of value reached the page, escaped
        assertThat(html).contains("<h1>" + EVIL_ESCAPED + "</h1>")
                .contains("C09" + EVIL_ESCAPED)
                .contains(EVIL_ESCAPED.replace("x", "store"))
                .contains(EVIL_ESCAPED.replace("x", "register"))
                .contains("-000197" + EVIL_ESCAPED)
                .contains("in" + EVIL_ESCAPED + "/settlement.csv:253</code>: has 2 fields, but the header has 14"
                        + " <code class=\"raw\">" + EVIL_ESCAPED + "," + EVIL_ESCAPED + "</code>")
                .contains("in" + EVIL_ESCAPED + "/journal.csv:");
        // the trainee is still the one flagged, under its escaped id
        assertThat(html).contains("data-unit=\"cashier\" data-id=\"C09" + EVIL_ESCAPED + "\"");
    }

    /** audit --html from a ledger of two days: every case of the range with its status, the trainee flagged. */
    @Test
    void theLedgerReportsARangeWithStatusesAndRedactsOnRequest(@TempDir Path tmp) throws Exception {
        String db = StatsCommandTest.twoDayLedger(tmp);
        String id = CommandResult.run("cases", "list", "--db", db, "--format", "csv").succeeded().out.lines()
                .skip(1).findFirst().orElseThrow().split(",")[0];
        CommandResult.run("cases", "update", id, "--status", "CONTACTED", "--note", "called", "--db", db).succeeded();
        Path html = tmp.resolve("month.html");
        CommandResult.run("audit", "--db", db, "--from", "2026-11-20", "--to", "2026-11-21", "--html",
                html.toString(), "--config", SampleDayGoldenTest.DAY.resolve("posrecon.properties").toString())
                .succeeded().outContains("Written: ");
        String page = Files.readString(html, StandardCharsets.UTF_8);
        int cases = CommandResult.run("cases", "list", "--db", db, "--from", "2026-11-20", "--to", "2026-11-21",
                "--format", "csv").succeeded().out.strip().split("\n").length - 1;
        assertThat(count(page, "<details class=\"case\"")).isEqualTo(cases).isGreaterThan(20);
        assertThat(page).contains("<b id=\"period\">2026-11-20 .. 2026-11-21</b>")
                .contains("data-status=\"CONTACTED\"").contains("<option>CONTACTED</option>")
                .contains("<li class=\"flagged\" data-unit=\"cashier\" data-id=\"C09\">")
                .contains("id=\"case-count\">" + cases + "<");
        assertThat(page).containsPattern("<b>PHONE</b> \\d{11} ");
        Path redacted = tmp.resolve("redacted.html");
        CommandResult.run("audit", "--db", db, "--from", "2026-11-20", "--to", "2026-11-21", "--html",
                redacted.toString(), "--redact-contacts").succeeded();
        String r = Files.readString(redacted, StandardCharsets.UTF_8);
        assertThat(r).doesNotContainPattern("<b>(PHONE|SMS)</b> \\d{6,}").doesNotContain("<blockquote>");
        CommandResult.run("audit", "--db", db, "--from", "2026-11-20").exitedWith(2).errContains("--html")
                .errIsOneLineWithoutStackTrace();
    }

    static int count(String s, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
