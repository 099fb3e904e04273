package dev.posrecon.core.ingest.settlement;

import dev.posrecon.core.ingest.TextInput;
import dev.posrecon.core.ingest.CsvRows;
import com.univocity.parsers.common.AbstractParser;
import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvFormat;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import com.univocity.parsers.fixed.FixedWidthFields;
import com.univocity.parsers.fixed.FixedWidthParser;
import com.univocity.parsers.fixed.FixedWidthParserSettings;
import dev.posrecon.core.error.InputException;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of a settlement file as the profile splits them (univocity's CSV or fixed-width parser, one row at a
 * time), with their physical line numbers. Leading lines, comment lines and everything from the stop marker on are
 * counted as ignored; blank lines are skipped; the header row is taken and indexed. What is left are the rows that
 * may be records; record selection and mapping are the reader's.
 */
final class RowStream implements AutoCloseable {

    /**
     * A row that may be a record: its values, the line it starts on and its raw text (unmasked: mask it). The raw
     * text is made when first asked for, which must be before the next row is read (rejects are rare; making it
     * for every row cost a string per line).
     */
    final class Row {
        private final String[] values;
        private final long line;
        private String raw;

        Row(String[] values, long line, String raw) {
            this.values = values;
            this.line = line;
            this.raw = raw;
        }

        String[] values() {
            return values;
        }

        long line() {
            return line;
        }

        String raw() {
            if (raw == null) {
                raw = rawText();
            }
            return raw;
        }
    }

    static final int MAX_CHARS = 100_000;
    static final int MAX_COLUMNS = 2048;

    private final Profile profile;
    private final String file;
    private final TextInput.Opened input;
    private final AbstractParser<?> parser;
    private long prevEnd;
    private boolean stopped;
    private long ignored;
    private String[] header;
    private long headerLine;
    private Map<String, Integer> headerIndex;

    RowStream(Profile profile, TextInput.Opened input, String displayName) {
        this.profile = profile;
        this.file = displayName;
        this.input = input;
        this.parser = parser(profile);
        try {
            parser.beginParsing(input.reader());
        } catch (TextParsingException e) {
            throw failure(e);
        }
    }

    /** @return the next row that may be a record, or null at the end of the file */
    Row next() {
        while (true) {
            String[] values;
            try {
                values = parser.parseNext();
            } catch (TextParsingException e) {
                throw failure(e);
            }
            if (values == null) {
                return null;
            }
            long start = prevEnd + 1;
            prevEnd = Math.max(start, parser.getContext().currentLine());
            String raw = profile.commentPrefix != null || profile.stopAtPrefix != null ? rawText() : null;
            for (String v : values) {
                if (v != null && v.indexOf('\uFFFD') >= 0) {
                    throw new InputException(file, start, null, "not " + input.charset().name()
                            + " text: bytes that do not decode; give the file's encoding, e.g. --encoding GB18030");
                }
            }
            if (profile.format == Profile.Format.FIXED_WIDTH) {
                // what univocity's white-space skipping did inside a field: no control character or space at either
                // end (String.trim), so a value reads as in a CSV file
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null) {
                        values[i] = values[i].trim();
                    }
                }
            }
            // a fixed-width line may hold text only where no field is mapped (a short line's record type): it is
            // a row for the reader to select or reject, not a blank line
            // (the raw text is taken once: univocity gives a row's parsed content only to the first call)
            if (isBlank(values)) {
                if (profile.format != Profile.Format.FIXED_WIDTH) {
                    continue;
                }
                raw = raw == null ? rawText() : raw;
                if (!hasText(raw)) {
                    continue;
                }
            }
            if (stopped || start <= profile.skipLines) {
                ignored++;
                continue;
            }
            String lead = raw == null ? "" : raw.stripLeading();
            if (profile.commentPrefix != null && lead.startsWith(profile.commentPrefix)) {
                ignored++;
                continue;
            }
            if (profile.stopAtPrefix != null && lead.startsWith(profile.stopAtPrefix)) {
                stopped = true;
                ignored++;
                continue;
            }
            if (profile.header && header == null) {
                takeHeader(values, start);
                continue;
            }
            return new Row(values, start, raw);
        }
    }

    /** Rows skipped as not being records so far. */
    long ignored() {
        return ignored;
    }

    void countIgnored() {
        ignored++;
    }

    /** The header row's values (cleaned), or null when the profile has none or none was found yet. */
    String[] header() {
        return header;
    }

    long headerLine() {
        return headerLine;
    }

    /** Column position of a header name (case-insensitive, surrounding spaces ignored), or null. */
    Integer headerIndex(String name) {
        return headerIndex == null ? null : headerIndex.get(norm(name));
    }

    String charsetName() {
        return input.charset().name() + " (" + input.why() + ")";
    }

    @Override
    public void close() {
        parser.stopParsing();
        try {
            input.reader().close();
        } catch (IOException ignoredToo) {
            // reading is over; nothing to recover
        }
    }

    private void takeHeader(String[] values, long line) {
        String[] h = new String[values.length];
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            String v = values[i] == null ? "" : values[i];
            if (i == 0 && v.startsWith("\uFEFF")) {
                v = v.substring(1);
            }
            v = v.strip();
            if (profile.stripPrefix != null && v.startsWith(profile.stripPrefix)) {
                v = v.substring(profile.stripPrefix.length()).strip();
            }
            h[i] = v;
            idx.putIfAbsent(norm(v), i);
        }
        header = h;
        headerLine = line;
        headerIndex = Collections.unmodifiableMap(idx);
    }

    static String norm(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private String rawText() {
        String c = parser.getContext().currentParsedContent();
        if (c == null) {
            return "";
        }
        int end = c.length();
        while (end > 0 && (c.charAt(end - 1) == '\n' || c.charAt(end - 1) == '\r')) {
            end--;
        }
        int begin = c.startsWith("\uFEFF") ? 1 : 0;
        return c.substring(begin, end);
    }

    /**
     * Whether the text has a character that is neither white space, a control character nor an invisible format
     * character (a stray byte order mark, U+FEFF, inside the file).
     */
    private static boolean hasText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > ' ' && !Character.isWhitespace(c) && Character.getType(c) != Character.FORMAT) {
                return true;
            }
        }
        return false;
    }

    /** No value has text: white space (an ideographic space too) and control characters only. */
    private static boolean isBlank(String[] values) {
        for (String v : values) {
            if (v != null && hasText(v)) {
                return false;
            }
        }
        return true;
    }

    private InputException failure(TextParsingException e) {
        long line = Math.max(1, prevEnd + 1);
        return new InputException(file, line, null, CsvRows.splitProblem(e, MAX_CHARS,
                MAX_COLUMNS), e);
    }

    private static AbstractParser<?> parser(Profile p) {
        if (p.format == Profile.Format.FIXED_WIDTH) {
            FixedWidthFields fields = new FixedWidthFields();
            for (Profile.Source s : p.spans) {
                fields.addField(s.start() - 1, s.start() - 1 + s.length());
            }
            FixedWidthParserSettings s = new FixedWidthParserSettings(fields);
            s.getFormat().setLineSeparator("\n");
            s.getFormat().setNormalizedNewline('\n');
            s.getFormat().setComment(CsvRows.NO_COMMENT);
            s.setRecordEndsOnNewline(true);
            s.setSkipTrailingCharsUntilNewline(true);
            s.setSkipEmptyLines(false);
            s.setHeaderExtractionEnabled(false);
            s.setMaxCharsPerColumn(MAX_CHARS);
            s.setReadInputOnSeparateThread(false);
            // no whitespace skipping by univocity: its fixed-width parser skips a field's leading white space
            // past the line feed (a line that ends with a CR or spaces inside the layout swallowed the next line,
            // uncounted). Values are trimmed in next().
            s.setIgnoreLeadingWhitespaces(false);
            s.setIgnoreTrailingWhitespaces(false);
            return new FixedWidthParser(s);
        }
        CsvParserSettings s = new CsvParserSettings();
        s.setReadInputOnSeparateThread(false);
        CsvFormat f = s.getFormat();
        f.setDelimiter(p.delimiter);
        f.setQuote(p.quote);
        f.setQuoteEscape(p.quoteEscape);
        f.setComment(CsvRows.NO_COMMENT);
        // "\n" only: a CR before it is trailing whitespace (trimmed), and line numbers stay physical even when a
        // quoted value holds a bare LF inside a CRLF file
        f.setLineSeparator("\n");
        f.setNormalizedNewline('\n');
        s.setSkipEmptyLines(false);
        s.setHeaderExtractionEnabled(false);
        s.setMaxCharsPerColumn(MAX_CHARS);
        s.setMaxColumns(MAX_COLUMNS);
        s.setIgnoreLeadingWhitespaces(true);
        s.setIgnoreTrailingWhitespaces(true);
        s.setNullValue(null);
        s.setEmptyValue("");
        return new CsvParser(s);
    }
}
