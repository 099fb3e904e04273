package dev.posrecon.core.fuzz;

import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.ingest.RecordReader;
import dev.posrecon.core.model.Reject;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.TerminalRecord;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks for a file read through a profile (settlement or terminal, delimited or fixed-width). The rows are
 * physical lines (split at {@code \n} only) unless a quoted value spans lines, so:
 * <ul>
 *   <li>each record and reject starts on its own line, inside the file;</li>
 *   <li>when the text holds no quote character, every line with a value in it (any character that is not the
 *       delimiter, white space or a control character) is exactly one of: the header row, a record, a reject, or
 *       an ignored line (preamble, comment, summary block, a record type the profile does not select). Nothing is
 *       dropped without being counted.</li>
 * </ul>
 */
final class ProfileRead {

    /**
     * How a profile splits lines, for the count: its fallback encoding, delimiter characters ("" for fixed-width),
     * quote character (0 for none) and header rows (1 or 0).
     */
    record Layout(Charset encoding, String delimiters, char quote, int headerRows) {
    }

    private ProfileRead() {
    }

    static void checkSettlement(RecordReader<SettlementRecord> reader, Layout layout, String fileName, byte[] data) {
        check(reader, layout, fileName, data, SettlementRecord::ref, SettlementRecord::card);
    }

    static void checkTerminal(RecordReader<TerminalRecord> reader, Layout layout, String fileName, byte[] data) {
        check(reader, layout, fileName, data, TerminalRecord::ref, TerminalRecord::card);
    }

    private static <T> void check(RecordReader<T> reader, Layout layout, String fileName, byte[] data,
                                  Function<T, SourceRef> ref, Function<T, String> card) {
        Path f = FuzzSupport.write(fileName, data);
        ReadResult<T> r = FuzzSupport.read(() -> reader.read(f, FuzzSupport.NAME));
        if (r == null) {
            return;
        }
        String text = FuzzSupport.decoded(f, layout.encoding());
        String[] lines = FuzzSupport.linesLf(text);
        FuzzSupport.checkRejects(r.rejects(), lines.length);
        Set<Long> starts = new HashSet<>();
        for (T t : r.records()) {
            FuzzSupport.checkRef(ref.apply(t), lines.length, t);
            FuzzSupport.noPan("a record's card", card.apply(t));
            if (!starts.add(ref.apply(t).line())) {
                throw new AssertionError("two outcomes for line " + ref.apply(t).line());
            }
        }
        for (Reject j : r.rejects()) {
            if (!starts.add(j.line())) {
                throw new AssertionError("two outcomes for line " + j.line() + ": " + j);
            }
        }
        if (layout.quote() != 0 && text.indexOf(layout.quote()) >= 0) {
            return;
        }
        long data_ = 0;
        for (String l : lines) {
            if (FuzzSupport.hasData(l, layout.delimiters())) {
                data_++;
            }
        }
        long outcomes = r.records().size() + r.rejects().size() + r.ignored() + layout.headerRows();
        if (outcomes != data_) {
            throw new AssertionError(data_ + " lines with values but " + r.records().size() + " records + "
                    + r.rejects().size() + " rejects + " + r.ignored() + " ignored + " + layout.headerRows()
                    + " header: " + (outcomes < data_ ? "a line was dropped" : "a line was counted twice")
                    + "; rejects " + r.rejects());
        }
    }

}
