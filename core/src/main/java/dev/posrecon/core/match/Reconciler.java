package dev.posrecon.core.match;

import dev.posrecon.core.ReconOutcome;
import dev.posrecon.core.ReconRequest;
import dev.posrecon.core.cases.Evidence;
import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.contact.ContactAdvisor;
import dev.posrecon.core.model.Customer;
import dev.posrecon.core.model.CustomerDirectory;
import dev.posrecon.core.model.Ids;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.Source;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.report.AtomicFiles;
import dev.posrecon.core.report.CaseFiles;
import dev.posrecon.core.report.DayReports;
import dev.posrecon.core.report.HtmlReport;
import dev.posrecon.core.report.SourceCounts;
import dev.posrecon.core.report.Summary;
import dev.posrecon.core.stats.DayRates;
import dev.posrecon.core.stats.ErrorRates;
import dev.posrecon.core.store.Ledger;
import dev.posrecon.core.store.LedgerRun;
import dev.posrecon.core.store.OpenItems;
import dev.posrecon.core.store.SyncResult;
import dev.posrecon.core.rules.RuleContext;
import dev.posrecon.core.rules.Rules;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Runs one reconcile: read, match, find cases, advise contact, count, write. */
public final class Reconciler {
    private final ReconRequest request;
    private final ReconConfig config;
    private final java.util.function.Consumer<String> progress;

    public Reconciler(ReconRequest request, java.util.function.Consumer<String> progress) {
        this.request = request;
        this.config = request.config();
        this.progress = progress;
    }

    public ReconOutcome run() {
        if (!request.noDb()) {
            return runWithLedger();
        }
        progress.accept("reading inputs");
        Inputs in = Inputs.read(request);
        reportReads(in);
        progress.accept("matching");
        Result r = reconcile(in, day -> true);
        progress.accept("writing case files");
        List<Path> written = write(in, r);
        return new ReconOutcome(r.counts, r.cases, r.cases.size(), in.rejects, written, null);
    }

    /** One progress line per file read: which of a day's files held the run up (files are read in parallel). */
    private void reportReads(Inputs in) {
        for (Inputs.FileRead f : in.files) {
            progress.accept(String.format(java.util.Locale.ROOT, "  read %s: %d records in %.2f s", f.displayName(),
                    f.records(), f.nanos() / 1e9));
        }
    }

    /**
     * The nightly run: one ledger transaction. Files already loaded are refused (unless --reload; found by their
     * SHA-256, worked out while the files are read, so the refusal comes once reading is done); open items of
     * earlier runs join today's records; an approved sale not yet settled stays an open item until the settlement
     * lag has passed since its business day (counted up to the run's day: --date, else the latest business day in
     * the inputs); cases found again keep their status, new ones open, vanished ones of the days in scope close.
     */
    private ReconOutcome runWithLedger() {
        Inputs.checkReadable(request);
        // the files' SHA-256 (1.8 s for a 1.75 GB day) is worked out on another thread while they are read, not
        // in a pass of its own before; a file loaded before is then refused once reading is done
        ExecutorService shaPool = Background.pool("posrecon-sha256", request.threads());
        progress.accept("opening the ledger");
        try (Ledger ledger = Ledger.open(request.ledger());
             LedgerRun run = ledger.beginRun(request.actor(), describe(), Instant.now())) {
            run.useConfig(config);
            List<Registration> files = new ArrayList<>();
            fingerprint(files, shaPool, request.terminalLogs(), Source.TERMINAL);
            fingerprint(files, shaPool, request.settlements(), Source.SETTLEMENT);
            fingerprint(files, shaPool, request.journals(), Source.JOURNAL);
            fingerprint(files, shaPool, request.customers(), Source.CUSTOMERS);
            progress.accept("reading inputs");
            Inputs in = Inputs.read(request);
            reportReads(in);
            for (Registration f : files) {
                run.registerFile(f.path(), f.path().toString(), f.role().name(), request.reload(), f.sha().get());
            }
            Set<LocalDate> scope = request.date() != null ? Set.of(request.date()) : daysIn(in);
            LocalDate asOf = request.date() != null ? request.date()
                    : scope.stream().max(LocalDate::compareTo).orElse(null);
            OpenItems carried = run.openItems();
            in.addCarried(carried.terminal(), carried.settlement(), carried.receipts());
            progress.accept("matching");
            int lag = config.settlementLagDays();
            Result r = reconcile(in, day -> asOf == null || !day.plusDays(lag).isAfter(asOf));
            progress.accept("saving to the ledger");
            run.saveRecords(in.terminal, in.settlement, in.journal, statusOf(r), request.threads());
            progress.accept("syncing cases");
            SyncResult sync = run.syncCases(r.cases, scope, Instant.now());
            for (Inputs.FileRead f : in.files) {
                run.recordCounts(f.displayName(), f.records(), f.rejected());
            }
            progress.accept("writing case files");
            List<Path> written = write(in, r);
            progress.accept("committing");
            run.finish("OK", "{\"cases\":" + r.cases.size() + ",\"new\":" + sync.created() + ",\"auto_closed\":"
                    + sync.autoClosed() + ",\"rejects\":" + in.rejects.size() + "}");
            run.commit();
            return new ReconOutcome(r.counts, r.cases, sync.created(), in.rejects, written,
                    Long.toString(run.runId()));
        } finally {
            if (shaPool != null) {
                shaPool.shutdownNow();
            }
        }
    }

    /** An input file to register in the ledger, its fingerprint being worked out. */
    private record Registration(Path path, Source role, Supplier<String> sha) {
    }

    private static void fingerprint(List<Registration> out, ExecutorService pool, List<Path> files, Source role) {
        for (Path p : files) {
            out.add(new Registration(p, role, Background.fork(pool, () -> LedgerRun.fingerprint(p, p.toString()))));
        }
    }

    private String describe() {
        return "terminal=" + request.terminalLogs() + " settlement=" + request.settlements() + " journal="
                + request.journals() + " customers=" + request.customers() + " profile=" + request.profile()
                + " date=" + request.date() + " out=" + request.outDir() + " reload=" + request.reload() + " "
                + config;
    }

    /** Business days of the records read from this run's files. */
    private Set<LocalDate> daysIn(Inputs in) {
        Set<LocalDate> days = new java.util.TreeSet<>();
        for (var t : in.terminal) {
            if (t.localTime() != null) {
                days.add(config.businessDate(t.localTime()));
            }
        }
        for (var s : in.settlement) {
            if (s.txnTime() != null) {
                days.add(config.businessDate(s.txnTime()));
            }
        }
        for (var rc : in.journal) {
            if (rc.time() != null) {
                days.add(config.businessDate(rc.time()));
            }
        }
        return days;
    }

    /** What the ledger keeps of each record: IN_CASE, OPEN (an open item, or the receipt that paid it), MATCHED. */
    private static java.util.function.Function<Object, String> statusOf(Result r) {
        Set<SourceRef> inCase = new HashSet<>();
        Set<SourceRef> waiting = new HashSet<>();
        for (ReconCase c : r.cases) {
            for (Evidence e : c.evidence()) {
                // an unsettled sale stays open, so a settlement line arriving later still finds it
                (c.type() == dev.posrecon.core.cases.CaseType.UNSETTLED_SALE ? waiting : inCase).add(e.ref());
            }
        }
        Set<Object> open = java.util.Collections.newSetFromMap(
                new java.util.IdentityHashMap<>(2 * r.rules.openItemCount()));
        for (Txn t : r.match.txns()) {
            if (r.rules.isOpenItem(t)) {
                open.add(t.rec);
                for (var l : t.tenders()) {
                    open.add(l.target().receipt());
                }
            }
        }
        return o -> {
            SourceRef ref = o instanceof dev.posrecon.core.model.TerminalRecord t ? t.ref()
                    : o instanceof dev.posrecon.core.model.SettlementRecord s ? s.ref()
                    : o instanceof Receipt rc ? rc.ref() : null;
            if (ref != null && waiting.contains(ref) && !inCase.contains(ref)) {
                return "OPEN";
            }
            if (ref != null && inCase.contains(ref)) {
                return "IN_CASE";
            }
            return open.contains(o) ? "OPEN" : "MATCHED";
        };
    }

    /** The matched and judged day, before anything is written. */
    public record Result(MatchResult match, RuleContext rules, List<ReconCase> cases, Map<Source, SourceCounts> counts) {
    }

    /**
     * Matches and judges the inputs.
     *
     * @param settlementDue whether an approved sale of a business day should have settled by now
     */
    public Result reconcile(Inputs in, Predicate<LocalDate> settlementDue) {
        MatchResult m = new Matcher(config, request.threads()).match(in.terminal, in.settlement, in.journal);
        progress.accept("  applying the rules");
        RuleContext ctx = Rules.run(m, config, settlementDue, request.threads());
        progress.accept("  contact advice for " + ctx.cases().size() + " case(s)");
        ContactAdvisor advisor = new ContactAdvisor(config, request.redactContacts());
        List<ReconCase> cases = new ArrayList<>();
        for (ReconCase c : ctx.cases()) {
            if (request.date() != null && !request.date().equals(c.businessDate())) {
                continue;
            }
            Receipt receipt = m.receipt(c.receiptNo());
            Customer customer = in.customers.find(c.memberId());
            cases.add(c.withContact(advisor.advise(c, customer, receipt)));
        }
        cases = Rules.finish(cases);
        progress.accept("  counting every record");
        return new Result(m, ctx, cases, count(in, m, ctx, cases));
    }

    private Map<Source, SourceCounts> count(Inputs in, MatchResult m, RuleContext ctx, List<ReconCase> cases) {
        Map<Source, RefSet> inCase = new EnumMap<>(Source.class);
        for (Source s : Source.values()) {
            inCase.put(s, new RefSet());
        }
        // members by the position of the first of their number in the directory (the one a case is advised on)
        CustomerDirectory directory = in.customers;
        java.util.BitSet casedMembers = new java.util.BitSet();
        for (ReconCase c : cases) {
            for (Evidence e : c.evidence()) {
                inCase.get(e.source()).add(e.ref());
            }
            int member = c.memberId() == null ? -1 : directory.indexOf(Ids.pack(c.memberId()));
            if (member >= 0) {
                casedMembers.set(member);
            }
        }
        // evidence of cases that belong to another business day than --date: counted as other-day
        RefSet otherDayCase = new RefSet();
        if (request.date() != null) {
            for (ReconCase c : ctx.cases()) {
                if (!request.date().equals(c.businessDate())) {
                    for (Evidence e : c.evidence()) {
                        otherDayCase.add(e.ref());
                    }
                }
            }
        }
        LocalDate day = request.date();
        Map<Source, SourceCounts> out = new EnumMap<>(Source.class);

        long matched = 0, cased = 0, open = 0, none = 0, other = 0;
        for (Txn t : m.txns()) {
            var r = t.rec;
            if (inCase.get(Source.TERMINAL).contains(r.file(), r.line())) {
                cased++;
            } else if (otherDayCase.contains(r.file(), r.line())) {
                other++;
            } else if (ctx.isOpenItem(t)) {
                open++;
            } else if (t.hasSettlements() || t.hasTenders() || t.original() != null || t.cancelledBy() != null) {
                matched++;
            } else if (!onDay(r.localTime(), day)) {
                other++;
            } else {
                none++;
            }
        }
        out.put(Source.TERMINAL, counts(Source.TERMINAL, in, matched, cased, open, none, other));

        matched = cased = open = none = other = 0;
        List<SettlementRecord> lines = m.settlements();
        for (int i = 0; i < lines.size(); i++) {
            SettlementRecord s = lines.get(i);
            if (inCase.get(Source.SETTLEMENT).contains(s.file(), s.line())) {
                cased++;
            } else if (otherDayCase.contains(s.file(), s.line())) {
                other++;
            } else if (m.txnOfSettlement(i) != null || m.isLinkedNonSale(s) || m.isNetted(s)) {
                matched++;
            } else if (!onDay(s.txnTime(), day)) {
                other++;
            } else {
                none++;
            }
        }
        out.put(Source.SETTLEMENT, counts(Source.SETTLEMENT, in, matched, cased, open, none, other));

        matched = cased = open = none = other = 0;
        List<Receipt> receipts = m.receipts();
        for (int i = 0; i < receipts.size(); i++) {
            Receipt rc = receipts.get(i);
            boolean linked = false;
            for (Txn.TenderRef tr : m.cardTenders(i)) {
                linked |= m.txnOf(tr) != null;
            }
            if (inCase.get(Source.JOURNAL).contains(rc.file(), rc.line())) {
                cased++;
            } else if (otherDayCase.contains(rc.file(), rc.line())) {
                other++;
            } else if (linked || (m.receipt(rc.originalKey()) != null
                    && rc.tenders().stream().noneMatch(tn -> tn.type().reconciled()))) {
                matched++;
            } else if (!onDay(rc.time(), day)) {
                other++;
            } else {
                none++;
            }
        }
        out.put(Source.JOURNAL, counts(Source.JOURNAL, in, matched, cased, open, none, other));

        matched = cased = open = none = other = 0;
        java.util.BitSet members = new java.util.BitSet();
        for (Receipt rc : m.receipts()) {
            int member = directory.indexOf(rc.memberKey());
            if (member >= 0) {
                members.set(member);
            }
        }
        for (int i = 0; i < directory.size(); i++) {
            int first = directory.indexOf(directory.memberKey(i));
            if (first >= 0 && casedMembers.get(first)) {
                cased++;
            } else if (first >= 0 && members.get(first)) {
                matched++;
            } else {
                none++;
            }
        }
        out.put(Source.CUSTOMERS, counts(Source.CUSTOMERS, in, matched, cased, open, none, other));
        return out;
    }

    private boolean onDay(LocalDateTime t, LocalDate day) {
        return day == null || t == null || day.equals(config.businessDate(t));
    }

    private static SourceCounts counts(Source s, Inputs in, long matched, long cased, long open, long none, long other) {
        long rejected = in.rejected.getOrDefault(s, 0L);
        long carried = in.carried.getOrDefault(s, 0L);
        // what was read, counted from the inputs themselves (not as the sum of the buckets), so that a record the
        // counting loses or counts twice unbalances the summary instead of hiding
        long records = switch (s) {
            case TERMINAL -> in.terminal.size();
            case SETTLEMENT -> in.settlement.size();
            case JOURNAL -> in.journal.size();
            case CUSTOMERS -> in.customers.size();
        };
        long read = records + rejected - carried;
        return new SourceCounts(read, carried, matched, cased, open, none, other, rejected,
                in.ignored.getOrDefault(s, 0L));
    }

    /** The error rates of the records this run's files hold (open items carried from the ledger counted on their day). */
    private ErrorRates errorRates(Inputs in, Result r) {
        int terminal = in.terminal.size() - in.carried.getOrDefault(Source.TERMINAL, 0L).intValue();
        int journal = in.journal.size() - in.carried.getOrDefault(Source.JOURNAL, 0L).intValue();
        return DayRates.of(in.terminal.subList(0, terminal), in.journal.subList(0, journal), r.cases, request.date(),
                config::businessDate);
    }

    /**
     * Writes the case files and rejects on the second core (when the run has two threads) while this one counts the
     * error rates and writes the summary and the report: each file is written whole by one thread, so the bytes are
     * the same either way. The summary and the report are moved into place only after the case files are: after a
     * failure the files in {@code --out} are those a one-thread run leaves, which writes the case files, the
     * rejects, the summary and the report in that order and stops at the first that fails (exit 4).
     */
    private List<Path> write(Inputs in, Result r) {
        Path dir = request.outDir();
        ExecutorService pool = Background.pool("posrecon-write", request.threads());
        AtomicFiles.Staged summary = null;
        AtomicFiles.Staged report = null;
        try {
            Supplier<List<Path>> caseFiles = Background.fork(pool, () -> {
                List<Path> out = new ArrayList<>();
                if (request.formats().contains("csv")) {
                    out.add(CaseFiles.writeCsv(dir.resolve("cases.csv"), r.cases));
                }
                if (request.formats().contains("json")) {
                    out.add(CaseFiles.writeJson(dir.resolve("cases.json"), r.cases));
                }
                out.add(CaseFiles.writeRejects(dir.resolve("rejects.csv"), in.rejects));
                return out;
            });
            Throwable failed = null;
            try {
                ErrorRates rates = errorRates(in, r);
                summary = Summary.stage(dir.resolve("summary.json"), request, in, r.counts, r.cases, rates);
                progress.accept("  writing report.html");
                report = HtmlReport.stage(dir.resolve("report.html"), DayReports.ofRun(request, in, r.counts,
                        r.cases, rates));
            } catch (RuntimeException | Error e) {
                failed = e;
            }
            List<Path> written;
            try {
                // the case files' thread finishes (or fails) first: no file is left half-written, and its failure
                // is the one a one-thread run meets first
                written = new ArrayList<>(caseFiles.get());
            } catch (RuntimeException | Error e) {
                if (failed != null) {
                    e.addSuppressed(failed);
                }
                throw e;
            }
            if (summary != null) {
                written.add(summary.commit());
            }
            if (failed instanceof RuntimeException re) {
                throw re;
            }
            if (failed instanceof Error err) {
                throw err;
            }
            written.add(report.commit());
            return written;
        } finally {
            if (summary != null) {
                summary.discard();
            }
            if (report != null) {
                report.discard();
            }
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    /**
     * A set of {@code file:line} references, asked once for each of a day's millions of records: a set of lines per
     * file, so asking makes no {@link SourceRef} and hashes nothing but the file name.
     */
    private static final class RefSet {
        private final Map<String, java.util.BitSet> lines = new java.util.HashMap<>();
        /** lines past what a bit set holds (never from a record, which keeps an int line). */
        private final Set<SourceRef> far = new HashSet<>();

        void add(SourceRef ref) {
            if (ref.line() < 0 || ref.line() > Integer.MAX_VALUE - 1) {
                far.add(ref);
            } else {
                lines.computeIfAbsent(ref.file(), f -> new java.util.BitSet()).set((int) ref.line());
            }
        }

        boolean contains(String file, long line) {
            if (line < 0 || line > Integer.MAX_VALUE - 1) {
                return far.contains(new SourceRef(file, line));
            }
            java.util.BitSet b = lines.get(file);
            return b != null && b.get((int) line);
        }
    }
}
