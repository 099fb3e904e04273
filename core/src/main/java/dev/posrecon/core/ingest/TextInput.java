package dev.posrecon.core.ingest;

import dev.posrecon.core.error.InputException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens a text file as a stream of characters: a byte order mark (UTF-8, UTF-16) decides the encoding and is
 * skipped; else the given encoding; else the fallback. Bytes that are not text in the chosen encoding decode to
 * U+FFFD, which the CSV readers turn into an error naming the line (never silently into mojibake).
 */
public final class TextInput {

    /** The reader and the encoding chosen (with why). */
    public record Opened(Reader reader, Charset charset, String why) {
    }

    private TextInput() {
    }

    public static Opened open(Path file, String displayName, Charset given, Charset fallback) {
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new InputException(displayName, 0, null, "no such file");
        } catch (IOException e) {
            throw new InputException(displayName, 0, null, "cannot read: " + e.getMessage());
        }
        try {
            in.mark(4);
            byte[] b = new byte[3];
            int n = in.readNBytes(b, 0, 3);
            in.reset();
            Charset bom = null;
            int skip = 0;
            if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
                bom = StandardCharsets.UTF_8;
                skip = 3;
            } else if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
                bom = StandardCharsets.UTF_16BE;
                skip = 2;
            } else if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
                bom = StandardCharsets.UTF_16LE;
                skip = 2;
            }
            Charset cs;
            String why;
            if (given != null) {
                cs = given;
                why = "as given";
                if (bom == null || !bom.equals(given)) {
                    skip = 0;
                }
            } else if (bom != null) {
                cs = bom;
                why = "byte order mark";
            } else {
                cs = fallback == null ? StandardCharsets.UTF_8 : fallback;
                why = fallback == null ? "default" : "profile";
            }
            in.skipNBytes(skip);
            CharsetDecoder dec = cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            return new Opened(new InputStreamReader(in, dec), cs, why);
        } catch (IOException e) {
            closeQuietly(in);
            throw new InputException(displayName, 0, null, "cannot read: " + e.getMessage());
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
