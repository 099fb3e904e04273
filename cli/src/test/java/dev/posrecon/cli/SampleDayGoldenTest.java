package dev.posrecon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command on the sample day: finds every planted case (truth.csv) and nothing else, and
 * reproduces samples/day-2026-11-20/expected/ byte for byte.
 */
class SampleDayGoldenTest {
    static final Path DAY = Path.of(System.getProperty("posrecon.repoRoot", ".."), "samples", "day-2026-11-20");

    static CommandResult reconcile(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("reconcile",
                "--config", DAY.resolve("posrecon.properties").toString(),
                "--terminal-log", DAY.resolve("terminal.xml").toString(),
                "--settlement", DAY.resolve("settlement.csv").toString(),
                "--journal", DAY.resolve("journal.csv").toString(),
                "--customers", DAY.resolve("customers.csv").toString(),
                "--out", out.toString(), "--no-db"));
        args.addAll(List.of(extra));
        return CommandResult.run(args.toArray(String[]::new));
    }

    @Test
    void findsEveryPlantedCaseAndNothingElse(@TempDir Path tmp) throws Exception {
        reconcile(tmp).succeeded().outContains("15 case(s)");
        Set<String> truth = new TreeSet<>();
        for (String l : Files.readAllLines(DAY.resolve("truth.csv")).subList(1, 16)) {
            String[] f = l.split(",");
            truth.add(f[0] + "|" + f[1] + "|" + f[2] + "|" + f[4]);
        }
        Set<String> found = new TreeSet<>();
        for (var rec : ScenarioCsv.records(tmp.resolve("cases.csv"))) {
            found.add(rec.get("type") + "|" + rec.get("terminal_id") + "|" + rec.get("stan") + "|"
                    + rec.get("amount_at_stake"));
        }
        assertThat(found).isEqualTo(truth);
    }

    /** truth.csv plants a trainee cashier (most of the planted cases): summary.json flags that cashier, no one else. */
    @Test
    void flagsTheCashierTheTruthPlantedAndNoOtherUnit(@TempDir Path tmp) throws Exception {
        reconcile(tmp, "--quiet").succeeded();
        java.util.Map<String, Integer> plantedByCashier = new java.util.TreeMap<>();
        for (var rec : ScenarioCsv.records(DAY.resolve("truth.csv"))) {
            if (!rec.get("cashier_id").isEmpty()) {
                plantedByCashier.merge(rec.get("cashier_id"), 1, Integer::sum);
            }
        }
        String planted = plantedByCashier.entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                .orElseThrow().getKey();
        assertThat(plantedByCashier.get(planted)).as("the truth plants one cashier with most cases").isGreaterThan(5);
        var rates = new com.fasterxml.jackson.databind.ObjectMapper().readTree(tmp.resolve("summary.json").toFile())
                .get("error_rates");
        Set<String> flagged = new TreeSet<>();
        for (String unit : List.of("terminal", "cashier", "register", "store")) {
            for (var u : rates.get(unit).get("units")) {
                if (u.get("flagged").asBoolean()) {
                    flagged.add(unit + " " + u.get("id").asText());
                }
            }
        }
        assertThat(flagged).containsExactly("cashier " + planted);
    }

    @Test
    void reproducesTheExpectedFilesByteForByte(@TempDir Path tmp) throws Exception {
        reconcile(tmp, "--quiet").succeeded().outIsEmpty();
        for (String f : List.of("cases.csv", "cases.json", "summary.json", "rejects.csv", "report.html")) {
            // evidence and summaries name the input files as given: compare them as the README gives them
            String got = Files.readString(tmp.resolve(f), StandardCharsets.UTF_8)
                    .replace(DAY.toString() + "/", "samples/day-2026-11-20/");
            assertThat(got)
                    .as(f + " (regenerate samples/day-2026-11-20/expected with the README's first command"
                            + " and --out samples/day-2026-11-20/expected if the change is intended)")
                    .isEqualTo(Files.readString(DAY.resolve("expected").resolve(f), StandardCharsets.UTF_8));
        }
    }

    @Test
    void oneThreadOrTwoGiveTheSameBytes(@TempDir Path tmp) throws Exception {
        reconcile(tmp.resolve("one"), "--quiet", "--threads", "1").succeeded();
        reconcile(tmp.resolve("two"), "--quiet", "--threads", "2").succeeded();
        for (String f : List.of("cases.csv", "cases.json")) {
            assertThat(Files.readAllBytes(tmp.resolve("two").resolve(f)))
                    .isEqualTo(Files.readAllBytes(tmp.resolve("one").resolve(f)));
        }
    }

    @Test
    void noFullCardNumberReachesAnyOutput(@TempDir Path tmp) throws Exception {
        reconcile(tmp, "--quiet").succeeded();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<field id=\"2\" value=\"([0-9]+)\"")
                .matcher(Files.readString(DAY.resolve("terminal.xml")));
        Set<String> pans = new TreeSet<>();
        while (m.find()) {
            pans.add(m.group(1));
        }
        assertThat(pans).hasSizeGreaterThan(100);
        for (String f : List.of("cases.csv", "cases.json", "summary.json", "rejects.csv", "report.html")) {
            String text = Files.readString(tmp.resolve(f));
            assertThat(pans).as("full PANs in " + f).noneMatch(text::contains);
        }
    }

    @Test
    void anotherBusinessDayReportsNoCaseAndCountsTheDayAsOtherDay(@TempDir Path tmp) throws Exception {
        reconcile(tmp, "--quiet", "--date", "2026-11-21").succeeded();
        var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(tmp.resolve("summary.json").toFile());
        assertThat(summary.get("cases").get("total").asInt()).isZero();
        assertThat(summary.get("balanced").asBoolean()).isTrue();
        var terminal = summary.get("sources").get("terminal");
        // every terminal record of a case or of nothing matched belongs to 2026-11-20: other-day, not matched
        assertThat(terminal.get("other_day").asLong()).isEqualTo(37);
        assertThat(terminal.get("in_cases").asLong()).isZero();
    }
}
