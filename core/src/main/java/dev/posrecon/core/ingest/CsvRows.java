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

    /** The longest value and the most columns a row may have: a longer value or line stops the read (exit 3). */
    public static final int MAX_CHARS = 1 << 16;

    /**
     * The comment character given to univocity so that no line is a comment. univocity skips, uncounted, every
     * row whose first character equals its comment character: its default '#' would drop a '#...' row of a journal
     * or directory silently, and '\0' (the documented "none") drops every row that starts with a NUL byte. A lone
     * low surrogate cannot start a line of decoded text (a decoder gives U+FFFD for one), so it never matches.
     * posrecon's own comment handling is the profile's {@code comment.prefix}, counted as ignored.
     */
    public static final char NO_COMMENT = '\uDFFF';
    public static final int MAX_COLUMNS = 512;

    private final String file;
    private final TextInput.Opened input;
    private final CsvParser parser;
    private final Map<String, Integer> index = new HashMap<>();
    private final String[] header;
    private final String what;
    private long prevEnd;

    /**
     * Opens the file and reads its header; a header missing any of {@code required} fails with the column named.
     */
    public CsvRows(Path path, String displayName, Charset encoding, List<String> required) {
        this(path, displayName, encoding, required, null);
    }

    /**
     * @param what what the file should be ("receipt journal"), named when its header lacks most required columns:
     *             a file given in the place of another
     */
    public CsvRows(Path path, String displayName, Charset encoding, List<String> required, String what) {
        this.file = displayName;
        this.what = what;
        this.input = TextInput.open(path, displayName, encoding, null);
        CsvParserSettings s = new CsvParserSettings();
        s.setReadInputOnSeparateThread(false);
        s.setHeaderExtractionEnabled(false);
        s.setLineSeparatorDetectionEnabled(true);
        s.getFormat().setComment(NO_COMMENT);
        s.setSkipEmptyLines(false);
        s.setIgnoreLeadingWhitespaces(false);
        s.setIgnoreTrailingWhitespaces(false);
        s.setMaxCharsPerColumn(MAX_CHARS);
        s.setMaxColumns(MAX_COLUMNS);
        s.setNullValue(null);
        s.setEmptyValue(null);
        this.parser = new CsvParser(s);
        try {
            parser.beginParsing(input.reader());
            Row h = nextRaw();
            if (h == null) {
                throw new InputException(file, 1, null, "empty file: expected a header row"
                        + (what != null ? " of a " + what + " (" + String.join(", ", required) + ")" : ""));
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
        List<String> missing = new java.util.ArrayList<>();
        for (String r : required) {
            if (!index.containsKey(r)) {
                missing.add(r);
            }
        }
        if (!missing.isEmpty()) {
            close();
            throw new InputException(file, 1, missing.get(0), (missing.size() == 1 ? "missing column"
                    : "missing columns " + String.join(", ", missing))
                    + (what != null && missing.size() * 2 >= required.size() ? (missing.size() < required.size()
                    ? " (of " + String.join(", ", required) + ")" : "") + ": the header does not look like a " + what
                    : "")
                    + "; header has: " + headerText());
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

    /** The header's column names as the file has them, comma-separated: for messages. */
    public String headerText() {
        String[] shown = header.clone();
        for (int i = 0; i < shown.length; i++) {
            shown[i] = shown[i] == null ? "" : shown[i].strip();
        }
        return shown(String.join(",", shown));
    }

    private static final int SHOWN_MAX = 200;

    /**
     * Text from a file as a message may show it: control characters, undecodable bytes and other unprintables as
     * '?', and no more than {@value #SHOWN_MAX} characters (a binary file's "header" stays one readable line).
     */
    public static String shown(String text) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), SHOWN_MAX + 3));
        for (int i = 0; i < text.length() && b.length() < SHOWN_MAX; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean printable = c >= 0x20 && c != 0x7f && c != 0xfffd && Character.isDefined(c)
                    && !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                    && Character.getType(c) != Character.PRIVATE_USE && Character.getType(c) != Character.SURROGATE
                    && Character.getType(c) != Character.UNASSIGNED;
            if (printable) {
                b.appendCodePoint(c);
            } else {
                b.append('?');
            }
            if (b.length() >= SHOWN_MAX && i < text.length()) {
                b.append("...");
            }
        }
        return b.toString();
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
        return new InputException(file, Math.max(1, prevEnd + 1), null, splitProblem(e, MAX_CHARS, MAX_COLUMNS), e);
    }

    /**
     * What stopped univocity splitting a file into rows, in words: a value longer than the limit (a file of another
     * kind, a binary file, a line gigabytes long: it is refused once the limit is read, never held whole), too many
     * columns, else univocity's own first line (never an exception's class name).
     */
    public static String splitProblem(TextParsingException e, int maxChars, int maxColumns) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("exceeds the maximum number of characters")) {
            return "a value longer than " + maxChars + " characters (the limit): not a file of this kind, or a damaged"
                    + " one (an unclosed quote, a line with no line breaks)";
        }
        if (msg.contains("ArrayIndexOutOfBounds") || msg.contains("may have exceeded limit")) {
            return "a row of more than " + maxColumns + " columns (the limit): not a file of this kind, or a damaged"
                    + " one";
        }
        int nl = msg.indexOf('\n');
        String first = (nl > 0 ? msg.substring(0, nl) : msg).replaceAll("[\\w.$]+(Exception|Error)( - )?", "")
                .strip();
        return "cannot split the file into rows" + (first.isEmpty() ? "" : ": " + first);
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
