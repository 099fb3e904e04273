package dev.posrecon.cli;

import dev.posrecon.core.error.StoreException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** The --log-file: one line per run, appended, so a cron job leaves a trail. */
final class RunLog {
    private RunLog() {
    }

    static void append(Path file, String line) {
        if (file == null) {
            return;
        }
        String text = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS) + " posrecon reconcile " + line + "\n";
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new StoreException("cannot write log file " + file + ": " + e.getMessage(), e);
        }
    }
}
