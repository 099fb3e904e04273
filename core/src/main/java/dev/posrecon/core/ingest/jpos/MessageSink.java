package dev.posrecon.core.ingest.jpos;

import java.util.function.Supplier;

/**
 * Where {@link JposLogParser} puts what it finds, in file order: the {@link TxnPairer} itself, or, when a log is read
 * in chunks, a chunk's {@link ChunkedLog.Events}, replayed into the pairer in file order.
 */
interface MessageSink {
    /** Counts a log entry that holds no message (info, exceptions, connection events...). */
    void ignore();

    void reject(long line, String reason, String raw);

    /** @param raw the message's raw text, already masked and cut; asked for only when the message is rejected */
    void accept(IsoMessage m, Supplier<String> raw);
}
