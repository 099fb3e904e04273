package dev.posrecon.core.ingest.jpos;

import java.nio.charset.StandardCharsets;

/**
 * One string per distinct short ASCII value, found by its bytes: a value seen before costs a hash over its bytes
 * and no new string. A big log repeats few values in most fields (MTIs, processing codes, terminal and merchant
 * ids, response codes, dates, STANs), so its records share them. The strings carry their hash already computed,
 * which the maps they are later keyed into use.
 *
 * <p>Never used for card data: a full PAN must not be kept anywhere.
 */
final class ByteStrings {
    static final int MAX_LENGTH = 24;
    private static final int MAX_SIZE = 1 << 18;

    private String[] table = new String[1 << 12];
    private int size;

    /**
     * The string of {@code b[from, to)} with spaces trimmed at both ends, or null when it is longer than
     * {@link #MAX_LENGTH} or not plain ASCII without entities (the caller then decodes it as usual).
     */
    String get(byte[] b, int from, int to) {
        from = XmlText.trimStart(b, from, to);
        to = XmlText.trimEnd(b, from, to);
        int n = to - from;
        if (n > MAX_LENGTH) {
            return null;
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c < ' ' || c == '&') {
                return null;
            }
            h = 31 * h + c;
        }
        String[] t = table;
        int mask = t.length - 1;
        int i = (h ^ (h >>> 16)) & mask;
        String s;
        while ((s = t[i]) != null) {
            if (s.hashCode() == h && same(s, b, from, n)) {
                return s;
            }
            i = (i + 1) & mask;
        }
        String v = new String(b, from, n, StandardCharsets.ISO_8859_1);
        if (size < MAX_SIZE) {
            t[i] = v;
            if (++size * 2 > t.length) {
                grow();
            }
        }
        return v;
    }

    private static boolean same(String s, byte[] b, int from, int n) {
        if (s.length() != n) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (s.charAt(k) != b[from + k]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        String[] old = table;
        String[] t = new String[old.length * 2];
        int mask = t.length - 1;
        for (String s : old) {
            if (s != null) {
                int h = s.hashCode();
                int i = (h ^ (h >>> 16)) & mask;
                while (t[i] != null) {
                    i = (i + 1) & mask;
                }
                t[i] = s;
            }
        }
        table = t;
    }
}
