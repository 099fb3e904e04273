package dev.posrecon.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.ingest.journal.JournalReader;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.Reject;
import dev.posrecon.core.model.Tender;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The receipt journal reader, CSV and JSON Lines (it chooses by the first non-blank byte, so both targets check
 * whichever format the bytes turned out to be; they differ in their seeds).
 * <ul>
 *   <li>JSON Lines: every non-blank line is exactly one receipt or one reject.</li>
 *   <li>CSV: rows sharing a receipt number make one receipt, so when no quote character lets a value span lines
 *       (and no CR makes the line breaks ambiguous): every receipt number is exactly one receipt or one reject, a
 *       row without one is one reject, and a receipt has one tender per row of its number.</li>
 * </ul>
 */
class JournalFuzzTest {
    private static final JournalReader READER = new JournalReader(ReconConfig.defaults());

    @FuzzTest(maxDuration = "2h")
    void journalCsv(byte[] data) {
        check(data);
    }

    @FuzzTest(maxDuration = "2h")
    void journalJsonLines(byte[] data) {
        check(data);
    }

    static void check(byte[] data) {
        Path f = FuzzSupport.write("journal.csv", data);
        ReadResult<Receipt> r = FuzzSupport.read(() -> READER.read(f, FuzzSupport.NAME));
        if (r == null) {
            return;
        }
        boolean json = isJsonLines(data);
        String text = FuzzSupport.decoded(f, null);
        long max = FuzzSupport.linesLf(text).length;
        boolean plainLf = text.indexOf('\r') < 0;
        FuzzSupport.checkRejects(r.rejects(), plainLf || json ? max : Long.MAX_VALUE);
        for (Receipt rc : r.records()) {
            FuzzSupport.checkRef(rc.ref(), plainLf || json ? max : Long.MAX_VALUE, rc);
            for (Tender t : rc.tenders()) {
                if (t.cardLast4() != null && t.cardLast4().length() > 4) {
                    throw new AssertionError("a tender's card_last4 is more than four characters: " + t);
                }
            }
        }
        if (json) {
            // JSON Lines ends a line at a line feed only (a CR before it is trimmed; a lone CR is inside the line,
            // where JSON forbids it unescaped, so that line is one reject)
            long lines = 0;
            for (String l : FuzzSupport.linesLf(text)) {
                if (!l.isBlank()) {
                    lines++;
                }
            }
            Set<Long> starts = new HashSet<>();
            r.records().forEach(rc -> starts.add(rc.ref().line()));
            r.rejects().forEach(j -> starts.add(j.line()));
            if (r.records().size() + r.rejects().size() != lines || starts.size() != lines) {
                throw new AssertionError(lines + " non-blank lines but " + r.records().size() + " receipts and "
                        + r.rejects().size() + " rejects (on " + starts.size() + " lines)");
            }
            return;
        }
        if (text.indexOf('"') >= 0 || !plainLf) {
            return;
        }
        String[] lines = FuzzSupport.linesLf(text);
        int col = -1;
        String[] header = lines[0].split(",", -1);
        for (int i = 0; i < header.length && col < 0; i++) {
            String h = header[i].strip();
            if (i == 0 && h.startsWith("\uFEFF")) {
                h = h.substring(1);
            }
            if (h.toLowerCase(Locale.ROOT).equals("receipt_no")) {
                col = i;
            }
        }
        Map<String, Integer> rows = new HashMap<>();
        long noNumber = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            boolean blank = true;
            for (String c : cells) {
                blank &= c.isBlank();
            }
            if (blank) {
                continue;
            }
            String no = col < cells.length ? cells[col].strip() : "";
            if (no.isEmpty()) {
                noNumber++;
            } else {
                rows.merge(no, 1, Integer::sum);
            }
        }
        long expected = rows.size() + noNumber;
        if (r.records().size() + r.rejects().size() != expected) {
            throw new AssertionError(rows.size() + " receipt numbers and " + noNumber + " rows without one, but "
                    + r.records().size() + " receipts and " + r.rejects().size() + " rejects: " + r.rejects());
        }
        for (Receipt rc : r.records()) {
            Integer n = rows.get(rc.receiptNo());
            if (n == null || n != rc.tenders().size()) {
                throw new AssertionError("receipt " + rc.receiptNo() + " has " + rc.tenders().size()
                        + " tenders but " + n + " rows");
            }
        }
        for (Reject j : r.rejects()) {
            if (j.line() < 2) {
                throw new AssertionError("a reject on the header line: " + j);
            }
        }
    }

    /** The reader's own choice: the first byte that is not white space or a UTF-8 byte order mark is '{'. */
    static boolean isJsonLines(byte[] data) {
        for (int i = 0; i < data.length && i < 4096; i++) {
            int c = data[i] & 0xFF;
            if (c == 0xEF || c == 0xBB || c == 0xBF || Character.isWhitespace(c)) {
                continue;
            }
            return c == '{';
        }
        return false;
    }
}
