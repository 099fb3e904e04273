package dev.posrecon.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.posrecon.core.error.InputException;
import dev.posrecon.core.ingest.settlement.SettlementReaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every folder of {@code samples/profiles/} is a small day in one layout: reconciled with its profile (the folder's
 * name), it must find exactly the cases its {@code expected.csv} plants, with a balanced summary and no rejects.
 * A folder whose terminal file is not a jPOS log is a terminal profile's sample: its terminal file is read with
 * that profile, its settlement file with {@code canonical}.
 */
class ProfileSamplesTest {
    static final Path ROOT = Path.of(System.getProperty("posrecon.repoRoot", "../"), "samples", "profiles");

    static Stream<String> samples() throws IOException {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void everyShippedProfileHasASampleDay() throws IOException {
        for (String name : SettlementReaders.shippedProfiles()) {
            assertThat(ROOT.resolve(name).resolve("expected.csv")).as(name).isRegularFile();
        }
        assertThat(samples()).containsExactlyInAnyOrderElementsOf(SettlementReaders.shippedProfiles());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void reconcilingTheSampleFindsItsPlantedCases(String name, @TempDir Path tmp) throws Exception {
        Path dir = ROOT.resolve(name);
        Path out = tmp.resolve("out");
        boolean terminalSample = !Scenarios.file(dir, "terminal.").toString().endsWith(".xml");
        Scenarios.run(dir, out, 1, terminalSample ? null : name, terminalSample ? name : null);

        List<String> want = Scenarios.expected(dir);
        assertThat(want).as("at least two planted cases").hasSizeGreaterThanOrEqualTo(3);
        assertThat(Scenarios.project(out.resolve("cases.csv"))).containsExactlyElementsOf(want);

        JsonNode summary = Scenarios.summary(out);
        assertThat(summary.get("balanced").asBoolean()).as("summary balanced: %s", summary).isTrue();
        assertThat(Files.readAllLines(out.resolve("rejects.csv"))).as("no rejects").hasSize(1);
    }

    @Test
    void aTerminalCsvIsReadByTheShippedTerminalProfileThatFitsWhenNoneIsNamed(@TempDir Path tmp) throws Exception {
        Path dir = ROOT.resolve("terminal-csv");
        Scenarios.run(dir, tmp.resolve("out"), 1, null, null);
        assertThat(Scenarios.project(tmp.resolve("out/cases.csv"))).containsExactlyElementsOf(Scenarios.expected(dir));
    }

    @Test
    void aTerminalFileThatIsNeitherAJposLogNorAKnownExportIsRefused(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("day");
        Files.createDirectories(dir);
        for (String f : List.of("settlement.csv", "journal.csv", "posrecon.properties")) {
            Files.copy(ROOT.resolve("terminal-csv").resolve(f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("terminal.csv"), "when,tid,sum\n2026-11-20 10:00:00,T1,5.00\n");
        assertThatThrownBy(() -> Scenarios.run(dir, tmp.resolve("out"), 1, null, null))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.file()).endsWith("terminal.csv");
                    assertThat(e.getMessage()).contains("not a jPOS log").contains("--terminal-profile");
                });
    }

    /** The worked example of samples/own-profile/README.md: a user's profile file, no Java. */
    @Test
    void theReadmeExampleReadsANewLayoutWithAProfileFileAlone(@TempDir Path tmp) throws Exception {
        Path own = ROOT.resolveSibling("own-profile");
        Path dir = tmp.resolve("day");
        Files.createDirectories(dir);
        for (String f : List.of("terminal.xml", "journal.csv", "posrecon.properties")) {
            Files.copy(ROOT.resolve("canonical").resolve(f), dir.resolve(f));
        }
        Files.copy(own.resolve("examplebank-20261120.csv"), dir.resolve("settlement.csv"));
        Scenarios.run(dir, tmp.resolve("out"), 1, own.resolve("examplebank.properties").toString(), null);
        assertThat(Scenarios.project(tmp.resolve("out/cases.csv"))).containsExactly(
                String.join(",", Scenarios.KEY_COLUMNS),
                "SHORT_CHARGE,KEYED_LOW,2026-11-20,T0000001,000124,C-1002,10.00,CUSTOMER_OWES_MERCHANT",
                "MIS_REFUND,NO_RETURN_ON_JOURNAL,2026-11-20,T0000002,000125,,200.00,CUSTOMER_OWES_MERCHANT");
        assertThat(Scenarios.summary(tmp.resolve("out")).get("balanced").asBoolean()).isTrue();
    }
}
