package dev.posrecon.core.ingest;

import dev.posrecon.core.model.CustomerDirectory;
import dev.posrecon.core.model.Reject;

import java.util.List;

/**
 * What a reader got from one file.
 *
 * @param records  the records read, in file order
 * @param rejects  records that could not be read, with {@code file:line: reason}
 * @param ignored  entries deliberately skipped as not being records (network management, connection events,
 *                 exceptions in a jPOS log; header/trailer/summary lines of a settlement file)
 * @param units    what one record is, for messages ("transactions", "lines", "receipts")
 */
public record ReadResult<T>(List<T> records, List<Reject> rejects, long ignored, String units) {

    public ReadResult {
        // a customer directory is immutable already, and copying it would make every member an object
        records = records instanceof CustomerDirectory ? records : List.copyOf(records);
        rejects = List.copyOf(rejects);
    }
}
