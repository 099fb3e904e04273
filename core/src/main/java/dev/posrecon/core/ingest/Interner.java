package dev.posrecon.core.ingest;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance per distinct value across the readers of one run, for the values that several sources repeat: the
 * RRN, auth code and masked card of a payment appear in the terminal log, the settlement file and the receipt's
 * tender. On a million-transaction day that is a few hundred MB of copies. Thread-safe (readers run in parallel);
 * drop it when reading is done. {@link #NONE} keeps every value as it is.
 */
public class Interner {
    /** Interns nothing. */
    public static final Interner NONE = new Interner(0);

    private static final int MAX_LENGTH = 32;
    private final ConcurrentHashMap<String, String> values;
    private final int max;

    /** @param max the most distinct values to keep (beyond that, values are returned as they are) */
    public Interner(int max) {
        this(max, 1 << 16);
    }

    /**
     * @param max      the most distinct values to keep (beyond that, values are returned as they are)
     * @param expected how many distinct values to make room for at once: a map that grows while several readers
     *                 use it makes them look up through entries being moved (on a million-transaction day such
     *                 look-ups were 7% of the run's CPU samples)
     */
    public Interner(int max, int expected) {
        this.max = max;
        this.values = max > 0 ? new ConcurrentHashMap<>(Math.max(16, Math.min(max, expected))) : null;
    }

    /**
     * The distinct values to expect from inputs of {@code bytes} bytes in all: a card payment's RRN, auth code and
     * card take about 400 bytes of input across the terminal log, settlement line and receipt.
     */
    public static int expectedFor(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, bytes / 400);
    }

    /** The shared instance equal to {@code s}; null stays null. */
    public String intern(String s) {
        if (values == null || s == null || s.length() > MAX_LENGTH) {
            return s;
        }
        String prev = values.get(s);
        if (prev != null) {
            return prev;
        }
        if (values.size() >= max) {
            return s;
        }
        prev = values.putIfAbsent(s, s);
        return prev != null ? prev : s;
    }
}
