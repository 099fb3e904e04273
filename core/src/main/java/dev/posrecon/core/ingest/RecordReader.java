package dev.posrecon.core.ingest;

import java.nio.file.Path;

/**
 * Reads one input file into records. Streaming: never the whole file in memory as text. Record-level problems
 * become rejects; a file that cannot be read at all throws {@link dev.posrecon.core.error.InputException}.
 *
 * @param <T> the record type
 */
public interface RecordReader<T> {

    /**
     * @param file        the file to read
     * @param displayName the name to use in rejects and evidence (as the user gave it)
     */
    ReadResult<T> read(Path file, String displayName);
}
