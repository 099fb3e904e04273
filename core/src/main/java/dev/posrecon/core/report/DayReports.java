package dev.posrecon.core.report;

import dev.posrecon.core.ReconRequest;
import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.contact.MessageTemplates;
import dev.posrecon.core.match.Inputs;
import dev.posrecon.core.model.Source;
import dev.posrecon.core.stats.ErrorRates;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the {@link DayReport} of a reconcile run. */
public final class DayReports {
    private DayReports() {
    }

    /** The business days the run's terminal records and receipts fall on: "2026-11-20", or "first .. last". */
    private static String period(ReconRequest req, Inputs in) {
        LocalDate[] range = new LocalDate[2];
        for (var t : in.terminal) {
            widen(range, req, t.localTime());
        }
        for (var rc : in.journal) {
            widen(range, req, rc.time());
        }
        LocalDate first = range[0];
        LocalDate last = range[1];
        return first == null ? "-" : first.equals(last) ? first.toString() : first + " .. " + last;
    }

    private static void widen(LocalDate[] range, ReconRequest req, LocalDateTime t) {
        if (t != null) {
            LocalDate d = req.config().businessDate(t);
            range[0] = range[0] == null || d.isBefore(range[0]) ? d : range[0];
            range[1] = range[1] == null || d.isAfter(range[1]) ? d : range[1];
        }
    }

    public static DayReport ofRun(ReconRequest req, Inputs in, Map<Source, SourceCounts> counts,
                                  List<ReconCase> cases, ErrorRates rates) {
        Map<String, SourceCounts> sources = new LinkedHashMap<>();
        counts.forEach((s, c) -> sources.put(s.name().toLowerCase(Locale.ROOT), c));
        List<DayReport.Row> rows = new ArrayList<>(cases.size());
        for (ReconCase c : cases) {
            rows.add(new DayReport.Row(c, null));
        }
        List<String> files = new ArrayList<>();
        for (Inputs.FileRead f : in.files) {
            files.add(f.displayName() + " (" + f.source().name().toLowerCase(Locale.ROOT) + "): "
                    + f.records() + " records, " + f.rejected() + " rejected, " + f.ignored() + " ignored");
        }
        return new DayReport(req.config().merchantName(), req.date() != null ? req.date().toString() : period(req, in),
                req.config().zone().getId(), MessageTemplates.language(req.config().contactLanguage()), false,
                sources, List.of(), rows, rates, in.rejects, files);
    }
}
