package dev.posrecon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code posrecon stats}: one reconciled day from its summary.json, and a ledger holding several days. */
class StatsCommandTest {

    @Test
    void theSampleDayFromItsSummaryFlagsTheTraineeCashier(@TempDir Path tmp) throws Exception {
        SampleDayGoldenTest.reconcile(tmp, "--quiet").succeeded();
        String summary = tmp.resolve("summary.json").toString();
        CommandResult.run("stats", "--summary", summary).succeeded()
                .outContains("Where to aim training or maintenance:")
                .outContains("cashier C09: 7 cases in 41 transactions (170.7 per 1,000; the others 14.2)");
        String csv = CommandResult.run("stats", "--summary", summary, "--format", "csv").succeeded().out;
        assertThat(csv).startsWith("date,unit,id,transactions,cases,rate_per_1000,by_type,amount_at_stake,p_value,"
                + "flagged\n");
        List<Map<String, String>> rows = rows(csv);
        assertThat(rows).filteredOn(r -> "true".equals(r.get("flagged"))).extracting(r -> r.get("id"))
                .containsOnly("C09");
        // every case names a terminal; the terminals' cases add up to the day's
        long terminalCases = rows.stream().filter(r -> r.get("date").equals("total") && r.get("unit").equals("terminal"))
                .mapToLong(r -> Long.parseLong(r.get("cases"))).sum();
        assertThat(terminalCases).isEqualTo(15);
    }

    @Test
    void aLedgerOfTwoDaysGivesEachDayAndTheRange(@TempDir Path tmp) throws Exception {
        SampleDayGoldenTest.reconcile(tmp.resolve("day1"), "--quiet").succeeded();
        String db = twoDayLedger(tmp);

        String json = CommandResult.run("stats", "--db", db, "--from", "2026-11-20", "--to", "2026-11-21",
                "--format", "json").succeeded().out;
        JsonNode doc = new ObjectMapper().readTree(json);
        assertThat(doc.get("by_day").fieldNames()).toIterable().containsExactly("2026-11-20", "2026-11-21");
        JsonNode c09 = unit(doc.get("total"), "cashier", "C09");
        long perDay = unit(doc.get("by_day").get("2026-11-20"), "cashier", "C09").get("transactions").asLong()
                + unit(doc.get("by_day").get("2026-11-21"), "cashier", "C09").get("transactions").asLong();
        assertThat(c09.get("transactions").asLong()).isEqualTo(perDay).isGreaterThan(80);
        assertThat(c09.get("flagged").asBoolean()).isTrue();
        // day 1 from the ledger counts the receipts the files held
        JsonNode fromFiles = new ObjectMapper().readTree(tmp.resolve("day1").resolve("summary.json").toFile())
                .get("error_rates");
        assertThat(doc.get("by_day").get("2026-11-20").get("cashier").get("transactions"))
                .isEqualTo(fromFiles.get("cashier").get("transactions"));
        assertThat(doc.get("by_day").get("2026-11-20").get("terminal").get("transactions"))
                .isEqualTo(fromFiles.get("terminal").get("transactions"));

        CommandResult.run("stats", "--db", db, "--date", "2026-11-21").succeeded().outContains("cashier C09:");
        CommandResult.run("stats", "--db", db, "--from", "2026-11-21", "--to", "2026-11-20").exitedWith(2)
                .errContains("before").errIsOneLineWithoutStackTrace();
    }

    @Test
    void badInvocationsAreOneLine(@TempDir Path tmp) {
        CommandResult.run("stats", "--db", tmp.resolve("none").toString(), "--date", "2026-11-20").exitedWith(2)
                .errContains("no ledger").errIsOneLineWithoutStackTrace();
        CommandResult.run("stats", "--summary", tmp.resolve("missing.json").toString()).exitedWith(3)
                .errIsOneLineWithoutStackTrace();
        CommandResult.run("stats").exitedWith(2).errIsOneLineWithoutStackTrace();
    }

    /** A ledger holding the sample day and a second generated day (2026-11-21) with the same trainee cashier. */
    static String twoDayLedger(Path tmp) {
        String db = tmp.resolve("ledger").toString();
        List<String> day1 = new java.util.ArrayList<>(List.of("reconcile", "--quiet", "--db", db,
                "--out", tmp.resolve("out1").toString()));
        day1.addAll(inputs(SampleDayGoldenTest.DAY));
        CommandResult.run(day1.toArray(String[]::new)).succeeded();
        Path d2 = tmp.resolve("gen2");
        CommandResult.run("generate", "--quiet", "--transactions", "300", "--terminals", "4", "--seed", "7",
                "--date", "2026-11-21", "--zone", "Asia/Shanghai", "--case-rate", "0.05", "--trainee-cashier", "C09",
                "--out", d2.toString()).succeeded();
        List<String> day2 = new java.util.ArrayList<>(List.of("reconcile", "--quiet", "--db", db,
                "--out", tmp.resolve("out2").toString()));
        day2.addAll(inputs(d2));
        CommandResult.run(day2.toArray(String[]::new)).succeeded();
        return db;
    }

    private static List<String> inputs(Path d) {
        return List.of("--config", d.resolve("posrecon.properties").toString(),
                "--terminal-log", d.resolve("terminal.xml").toString(),
                "--settlement", d.resolve("settlement.csv").toString(),
                "--journal", d.resolve("journal.csv").toString(),
                "--customers", d.resolve("customers.csv").toString());
    }

    private static JsonNode unit(JsonNode rates, String kind, String id) {
        for (JsonNode u : rates.get(kind).get("units")) {
            if (u.get("id").asText().equals(id)) {
                return u;
            }
        }
        throw new AssertionError("no " + kind + " " + id + " in " + rates);
    }

    private static List<Map<String, String>> rows(String csv) throws Exception {
        Path f = Files.createTempFile("stats", ".csv");
        try {
            Files.writeString(f, csv);
            return ScenarioCsv.records(f);
        } finally {
            Files.delete(f);
        }
    }
}
