package dev.posrecon.core.ingest.jpos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.function.Supplier;

/**
 * The structure of a jPOS log on top of {@link XmlTokenizer}: {@code <log>} entries (inside a {@code <logger>}
 * wrapper or not), the {@code <isomsg>} directly under their {@code <send>}/{@code <receive>}, and bare top-level
 * {@code <isomsg>} dumps. Top-level {@code <field>}s of a message are kept (values or text/CDATA content); nested
 * {@code <isomsg id="48">} sub-fields are dropped, as are messages quoted elsewhere in an entry (a transaction
 * manager's context, a simulator's test case). An entry that holds no message is counted as ignored.
 *
 * <p>Broken structure becomes a reject and reading carries on: an entry into which another {@code <log>} began
 * (two threads writing at once), a message not closed before its entry ends, an entry cut by the end of file.
 */
final class JposLogParser {
    private static final byte[] LOG = bytes("log");
    private static final byte[] SEND = bytes("send");
    private static final byte[] RECEIVE = bytes("receive");
    private static final byte[] ISOMSG = bytes("isomsg");
    private static final byte[] FIELD = bytes("field");
    private static final byte[] ID = bytes("id");
    private static final byte[] VALUE = bytes("value");
    private static final byte[] TYPE = bytes("type");
    private static final byte[] CURRENCY = bytes("currency");
    private static final byte[] AT = bytes("at");

    private final XmlTokenizer tok;
    private final MessageSink sink;
    private final ByteStrings strings;

    private boolean inEntry;
    private long entryLine;
    private String entryAt;
    private LocalDateTime entryAtTime;
    private int ioDepth;
    private boolean entryHadMessage;
    private int foreignDepth;

    private IsoMessage msg;
    private int subDepth;
    private int textField = -1;
    private long messages;

    JposLogParser(XmlTokenizer tok, MessageSink sink) {
        this(tok, sink, new ByteStrings());
    }

    /** @param strings the shared values, kept from chunk to chunk by a thread scanning chunks */
    JposLogParser(XmlTokenizer tok, MessageSink sink, ByteStrings strings) {
        this.tok = tok;
        this.sink = sink;
        this.strings = strings;
    }

    /** Reads to the end of the file; returns the number of ISO messages found. */
    long run() throws IOException {
        scan();
        endOfFile();
        return messages;
    }

    /**
     * Reads a chunk of a log to its end without the end-of-file rules, for {@link ChunkedLog}. Returns true when the
     * chunk ended clean: outside any entry, message, field text or markup, where a parser reading the whole file
     * would be in the state a new parser starts in, so that the next chunk can be read by a new parser.
     */
    boolean runChunk() throws IOException {
        scan();
        return !inEntry && msg == null && textField < 0 && ioDepth == 0 && foreignDepth == 0 && tok.clean();
    }

    private void scan() throws IOException {
        int t;
        while ((t = tok.next()) != XmlTokenizer.EOF) {
            if (t == XmlTokenizer.START) {
                start();
            } else {
                end();
            }
        }
    }

    private void start() {
        XmlTokenizer t = tok;
        switch (t.nameLength()) {
            case 5 -> {
                if (t.nameIs(FIELD)) {
                    field();
                }
            }
            case 6 -> {
                if (t.nameIs(ISOMSG)) {
                    isomsgStart();
                }
            }
            case 3 -> {
                if (t.nameIs(LOG)) {
                    logStart();
                }
            }
            case 4, 7 -> {
                if ((t.nameIs(SEND) || t.nameIs(RECEIVE)) && inEntry && !t.selfClosing()) {
                    ioDepth++;
                }
            }
            default -> {
            }
        }
    }

    private void end() {
        XmlTokenizer t = tok;
        switch (t.nameLength()) {
            case 5 -> {
                if (textField >= 0 && t.nameIs(FIELD)) {
                    msg.set(textField, t.endText());
                    textField = -1;
                }
            }
            case 6 -> {
                if (t.nameIs(ISOMSG)) {
                    isomsgEnd();
                }
            }
            case 3 -> {
                if (t.nameIs(LOG) && inEntry) {
                    if (msg != null) {
                        rejectOpenMessage("message in the entry starting at line " + entryLine
                                + " not closed before </log> at line " + t.tokenLine(), false);
                    }
                    closeEntry();
                }
            }
            case 4, 7 -> {
                if ((t.nameIs(SEND) || t.nameIs(RECEIVE)) && inEntry && ioDepth > 0) {
                    ioDepth--;
                    if (msg != null && ioDepth == 0) {
                        rejectOpenMessage("message in the entry starting at line " + entryLine
                                + " not closed before </" + (t.nameIs(SEND) ? "send" : "receive") + "> at line "
                                + t.tokenLine(), true);
                    }
                }
            }
            default -> {
            }
        }
    }

    private void logStart() {
        long line = tok.tokenLine();
        if (inEntry) {
            if (msg != null) {
                rejectOpenMessage("entry starting at line " + entryLine + " was interrupted by another <log> at line "
                        + line + " (two writers in one entry?)", false);
            }
            closeEntry();
        } else if (msg != null) {
            rejectOpenMessage("message starting at line " + msg.line + " was interrupted by a <log> at line " + line,
                    false);
        }
        if (tok.selfClosing()) {
            sink.ignore();
            return;
        }
        inEntry = true;
        entryLine = line;
        // the usual ISO time read from the bytes; any other form kept as text for JposTimes
        entryAtTime = tok.attrPlainIso(AT);
        entryAt = entryAtTime == null ? tok.attr(AT) : null;
        ioDepth = 0;
        foreignDepth = 0;
        entryHadMessage = false;
        tok.beginRaw();
    }

    private void closeEntry() {
        if (!entryHadMessage) {
            sink.ignore();
        }
        inEntry = false;
        ioDepth = 0;
        foreignDepth = 0;
    }

    private void isomsgStart() {
        boolean selfClosing = tok.selfClosing();
        if (msg != null) {
            if (!selfClosing) {
                subDepth++;
            }
            return;
        }
        if (foreignDepth > 0 || (inEntry && ioDepth == 0)) {
            if (!selfClosing) {
                foreignDepth++;
            }
            return;
        }
        if (inEntry) {
            msg = new IsoMessage(entryLine, entryAt, entryAtTime);
            entryHadMessage = true;
        } else {
            msg = new IsoMessage(tok.tokenLine(), null, null);
            tok.beginRaw();
        }
        subDepth = 0;
        messages++;
        if (selfClosing) {
            completeMessage();
        }
    }

    private void isomsgEnd() {
        if (msg != null) {
            if (subDepth > 0) {
                subDepth--;
            } else {
                completeMessage();
            }
        } else if (foreignDepth > 0) {
            foreignDepth--;
        }
    }

    private void field() {
        if (msg == null || subDepth > 0) {
            return;
        }
        XmlTokenizer t = tok;
        int id = t.attrInt(ID);
        if (!IsoMessage.wanted(id)) {
            return;
        }
        if (id == 2) {
            // the usual bare PAN is masked from the log's bytes: the full number never becomes a string
            String masked = t.attrMaskedPan(VALUE);
            if (masked != null) {
                msg.pan = masked;
                return;
            }
        }
        String value = IsoMessage.shared(id) ? t.attrShared(VALUE, strings) : t.attr(VALUE);
        if (id == 4) {
            msg.amountIsDecimal = "amount".equals(t.attr(TYPE));
            msg.amountCurrency = t.attr(CURRENCY);
        }
        if (value != null) {
            msg.set(id, value);
        } else if (!t.selfClosing()) {
            textField = id;
            t.beginText();
        }
    }

    private void completeMessage() {
        IsoMessage m = msg;
        msg = null;
        textField = -1;
        tok.endText();
        if (tok.whole()) {
            // a chunk's events are replayed later: the raw text is found again from the chunk's bytes if asked for
            Supplier<String> later = tok.rawLater();
            sink.accept(m, () -> XmlText.rawForReject(later.get()));
        } else {
            sink.accept(m, () -> XmlText.rawForReject(tok.rawText(true)));
        }
    }

    private void rejectOpenMessage(String reason, boolean includeCurrentToken) {
        IsoMessage m = msg;
        msg = null;
        textField = -1;
        tok.endText();
        sink.reject(m.line, reason, XmlText.rawForReject(tok.rawText(includeCurrentToken)));
    }

    private void endOfFile() {
        if (msg != null) {
            rejectOpenMessage((inEntry ? "entry" : "message") + " starting at line " + (inEntry ? entryLine : msg.line)
                    + " cut at end of file", true);
            if (inEntry) {
                inEntry = false;
            }
        } else if (inEntry) {
            if (ioDepth > 0 && !entryHadMessage) {
                sink.reject(entryLine, "entry starting at line " + entryLine + " cut at end of file",
                        XmlText.rawForReject(tok.rawText(true)));
            } else if (!entryHadMessage) {
                sink.ignore();
            }
            inEntry = false;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
