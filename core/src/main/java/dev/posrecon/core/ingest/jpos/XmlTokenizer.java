package dev.posrecon.core.ingest.jpos;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * A tolerant, streaming tag scanner for jPOS logs: not an XML parser. It reads bytes through a large buffer, counts
 * lines, and yields start and end tags; text between tags is skipped unless {@link #beginText()} asked for it.
 * Comments, processing instructions and DOCTYPEs are skipped; CDATA is skipped or, in text mode, collected.
 * Broken markup never throws: a tag that meets a {@code <} before its {@code >} ends there, a file that ends inside
 * markup sets {@link #truncated()}. The token's name and attributes are byte ranges of the buffer, valid until the
 * next call to {@link #next()}; strings are made only for the values the caller asks for.
 */
final class XmlTokenizer {
    static final int EOF = 0;
    static final int START = 1;
    static final int END = 2;
    private static final int SKIP = -1;

    static final int BUFFER = 1 << 20;
    static final int MAX_BUFFER = 64 << 20;
    private static final int RAW_CAP = 4096;
    private static final byte[] COMMENT_END = {'-', '-', '>'};
    private static final byte[] CDATA_END = {']', ']', '>'};
    private static final byte[] CDATA_START = "<![CDATA[".getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private long line = 1;

    private int type;
    private long tokenLine;
    private int tokenStart;
    private int nameStart;
    private int nameEnd;
    private int attrStart;
    private int attrEnd;
    private boolean selfClosing;
    private boolean truncated;
    private int valStart;
    private int valEnd;

    /*
     * The usual field tag, <field id="N" value="V"/> on one line, is read by a dedicated scan (fieldTag): its id
     * and value are then known without a pass over its attributes. fieldId is -1 for any other tag.
     */
    private static final byte[] FIELD_ID = "field id=\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VALUE_EQ = "value=\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID = {'i', 'd'};
    private static final byte[] VALUE = {'v', 'a', 'l', 'u', 'e'};
    private static final int FIELD_TAG_MAX = 512;
    private int fieldId = -1;
    private int fieldIdStart;
    private int fieldIdEnd;
    private int fieldValueStart;
    private int fieldValueEnd;

    private StringBuilder text;
    private int textFrom;

    private final byte[] raw = new byte[RAW_CAP];
    private int rawLen;
    private int rawStart = -1;

    /** A tag, comment or text longer than the largest buffer: the file is not a jPOS log, or is damaged there. */
    static final class TooLong extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long line;
        final int limit;

        TooLong(long line, int limit) {
            super("a tag or text longer than " + (limit >> 20) + " MiB starting at line " + line, null, false, false);
            this.line = line;
            this.limit = limit;
        }
    }

    XmlTokenizer(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[bufferSize];
    }

    /**
     * Over a whole chunk of a log held in memory ({@link ChunkedLog}): nothing is read, the chunk's end is the end of
     * input, and positions are offsets into {@code chunk}.
     *
     * @param firstLine the line of the file on which the chunk starts
     */
    XmlTokenizer(byte[] chunk, int length, long firstLine) {
        this.in = null;
        this.buf = chunk;
        this.limit = length;
        this.eof = true;
        this.line = firstLine;
    }

    /** True for a tokenizer over a whole chunk in memory. */
    boolean whole() {
        return in == null;
    }

    /** True when the input ended outside markup and outside collected text. */
    boolean clean() {
        return !truncated && text == null;
    }

    /**
     * For a tokenizer over a whole chunk: what {@link #rawText rawText(true)} gives now, made only when asked for
     * (the chunk's bytes do not change).
     */
    Supplier<String> rawLater() {
        final byte[] b = buf;
        final int from = rawStart;
        final int len = from >= 0 && pos > from ? Math.min(pos - from, RAW_CAP) : 0;
        return () -> new String(b, Math.max(from, 0), len, StandardCharsets.UTF_8);
    }

    /** The next start or end tag, or {@link #EOF}. */
    int next() throws IOException {
        for (;;) {
            int p = pos;
            final byte[] b = buf;
            final int lim = limit;
            long ln = line;
            while (p < lim) {
                byte c = b[p];
                if (c == '<') {
                    break;
                }
                if (c == '\n') {
                    ln++;
                }
                p++;
            }
            line = ln;
            pos = p;
            if (p == lim) {
                boolean more = fill(text != null ? textFrom : lim);
                if (!more) {
                    if (text != null) {
                        appendText(textFrom, limit);
                        textFrom = limit;
                    }
                    pos = limit;
                    type = EOF;
                    return EOF;
                }
                continue;
            }
            if (text != null) {
                appendText(textFrom, p);
                textFrom = p;
            }
            int t = markup();
            if (text != null) {
                textFrom = pos;
            }
            if (t != SKIP) {
                type = t;
                return t;
            }
        }
    }

    int type() {
        return type;
    }

    /** 1-based line where the current token starts. */
    long tokenLine() {
        return tokenLine;
    }

    /** The line the scanner is at (after the current token). */
    long line() {
        return line;
    }

    /** True when the file ended inside markup (a cut tag, comment or CDATA). */
    boolean truncated() {
        return truncated;
    }

    boolean selfClosing() {
        return selfClosing;
    }

    boolean nameIs(byte[] name) {
        return rangeEquals(nameStart, nameEnd, name);
    }

    int nameLength() {
        return nameEnd - nameStart;
    }

    /** The attribute's value decoded (UTF-8, entities), or null when absent or unterminated. */
    String attr(byte[] name) {
        return findAttr(name) ? XmlText.decode(buf, valStart, valEnd) : null;
    }

    /**
     * The attribute's value as {@link dev.posrecon.core.model.Cards#mask} masks it, made from the bytes, when it is
     * a bare PAN (trimmed, 11 to 19 digits); null when absent or anything else (then read it with {@link #attr}).
     */
    String attrMaskedPan(byte[] name) {
        if (!findAttr(name)) {
            return null;
        }
        int from = XmlText.trimStart(buf, valStart, valEnd);
        return dev.posrecon.core.model.Cards.maskDigits(buf, from, XmlText.trimEnd(buf, from, valEnd));
    }

    /** The plain ISO local time ({@link JposTimes#plainIso}) the attribute holds; null when absent or not that. */
    LocalDateTime attrPlainIso(byte[] name) {
        return findAttr(name) ? JposTimes.plainIso(buf, valStart, valEnd) : null;
    }

    /**
     * The attribute's value trimmed, one instance per distinct short plain value (see {@link ByteStrings}), else
     * decoded as by {@link #attr}; null when absent or unterminated.
     */
    String attrShared(byte[] name, ByteStrings strings) {
        if (!findAttr(name)) {
            return null;
        }
        String s = strings.get(buf, valStart, valEnd);
        return s != null ? s : XmlText.decode(buf, valStart, valEnd);
    }

    /** The attribute's value as a non-negative int, or -1 when absent or not digits. */
    int attrInt(byte[] name) {
        if (fieldId >= 0 && Arrays.equals(name, ID)) {
            return fieldId;
        }
        if (!findAttr(name)) {
            return -1;
        }
        int s = valStart;
        int e = valEnd;
        while (s < e && buf[s] == ' ') {
            s++;
        }
        while (e > s && buf[e - 1] == ' ') {
            e--;
        }
        if (s == e || e - s > 9) {
            return -1;
        }
        int v = 0;
        for (int k = s; k < e; k++) {
            int d = buf[k] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Starts collecting the text (and CDATA) that follows the current token, up to {@link #endText()}. */
    void beginText() {
        text = new StringBuilder();
        textFrom = pos;
    }

    /** Stops collecting text and returns what was collected since {@link #beginText()} (up to the current token). */
    String endText() {
        StringBuilder t = text;
        text = null;
        return t == null ? null : t.toString();
    }

    /** Starts recording the raw bytes of the file from the current token on (the first few KB, for rejects). */
    void beginRaw() {
        rawLen = 0;
        rawStart = tokenStart;
    }

    /**
     * The raw text recorded since {@link #beginRaw()}, up to and including the current token or only up to its
     * start, decoded as UTF-8. Not masked: the caller masks it.
     */
    String rawText(boolean includeCurrentToken) {
        int end = includeCurrentToken ? pos : tokenStart;
        int n = rawLen;
        byte[] out = Arrays.copyOf(raw, RAW_CAP);
        if (rawStart >= 0 && end > rawStart && n < RAW_CAP) {
            int len = Math.min(end - rawStart, RAW_CAP - n);
            System.arraycopy(buf, rawStart, out, n, len);
            n += len;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private int markup() throws IOException {
        tokenStart = pos;
        tokenLine = line;
        fieldId = -1;
        if (!ensure(2)) {
            return cut();
        }
        byte c = buf[pos + 1];
        if (c == '/') {
            return tag(END, 2);
        }
        if (c == '!') {
            return bang();
        }
        if (c == '?') {
            tag(START, 2);
            return SKIP;
        }
        if (isNameStart(c)) {
            if (c == 'f' && fieldTag()) {
                return START;
            }
            return tag(START, 1);
        }
        pos++;
        return SKIP;
    }

    private int cut() {
        truncated = true;
        pos = limit;
        return EOF;
    }

    private int bang() throws IOException {
        if (!ensure(4)) {
            return cut();
        }
        if (buf[pos + 2] == '-' && buf[pos + 3] == '-') {
            return skipUntil(COMMENT_END, 4, false) ? SKIP : cut();
        }
        if (ensure(CDATA_START.length) && rangeEquals(pos, pos + CDATA_START.length, CDATA_START)) {
            if (text == null) {
                return skipUntil(CDATA_END, CDATA_START.length, false) ? SKIP : cut();
            }
            textFrom = pos + CDATA_START.length;
            if (!skipUntil(CDATA_END, CDATA_START.length, true)) {
                return cut();
            }
            text.append(new String(buf, textFrom, pos - 3 - textFrom, StandardCharsets.UTF_8));
            return SKIP;
        }
        int t = tag(START, 2);
        return t == EOF ? EOF : SKIP;
    }

    /**
     * Reads {@code <field id="N" value="V"/>} (or {@code ...">}) at {@code pos} when the tag is exactly that shape,
     * all in the buffer and on one line, with no entity in V: a third of a big log's bytes are such tags, and this
     * reads each once. Anything else returns false with nothing consumed, for {@link #tag} to read.
     */
    private boolean fieldTag() {
        final byte[] b = buf;
        final int p = pos;
        final int lim = Math.min(limit, p + FIELD_TAG_MAX);
        int k = p + 1;
        if (k + FIELD_ID.length >= lim || !rangeEquals(k, k + FIELD_ID.length, FIELD_ID)) {
            return false;
        }
        k += FIELD_ID.length;
        int id = 0;
        int digits = 0;
        while (k < lim && b[k] >= '0' && b[k] <= '9' && digits < 4) {
            id = id * 10 + (b[k++] - '0');
            digits++;
        }
        if (digits == 0 || k + 1 + VALUE_EQ.length >= lim || b[k] != '"' || b[k + 1] != ' ') {
            return false;
        }
        int idEnd = k;
        k += 2;
        if (!rangeEquals(k, k + VALUE_EQ.length, VALUE_EQ)) {
            return false;
        }
        k += VALUE_EQ.length;
        int vs = k;
        while (k < lim) {
            byte c = b[k];
            if (c == '"') {
                break;
            }
            if (c == '<' || c == '&' || c == '\n' || c == '>') {
                return false;
            }
            k++;
        }
        if (k + 1 >= lim) {
            return false;
        }
        int ve = k;
        boolean closes = b[k + 1] == '/' && k + 2 < lim && b[k + 2] == '>';
        if (!closes && b[k + 1] != '>') {
            return false;
        }
        nameStart = p + 1;
        nameEnd = p + 6;
        attrStart = nameEnd;
        attrEnd = k + 1;
        selfClosing = closes;
        fieldId = id;
        fieldIdStart = idEnd - digits;
        fieldIdEnd = idEnd;
        fieldValueStart = vs;
        fieldValueEnd = ve;
        pos = closes ? k + 3 : k + 2;
        return true;
    }

    /** Scans a tag from {@code pos}; the name starts at {@code pos + off}. */
    private int tag(int t, int off) throws IOException {
        int k = pos + off;
        int nameEndRel = -1;
        byte quote = 0;
        long ln = line;
        int end;
        int consumed;
        for (;;) {
            if (k >= limit) {
                int rel = k - pos;
                boolean more = fill(pos);
                k = pos + rel;
                if (!more) {
                    line = ln;
                    if (eof) {
                        return cut();
                    }
                    end = k;
                    consumed = k;
                    break;
                }
                continue;
            }
            byte c = buf[k];
            if (quote != 0) {
                // most of a tag's bytes are attribute values: scan them in a tight loop
                final byte[] b = buf;
                final int lim = limit;
                final byte q = quote;
                while (k < lim) {
                    byte d = b[k];
                    if (d == q || d == '<' || d == '\n') {
                        break;
                    }
                    k++;
                }
                if (k >= lim) {
                    continue;
                }
                c = b[k];
                if (c == q) {
                    quote = 0;
                    k++;
                    continue;
                }
                if (c == '\n') {
                    ln++;
                    k++;
                    continue;
                }
            }
            if (c == '<') {
                end = k;
                consumed = k;
                if (nameEndRel < 0) {
                    nameEndRel = k - pos;
                }
                break;
            }
            if (nameEndRel < 0 && (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>')) {
                nameEndRel = k - pos;
            }
            if (c == '>') {
                end = k;
                consumed = k + 1;
                break;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '\n') {
                ln++;
            }
            k++;
        }
        line = ln;
        int start = pos;
        nameStart = start + off;
        nameEnd = nameEndRel < 0 ? end : start + nameEndRel;
        selfClosing = t == START && end > nameEnd && buf[end - 1] == '/';
        attrStart = nameEnd;
        attrEnd = selfClosing ? end - 1 : end;
        pos = consumed;
        return t;
    }

    /** Skips to just after {@code term}, counting lines; in text mode the bytes from {@code textFrom} are kept. */
    private boolean skipUntil(byte[] term, int off, boolean keepForText) throws IOException {
        int k = pos + off;
        long ln = line;
        int matched = 0;
        for (;;) {
            if (k >= limit) {
                pos = k;
                boolean more = fill(keepForText ? textFrom : k);
                k = pos;
                if (!more) {
                    line = ln;
                    return false;
                }
                continue;
            }
            byte c = buf[k++];
            if (c == '\n') {
                ln++;
            }
            if (c == term[matched]) {
                matched++;
                if (matched == term.length) {
                    line = ln;
                    pos = k;
                    return true;
                }
            } else if (c == term[0]) {
                matched = matched >= 2 ? 2 : 1;
            } else {
                matched = 0;
            }
        }
    }

    /** Makes at least {@code n} bytes available from {@code pos}. */
    private boolean ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (!fill(pos)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Drops the bytes before {@code keepFrom}, moves the rest to the front and reads more. Positions into the buffer
     * are shifted to match. Returns false at end of file; throws {@link TooLong} when a single token (a tag, a
     * comment, collected text) would outgrow the largest buffer: what follows it cannot be told apart from it.
     */
    private boolean fill(int keepFrom) throws IOException {
        if (eof) {
            return false;
        }
        spillRaw(keepFrom);
        int keep = limit - keepFrom;
        if (keepFrom == 0 && limit == buf.length) {
            if (buf.length >= MAX_BUFFER) {
                throw new TooLong(tokenLine > 0 ? tokenLine : line, MAX_BUFFER);
            }
            buf = Arrays.copyOf(buf, buf.length * 2);
        } else if (keepFrom > 0) {
            System.arraycopy(buf, keepFrom, buf, 0, keep);
        }
        limit = keep;
        pos -= keepFrom;
        tokenStart -= keepFrom;
        textFrom -= keepFrom;
        int n;
        do {
            n = in.read(buf, limit, buf.length - limit);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    private void spillRaw(int keepFrom) {
        if (rawStart < 0) {
            return;
        }
        if (rawStart < keepFrom) {
            int len = Math.min(keepFrom - rawStart, RAW_CAP - rawLen);
            System.arraycopy(buf, rawStart, raw, rawLen, len);
            rawLen += len;
            rawStart = rawLen < RAW_CAP ? keepFrom : -1;
        }
        if (rawStart >= 0) {
            rawStart -= keepFrom;
        }
    }

    private void appendText(int from, int to) {
        if (to > from) {
            text.append(XmlText.decode(buf, from, to));
        }
    }

    private boolean findAttr(byte[] name) {
        if (fieldId >= 0) {
            if (Arrays.equals(name, ID)) {
                valStart = fieldIdStart;
                valEnd = fieldIdEnd;
                return true;
            }
            if (Arrays.equals(name, VALUE)) {
                valStart = fieldValueStart;
                valEnd = fieldValueEnd;
                return true;
            }
            return false;
        }
        final byte[] b = buf;
        int k = attrStart;
        final int end = attrEnd;
        while (k < end) {
            if (b[k] <= ' ') {
                k++;
                continue;
            }
            int ns = k;
            while (k < end && b[k] != '=' && b[k] > ' ') {
                k++;
            }
            int ne = k;
            if (ne == ns) {
                k++;
                continue;
            }
            while (k < end && b[k] <= ' ') {
                k++;
            }
            if (k >= end || b[k] != '=') {
                continue;
            }
            k++;
            while (k < end && b[k] <= ' ') {
                k++;
            }
            if (k >= end) {
                return false;
            }
            byte q = b[k];
            int vs;
            int ve;
            if (q == '"' || q == '\'') {
                vs = k + 1;
                int j = vs;
                while (j < end && b[j] != q) {
                    j++;
                }
                if (j >= end) {
                    return false;
                }
                ve = j;
                k = j + 1;
            } else {
                vs = k;
                while (k < end && b[k] > ' ') {
                    k++;
                }
                ve = k;
            }
            if (rangeEquals(ns, ne, name)) {
                valStart = vs;
                valEnd = ve;
                return true;
            }
        }
        return false;
    }

    private boolean rangeEquals(int from, int to, byte[] s) {
        if (to - from != s.length) {
            return false;
        }
        for (int i = 0; i < s.length; i++) {
            if (buf[from + i] != s[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameStart(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    }
}
