package dev.posrecon.core.contact;

import dev.posrecon.core.Posrecon;
import dev.posrecon.core.ReconRequest;
import dev.posrecon.core.config.ReconConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The advice reaches cases.csv / cases.json through the reconciler, and --redact-contacts masks it there. */
class ContactInCaseFilesTest {
    static final Path SCENARIO = Path.of("src/test/resources/scenarios/phantom-void-and-duplicate");

    static Path run(Path tmp, String name, boolean redact) throws Exception {
        Path customers = tmp.resolve("customers.csv");
        Files.writeString(customers, "member_id,name,phone,email,preferred_channel,birth_year,consent,quiet_hours,language\n"
                + "M-1,王芳,13800138000,wang.fang@example.cn,NONE,1958,Y,21:00-09:00,zh\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve(name);
        ReconConfig cfg = ReconConfig.load(SCENARIO.resolve("posrecon.properties"));
        Posrecon.reconcile(new ReconRequest(List.of(SCENARIO.resolve("terminal.xml")),
                List.of(SCENARIO.resolve("settlement.csv")), List.of(SCENARIO.resolve("journal.csv")), List.of(customers),
                null, null, null, null, cfg, out, Set.of("csv", "json"), null, true, false, redact, 1, "test"));
        return out;
    }

    @Test
    void caseFilesCarryChannelsWindowAndDraftWithOnlyTheSuggestedAddressInFull(@TempDir Path tmp) throws Exception {
        Path out = run(tmp, "plain", false);
        String csv = Files.readString(out.resolve("cases.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains("PHONE|SMS|EMAIL|ACQUIRER_RETRIEVAL|IN_STORE_NOTICE")
                .contains("2026-11-21 09:00-20:00 Asia/Shanghai").contains("您好，这里是posrecon demo store");
        String json = Files.readString(out.resolve("cases.json"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"address\" : \"13800138000\"").contains("\"address\" : \"*******8000\"")
                .contains("\"address\" : \"w***@example.cn\"").doesNotContain("wang.fang@example.cn")
                .contains("\"follow_up_draft\" : \"尊敬的王芳，您好！");
    }

    @Test
    void redactContactsMasksEveryAddressAndName(@TempDir Path tmp) throws Exception {
        Path out = run(tmp, "redacted", true);
        for (String f : List.of("cases.csv", "cases.json")) {
            assertThat(Files.readString(out.resolve(f), StandardCharsets.UTF_8)).as(f)
                    .doesNotContain("13800138000").doesNotContain("wang.fang@example.cn").doesNotContain("王芳");
        }
        assertThat(Files.readString(out.resolve("cases.csv"), StandardCharsets.UTF_8)).contains("PHONE|SMS|EMAIL");
        assertThat(Files.readString(out.resolve("cases.json"), StandardCharsets.UTF_8))
                .contains("\"address\" : \"*******8000\"").contains("\"follow_up_draft\" : \"尊敬的顾客，您好！");
    }
}
