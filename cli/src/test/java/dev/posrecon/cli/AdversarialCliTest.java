package dev.posrecon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Inputs a hurried operator or a broken export gives reconcile (GitHub issue 16): each ends with its documented exit
 * code and one line on stderr naming the file, option or key, never a stack trace, and leaves {@code --out} as it
 * was: a directory that did not exist is not created, one that did keeps exactly its files.
 */
class AdversarialCliTest {
    private static final Path DAY = SampleDayGoldenTest.DAY;

    @TempDir
    Path dir;
    private Path out;
    private Map<String, String> outBefore;

    @BeforeEach
    void copyTheSampleDay() throws IOException {
        for (String f : List.of("posrecon.properties", "terminal.xml", "settlement.csv", "journal.csv",
                "customers.csv")) {
            Files.copy(DAY.resolve(f), dir.resolve(f));
        }
        out = Files.createDirectory(dir.resolve("out"));
        Files.writeString(out.resolve("cases.csv"), "yesterday's cases\n");
        outBefore = snapshot(out);
    }

    // ---- 1. one file given twice --------------------------------------------------------------------------------

    @Test
    void theSameFileTwiceToOneOptionIsAUsageError() {
        CommandResult r = reconcile(Map.of("--terminal-log", List.of(f("terminal.xml"), f("terminal.xml"))));
        failedCleanly(r, 2).errContains("--terminal-log: " + f("terminal.xml") + " is given twice")
                .errContains("read twice");
    }

    @Test
    void theSameFileThroughAnotherPathIsAUsageError() throws IOException {
        String dotted = dir.resolve(".").resolve("settlement.csv").toString();
        failedCleanly(reconcile(Map.of("--settlement", List.of(f("settlement.csv"), dotted))), 2)
                .errContains("--settlement: " + dotted + " is given twice (as " + f("settlement.csv") + " and ");
        Path link = dir.resolve("today.xml");
        try {
            Files.createSymbolicLink(link, dir.resolve("terminal.xml"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e);
        }
        failedCleanly(reconcile(Map.of("--terminal-log", List.of(link.toString(), f("terminal.xml")))), 2)
                .errContains(f("terminal.xml") + " is given twice (as " + link + " and ");
    }

    @Test
    void oneFileAsTwoSourcesIsAUsageError() {
        failedCleanly(reconcile(Map.of("--journal", List.of(f("settlement.csv")))), 2)
                .errContains(f("settlement.csv") + " is given to both --settlement and --journal");
    }

    // ---- 2. a file in another's place ---------------------------------------------------------------------------

    @Test
    void aSettlementFileGivenAsTheJournalIsAnInputError() throws IOException {
        Path acq = Files.copy(dir.resolve("settlement.csv"), dir.resolve("acquirer.csv"));
        failedCleanly(reconcile(Map.of("--journal", List.of(acq.toString()))), 3)
                .errContains(acq + ":1: field 'receipt_no': missing columns receipt_no, time, kind, total, tender, "
                        + "tender_amount: the header does not look like a receipt journal; header has: merchant_id,");
    }

    @Test
    void aJournalGivenAsTheSettlementIsAnInputError() throws IOException {
        Path register = Files.copy(dir.resolve("journal.csv"), dir.resolve("register.csv"));
        failedCleanly(reconcile(Map.of("--settlement", List.of(register.toString()))), 3)
                .errContains(register + ":1: field 'merchant_id': missing columns merchant_id, txn_time, type, amount "
                        + "(profile canonical): the header does not look like a settlement file; header has: "
                        + "receipt_no,");
    }

    @Test
    void aCsvGivenAsTheTerminalLogIsAnInputError() throws IOException {
        Path acq = Files.copy(dir.resolve("settlement.csv"), dir.resolve("acquirer.csv"));
        failedCleanly(reconcile(Map.of("--terminal-log", List.of(acq.toString()))), 3)
                .errContains(acq + ":1: not a jPOS log, and no shipped terminal profile fits its header");
    }

    @Test
    void aJournalGivenAsTheCustomerDirectoryIsAnInputError() throws IOException {
        Path register = Files.copy(dir.resolve("journal.csv"), dir.resolve("register.csv"));
        failedCleanly(reconcile(Map.of("--customers", List.of(register.toString()))), 3)
                .errContains(register + ":1: none of the columns name, phone, email, preferred_channel: the header "
                        + "does not look like a customer directory; header has: receipt_no,");
    }

    // ---- 3. an output directory that cannot be one ----------------------------------------------------------------

    @Test
    void outThatIsARegularFileIsAnOutputError() throws IOException {
        Path file = Files.writeString(dir.resolve("report"), "not a directory\n");
        CommandResult r = reconcile(Map.of("--out", List.of(file.toString())));
        assertThat(r.exitCode).as(r.err).isEqualTo(4);
        assertThat(r.err).contains("--out " + file + ": exists and is not a directory");
        oneLine(r);
        assertThat(Files.readString(file)).isEqualTo("not a directory\n");

        CommandResult under = reconcile(Map.of("--out", List.of(file.resolve("day").toString())));
        assertThat(under.exitCode).as(under.err).isEqualTo(4);
        assertThat(under.err).contains("--out " + file.resolve("day") + ": cannot be created, ")
                .contains(file + " is not a directory");
        oneLine(under);
    }

    /**
     * The case files are written on the second core while the summary and report are written on the first: a file
     * either thread cannot write stops the run with exit 4 and one line naming it, no temporary file is left, and
     * the files in place are those a one-thread run leaves, which writes cases.csv, cases.json, rejects.csv,
     * summary.json and report.html in that order and stops at the first that fails.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"cases.csv", "cases.json", "rejects.csv", "summary.json",
            "report.html"})
    void anOutputFileThatCannotBeWrittenIsAnOutputErrorWithOneThreadOrTwo(String name) throws IOException {
        List<String> order = List.of("cases.csv", "cases.json", "rejects.csv", "summary.json", "report.html");
        java.util.Set<String> expected = new java.util.TreeSet<>(order.subList(0, order.indexOf(name)));
        expected.add(name);
        for (String threads : List.of("1", "2")) {
            Path o = Files.createDirectory(dir.resolve("out-" + threads));
            Path blocker = Files.createDirectory(o.resolve(name));
            Files.writeString(blocker.resolve("keep"), "a directory where the file should go\n");
            CommandResult r = reconcile(Map.of("--threads", List.of(threads), "--out", List.of(o.toString())));
            assertThat(r.exitCode).as(threads + " thread(s): " + r.err).isEqualTo(4);
            assertThat(r.err).contains("cannot write " + o.resolve(name));
            oneLine(r);
            java.util.Set<String> names = new java.util.TreeSet<>();
            try (Stream<Path> s = Files.list(o)) {
                s.forEach(p -> names.add(p.getFileName().toString()));
            }
            assertThat(names).as(threads + " thread(s): the files in --out").isEqualTo(expected);
            assertThat(blocker.resolve("keep")).exists();
        }
    }

    @Test
    void outInADirectoryThatIsNotWritableIsAnOutputError() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeTrue(!canWrite(locked), "this user writes through chmod 555 (root): nothing to test");
            CommandResult r = reconcile(Map.of("--out", List.of(locked.toString())));
            assertThat(r.exitCode).as(r.err).isEqualTo(4);
            assertThat(r.err).contains("--out " + locked + ": directory is not writable (permission denied)");
            oneLine(r);
            CommandResult sub = reconcile(Map.of("--out", List.of(locked.resolve("day").toString())));
            assertThat(sub.exitCode).as(sub.err).isEqualTo(4);
            assertThat(sub.err).contains("--out " + locked.resolve("day") + ": cannot be created, ")
                    .contains(" is not writable (permission denied)");
            oneLine(sub);
            try (Stream<Path> s = Files.list(locked)) {
                assertThat(s).isEmpty();
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    // ---- 4. a settings file with a typo ---------------------------------------------------------------------------

    @Test
    void aMistypedConfigKeyNamesItsLineAndTheNearestKey() throws IOException {
        Path cfg = dir.resolve("posrecon.properties");
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg));
        lines.add("amount.tolerence=5");
        Files.write(cfg, lines);
        failedCleanly(reconcile(Map.of()), 3).errContains(cfg + ":" + lines.size()
                + ": unknown key 'amount.tolerence' (did you mean amount.tolerance?)");

        Files.writeString(cfg, "zone=Asia/Shanghai\ncolour=blue\n");
        failedCleanly(reconcile(Map.of()), 3).errContains(cfg + ":2: unknown key 'colour' (known: zone, currency, ");
    }

    // ---- 5. a day with no records ---------------------------------------------------------------------------------

    @Test
    void aDayOfHeaderOnlyFilesSucceedsWithNoCasesAndABalancedSummary() throws IOException {
        Files.writeString(dir.resolve("terminal.xml"), "<logger class=\"org.jpos.util.DailyLogListener\">\n"
                + "</logger>\n");
        for (String f : List.of("settlement.csv", "journal.csv", "customers.csv")) {
            Files.writeString(dir.resolve(f), Files.readAllLines(DAY.resolve(f)).get(0) + "\n");
        }
        CommandResult r = reconcile(Map.of()).succeeded().outContains("0 case(s), 0 new; 0 reject(s)");
        assertThat(r.err).isEmpty();
        assertThat(Files.readAllLines(out.resolve("cases.csv"))).hasSize(1).first().asString()
                .startsWith("case_id,type,");
        assertThat(Files.readAllLines(out.resolve("rejects.csv"))).containsExactly("file,line,reason,raw");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        for (String source : List.of("terminal", "settlement", "journal", "customers")) {
            JsonNode s = summary.path("sources").path(source);
            assertThat(s.path("read").asLong(-1)).as(source).isZero();
            assertThat(s.path("balanced").asBoolean(false)).as(source).isTrue();
        }
    }

    @Test
    void anEmptyFileOfAnyRoleIsAnInputError() throws IOException {
        String[][] roles = {
                {"--terminal-log", "terminal.xml", "empty file (0 bytes): expected a jPOS log"},
                {"--settlement", "settlement.csv", "empty file (0 bytes): no header row (expected the canonical header)"},
                {"--journal", "journal.csv", ":1: empty file: expected a header row of a receipt journal"},
                {"--customers", "customers.csv", ":1: empty file: expected a header row of a customer directory"}};
        for (String[] role : roles) {
            Path empty = Files.write(dir.resolve("empty-" + role[1]), new byte[0]);
            failedCleanly(reconcile(Map.of(role[0], List.of(empty.toString()))), 3)
                    .errContains(empty + (role[2].startsWith(":") ? "" : ": ") + role[2]);
        }
    }

    // ---- 6. a line far too long ---------------------------------------------------------------------------------

    @Test
    void aHugeLineIsAnInputErrorNamingItsLine() throws IOException {
        // 5 MB with no line break: read only up to the limit, never held whole
        Path big = dir.resolve("big.csv");
        writeLine(big, "", 5 << 20, "");
        failedCleanly(reconcile(Map.of("--settlement", List.of(big.toString()))), 3)
                .errContains(big + ":1: a value longer than 100000 characters (the limit)");
        failedCleanly(reconcile(Map.of("--journal", List.of(big.toString()))), 3)
                .errContains(big + ":1: a value longer than 65536 characters (the limit)");
        failedCleanly(reconcile(Map.of("--customers", List.of(big.toString()))), 3)
                .errContains(big + ":1: a value longer than 65536 characters (the limit)");
        failedCleanly(reconcile(Map.of("--terminal-log", List.of(big.toString()))), 3)
                .errContains(big + ":1: not a jPOS log");

        Path jsonl = dir.resolve("journal.jsonl");
        writeLine(jsonl, "{\"receipt_no\":\"", 5 << 20, "\"}\n");
        failedCleanly(reconcile(Map.of("--journal", List.of(jsonl.toString()))), 3)
                .errContains(jsonl + ":1: a line longer than 1048576 characters (the limit)");

        Path commas = dir.resolve("commas.csv");
        try (OutputStream o = Files.newOutputStream(commas)) {
            o.write((Files.readAllLines(DAY.resolve("journal.csv")).get(0) + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 16];
            Arrays.fill(chunk, (byte) ',');
            for (int i = 0; i < 80; i++) {
                o.write(chunk);
            }
        }
        failedCleanly(reconcile(Map.of("--journal", List.of(commas.toString()))), 3)
                .errContains(commas + ":2: a row of more than 512 columns (the limit)");
    }

    @Test
    void aJposTagLongerThanTheLimitIsAnInputErrorNotASilentEndOfFile() throws IOException {
        Path log = dir.resolve("terminal.xml");
        // 65 MiB in one attribute: past the tokenizer's 64 MiB, and the entries after it would be lost unsaid
        writeLine(log, "<logger class=\"org.jpos.util.DailyLogListener\">\n<log realm=\"x\" "
                + "at=\"2026-11-20T07:00:54.795\">\n<receive><isomsg><field id=\"2\" value=\"", 65 << 20,
                "\"/></isomsg></receive></log>\n</logger>\n");
        failedCleanly(reconcile(Map.of()), 3)
                .errContains(log + ":3: a tag or text longer than 64 MiB (the limit) starts here");
    }

    @Test
    void aBinaryFileGivenAsTheJournalOrDirectoryIsOneReadableLine() throws IOException {
        byte[] junk = new byte[64 * 1024];
        new java.util.Random(16).nextBytes(junk);
        Path bin = Files.write(dir.resolve("photo.jpg"), junk);
        for (String option : List.of("--journal", "--customers")) {
            CommandResult r = failedCleanly(reconcile(Map.of(option, List.of(bin.toString()))), 3);
            r.errContains(bin + ":1: field ");
            assertThat(r.err.strip()).as("%s: the file's bytes are shown printable and cut", option)
                    .doesNotContainPattern("[\\p{Cc}\ufffd]").hasSizeLessThan(600);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private String f(String name) {
        return dir.resolve(name).toString();
    }

    /** reconcile of the copied sample day, with the options given replacing the day's. */
    private CommandResult reconcile(Map<String, List<String>> replace) {
        Map<String, List<String>> opts = new TreeMap<>();
        opts.put("--config", List.of(f("posrecon.properties")));
        opts.put("--terminal-log", List.of(f("terminal.xml")));
        opts.put("--settlement", List.of(f("settlement.csv")));
        opts.put("--journal", List.of(f("journal.csv")));
        opts.put("--customers", List.of(f("customers.csv")));
        opts.put("--out", List.of(out.toString()));
        opts.putAll(replace);
        List<String> args = new ArrayList<>(List.of("reconcile", "--no-db"));
        for (Map.Entry<String, List<String>> e : opts.entrySet()) {
            for (String v : e.getValue()) {
                args.add(e.getKey());
                args.add(v);
            }
        }
        return CommandResult.run(args.toArray(String[]::new));
    }

    /** The exit code, one line on stderr with no stack trace, and --out exactly as it was. */
    private CommandResult failedCleanly(CommandResult r, int code) {
        r.exitedWith(code);
        oneLine(r);
        assertThat(r.out).isEmpty();
        try {
            assertThat(snapshot(out)).as("--out after a failed run").isEqualTo(outBefore);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return r;
    }

    private static void oneLine(CommandResult r) {
        assertThat(r.err).startsWith("posrecon: ").doesNotContain("Exception").doesNotContain("at dev.")
                .doesNotContain("\tat ");
        assertThat(r.err.strip().lines().count()).as("stderr: %s", r.err).isEqualTo(1);
    }

    private static Map<String, String> snapshot(Path d) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(d)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                m.put(p.getFileName().toString(), Files.isRegularFile(p) ? Files.readString(p) : "(dir)");
            }
        }
        return m;
    }

    private static boolean canWrite(Path d) {
        try {
            Files.delete(Files.createTempFile(d, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void writeLine(Path file, String head, int xs, String tail) throws IOException {
        try (OutputStream o = Files.newOutputStream(file)) {
            o.write(head.getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 16];
            Arrays.fill(chunk, (byte) 'x');
            for (int n = xs; n > 0; n -= chunk.length) {
                o.write(chunk, 0, Math.min(n, chunk.length));
            }
            o.write(tail.getBytes(StandardCharsets.UTF_8));
        }
    }
}
