package dev.posrecon.core.report;

import dev.posrecon.core.ReconRequest;
import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.match.Inputs;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.Source;
import dev.posrecon.core.stats.ErrorRates;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * summary.json: per input file what was read, per source the conservation counts (which must add up), and the
 * cases by type with the money at stake, the error rates per terminal, cashier, register and store. Nothing in it depends on the clock, so re-runs are byte-identical.
 */
public final class Summary {
    private Summary() {
    }

    /** Writes summary.json to its temporary name beside {@code file}, to be moved into place by the caller. */
    public static AtomicFiles.Staged stage(Path file, ReconRequest req, Inputs in, Map<Source, SourceCounts> counts,
                                           List<ReconCase> cases, ErrorRates rates) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "posrecon-summary/1");
        doc.put("business_date", req.date() == null ? "all" : req.date().toString());
        doc.put("zone", req.config().zone().getId());
        List<Object> files = new ArrayList<>();
        for (Inputs.FileRead f : in.files) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.displayName());
            m.put("source", f.source().name().toLowerCase(Locale.ROOT));
            m.put("records", f.records());
            m.put("rejected", f.rejected());
            m.put("ignored", f.ignored());
            files.add(m);
        }
        doc.put("files", files);
        Map<String, Object> sources = new LinkedHashMap<>();
        boolean allBalanced = true;
        for (Map.Entry<Source, SourceCounts> e : counts.entrySet()) {
            SourceCounts c = e.getValue();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("read", c.read());
            if (c.carried() > 0) {
                m.put("carried_from_ledger", c.carried());
            }
            m.put("matched", c.matched());
            m.put("in_cases", c.inCases());
            m.put("open_items", c.open());
            m.put("no_action", c.noAction());
            m.put("other_day", c.otherDay());
            m.put("rejected", c.rejected());
            m.put("ignored", c.ignored());
            m.put("balanced", c.balanced());
            allBalanced &= c.balanced();
            sources.put(e.getKey().name().toLowerCase(Locale.ROOT), m);
        }
        doc.put("sources", sources);
        doc.put("balanced", allBalanced);
        Map<String, Object> cs = new LinkedHashMap<>();
        cs.put("total", cases.size());
        Map<String, Object> byType = new TreeMap<>();
        Map<String, Long> totalByCurrency = new TreeMap<>();
        for (ReconCase c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) byType.computeIfAbsent(c.type().name(), k -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("count", 0);
                x.put("amount", new TreeMap<String, Long>());
                return x;
            });
            t.put("count", (Integer) t.get("count") + 1);
            @SuppressWarnings("unchecked")
            Map<String, Long> amt = (Map<String, Long>) t.get("amount");
            String cur = c.amountAtStake().currency().getCurrencyCode();
            amt.merge(cur, c.amountAtStake().minor(), Long::sum);
            totalByCurrency.merge(cur, c.amountAtStake().minor(), Long::sum);
        }
        for (Object o : byType.values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) o;
            @SuppressWarnings("unchecked")
            Map<String, Long> amt = (Map<String, Long>) t.get("amount");
            t.put("amount", decimals(amt));
        }
        cs.put("by_type", byType);
        cs.put("amount_at_stake", decimals(totalByCurrency));
        Map<String, Integer> bySeverity = new TreeMap<>();
        for (ReconCase c : cases) {
            bySeverity.merge(c.severity().name(), 1, Integer::sum);
        }
        cs.put("by_severity", bySeverity);
        doc.put("cases", cs);
        doc.put("rejects", in.rejects.size());
        doc.put("error_rates", rates.toJson());
        doc.put("settings", req.config().toString());
        return AtomicFiles.stage(file, w -> CaseFiles.writeJson(w, doc));
    }

    private static Map<String, String> decimals(Map<String, Long> minorByCurrency) {
        Map<String, String> out = new TreeMap<>();
        minorByCurrency.forEach((cur, v) -> out.put(cur, Money.format(v, Currency.getInstance(cur))));
        return out;
    }
}
