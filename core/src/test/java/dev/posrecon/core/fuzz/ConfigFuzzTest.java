package dev.posrecon.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.error.InputException;
import dev.posrecon.core.ingest.jpos.JposLogReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The settings file (posrecon.properties): it loads or fails with an {@code InputException} naming the key, never
 * with anything else; a message holds no card number; and settings that load can read a terminal log (the sample
 * day's head) through the same checks as {@link JposLogFuzzTest}: kind mapping, approved codes, zone and currency
 * come from the settings.
 */
class ConfigFuzzTest {
    private static byte[] log;

    @FuzzTest(maxDuration = "2h")
    void configProperties(byte[] data) {
        Path f = FuzzSupport.write("posrecon.properties", data);
        ReconConfig config;
        try {
            config = ReconConfig.load(f);
        } catch (InputException e) {
            FuzzSupport.noPan("exception message", e.getMessage());
            return;
        }
        JposLogFuzzTest.check(new JposLogReader(config), log());
    }

    private static synchronized byte[] log() {
        if (log == null) {
            try (InputStream in = ConfigFuzzTest.class.getResourceAsStream(
                    "JposLogFuzzTestInputs/jposLog/sample-day-head.xml")) {
                log = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return log;
    }
}
