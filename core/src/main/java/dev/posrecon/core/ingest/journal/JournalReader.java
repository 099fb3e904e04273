package dev.posrecon.core.ingest.journal;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.ingest.RecordReader;
import dev.posrecon.core.model.Receipt;

import java.nio.file.Path;

/** Reads the register's receipt journal (CSV, one row per tender; or JSON Lines). (stub: being written) */
public final class JournalReader implements RecordReader<Receipt> {
    private final ReconConfig config;

    public JournalReader(ReconConfig config) {
        this.config = config;
    }

    @Override
    public ReadResult<Receipt> read(Path file, String displayName) {
        throw new UnsupportedOperationException("not yet: " + config.origin());
    }
}
