package dev.posrecon.core.match;

import dev.posrecon.core.ReconRequest;
import dev.posrecon.core.error.InputException;
import dev.posrecon.core.error.ReconException;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.ingest.RecordReader;
import dev.posrecon.core.ingest.customers.CustomerReader;
import dev.posrecon.core.ingest.jpos.JposLogReader;
import dev.posrecon.core.ingest.journal.JournalReader;
import dev.posrecon.core.ingest.settlement.SettlementReaders;
import dev.posrecon.core.ingest.settlement.TerminalReaders;
import dev.posrecon.core.model.CustomerDirectory;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.Reject;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.Source;
import dev.posrecon.core.model.TerminalRecord;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Every input of a run, read. Files are read in parallel when threads allow; results are gathered in the order
 * the files were given, so nothing downstream depends on the thread count.
 */
public final class Inputs {
    /**
     * One file read: its role, what it gave (records, rejects, entries ignored) and how long reading it took (on
     * its reader thread). The records themselves are in {@link #terminal}, {@link #settlement}, {@link #journal}
     * and {@link #customers}.
     */
    public record FileRead(Source source, Path path, String displayName, int records, int rejected, long ignored,
                           long nanos) {
    }

    /** A file's records as its reader gave them, until they are added to the day's. */
    private record Read(FileRead file, ReadResult<?> result) {
    }

    public final List<TerminalRecord> terminal = new ArrayList<>();
    public final List<SettlementRecord> settlement = new ArrayList<>();
    public final List<Receipt> journal = new ArrayList<>();
    /** The customer directories, one after the other in the order given (empty without {@code --customers}). */
    public CustomerDirectory customers = CustomerDirectory.EMPTY;
    public final List<Reject> rejects = new ArrayList<>();
    public final List<FileRead> files = new ArrayList<>();
    public final Map<Source, Long> ignored = new EnumMap<>(Source.class);
    public final Map<Source, Long> rejected = new EnumMap<>(Source.class);
    /** open items carried in from the ledger, per source. */
    public final Map<Source, Long> carried = new EnumMap<>(Source.class);

    private Inputs() {
    }

    /** Checks every file exists and is readable before any work starts: exit 3 naming the first that is not. */
    public static void checkReadable(ReconRequest r) {
        List<Path> all = new ArrayList<>();
        all.addAll(r.terminalLogs());
        all.addAll(r.settlements());
        all.addAll(r.journals());
        all.addAll(r.customers());
        for (Path p : all) {
            if (!Files.exists(p)) {
                throw new InputException(p.toString(), 0, null, "no such file");
            }
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                throw new InputException(p.toString(), 0, null, "not a readable file");
            }
        }
    }

    public static Inputs read(ReconRequest r) {
        checkReadable(r);
        int files = r.terminalLogs().size() + r.settlements().size() + r.journals().size() + r.customers().size();
        int threads = Math.max(1, Math.min(r.threads(), files));
        // the reading threads; one that has read its files helps scan a big jPOS log's chunks (ChunkedLog)
        java.util.concurrent.atomic.AtomicReference<OutOfMemoryError> escaped =
                new java.util.concurrent.atomic.AtomicReference<>();
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, run -> {
            Thread th = new Thread(run, "posrecon-read");
            th.setDaemon(true);
            // a heap too small can fail a reading thread between its tasks, where no task catches it (the pool
            // then starts another thread), and a read it had taken then never ends. The error is handed to the
            // thread that waits for the reads, which fails the run with the one-line out-of-memory message
            // (exit 5), rather than printed as the JVM's "Exception in thread" line
            th.setUncaughtExceptionHandler((t, e) -> {
                if (e instanceof OutOfMemoryError oom) {
                    escaped.compareAndSet(null, oom);
                } else {
                    t.getThreadGroup().uncaughtException(t, e);
                }
            });
            return th;
        });
        try {
            return read(r, pool, threads, escaped);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static Inputs read(ReconRequest r, ExecutorService pool, int threads,
                               java.util.concurrent.atomic.AtomicReference<OutOfMemoryError> escaped) {
        List<Task> tasks = new ArrayList<>();
        for (Path p : r.terminalLogs()) {
            tasks.add(new Task(Source.TERMINAL, p, terminalReader(r, p, pool, threads)));
        }
        RecordReader<SettlementRecord> settle = SettlementReaders.open(r.profile(), r.encoding(), r.config());
        for (Path p : r.settlements()) {
            tasks.add(new Task(Source.SETTLEMENT, p, settle));
        }
        JournalReader journal = new JournalReader(r.config());
        for (Path p : r.journals()) {
            tasks.add(new Task(Source.JOURNAL, p, journal));
        }
        CustomerReader cust = new CustomerReader();
        for (Path p : r.customers()) {
            tasks.add(new Task(Source.CUSTOMERS, p, cust));
        }
        List<Read> results = new ArrayList<>();
        if (pool == null) {
            for (Task t : tasks) {
                results.add(t.read());
            }
        } else {
            try {
                List<Future<Read>> fs = new ArrayList<>();
                for (Task t : tasks) {
                    fs.add(pool.submit(t::read));
                }
                for (Future<Read> f : fs) {
                    results.add(await(f, escaped));
                }
                fs.clear();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof ReconException re) {
                    throw re;
                }
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                if (c instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(c);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading inputs", e);
            }
        }
        Inputs in = new Inputs();
        for (int i = 0; i < results.size(); i++) {
            in.add(results.get(i));
            results.set(i, null); // a reader's list of a million records, no longer needed once copied
        }
        in.rejects.sort(null);
        return in;
    }

    /** The read's result, or the out-of-memory error a reading thread met outside any read while it waited. */
    static <T> T await(Future<T> f, java.util.concurrent.atomic.AtomicReference<OutOfMemoryError> escaped)
            throws InterruptedException, ExecutionException {
        while (true) {
            try {
                return f.get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                OutOfMemoryError oom = escaped.get();
                if (oom != null) {
                    throw oom;
                }
            }
        }
    }

    /** Adds the open items an earlier run left in the ledger; they are matched like today's records. */
    public void addCarried(List<TerminalRecord> t, List<SettlementRecord> s, List<Receipt> r) {
        terminal.addAll(t);
        settlement.addAll(s);
        journal.addAll(r);
        carried.put(Source.TERMINAL, (long) t.size());
        carried.put(Source.SETTLEMENT, (long) s.size());
        carried.put(Source.JOURNAL, (long) r.size());
    }

    /**
     * The reader of one terminal file: a jPOS log (sniffed by content) is read as one; any other file is a
     * terminal's CSV export, read by the terminal profile given ({@code --terminal-profile}), else by the shipped
     * terminal profile whose header fits it. With no profile given, an empty file or one that starts like XML is
     * left to the jPOS reader (a log damaged at its start still yields what it can).
     *
     * @throws InputException when the file is neither a jPOS log nor fits a shipped terminal profile
     */
    static RecordReader<TerminalRecord> terminalReader(ReconRequest r, Path file,
                                                       Executor helpers, int helperCount) {
        if (JposLogReader.sniff(file)) {
            return new JposLogReader(r.config(), helpers, helperCount);
        }
        String profile = r.terminalProfile();
        if (profile == null) {
            Optional<String> fits = TerminalReaders.detect(file, r.encoding());
            if (fits.isEmpty() && startsLikeXml(file)) {
                return new JposLogReader(r.config(), helpers, helperCount);
            }
            profile = fits.orElseThrow(() -> new InputException(file.toString(), 1, null, "not a jPOS log, and no "
                    + "shipped terminal profile fits its header: give the profile of this CSV export with "
                    + "--terminal-profile NAME|FILE (see 'posrecon profiles')"));
        }
        return TerminalReaders.open(profile, r.encoding(), r.config());
    }

    /** Empty, or its first non-blank character is {@code <}. */
    private static boolean startsLikeXml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            int c;
            while ((c = in.read()) != -1) {
                if (!Character.isWhitespace(c) && c != 0xEF && c != 0xBB && c != 0xBF) {
                    return c == '<';
                }
            }
            return true;
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, null, "cannot read: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private void add(Read read) {
        FileRead f = read.file();
        ReadResult<?> res = read.result();
        switch (f.source()) {
            case TERMINAL -> terminal.addAll((List<TerminalRecord>) res.records());
            case SETTLEMENT -> settlement.addAll((List<SettlementRecord>) res.records());
            case JOURNAL -> journal.addAll((List<Receipt>) res.records());
            case CUSTOMERS -> customers = CustomerDirectory.join(List.of(customers, (CustomerDirectory) res.records()));
        }
        rejects.addAll(res.rejects());
        ignored.merge(f.source(), res.ignored(), Long::sum);
        rejected.merge(f.source(), (long) res.rejects().size(), Long::sum);
        files.add(f);
    }

    private record Task(Source source, Path path, RecordReader<?> reader) {
        Read read() {
            long start = System.nanoTime();
            ReadResult<?> r = reader.read(path, path.toString());
            return new Read(new FileRead(source, path, path.toString(), r.records().size(), r.rejects().size(),
                    r.ignored(), System.nanoTime() - start), r);
        }
    }
}
