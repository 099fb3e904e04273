package dev.posrecon.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posrecon.core.config.ReconConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs a scenario folder (terminal.*, settlement.*, journal.csv, optional posrecon.properties and customers.csv)
 * through {@link Posrecon#reconcile} and reads back what the golden tests compare.
 */
final class Scenarios {
    static final List<String> KEY_COLUMNS = List.of("type", "reason", "business_date", "terminal_id", "stan",
            "receipt_no", "amount_at_stake", "direction");

    private Scenarios() {
    }

    /** Reconciles a folder with the canonical settlement layout and the jPOS reader. */
    static void run(Path dir, Path out, int threads) {
        run(dir, out, threads, null, null);
    }

    /**
     * @param profile         settlement profile, null for canonical
     * @param terminalProfile terminal profile for a terminal file that is not a jPOS log, null for none
     */
    static void run(Path dir, Path out, int threads, String profile, String terminalProfile) {
        ReconConfig cfg = Files.exists(dir.resolve("posrecon.properties"))
                ? ReconConfig.load(dir.resolve("posrecon.properties")) : ReconConfig.defaults();
        List<Path> customers = Files.exists(dir.resolve("customers.csv")) ? List.of(dir.resolve("customers.csv")) : List.of();
        ReconRequest req = new ReconRequest(List.of(file(dir, "terminal.")), List.of(file(dir, "settlement.")),
                List.of(dir.resolve("journal.csv")), customers, profile, terminalProfile, null, null, cfg, out,
                Set.of("csv", "json"), null, true, false, false, threads, "test");
        Posrecon.reconcile(req);
    }

    /** The one file in {@code dir} whose name starts with {@code prefix} ({@code settlement.csv}, {@code settlement.txt}). */
    static Path file(Path dir, String prefix) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> l = s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
            if (l.size() != 1) {
                throw new AssertionError(dir + ": expected one " + prefix + "* file, found " + l);
            }
            return l.get(0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** cases.csv reduced to the key columns, header first. */
    static List<String> project(Path casesCsv) throws IOException {
        var settings = new com.univocity.parsers.csv.CsvParserSettings();
        settings.setHeaderExtractionEnabled(true);
        settings.setNullValue("");
        var parser = new com.univocity.parsers.csv.CsvParser(settings);
        List<String> out = new ArrayList<>();
        out.add(String.join(",", KEY_COLUMNS));
        for (var rec : parser.parseAllRecords(casesCsv.toFile(), StandardCharsets.UTF_8)) {
            List<String> vals = new ArrayList<>();
            for (String c : KEY_COLUMNS) {
                vals.add(rec.getString(c));
            }
            out.add(String.join(",", vals));
        }
        return out;
    }

    static List<String> expected(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("expected.csv"), StandardCharsets.UTF_8);
    }

    static JsonNode summary(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }
}
