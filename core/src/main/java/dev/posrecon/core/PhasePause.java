package dev.posrecon.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A test hook for the kill tests (docs/LEDGER.md, "Reliability"): with {@code -Dposrecon.test.pauseAt=PHASE} and
 * {@code -Dposrecon.test.pauseMarker=FILE}, a reconcile run that reaches the phase whose name starts with PHASE
 * ({@code reading}, {@code matching}, {@code syncing}, {@code committing}...) writes FILE and sleeps until it is
 * killed. Without both properties it does nothing; nothing in posrecon sets them.
 */
final class PhasePause {
    static final String AT = "posrecon.test.pauseAt";
    static final String MARKER = "posrecon.test.pauseMarker";

    private PhasePause() {
    }

    static Consumer<String> around(Consumer<String> progress) {
        String at = System.getProperty(AT);
        String marker = System.getProperty(MARKER);
        if (at == null || marker == null) {
            return progress;
        }
        return phase -> {
            progress.accept(phase);
            if (phase.startsWith(at)) {
                try {
                    Files.writeString(Path.of(marker), phase + "\n", StandardCharsets.UTF_8);
                    Thread.sleep(Long.MAX_VALUE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("paused at " + phase + " and interrupted", e);
                }
            }
        };
    }
}
