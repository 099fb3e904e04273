package dev.posrecon.core.ingest.jpos;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.error.InputException;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.ingest.RecordReader;
import dev.posrecon.core.model.TerminalRecord;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.Executor;

/**
 * Reads a jPOS XML log (ISO 8583 traffic as written by jPOS's loggers) into paired terminal transactions.
 *
 * <p>Real logs are not well-formed XML (truncated files, two threads writing into one entry, stack traces), so
 * this is a tolerant streaming byte scanner, not an XML parser: one pass through a 1 MiB buffer, strings made only
 * for the field values kept. What is read and how messages pair is described in {@link JposLogParser} and
 * {@link TxnPairer}. Record-level problems become rejects; only a file that cannot be read throws.
 */
public final class JposLogReader implements RecordReader<TerminalRecord> {
    private static final int SNIFF_BYTES = 1024;

    private final ReconConfig config;
    private final Executor helpers;
    private final int helperCount;

    public JposLogReader(ReconConfig config) {
        this(config, null, 0);
    }

    /**
     * @param helpers     threads that may scan a big log's chunks ahead when they have nothing else to do (the run's
     *                    reading threads: {@link ChunkedLog}); null reads every log in one pass. The records are
     *                    the same either way.
     * @param helperCount how many threads {@code helpers} has
     */
    public JposLogReader(ReconConfig config, Executor helpers, int helperCount) {
        this.config = config;
        this.helpers = helperCount > 1 ? helpers : null;
        this.helperCount = helperCount;
    }

    @Override
    public ReadResult<TerminalRecord> read(Path file, String displayName) {
        LocalDate fileDate = fileDate(file, config.zone());
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size == 0) {
                // a log jPOS writes opens with its <logger> tag: an empty file is a copy or rotation that failed,
                // and read as a day without traffic it would make every settled sale a case
                throw new InputException(displayName, 0, null, "empty file (0 bytes): expected a jPOS log (a day "
                        + "without traffic still has its <logger> tag)");
            }
            if (helpers != null && size > 2L * ChunkedLog.CHUNK) {
                try {
                    TxnPairer pairer = new TxnPairer(config, displayName, fileDate);
                    ChunkedLog.read(new ChunkedLog.StreamChunks(in, ChunkedLog.CHUNK), pairer, helpers, helperCount);
                    return pairer.finish();
                } catch (ChunkedLog.Unchunkable e) {
                    // no clean chunk edge for 64 MiB: one pass from the start, as for a small file
                    try (InputStream again = Files.newInputStream(file)) {
                        return read(again, displayName, config, fileDate, XmlTokenizer.BUFFER);
                    }
                }
            }
            return read(in, displayName, config, fileDate, XmlTokenizer.BUFFER);
        } catch (XmlTokenizer.TooLong e) {
            throw new InputException(displayName, e.line, null, "a tag or text longer than " + (e.limit >> 20)
                    + " MiB (the limit) starts here: not a jPOS log, or a damaged one; nothing after it can be read");
        } catch (NoSuchFileException e) {
            throw new InputException(displayName, 0, null, "cannot read: no such file");
        } catch (IOException e) {
            throw new InputException(displayName, 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a stream; {@code fileDate} gives the year to messages with neither an entry time nor a full date. */
    static ReadResult<TerminalRecord> read(InputStream in, String displayName, ReconConfig config, LocalDate fileDate,
                                           int bufferSize) throws IOException {
        TxnPairer pairer = new TxnPairer(config, displayName, fileDate);
        new JposLogParser(new XmlTokenizer(in, bufferSize), pairer).run();
        return pairer.finish();
    }

    /**
     * True when the start of the file looks like a jPOS log: a {@code <logger}, {@code <log } or {@code <isomsg}
     * tag in its first KB. Never throws: an unreadable file is not a jPOS log.
     */
    public static boolean sniff(Path file) {
        byte[] head = new byte[SNIFF_BYTES];
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) {
                n += r;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        String s = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        return s.contains("<logger") || s.contains("<log ") || s.contains("<log>") || s.contains("<isomsg");
    }

    /** The file's last-modified date: the year for a message that has only month and day and no entry time. */
    private static LocalDate fileDate(Path file, ZoneId zone) {
        try {
            return LocalDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(), zone).toLocalDate();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
