package dev.posrecon.core.fuzz;

import dev.posrecon.core.error.InputException;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.ingest.TextInput;
import dev.posrecon.core.model.Reject;
import dev.posrecon.core.model.SourceRef;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What every fuzz target checks, whatever the reader: only {@link InputException} escapes (anything else is
 * thrown on, and Jazzer reports it), every reject names the file and a line inside it, and nothing given out holds
 * a full card number ({@link Pans}).
 */
final class FuzzSupport {
    /** The name the readers are given for the fuzz file: it must come back in every reject. */
    static final String NAME = "fuzz-input";
    private static Path dir;

    private FuzzSupport() {
    }

    /** Writes the input to a file of this JVM's temporary folder (one per target, overwritten each run). */
    static Path write(String fileName, byte[] data) {
        try {
            if (dir == null) {
                // named by the process id, not createTempDirectory's random 18-19 digits: messages quote the file's
                // path, and one run in ten such a number is Luhn-valid, a "card number" in every message
                dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"),
                        "posrecon-fuzz-" + ProcessHandle.current().pid()));
                dir.toFile().deleteOnExit();
            }
            Path f = dir.resolve(fileName);
            Files.write(f, data);
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text as the readers decode it (byte order mark, else {@code fallback}, else UTF-8). */
    static String decoded(Path f, Charset fallback) {
        TextInput.Opened in = TextInput.open(f, NAME, null, fallback);
        try (Reader r = in.reader()) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = r.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The highest line number a record or reject may name: one more than the line feeds. */
    static long maxLine(byte[] data) {
        long n = 1;
        for (byte b : data) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    /**
     * Runs a read: an {@link InputException} is a legitimate answer to bad input (its message is checked for card
     * numbers, and null is returned); anything else thrown goes on to Jazzer as a finding.
     */
    static <T> ReadResult<T> read(Supplier<ReadResult<T>> read) {
        try {
            return Objects.requireNonNull(read.get(), "a reader returned null");
        } catch (InputException e) {
            noPan("exception message", e.getMessage());
            if (e.file() == null || e.file().isEmpty()) {
                throw new AssertionError("an input error names no file: " + e.getMessage());
            }
            return null;
        }
    }

    /** Rejects name the file and a line in it, give a reason and hold no card number. */
    static void checkRejects(List<Reject> rejects, long maxLine) {
        for (Reject r : rejects) {
            if (!NAME.equals(r.file())) {
                throw new AssertionError("reject names file '" + r.file() + "': " + r);
            }
            if (r.line() < 1 || r.line() > maxLine) {
                throw new AssertionError("reject line " + r.line() + " outside 1.." + maxLine + ": " + r);
            }
            if (r.reason() == null || r.reason().isBlank()) {
                throw new AssertionError("reject without a reason at line " + r.line());
            }
            noPan("reject reason", r.reason());
            noPan("reject raw text", r.raw());
        }
    }

    /** A record's source names the file and a line in it. */
    static void checkRef(SourceRef ref, long maxLine, Object record) {
        if (ref == null) {
            return;
        }
        if (!NAME.equals(ref.file()) || ref.line() < 1 || ref.line() > maxLine) {
            throw new AssertionError("record source " + ref + " outside " + NAME + ":1.." + maxLine + ": " + record);
        }
    }

    /** Fails when {@code text} holds a full card number. */
    static void noPan(String what, String text) {
        Pans.findLuhnPan(text).ifPresent(p -> {
            throw new AssertionError("full card number " + p + " in " + what + ": " + text);
        });
    }

    /**
     * Whether a line holds a value: a character that is not a delimiter, a control character, white space or an
     * invisible format character (U+FEFF), as the settlement readers judge a blank row.
     */
    static boolean hasData(String line, String delimiters) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c > ' ' && !Character.isWhitespace(c) && Character.getType(c) != Character.FORMAT
                    && delimiters.indexOf(c) < 0) {
                return true;
            }
        }
        return false;
    }

    /** The text's lines split at {@code \n} only (a {@code \r} stays in its line), as the settlement readers count. */
    static String[] linesLf(String text) {
        return text.split("\n", -1);
    }
}
