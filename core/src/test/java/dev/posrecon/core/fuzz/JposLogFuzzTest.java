package dev.posrecon.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.ingest.jpos.JposLogReader;
import dev.posrecon.core.model.TerminalRecord;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The jPOS log reader on any bytes. An entry spans many lines and a request and its response make one record, so
 * "one line, one outcome" does not hold; what does: only {@code InputException} escapes, every record and reject
 * points at a line of the file, no card number comes out, no more records than {@code <isomsg>} tags and no more
 * rejects than {@code <isomsg>} and {@code <log>} tags (nothing made up or counted twice), and a file holding a whole
 * {@code <isomsg>} (outside comments and CDATA) yields something: a record, a reject or an ignored entry.
 */
class JposLogFuzzTest {
    private static final JposLogReader READER = new JposLogReader(ReconConfig.defaults());

    @FuzzTest(maxDuration = "2h")
    void jposLog(byte[] data) {
        check(READER, data);
    }

    static void check(JposLogReader reader, byte[] data) {
        Path f = FuzzSupport.write("terminal.xml", data);
        ReadResult<TerminalRecord> r = FuzzSupport.read(() -> reader.read(f, FuzzSupport.NAME));
        if (r == null) {
            return;
        }
        long max = FuzzSupport.maxLine(data);
        FuzzSupport.checkRejects(r.rejects(), max);
        for (TerminalRecord t : r.records()) {
            FuzzSupport.checkRef(t.ref(), max, t);
            FuzzSupport.checkRef(t.responseRef(), max, t);
            FuzzSupport.noPan("a record's card", t.card());
        }
        String text = new String(data, StandardCharsets.ISO_8859_1);
        long messages = count(text, "<isomsg");
        if (r.records().size() > messages) {
            throw new AssertionError(r.records().size() + " records from " + messages + " <isomsg> tags");
        }
        if (r.rejects().size() > messages + count(text, "<log")) {
            throw new AssertionError(r.rejects().size() + " rejects from " + messages + " <isomsg> and "
                    + count(text, "<log") + " <log> tags");
        }
        // a whole message outside comments and CDATA (which hide what they hold) is never lost without a trace
        if (r.records().isEmpty() && r.rejects().isEmpty() && r.ignored() == 0 && !text.contains("<!")
                && text.matches("(?s).*<isomsg[\\s>].*</isomsg>.*")) {
            throw new AssertionError("a log holding a whole <isomsg> gave no record, no reject and nothing ignored");
        }
    }

    private static long count(String text, String tag) {
        long n = 0;
        for (int i = text.indexOf(tag); i >= 0; i = text.indexOf(tag, i + 1)) {
            n++;
        }
        return n;
    }
}
