package dev.posrecon.core.match;

import dev.posrecon.core.ReconOutcome;
import dev.posrecon.core.ReconRequest;
import dev.posrecon.core.cases.Evidence;
import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.contact.ContactAdvisor;
import dev.posrecon.core.model.Customer;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.Source;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.TenderType;
import dev.posrecon.core.report.CaseFiles;
import dev.posrecon.core.report.SourceCounts;
import dev.posrecon.core.report.Summary;
import dev.posrecon.core.rules.RuleContext;
import dev.posrecon.core.rules.Rules;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

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
        progress.accept("reading inputs");
        Inputs in = Inputs.read(request);
        progress.accept("matching");
        Result r = reconcile(in, day -> true);
        progress.accept("writing case files");
        List<Path> written = write(in, r);
        return new ReconOutcome(r.counts, r.cases, r.cases.size(), in.rejects, written, null);
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
        RuleContext ctx = Rules.run(m, config, settlementDue);
        Map<String, Customer> customers = new HashMap<>();
        for (Customer c : in.customers) {
            customers.putIfAbsent(c.memberId(), c);
        }
        ContactAdvisor advisor = new ContactAdvisor(config);
        List<ReconCase> cases = new ArrayList<>();
        for (ReconCase c : ctx.cases()) {
            if (request.date() != null && !request.date().equals(c.businessDate())) {
                continue;
            }
            Receipt receipt = m.receipt(c.receiptNo());
            Customer customer = c.memberId() == null ? null : customers.get(c.memberId());
            cases.add(c.withContact(advisor.advise(c, customer, receipt)));
        }
        cases = Rules.finish(cases);
        return new Result(m, ctx, cases, count(in, m, ctx, cases, customers));
    }

    private Map<Source, SourceCounts> count(Inputs in, MatchResult m, RuleContext ctx, List<ReconCase> cases,
                                            Map<String, Customer> customers) {
        Map<Source, Set<SourceRef>> inCase = new EnumMap<>(Source.class);
        for (Source s : Source.values()) {
            inCase.put(s, new HashSet<>());
        }
        Set<String> casedMembers = new HashSet<>();
        for (ReconCase c : cases) {
            for (Evidence e : c.evidence()) {
                inCase.get(e.source()).add(e.ref());
            }
            if (c.memberId() != null) {
                casedMembers.add(c.memberId());
            }
        }
        LocalDate day = request.date();
        Map<Source, SourceCounts> out = new EnumMap<>(Source.class);

        long matched = 0, cased = 0, open = 0, none = 0, other = 0;
        for (Txn t : m.txns()) {
            var r = t.rec;
            if (inCase.get(Source.TERMINAL).contains(r.ref())) {
                cased++;
            } else if (!t.settlements.isEmpty() || !t.tenders.isEmpty() || t.original != null || t.cancelledBy != null) {
                matched++;
            } else if (!onDay(r.localTime(), day)) {
                other++;
            } else if (ctx.isOpenItem(t)) {
                open++;
            } else {
                none++;
            }
        }
        out.put(Source.TERMINAL, counts(Source.TERMINAL, in, matched, cased, open, none, other));

        matched = cased = open = none = other = 0;
        for (var s : m.settlements()) {
            if (inCase.get(Source.SETTLEMENT).contains(s.ref())) {
                cased++;
            } else if (m.txnOf(s) != null || m.isLinkedNonSale(s) || m.isNetted(s)) {
                matched++;
            } else if (!onDay(s.txnTime(), day)) {
                other++;
            } else {
                none++;
            }
        }
        out.put(Source.SETTLEMENT, counts(Source.SETTLEMENT, in, matched, cased, open, none, other));

        matched = cased = open = none = other = 0;
        Set<Receipt> linked = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Txn.TenderRef tr : m.cardTenders()) {
            if (m.txnOf(tr) != null) {
                linked.add(tr.receipt());
            }
        }
        for (Receipt rc : m.receipts()) {
            if (inCase.get(Source.JOURNAL).contains(rc.ref())) {
                cased++;
            } else if (linked.contains(rc) || (rc.originalReceiptNo() != null && m.receipt(rc.originalReceiptNo()) != null
                    && rc.tenders().stream().allMatch(tn -> tn.type() != TenderType.CARD || linked.contains(rc)))) {
                matched++;
            } else if (!onDay(rc.time(), day)) {
                other++;
            } else {
                none++;
            }
        }
        out.put(Source.JOURNAL, counts(Source.JOURNAL, in, matched, cased, open, none, other));

        matched = cased = open = none = other = 0;
        Set<String> members = new HashSet<>();
        for (Receipt rc : m.receipts()) {
            if (rc.memberId() != null) {
                members.add(rc.memberId());
            }
        }
        for (Customer c : in.customers) {
            if (casedMembers.contains(c.memberId())) {
                cased++;
            } else if (members.contains(c.memberId())) {
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
        long read = matched + cased + open + none + other + rejected;
        return new SourceCounts(read, matched, cased, open, none, other, rejected, in.ignored.getOrDefault(s, 0L));
    }

    private List<Path> write(Inputs in, Result r) {
        Path dir = request.outDir();
        List<Path> written = new ArrayList<>();
        if (request.formats().contains("csv")) {
            written.add(CaseFiles.writeCsv(dir.resolve("cases.csv"), r.cases));
        }
        if (request.formats().contains("json")) {
            written.add(CaseFiles.writeJson(dir.resolve("cases.json"), r.cases));
        }
        written.add(CaseFiles.writeRejects(dir.resolve("rejects.csv"), in.rejects));
        written.add(Summary.write(dir.resolve("summary.json"), request, in, r.counts, r.cases));
        return written;
    }
}
