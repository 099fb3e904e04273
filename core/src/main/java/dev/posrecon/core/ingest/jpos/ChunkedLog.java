package dev.posrecon.core.ingest.jpos;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Reads a jPOS log in chunks on several threads, with exactly the result of one pass over the whole file.
 *
 * <p>The file is cut into chunks of about {@link #CHUNK} bytes at line starts that open a {@code <log} entry. Each
 * chunk is scanned by its own {@link JposLogParser}, which records what it finds (messages, rejects, ignored
 * entries) instead of pairing it. The recorded events are then replayed, chunk after chunk in file order, into the
 * one {@link TxnPairer} of the file, so that requests pair with responses across chunk edges as in a single pass.
 * Line numbers are the file's: each chunk starts on the line after the newlines of the chunks before.
 *
 * <p>Who scans: the thread reading the file scans each chunk that is due and not yet started, and the run's other
 * reading threads scan chunks ahead once their own files are read. So a log read beside other files costs what one
 * pass costs, and the cores that finish their files early help with the log (see docs/BENCHMARKS.md).
 *
 * <p>A new parser at a chunk's start is in the state a single pass is in there only when the chunk before ended
 * clean (outside any entry, message, collected text or markup: {@link JposLogParser#runChunk}). When it did not
 * (an entry interrupted by another writer's {@code <log}, a comment holding a {@code <log} line), the two chunks
 * are read again as one, until the joined chunk ends clean or is the last. Only the last chunk meets the
 * end-of-file rules. Memory stays bounded: a few chunks are held at a time, never the file.
 *
 * <p>A run of more than {@link XmlTokenizer#MAX_BUFFER} bytes without a clean edge cannot be told apart from a
 * token too long for a single pass, which refuses the file there: {@link Unchunkable}, and the caller reads the file
 * in one pass instead, which gives that error at the right line.
 */
final class ChunkedLog {
    /**
     * Bytes per chunk: big enough that the edges cost nothing, under half of G1's smallest region (1 MiB), so that a
     * chunk is an ordinary young object and not a humongous one that G1 allocates in the old generation.
     */
    static final int CHUNK = 256 << 10;

    private ChunkedLog() {
    }

    /** Part of a file: bytes {@code [0, length)} of {@code data}, starting on line {@code firstLine}. */
    record Chunk(byte[] data, int length, long firstLine, boolean last) {
    }

    /** The chunks of one file in file order; the last has {@code last} set (and may be empty). */
    interface Chunks {
        /** The next chunk, or null after the last. */
        Chunk next() throws IOException;

        /**
         * Takes back a chunk whose events have been replayed: nothing refers to its bytes any more (a record's values
         * and a reject's raw text are copied out of them), so they may hold a later chunk.
         */
        default void recycle(Chunk c) {
        }
    }

    /** The file has no clean chunk edge within {@link XmlTokenizer#MAX_BUFFER} bytes: read it in one pass. */
    static final class Unchunkable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unchunkable() {
            super("no chunk edge within " + (XmlTokenizer.MAX_BUFFER >> 20) + " MiB", null, false, false);
        }
    }

    /**
     * Reads every chunk into {@code pairer}. The calling thread reads the file, pairs, and scans each chunk that no
     * helper has started by the time it is due; the helpers scan chunks ahead when they have nothing else to do. A
     * thread of the pool that runs the caller may thus help it without ever waiting for it: nothing here waits for a
     * scan that has not started.
     *
     * @param helpers threads that may scan chunks ahead (the run's reading threads, busy with other files first)
     * @param ahead   chunks handed to the helpers ahead of the one due (the helpers' number is enough)
     * @throws Unchunkable when the file must be read in one pass instead (what was paired before is then of no
     *                     use: the caller starts again with a new pairer)
     */
    static void read(Chunks chunks, MessageSink pairer, Executor helpers, int ahead) throws IOException {
        // the few-valued fields' strings, one table per thread scanning at a time, shared from chunk to chunk as a
        // single pass shares them (a big log's records then share them too); dropped when the file is read
        Queue<ByteStrings> strings = new ConcurrentLinkedQueue<>();
        ArrayDeque<Scan> window = new ArrayDeque<>();
        boolean more = fill(window, chunks, helpers, strings, ahead + 1);
        while (!window.isEmpty()) {
            Scan s = window.poll();
            Parsed p = s.result();
            while (!p.clean) {
                // the next chunk continues what this one left open: the two are read again as one
                if (window.isEmpty() && more) {
                    more = fill(window, chunks, helpers, strings, 1);
                }
                Scan next = window.poll();
                if (next == null) {
                    throw new IllegalStateException("a chunk before the last has no successor");
                }
                p = parse(join(p.chunk, next.cancel()), strings);
            }
            p.events.replay(pairer);
            chunks.recycle(p.chunk);
            if (more) {
                more = fill(window, chunks, helpers, strings, ahead + 1);
            }
        }
    }

    private static boolean fill(ArrayDeque<Scan> window, Chunks chunks, Executor helpers,
                                Queue<ByteStrings> strings, int upTo) throws IOException {
        while (window.size() < upTo) {
            Chunk c = chunks.next();
            if (c == null) {
                return false;
            }
            Scan scan = new Scan(c, strings);
            window.add(scan);
            helpers.execute(scan);
        }
        return true;
    }

    /** Scans one chunk: the last with the end-of-file rules, any other only to its end. */
    static Parsed parse(Chunk c, Queue<ByteStrings> strings) throws IOException {
        ByteStrings mine = strings.poll();
        if (mine == null) {
            mine = new ByteStrings();
        }
        try {
            Events events = new Events();
            JposLogParser parser = new JposLogParser(new XmlTokenizer(c.data, c.length, c.firstLine), events, mine);
            boolean clean;
            if (c.last) {
                parser.run();
                clean = true;
            } else {
                clean = parser.runChunk();
            }
            return new Parsed(c, events, clean);
        } finally {
            strings.offer(mine);
        }
    }

    private static Chunk join(Chunk a, Chunk b) {
        long length = (long) a.length + b.length;
        if (length >= XmlTokenizer.MAX_BUFFER) {
            throw new Unchunkable();
        }
        byte[] data = Arrays.copyOf(a.data, (int) length);
        System.arraycopy(b.data, 0, data, a.length, b.length);
        return new Chunk(data, (int) length, a.firstLine, b.last);
    }

    record Parsed(Chunk chunk, Events events, boolean clean) {
    }

    /**
     * The scan of one chunk, run by whichever thread comes first: a helper that takes it from the pool's queue, or
     * the reading thread when the chunk is due. Once taken, it lets go of the chunk and its events, as the pool's
     * queue may hold it a while longer (a helper still busy with another file).
     */
    private static final class Scan implements Runnable {
        private static final int NEW = 0;
        private static final int STARTED = 1;
        private final AtomicInteger state = new AtomicInteger(NEW);
        private final CountDownLatch done = new CountDownLatch(1);
        private final Queue<ByteStrings> strings;
        private Chunk chunk;
        private Parsed result;
        private Throwable failure;

        Scan(Chunk chunk, Queue<ByteStrings> strings) {
            this.chunk = chunk;
            this.strings = strings;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(NEW, STARTED)) {
                return;
            }
            try {
                result = parse(chunk, strings);
            } catch (IOException | RuntimeException | Error e) {
                failure = e;
            } finally {
                done.countDown();
            }
        }

        /** The chunk, for joining it to the one before, and this scan given up if it has not started. */
        Chunk cancel() {
            Chunk c = chunk;
            if (state.compareAndSet(NEW, STARTED)) {
                done.countDown();
            }
            chunk = null;
            return c;
        }

        /** The chunk's events: scanned here if no helper has started it yet, else when the helper is done. */
        Parsed result() throws IOException {
            run();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading a jPOS log", e);
            }
            Parsed p = result;
            Throwable f = failure;
            result = null;
            chunk = null;
            if (f instanceof IOException io) {
                throw io;
            }
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f instanceof Error err) {
                throw err;
            }
            return p;
        }
    }

    /** What a chunk's parser found, in order, to be replayed into the file's pairer. */
    static final class Events implements MessageSink {
        private static final Object IGNORE = new Object();
        private final List<Object> items = new ArrayList<>();

        private record Rejected(long line, String reason, String raw) {
        }

        @Override
        public void ignore() {
            items.add(IGNORE);
        }

        @Override
        public void reject(long line, String reason, String raw) {
            items.add(new Rejected(line, reason, raw));
        }

        @Override
        public void accept(IsoMessage m, Supplier<String> raw) {
            items.add(m);
            items.add(raw);
        }

        @SuppressWarnings("unchecked")
        void replay(MessageSink to) {
            int n = items.size();
            for (int i = 0; i < n; i++) {
                Object o = items.get(i);
                if (o == IGNORE) {
                    to.ignore();
                } else if (o instanceof IsoMessage m) {
                    to.accept(m, (Supplier<String>) items.get(++i));
                } else {
                    Rejected r = (Rejected) o;
                    to.reject(r.line, r.reason, r.raw);
                }
            }
            items.clear();
        }
    }

    /**
     * The chunks of a stream, cut after the last newline of each {@link #CHUNK}-sized block that is followed by a
     * {@code <log} tag; a block without one grows until it has one (up to {@link XmlTokenizer#MAX_BUFFER}).
     */
    static final class StreamChunks implements Chunks {
        private static final byte[] LOG = {'<', 'l', 'o', 'g'};
        private static final int MAX_FREE = 8;
        private final InputStream in;
        private final int size;
        /** Buffers of replayed chunks, for the next ones: a 1.5 GB log then allocates a few chunks, not 6,000. */
        private final ArrayDeque<byte[]> free = new ArrayDeque<>();
        private byte[] carry = new byte[0];
        private int carryLength;
        private long line = 1;
        private boolean done;

        StreamChunks(InputStream in, int size) {
            this.in = in;
            this.size = size;
        }

        @Override
        public Chunk next() throws IOException {
            if (done) {
                return null;
            }
            int want = Math.max(size, carryLength + size / 2);
            byte[] b = want == size && !free.isEmpty() ? free.poll() : new byte[want];
            System.arraycopy(carry, 0, b, 0, carryLength);
            int n = carryLength;
            int searchedTo = 0;
            for (;;) {
                while (n < b.length) {
                    int r = in.read(b, n, b.length - n);
                    if (r < 0) {
                        done = true;
                        return new Chunk(b, n, line, true);
                    }
                    n += r;
                }
                int cut = lastEdge(b, Math.max(searchedTo, 1), n);
                if (cut > 0) {
                    carryLength = n - cut;
                    carry = Arrays.copyOfRange(b, cut, n);
                    Chunk c = new Chunk(b, cut, line, false);
                    line += newlines(b, cut);
                    return c;
                }
                if (b.length >= XmlTokenizer.MAX_BUFFER) {
                    throw new Unchunkable();
                }
                searchedTo = Math.max(1, n - LOG.length - 1);
                b = Arrays.copyOf(b, Math.min(XmlTokenizer.MAX_BUFFER, b.length * 2));
            }
        }

        @Override
        public void recycle(Chunk c) {
            if (c.data().length == size && free.size() < MAX_FREE) {
                free.push(c.data());
            }
        }

        /** The start of the last line in {@code [from, to)} that begins with a {@code <log} tag, or -1. */
        private static int lastEdge(byte[] b, int from, int to) {
            for (int i = to - LOG.length - 2; i >= from - 1; i--) {
                if (b[i] == '\n' && b[i + 1] == '<' && b[i + 2] == 'l' && b[i + 3] == 'o' && b[i + 4] == 'g') {
                    byte c = b[i + 5];
                    if (c == ' ' || c == '>' || c == '\t' || c == '\r' || c == '\n' || c == '/') {
                        return i + 1;
                    }
                }
            }
            return -1;
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LF = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

    /** The number of line feeds in {@code b[0, length)}: eight bytes at a time (an exact zero-byte count). */
    static long newlines(byte[] b, int length) {
        long n = 0;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            long x = (long) LONGS.get(b, i) ^ LF;
            // a byte of x is zero exactly where b held a line feed: its high bit of ~(((x & LOW7) + LOW7) | x) is set
            n += Long.bitCount(~(((x & LOW7) + LOW7) | x | LOW7));
        }
        for (; i < length; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }
}
