package dev.posrecon.core.ingest.jpos;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.error.InputException;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.model.TerminalRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A log read in chunks gives exactly what one pass over the whole file gives: the same records, rejects (with their
 * lines, reasons and raw text) and ignored count, wherever the file is cut. Cut at every entry boundary (one cut at a
 * time, and all at once), at every byte of the small files (cuts inside tags, comments, CDATA, entries and UTF-8
 * characters: entries that span a chunk edge), at random sets of places, and by the reader's own chunker with a
 * tiny chunk size on two threads. The corpus: the test logs, the fuzz seeds and findings (damaged logs), the sample
 * day's log and, when present, the real logs of ../shared/real.
 */
class ChunkedLogTest {
    private static final LocalDate FILE_DATE = LocalDate.of(2026, 11, 20);
    private static final ReconConfig CONFIG = ReconConfig.builder().zone(ZoneId.of("Asia/Shanghai")).build();
    /** Files up to this size are cut at every byte. */
    private static final int EVERY_BYTE = 12 << 10;
    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "chunk-test");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        List<Path> files = new ArrayList<>();
        Path test = Path.of(ChunkedLogTest.class.getResource("/jpos/day.xml").toURI()).getParent();
        Path fuzz = Path.of(ChunkedLogTest.class.getResource("/dev/posrecon/core/fuzz/JposLogFuzzTestInputs/jposLog")
                .toURI());
        for (Path dir : new Path[]{test, fuzz}) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        String root = System.getProperty("posrecon.repoRoot");
        if (root != null) {
            Path sample = Path.of(root, "samples/day-2026-11-20/terminal.xml");
            if (Files.isRegularFile(sample)) {
                files.add(sample);
            }
            Path real = Path.of(root).resolve("../shared/real/jpos-logs").normalize();
            if (Files.isDirectory(real)) {
                try (Stream<Path> s = Files.list(real)) {
                    s.filter(p -> !p.getFileName().toString().startsWith("LICENSE")).forEach(files::add);
                }
            }
        }
        files.sort(null);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void cutAtEachEntryBoundaryAloneAndAtAllOfThemAtOnce(Path file) throws IOException {
        byte[] log = Files.readAllBytes(file);
        ReadResult<TerminalRecord> whole = onePass(log);
        int[] edges = entryEdges(log);
        for (int edge : edges) {
            assertSame(whole, chunked(log, new int[]{edge}), file, "cut at the entry boundary at byte " + edge);
        }
        assertSame(whole, chunked(log, edges), file, "cut at all " + edges.length + " entry boundaries");
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void cutAnywhereEvenInsideAnEntryOrATag(Path file) throws IOException {
        byte[] log = Files.readAllBytes(file);
        ReadResult<TerminalRecord> whole = onePass(log);
        if (log.length <= EVERY_BYTE) {
            for (int at = 1; at < log.length; at++) {
                assertSame(whole, chunked(log, new int[]{at}), file, "cut at byte " + at);
            }
        } else {
            // every line start of the first 400 lines (fields of one entry on both sides of the edge)
            int lines = 0;
            for (int at = 1; at < log.length && lines < 400; at++) {
                if (log[at - 1] == '\n') {
                    assertSame(whole, chunked(log, new int[]{at}), file, "cut at the line starting at byte " + at);
                    lines++;
                }
            }
        }
        Random random = new Random(file.getFileName().toString().hashCode());
        for (int round = 0; round < 100 && log.length > 1; round++) {
            int n = 1 + random.nextInt(Math.min(40, log.length - 1));
            TreeSet<Integer> cuts = new TreeSet<>();
            while (cuts.size() < n) {
                cuts.add(1 + random.nextInt(log.length - 1));
            }
            int[] at = cuts.stream().mapToInt(Integer::intValue).toArray();
            assertSame(whole, chunked(log, at), file, "cut at bytes " + Arrays.toString(at));
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void theReadersChunkerOnTwoThreadsGivesWhatOnePassGives(Path file) throws IOException {
        byte[] log = Files.readAllBytes(file);
        ReadResult<TerminalRecord> whole = onePass(log);
        for (int size : new int[]{16, 200, 4096}) {
            TxnPairer pairer = pairer();
            ChunkedLog.read(new ChunkedLog.StreamChunks(new ByteArrayInputStream(log), size), pairer, pool, 2);
            assertSame(whole, pairer.finish(), file, "the reader's chunks of " + size + " bytes");
        }
    }

    /** End to end through the reader: a log of several chunks, read with helpers, as without. */
    @Test
    void aBigLogReadWithHelpersGivesTheRecordsOfOnePass(@TempDir Path dir) throws IOException, URISyntaxException {
        byte[] day = Files.readAllBytes(Path.of(ChunkedLogTest.class.getResource("/jpos/day.xml").toURI()));
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        while (big.size() <= 3 * ChunkedLog.CHUNK) {
            big.write(day);
        }
        Path file = dir.resolve("big.xml");
        Files.write(file, big.toByteArray());
        ReadResult<TerminalRecord> one = new JposLogReader(CONFIG).read(file, "big.xml");
        ReadResult<TerminalRecord> chunked = new JposLogReader(CONFIG, pool, 2).read(file, "big.xml");
        assertThat(one.records()).hasSizeGreaterThan(100);
        assertThat(chunked.records()).isEqualTo(one.records());
        assertThat(chunked.rejects()).isEqualTo(one.rejects());
        assertThat(chunked.ignored()).isEqualTo(one.ignored());
    }

    /**
     * More than 64 MiB without a chunk edge: the reader falls back to one pass, which refuses the file with the
     * error and line a single pass gives (a tag longer than the largest buffer), not a chunk's error.
     */
    @Test
    void aLogWithNoChunkEdgeFor64MiBIsReadInOnePassAndRefusedAsOnePassRefusesIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge-tag.xml");
        byte[] filler = new byte[1 << 20];
        Arrays.fill(filler, (byte) 'x');
        try (var out = Files.newOutputStream(file)) {
            out.write(("<logger class=\"org.jpos.q2.qbean.LoggerAdaptor\">\n"
                    + "<log realm=\"").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 66; i++) {
                out.write(filler);
            }
            out.write("\" at=\"2026-11-20T10:00:00\">\n</log>\n</logger>\n".getBytes(StandardCharsets.US_ASCII));
        }
        Throwable one = catchThrowable(() -> new JposLogReader(CONFIG).read(file, "h.xml"));
        Throwable chunked = catchThrowable(
                () -> new JposLogReader(CONFIG, pool, 2).read(file, "h.xml"));
        assertThat(one).isInstanceOf(InputException.class).hasMessageContaining("longer than");
        assertThat(chunked).isInstanceOf(InputException.class).hasMessage(one.getMessage());
    }

    @Test
    void newlinesCountsEveryLineFeedWhateverTheBytesAroundIt() {
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            byte[] b = new byte[random.nextInt(80)];
            for (int i = 0; i < b.length; i++) {
                int k = random.nextInt(6);
                b[i] = k == 0 ? (byte) '\n' : k == 1 ? (byte) 0x8A : k == 2 ? (byte) 0x0B : (byte) random.nextInt(256);
            }
            int length = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            long expected = 0;
            for (int i = 0; i < length; i++) {
                expected += b[i] == '\n' ? 1 : 0;
            }
            assertThat(ChunkedLog.newlines(b, length)).as("round %d", round).isEqualTo(expected);
        }
    }

    private static TxnPairer pairer() {
        return new TxnPairer(CONFIG, "log.xml", FILE_DATE);
    }

    private static ReadResult<TerminalRecord> onePass(byte[] log) {
        try {
            return JposLogReader.read(new ByteArrayInputStream(log), "log.xml", CONFIG, FILE_DATE, XmlTokenizer.BUFFER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log cut before each of {@code cuts} (ascending byte offsets), read in chunks on the test's pool. */
    private static ReadResult<TerminalRecord> chunked(byte[] log, int[] cuts) throws IOException {
        TxnPairer pairer = pairer();
        ChunkedLog.read(chunksAt(log, cuts), pairer, pool, 2);
        return pairer.finish();
    }

    /** The chunks of {@code log} cut before each of {@code cuts} (ascending byte offsets), with their first lines. */
    static ChunkedLog.Chunks chunksAt(byte[] log, int[] cuts) {
        List<ChunkedLog.Chunk> chunks = new ArrayList<>();
        long line = 1;
        int from = 0;
        for (int k = 0; k <= cuts.length; k++) {
            int to = k < cuts.length ? cuts[k] : log.length;
            byte[] part = Arrays.copyOfRange(log, from, to);
            chunks.add(new ChunkedLog.Chunk(part, part.length, line, k == cuts.length));
            line += ChunkedLog.newlines(part, part.length);
            from = to;
        }
        Iterator<ChunkedLog.Chunk> it = chunks.iterator();
        return () -> it.hasNext() ? it.next() : null;
    }

    /** The offsets of the line starts that open a {@code <log} entry (after the first byte). */
    private static int[] entryEdges(byte[] log) {
        String s = new String(log, StandardCharsets.ISO_8859_1);
        List<Integer> edges = new ArrayList<>();
        for (int i = s.indexOf("\n<log"); i >= 0; i = s.indexOf("\n<log", i + 1)) {
            edges.add(i + 1);
        }
        return edges.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void assertSame(ReadResult<TerminalRecord> whole, ReadResult<TerminalRecord> chunked, Path file,
                                   String how) {
        assertThat(chunked.records()).as("records of %s %s", file.getFileName(), how).isEqualTo(whole.records());
        assertThat(chunked.rejects()).as("rejects of %s %s", file.getFileName(), how).isEqualTo(whole.rejects());
        assertThat(chunked.ignored()).as("ignored of %s %s", file.getFileName(), how).isEqualTo(whole.ignored());
    }
}
