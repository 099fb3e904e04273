package dev.posrecon.core.ingest.jpos;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.model.Reject;
import dev.posrecon.core.model.TerminalRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Reads every real jPOS log in ../shared/real/jpos-logs (when present): no exception, sensible counts. */
class JposRealLogsTest {

    @Test
    void readsEveryRealLogWithoutAStackTrace() throws IOException {
        String root = System.getProperty("posrecon.repoRoot");
        assumeTrue(root != null, "posrecon.repoRoot not set");
        Path dir = Path.of(root).resolve("../shared/real/jpos-logs").normalize();
        assumeTrue(Files.isDirectory(dir), "no " + dir);
        ReconConfig config = ReconConfig.builder().zone(ZoneId.of("America/Montevideo")).build();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> !p.getFileName().toString().startsWith("LICENSE")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            assertThat(JposLogReader.sniff(f)).as("sniff %s", f).isTrue();
            ReadResult<TerminalRecord> r = new JposLogReader(config).read(f, f.getFileName().toString());
            System.out.printf("%-36s transactions=%d ignored=%d rejects=%d%n", f.getFileName(), r.records().size(),
                    r.ignored(), r.rejects().size());
            for (Reject j : r.rejects()) {
                System.out.println("    " + j + " | " + j.raw());
            }
            if (f.getFileName().toString().equals("q2.log")) {
                assertThat(r.records()).extracting(TerminalRecord::requestMti).contains("2100", "2420");
                assertThat(r.records().size()).isBetween(4, 12);
            }
        }
    }
}
