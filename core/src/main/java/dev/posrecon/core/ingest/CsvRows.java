package dev.posrecon.core.ingest;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import dev.posrecon.core.error.InputException;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file with a header row, read one row at a time (univocity), with physical line numbers and raw text:
 * header by name (case-insensitive, spaces ignored), BOM detected, CRLF or LF, quoted fields. Blank lines are
 * skipped. Used by the journal and customer readers.
 */
public final class CsvRows implements AutoCloseable {

    /**
     * One data row: values by header name, the line it starts on, its raw text (not yet masked). The raw text is
     * made when first asked for, which must be before the next row is read.
     */
    public final class Row {
        private final String[] values;
        private final long line;
        private String raw;

        Row(String[] values, long line) {
            this.values = values;
            this.line = line;
        }

        public String[] values() {
            return values;
        }

        public long line() {
            return line;
        }

        public String raw() {
            if (raw == null) {
                String c = parser.getContext().currentParsedContent();
                raw = c == null ? "" : c.strip();
            }
            return raw;
        }
    }

    private final String file;
    private final TextInput.Opened input;
    private final CsvParser parser;
    private final Map<String, Integer> index = new HashMap<>();
    private final String[] header;
    private long prevEnd;

    /**
     * Opens the file and reads its header; a header missing any of {@code required} fails with the column named.
     */
    public CsvRows(Path path, String displayName, Charset encoding, List<String> required) {
        this.file = displayName;
        this.input = TextInput.open(path, displayName, encoding, null);
        CsvParserSettings s = new CsvParserSettings();
        s.setReadInputOnSeparateThread(false);
        s.setHeaderExtractionEnabled(false);
        s.setLineSeparatorDetectionEnabled(true);
        s.setSkipEmptyLines(false);
        s.setIgnoreLeadingWhitespaces(false);
        s.setIgnoreTrailingWhitespaces(false);
        s.setMaxCharsPerColumn(1 << 16);
        s.setMaxColumns(512);
        s.setNullValue(null);
        s.setEmptyValue(null);
        this.parser = new CsvParser(s);
        try {
            parser.beginParsing(input.reader());
            Row h = nextRaw();
            if (h == null) {
                throw new InputException(file, 1, null, "empty file: expected a header row");
            }
            header = h.values();
            for (int i = 0; i < header.length; i++) {
                String v = header[i] == null ? "" : header[i].strip();
                if (i == 0 && v.startsWith("\uFEFF")) {
                    v = v.substring(1);
                }
                index.putIfAbsent(v.toLowerCase(Locale.ROOT), i);
            }
        } catch (TextParsingException e) {
            throw failure(e);
        }
        for (String r : required) {
            if (!index.containsKey(r)) {
                close();
                throw new InputException(file, 1, r, "missing column; header has: " + String.join(",", header));
            }
        }
    }

    /** Position of a column, or -1 when the header lacks it. */
    public int column(String name) {
        return index.getOrDefault(name, -1);
    }

    /** @return the next non-blank row, or null at the end */
    public Row next() {
        try {
            while (true) {
                Row r = nextRaw();
                if (r == null) {
                    return null;
                }
                boolean blank = true;
                for (String v : r.values()) {
                    if (v != null && !v.isBlank()) {
                        blank = false;
                        break;
                    }
                }
                if (!blank) {
                    for (String v : r.values()) {
                        if (v != null && v.indexOf('\uFFFD') >= 0) {
                            throw new InputException(file, r.line(), null, "not " + input.charset().name()
                                    + " text: bytes that do not decode");
                        }
                    }
                    return r;
                }
            }
        } catch (TextParsingException e) {
            throw failure(e);
        }
    }

    /** The value of a column in a row, stripped; null when absent or blank. */
    public static String get(Row row, int col) {
        if (col < 0 || col >= row.values().length) {
            return null;
        }
        String v = row.values()[col];
        if (v == null) {
            return null;
        }
        v = v.strip();
        return v.isEmpty() ? null : v;
    }

    public int headerSize() {
        return header.length;
    }

    private Row nextRaw() {
        String[] values = parser.parseNext();
        if (values == null) {
            return null;
        }
        long start = prevEnd + 1;
        prevEnd = Math.max(start, parser.getContext().currentLine());
        return new Row(values, start);
    }

    private InputException failure(TextParsingException e) {
        String msg = String.valueOf(e.getMessage());
        int nl = msg.indexOf('\n');
        return new InputException(file, Math.max(1, prevEnd + 1), null,
                "cannot split the file into rows: " + (nl > 0 ? msg.substring(0, nl) : msg), e);
    }

    @Override
    public void close() {
        parser.stopParsing();
        try {
            input.reader().close();
        } catch (IOException ignored) {
            // nothing left to read
        }
    }
}
