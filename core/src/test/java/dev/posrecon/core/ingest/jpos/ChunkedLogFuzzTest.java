package dev.posrecon.core.ingest.jpos;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.model.TerminalRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Chunked reading of any bytes, cut anywhere, gives what one pass gives: the same records, rejects and ignored
 * count. The input's first bytes choose up to eight cuts; the rest is the log. A second check cuts it with the
 * reader's own chunker at a size the input chooses. Seeds: the test logs of {@link ChunkedLogTest}'s corpus (its
 * {@code Inputs} folder). {@code scripts/fuzz 1000000 ChunkedLogFuzzTest#chunkedLikeOnePass} fuzzes it.
 */
class ChunkedLogFuzzTest {
    private static final ReconConfig CONFIG = ReconConfig.defaults();
    private static final LocalDate FILE_DATE = LocalDate.of(2026, 11, 20);
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "chunk-fuzz");
        t.setDaemon(true);
        return t;
    });

    @FuzzTest(maxDuration = "2h")
    void chunkedLikeOnePass(FuzzedDataProvider data) throws IOException {
        int n = data.consumeInt(0, 8);
        int[] raw = new int[n];
        for (int i = 0; i < n; i++) {
            raw[i] = data.consumeInt(1, Integer.MAX_VALUE);
        }
        int chunkSize = data.consumeInt(6, 300);
        byte[] log = data.consumeRemainingAsBytes();
        Outcome whole = onePass(log);
        if (log.length > 1) {
            int[] cuts = Arrays.stream(raw).map(c -> 1 + c % (log.length - 1)).sorted().distinct().toArray();
            whole.same(cut(log, cuts), "cut at " + Arrays.toString(cuts));
        }
        TxnPairer p = new TxnPairer(CONFIG, "log.xml", FILE_DATE);
        ChunkedLog.read(new ChunkedLog.StreamChunks(new ByteArrayInputStream(log), chunkSize), p, POOL, 2);
        whole.same(new Outcome(p.finish(), null), "chunks of " + chunkSize + " bytes");
    }

    /** A read's result, or the message of the input error it ended with. */
    private record Outcome(ReadResult<TerminalRecord> result, String error) {
        void same(Outcome o, String how) {
            if (!Objects.equals(error, o.error)) {
                throw new AssertionError(how + ": error " + o.error + ", one pass: " + error);
            }
            if (result != null && (!result.records().equals(o.result.records())
                    || !result.rejects().equals(o.result.rejects()) || result.ignored() != o.result.ignored())) {
                throw new AssertionError(how + ": " + o.result + "\none pass: " + result);
            }
        }
    }

    private static Outcome onePass(byte[] log) {
        try {
            return new Outcome(JposLogReader.read(new ByteArrayInputStream(log), "log.xml", CONFIG, FILE_DATE,
                    XmlTokenizer.BUFFER), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Outcome cut(byte[] log, int[] cuts) throws IOException {
        TxnPairer p = new TxnPairer(CONFIG, "log.xml", FILE_DATE);
        ChunkedLog.read(ChunkedLogTest.chunksAt(log, cuts), p, POOL, 2);
        return new Outcome(p.finish(), null);
    }
}
