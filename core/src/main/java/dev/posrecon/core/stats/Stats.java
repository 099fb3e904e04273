package dev.posrecon.core.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posrecon.core.error.InputException;
import dev.posrecon.core.error.UsageException;
import dev.posrecon.core.store.Ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.TreeMap;

/** The core of {@code posrecon stats}. */
public final class Stats {
    private Stats() {
    }

    public static RangeRates run(StatsRequest r) {
        if (r.summary() != null) {
            return fromSummary(r);
        }
        if (r.from() == null || r.to() == null) {
            throw new UsageException("give --from and --to (or --date) for the ledger, or --summary FILE");
        }
        try (Ledger ledger = Ledger.openExisting(r.ledger())) {
            return LedgerRates.of(ledger, r.from(), r.to());
        }
    }

    private static RangeRates fromSummary(StatsRequest r) {
        String file = r.summary().toString();
        if (!Files.isRegularFile(r.summary())) {
            throw new InputException(file, 0, null, "no such file");
        }
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(r.summary().toFile());
        } catch (IOException e) {
            throw new InputException(file, 0, null, "not a summary.json: " + e.getMessage().lines().findFirst()
                    .orElse(""));
        }
        ErrorRates rates = ErrorRates.fromJson(doc.get("error_rates"), file);
        LocalDate day;
        try {
            day = LocalDate.parse(doc.path("business_date").asText());
        } catch (DateTimeParseException e) {
            day = null;
        }
        TreeMap<LocalDate, ErrorRates> byDay = new TreeMap<>();
        if (day != null) {
            byDay.put(day, rates);
        }
        return new RangeRates(day, day, rates, byDay);
    }
}
