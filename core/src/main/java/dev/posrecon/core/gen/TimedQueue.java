package dev.posrecon.core.gen;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Rendered records waiting for their turn in a time-ordered file. Stories are generated in order of their start
 * time, so everything stamped before the next story's start can be written: the queue only ever holds the records
 * of the stories in flight (memory grows with the number of terminals, not with the day).
 * Ties are broken by insertion order, so the output is deterministic.
 */
final class TimedQueue {
    private record Item(long at, long seq, byte[] data) {
    }

    private final PriorityQueue<Item> queue =
            new PriorityQueue<>(Comparator.comparingLong(Item::at).thenComparingLong(Item::seq));
    private long seq;

    void add(long at, byte[] data) {
        queue.add(new Item(at, seq++, data));
    }

    /** Writes every record stamped strictly before {@code t}. */
    void flushBefore(long t, OutputStream out) throws IOException {
        while (!queue.isEmpty() && queue.peek().at() < t) {
            out.write(queue.poll().data());
        }
    }

    void flushAll(OutputStream out) throws IOException {
        flushBefore(Long.MAX_VALUE, out);
    }
}
