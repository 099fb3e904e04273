package dev.posrecon.core;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden scenarios: a folder per scenario under {@code src/test/resources/scenarios} with its inputs, settings and
 * {@code expected.csv} (the cases' key columns); one parameterized test over all of them, named by the folder.
 * Each is also run with its CSV rows reversed and with one and two threads: {@code cases.csv} must not change.
 */
class ScenarioTest {
    static final Path ROOT = Path.of("src/test/resources/scenarios");

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void findsExactlyTheExpectedCases(String name, @TempDir Path tmp) throws Exception {
        Path dir = ROOT.resolve(name);
        Path out = tmp.resolve("out");
        Scenarios.run(dir, out, 2);
        assertThat(Scenarios.project(out.resolve("cases.csv"))).containsExactlyElementsOf(Scenarios.expected(dir));

        JsonNode summary = Scenarios.summary(out);
        assertThat(summary.get("balanced").asBoolean()).as("summary balanced: %s", summary).isTrue();

        Path rejectsWanted = dir.resolve("expected-rejects.txt");
        List<String> rejects = Files.readAllLines(out.resolve("rejects.csv"));
        if (Files.exists(rejectsWanted)) {
            for (String w : Files.readAllLines(rejectsWanted)) {
                String[] p = w.split(":");
                assertThat(rejects).as("rejects.csv has %s", w)
                        .anyMatch(l -> l.contains(p[0]) && (p.length < 2 || l.contains("," + p[1] + ",")));
            }
        } else {
            assertThat(rejects).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void reversedRowsAndThreadCountLeaveCasesCsvByteIdentical(String name, @TempDir Path tmp) throws Exception {
        Path dir = ROOT.resolve(name);
        Scenarios.run(dir, tmp.resolve("a"), 1);
        Path rev = tmp.resolve("reversed");
        Files.createDirectories(rev);
        for (String f : List.of("terminal.xml", "posrecon.properties", "customers.csv")) {
            if (Files.exists(dir.resolve(f))) {
                Files.copy(dir.resolve(f), rev.resolve(f));
            }
        }
        for (String f : List.of("settlement.csv", "journal.csv")) {
            List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve(f), StandardCharsets.UTF_8));
            List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
            Collections.reverse(body);
            body.add(0, lines.get(0));
            Files.write(rev.resolve(f), body, StandardCharsets.UTF_8);
        }
        Scenarios.run(rev, tmp.resolve("b"), 2);
        assertThat(Files.readAllBytes(tmp.resolve("b/cases.csv"))).isEqualTo(Files.readAllBytes(tmp.resolve("a/cases.csv")));
    }
}
