package dev.posrecon.core.report;

import java.io.IOException;
import java.io.Writer;

/** RFC 4180 output: a field is quoted when it holds a comma, quote, CR or LF; rows end with LF. */
public final class Csv {
    private Csv() {
    }

    public static void row(Writer w, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            field(w, fields[i]);
        }
        w.write('\n');
    }

    static void field(Writer w, String v) throws IOException {
        if (v == null || v.isEmpty()) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            w.write(v);
            return;
        }
        w.write('"');
        w.write(v.replace("\"", "\"\""));
        w.write('"');
    }
}
