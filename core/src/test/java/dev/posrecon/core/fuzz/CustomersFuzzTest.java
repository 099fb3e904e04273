package dev.posrecon.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.ingest.customers.CustomerReader;
import dev.posrecon.core.model.Customer;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The customer directory reader: every record and reject on its own line inside the file, and, when no quote
 * character lets a value span lines (and no CR makes line breaks ambiguous), every non-blank line after the header
 * exactly one customer or one reject.
 */
class CustomersFuzzTest {
    private static final CustomerReader READER = new CustomerReader();

    @FuzzTest(maxDuration = "2h")
    void customersCsv(byte[] data) {
        Path f = FuzzSupport.write("customers.csv", data);
        ReadResult<Customer> r = FuzzSupport.read(() -> READER.read(f, FuzzSupport.NAME));
        if (r == null) {
            return;
        }
        String text = FuzzSupport.decoded(f, null);
        boolean simple = text.indexOf('"') < 0 && text.indexOf('\r') < 0;
        String[] lines = FuzzSupport.linesLf(text);
        long max = simple ? lines.length : Long.MAX_VALUE;
        FuzzSupport.checkRejects(r.rejects(), max);
        Set<Long> starts = new HashSet<>();
        for (Customer c : r.records()) {
            FuzzSupport.checkRef(c.ref(), max, c);
            starts.add(c.ref().line());
        }
        r.rejects().forEach(j -> starts.add(j.line()));
        if (starts.size() != r.records().size() + r.rejects().size()) {
            throw new AssertionError("two outcomes on one line: " + r.records() + " " + r.rejects());
        }
        if (!simple) {
            return;
        }
        long rows = 0;
        for (int i = 1; i < lines.length; i++) {
            boolean blank = true;
            for (String cell : lines[i].split(",", -1)) {
                blank &= cell.isBlank();
            }
            if (!blank) {
                rows++;
            }
        }
        if (r.records().size() + r.rejects().size() != rows) {
            throw new AssertionError(rows + " rows but " + r.records().size() + " customers and "
                    + r.rejects().size() + " rejects");
        }
    }
}
