package dev.posrecon.core.stats;

import dev.posrecon.core.report.CaseFiles;
import dev.posrecon.core.report.Csv;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Error rates over a date range: the whole range (each unit tested against the rest over the range) and each
 * day on its own, so a manager sees a trend across a month.
 *
 * @param from null (and {@code to} null) for "every day in the files" of a reconcile run without {@code --date}
 */
public record RangeRates(LocalDate from, LocalDate to, ErrorRates total, SortedMap<LocalDate, ErrorRates> byDay) {
    public static final String CSV_HEADER = "date,unit,id,transactions,cases,rate_per_1000,by_type,amount_at_stake,"
            + "p_value,flagged";

    public RangeRates {
        byDay = Collections.unmodifiableSortedMap(new TreeMap<>(byDay));
    }

    /** A table for an 80-column terminal; {@code days} adds one block per day after the range's. */
    public String toText(boolean days) {
        StringBuilder sb = new StringBuilder();
        sb.append("Error rates ").append(label())
                .append(" (cases per 1,000 transactions; a terminal's are its approved sales and refunds, a cashier's,")
                .append("\nregister's and store's the receipts they rang up)\n");
        block(sb, from != null && from.equals(to) ? from.toString() : "all days", total);
        if (days) {
            byDay.forEach((d, r) -> block(sb, d.toString(), r));
        }
        if (total.flagged().isEmpty()) {
            sb.append("\nNo unit is far above the others.\n");
        } else {
            sb.append("\nWhere to aim training or maintenance:\n");
            for (ErrorRates.UnitRate u : total.flagged()) {
                sb.append(String.format("  %s %s: %d cases in %d transactions (%s per 1,000; the others %s), %s\n",
                        u.unit().key(), u.id(), u.cases(), u.transactions(), u.rate(),
                        ErrorRates.perMille(total.group(u.unit()).cases() - u.cases(),
                                total.group(u.unit()).transactions() - u.transactions()), u.types()));
            }
        }
        return sb.append("FLAG: ").append(ErrorRates.RULE).append('\n').toString();
    }

    private String label() {
        return from == null ? "of every day in the files" : from.equals(to) ? from.toString() : from + " .. " + to;
    }

    private static void block(StringBuilder sb, String label, ErrorRates r) {
        sb.append('\n').append(label).append('\n');
        String row = "  %-8s %-12s %7s %6s %7s %-16s %8s %s";
        sb.append(String.format(row, "unit", "id", "txns", "cases", "rate", "at stake", "p", "").stripTrailing())
                .append('\n');
        for (ErrorRates.Group g : r.groups()) {
            for (ErrorRates.UnitRate u : g.units()) {
                sb.append(String.format(row, g.unit().key(), cut(u.id()), u.transactions(), u.cases(), u.rate(),
                        u.atStake().isEmpty() ? "-" : u.atStake(), u.p(), u.flagged() ? "FLAG" : "").stripTrailing())
                        .append('\n');
            }
            sb.append(String.format(row, g.unit().key(), "(all)", g.transactions(), g.cases(), g.rate(), "", "",
                    g.unattributed() == 0 ? "" : g.unattributed() + " case(s) name no " + g.unit().key())
                    .stripTrailing()).append('\n');
        }
    }

    private static String cut(String s) {
        return s.length() <= 12 ? s : s.substring(0, 11) + "~";
    }

    /** One row per day and unit, then the range's rows under {@code date = total}. */
    public String toCsv() {
        StringWriter w = new StringWriter();
        try {
            w.write(CSV_HEADER + "\n");
            for (Map.Entry<LocalDate, ErrorRates> e : byDay.entrySet()) {
                rows(w, e.getKey().toString(), e.getValue());
            }
            rows(w, "total", total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void rows(StringWriter w, String date, ErrorRates r) throws IOException {
        for (ErrorRates.Group g : r.groups()) {
            for (ErrorRates.UnitRate u : g.units()) {
                Csv.row(w, date, g.unit().key(), u.id(), Long.toString(u.transactions()), Long.toString(u.cases()),
                        u.rate(), u.types(), u.atStake(), u.p(), Boolean.toString(u.flagged()));
            }
        }
    }

    public String toJson() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "posrecon-error-rates/1");
        doc.put("from", from == null ? "all" : from.toString());
        doc.put("to", to == null ? "all" : to.toString());
        doc.put("total", total.toJson());
        Map<String, Object> days = new LinkedHashMap<>();
        byDay.forEach((d, r) -> days.put(d.toString(), r.toJson()));
        doc.put("by_day", days);
        StringWriter w = new StringWriter();
        try {
            CaseFiles.writeJson(w, doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
