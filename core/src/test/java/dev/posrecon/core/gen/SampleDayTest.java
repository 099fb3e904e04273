package dev.posrecon.core.gen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed sample day is exactly what the generator makes from the parameters in its README: a change to the
 * generator that changes the sample must regenerate it (see samples/day-2026-11-20/README.md).
 */
class SampleDayTest {
    static final Path SAMPLE = Path.of(System.getProperty("posrecon.repoRoot", "../"), "samples", "day-2026-11-20");

    /** {@code posrecon generate --transactions 300 --terminals 4 --seed 20261120 --date 2026-11-20
     * --zone Asia/Shanghai --case-rate 0.05 --trainee-cashier C09 --out samples/day-2026-11-20}. */
    static GeneratorOptions sampleOptions(Path out) {
        return GeneratorOptions.of(300, 20261120L, LocalDate.of(2026, 11, 20), ZoneId.of("Asia/Shanghai"), out)
                .withTerminals(4).withCaseRate(new BigDecimal("0.05")).withTraineeCashier("C09");
    }

    @Test
    void regeneratingReproducesTheCommittedSampleByteForByte(@TempDir Path out) throws IOException {
        GenerationResult r = DayGenerator.generate(sampleOptions(out));
        List<String> names = List.of(DayGenerator.TERMINAL_LOG, DayGenerator.SETTLEMENT, DayGenerator.JOURNAL,
                DayGenerator.CUSTOMERS, DayGenerator.TRUTH, DayGenerator.PROPERTIES);
        assertThat(r.files()).hasSize(names.size());
        for (String name : names) {
            assertThat(SAMPLE.resolve(name)).as("committed " + name).isRegularFile();
            assertThat(Files.mismatch(out.resolve(name), SAMPLE.resolve(name)))
                    .as(name + " differs from the committed sample at this byte offset: regenerate the sample")
                    .isEqualTo(-1L);
        }
    }

    @Test
    void theSampleHoldsEveryCaseTypeAndReason() throws IOException {
        List<String> truth = Files.readAllLines(SAMPLE.resolve(DayGenerator.TRUTH));
        for (DayGenerator.Variant v : DayGenerator.Variant.values()) {
            assertThat(truth).as(v.name()).anyMatch(l -> l.startsWith(v.type + ",") && l.endsWith("," + v.reason));
        }
        assertThat(Files.readString(SAMPLE.resolve(DayGenerator.PROPERTIES)))
                .contains("zone=Asia/Shanghai", "currency=CNY", "fee.rule.standard=0.60", "merchant.name=");
    }
}
