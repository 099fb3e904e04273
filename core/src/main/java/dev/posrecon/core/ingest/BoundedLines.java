package dev.posrecon.core.ingest;

import dev.posrecon.core.error.InputException;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a text file, none longer than a limit: a longer one (a file of another kind, a binary file, a line
 * gigabytes long) stops the read with an error naming its line once the limit is read, instead of being held whole
 * until the heap runs out. LF or CRLF; the line break is not part of the line.
 */
public final class BoundedLines implements Closeable {
    /** 1 MiB characters: far beyond any record a reader takes one line for. */
    public static final int MAX_LINE = 1 << 20;

    private final Reader in;
    private final String file;
    private final int max;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private long line;
    private StringBuilder sb = new StringBuilder();

    public BoundedLines(Reader in, String file) {
        this(in, file, MAX_LINE);
    }

    public BoundedLines(Reader in, String file, int max) {
        this.in = in;
        this.file = file;
        this.max = max;
    }

    /** The next line, or null at the end of the file. */
    public String next() throws IOException {
        sb.setLength(0);
        boolean any = false;
        for (;;) {
            if (pos == limit) {
                limit = in.read(buf, 0, buf.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    line++;
                    return finish();
                }
            }
            any = true;
            int start = pos;
            while (pos < limit && buf[pos] != '\n') {
                pos++;
            }
            if (sb.length() + (pos - start) > max + 1) {
                throw new InputException(file, line + 1, null, "a line longer than " + max + " characters (the "
                        + "limit): not a file of this kind, or a damaged one (a file with no line breaks)");
            }
            sb.append(buf, start, pos - start);
            if (pos < limit) {
                pos++;
                line++;
                return finish();
            }
        }
    }

    private String finish() {
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) == '\r') {
            sb.setLength(n - 1);
        }
        if (sb.length() > max) {
            throw new InputException(file, line, null, "a line longer than " + max + " characters (the limit): not "
                    + "a file of this kind, or a damaged one (a file with no line breaks)");
        }
        String s = sb.toString();
        if (sb.capacity() > (1 << 16)) {
            sb = new StringBuilder();
        }
        return s;
    }

    /** The number of the line last returned (1-based). */
    public long line() {
        return line;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
