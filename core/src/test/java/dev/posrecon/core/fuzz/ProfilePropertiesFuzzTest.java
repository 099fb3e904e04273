package dev.posrecon.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.error.InputException;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.ingest.RecordReader;
import dev.posrecon.core.ingest.settlement.SettlementReaders;
import dev.posrecon.core.ingest.settlement.TerminalReaders;
import dev.posrecon.core.model.Reject;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.TerminalRecord;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A profile file (what a user writes for their acquirer's layout) and a file read through it. The input is the
 * profile's text, then a line {@code %%}, then the file to read (no such line: the profile alone). The profile
 * loads or fails with an {@code InputException}; a profile that loads reads the file with only
 * {@code InputException} escaping, every record and reject on its own line inside the file, no card number given
 * out, and never more outcomes than lines. (Its delimiter, quote and comment settings are the fuzzer's, so the exact
 * line count of {@link ProfileRead} is not asserted here.)
 */
class ProfilePropertiesFuzzTest {
    private static final byte[] MARK = "\n%%\n".getBytes(StandardCharsets.US_ASCII);

    @FuzzTest(maxDuration = "2h")
    void profileProperties(byte[] input) {
        int at = indexOf(input, MARK);
        byte[] profile = at < 0 ? input : Arrays.copyOfRange(input, 0, at + 1);
        byte[] data = at < 0 ? new byte[0] : Arrays.copyOfRange(input, at + MARK.length, input.length);
        String p = FuzzSupport.write("fuzz.properties", profile).toString();
        Path f = FuzzSupport.write("profiled.csv", data);
        ReconConfig config = ReconConfig.defaults();
        RecordReader<?> reader;
        try {
            reader = TerminalReaders.isTerminalProfile(p) ? TerminalReaders.open(p, null, config)
                    : SettlementReaders.open(p, null, config);
            SettlementReaders.describe(p);
        } catch (InputException e) {
            FuzzSupport.noPan("exception message", e.getMessage());
            return;
        }
        ReadResult<?> r = FuzzSupport.read(() -> reader.read(f, FuzzSupport.NAME));
        if (r == null) {
            return;
        }
        long max = FuzzSupport.linesLf(FuzzSupport.decoded(f, StandardCharsets.UTF_8)).length;
        // the profile's own encoding may count lines differently (UTF-16): bound by the bytes' line feeds too
        max = Math.max(max, FuzzSupport.maxLine(data));
        FuzzSupport.checkRejects(r.rejects(), max);
        Set<Long> starts = new HashSet<>();
        for (Object o : r.records()) {
            if (o instanceof SettlementRecord s) {
                FuzzSupport.checkRef(s.ref(), max, s);
                FuzzSupport.noPan("a record's card", s.card());
                starts.add(s.ref().line());
            } else if (o instanceof TerminalRecord t) {
                FuzzSupport.checkRef(t.ref(), max, t);
                FuzzSupport.noPan("a record's card", t.card());
                starts.add(t.ref().line());
            }
        }
        for (Reject j : r.rejects()) {
            starts.add(j.line());
        }
        if (starts.size() != r.records().size() + r.rejects().size()) {
            throw new AssertionError("two outcomes on one line: " + r.records() + " " + r.rejects());
        }
    }

    private static int indexOf(byte[] a, byte[] b) {
        outer:
        for (int i = 0; i + b.length <= a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                if (a[i + j] != b[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
