package dev.posrecon.core.report;

import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.contact.ContactAdvice;
import dev.posrecon.core.contact.ContactMasks;
import dev.posrecon.core.contact.ContactOption;
import dev.posrecon.core.contact.MessageTemplates;
import dev.posrecon.core.error.UsageException;
import dev.posrecon.core.stats.LedgerRates;
import dev.posrecon.core.store.AuditReport;
import dev.posrecon.core.store.CaseFilter;
import dev.posrecon.core.store.Ledger;
import dev.posrecon.core.store.LedgerAccess;
import dev.posrecon.core.store.StoredCase;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * report.html from the ledger, for a day or a date range ({@code posrecon audit --html}): the cases of those days
 * with their status, the error rates, per terminal what was approved, settled and rung up, and the files loaded.
 * The ledger keeps no conservation counts or reject lines: those are in each run's summary.json and rejects.csv.
 */
public final class LedgerReports {
    /** The longest range one report covers. */
    public static final int MAX_DAYS = 366;

    private LedgerReports() {
    }

    /**
     * @param redact mask every contact address and leave the drafts out (they may name the customer)
     */
    public static Path write(LedgerAccess access, LocalDate from, LocalDate to, Path file, ReconConfig config,
                             boolean redact) {
        if (to.isBefore(from)) {
            throw new UsageException("--to " + to + " is before --from " + from);
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new UsageException("a report covers at most " + MAX_DAYS + " days, asked for " + from + " .. " + to);
        }
        try (Ledger ledger = Ledger.openExisting(access)) {
            List<DayReport.Row> rows = new ArrayList<>();
            for (StoredCase c : ledger.listCases(new CaseFilter(from, to, null, null, null, null))) {
                rows.add(new DayReport.Row(redact ? redacted(c.reconCase()) : c.reconCase(), c.status().name()));
            }
            Map<List<String>, long[]> sums = new TreeMap<>((a, b) -> {
                int k = a.get(0).compareTo(b.get(0));
                return k != 0 ? k : a.get(1).compareTo(b.get(1));
            });
            Set<String> files = new LinkedHashSet<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                AuditReport day = ledger.audit(d, null);
                for (AuditReport.TerminalLine t : day.terminals()) {
                    long[] s = sums.computeIfAbsent(List.of(t.terminalId(), t.currency()), k -> new long[7]);
                    long[] v = {t.approvedCount(), t.approvedMinor(), t.settledCount(), t.settledMinor(),
                        t.rungUpCount(), t.rungUpMinor(), t.openItems()};
                    for (int i = 0; i < v.length; i++) {
                        s[i] += v[i];
                    }
                }
                for (AuditReport.FileLine f : day.files()) {
                    files.add(f.file() + " (" + f.role().toLowerCase(java.util.Locale.ROOT) + ", run " + f.runId()
                            + "): " + (f.records() == null ? "-" : f.records()) + " records, "
                            + (f.rejects() == null ? "-" : f.rejects()) + " rejected");
                }
            }
            List<AuditReport.TerminalLine> terminals = new ArrayList<>();
            sums.forEach((k, s) -> terminals.add(new AuditReport.TerminalLine(k.get(0), k.get(1), s[0], s[1], s[2],
                    s[3], s[4], s[5], s[6])));
            DayReport report = new DayReport(config.merchantName(), from.equals(to) ? from.toString()
                    : from + " .. " + to, config.zone().getId(),
                    MessageTemplates.language(config.contactLanguage()), true, Map.of(), terminals, rows,
                    LedgerRates.of(ledger, from, to).total(), List.of(), new ArrayList<>(files));
            return HtmlReport.write(file, report);
        }
    }

    private static ReconCase redacted(ReconCase c) {
        ContactAdvice a = c.contact();
        List<ContactOption> masked = new ArrayList<>();
        for (ContactOption o : a.channels()) {
            masked.add(ContactMasks.mask(o));
        }
        return c.withContact(new ContactAdvice(masked, a.reason(), a.window(), a.language(), "", ""));
    }
}
