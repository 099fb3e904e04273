package dev.posrecon.core.ingest.jpos;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.ingest.RecordReader;
import dev.posrecon.core.model.TerminalRecord;

import java.nio.file.Path;

/** Reads jPOS XML logs into paired terminal transactions. (stub: being written) */
public final class JposLogReader implements RecordReader<TerminalRecord> {
    private final ReconConfig config;

    public JposLogReader(ReconConfig config) {
        this.config = config;
    }

    @Override
    public ReadResult<TerminalRecord> read(Path file, String displayName) {
        throw new UnsupportedOperationException("not yet: " + config.origin());
    }
}
