package dev.posrecon.core.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posrecon.core.model.Currencies;
import dev.posrecon.core.model.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * One business day at a glance, for support staff. Amounts are in minor units of each line's currency; the
 * terminal, settled and rung-up amounts are sales minus refunds (voids and reversals are not netted off: a
 * voided sale shows as a difference between "approved" and "settled").
 *
 * @param terminal the terminal asked for, null for all
 */
public record AuditReport(LocalDate date, String terminal, List<TerminalLine> terminals, List<CaseLine> openCases,
                          List<FileLine> files) {

    public AuditReport {
        terminals = List.copyOf(terminals);
        openCases = List.copyOf(openCases);
        files = List.copyOf(files);
    }

    /**
     * One terminal (and currency).
     *
     * @param approvedCount approved sales and refunds on the terminal log
     * @param settledCount  sales and refunds the acquirer settled
     * @param rungUpCount   card tenders on sale and return receipts
     * @param openItems     approved terminal records still waiting for their settlement
     */
    public record TerminalLine(String terminalId, String currency, long approvedCount, long approvedMinor,
                               long settledCount, long settledMinor, long rungUpCount, long rungUpMinor,
                               long openItems) {
    }

    /** Open (OPEN or CONTACTED) cases of one type and currency. */
    public record CaseLine(String type, String currency, long count, long amountMinor) {
    }

    /** One input file of the runs that loaded the day. */
    public record FileLine(String file, String role, long runId, Long records, Long rejects) {
    }

    private static String amount(long minor, String currency) {
        return Money.format(minor, Currencies.resolve(currency));
    }

    /** Text for an 80-column terminal. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("Audit of ").append(date).append(terminal == null ? ", all terminals" : ", terminal " + terminal)
                .append("\n\n");
        if (terminals.isEmpty()) {
            sb.append("No records of this day in the ledger.\n");
        } else {
            sb.append(String.format("%-10s %-3s %19s %19s %19s %4s%n", "", "", "approved (term.)", "settled",
                    "rung up (card)", "open"));
            sb.append(String.format("%-10s %-3s %5s %13s %5s %13s %5s %13s %4s%n", "terminal", "cur", "n", "amount",
                    "n", "amount", "n", "amount", "item"));
            for (TerminalLine t : terminals) {
                sb.append(String.format("%-10s %-3s %5d %13s %5d %13s %5d %13s %4d%n", cut(t.terminalId(), 10),
                        t.currency(), t.approvedCount(), amount(t.approvedMinor(), t.currency()), t.settledCount(),
                        amount(t.settledMinor(), t.currency()), t.rungUpCount(), amount(t.rungUpMinor(), t.currency()),
                        t.openItems()));
            }
            for (TerminalLine t : terminals) {
                if (t.approvedMinor() != t.settledMinor() || t.approvedMinor() != t.rungUpMinor()) {
                    sb.append(String.format("  %s: approved - settled = %s, approved - rung up = %s %s%n",
                            t.terminalId(), amount(t.approvedMinor() - t.settledMinor(), t.currency()),
                            amount(t.approvedMinor() - t.rungUpMinor(), t.currency()), t.currency()));
                }
            }
        }
        sb.append("\nOpen cases (OPEN or CONTACTED)\n");
        if (openCases.isEmpty()) {
            sb.append("  none\n");
        } else {
            sb.append(String.format("  %-20s %-3s %6s %16s%n", "type", "cur", "count", "at stake"));
            for (CaseLine c : openCases) {
                sb.append(String.format("  %-20s %-3s %6d %16s%n", c.type(), c.currency(), c.count(),
                        amount(c.amountMinor(), c.currency())));
            }
        }
        sb.append("\nFiles loaded with this day's records\n");
        if (files.isEmpty()) {
            sb.append("  none\n");
        } else {
            sb.append(String.format("  %-40s %-10s %5s %8s %7s%n", "file", "role", "run", "records", "rejects"));
            for (FileLine f : files) {
                sb.append(String.format("  %-40s %-10s %5d %8s %7s%n", cutLeft(f.file(), 40), f.role(), f.runId(),
                        f.records() == null ? "-" : f.records(), f.rejects() == null ? "-" : f.rejects()));
            }
        }
        return sb.toString();
    }

    /** The same as JSON (amounts as decimal strings in major units). */
    public String toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("date", date.toString());
        root.put("terminal", terminal);
        ArrayNode ts = root.putArray("terminals");
        for (TerminalLine t : terminals) {
            ObjectNode n = ts.addObject();
            n.put("terminal_id", t.terminalId());
            n.put("currency", t.currency());
            n.put("approved_count", t.approvedCount());
            n.put("approved_amount", amount(t.approvedMinor(), t.currency()));
            n.put("settled_count", t.settledCount());
            n.put("settled_amount", amount(t.settledMinor(), t.currency()));
            n.put("rung_up_count", t.rungUpCount());
            n.put("rung_up_amount", amount(t.rungUpMinor(), t.currency()));
            n.put("open_items", t.openItems());
        }
        ArrayNode cs = root.putArray("open_cases");
        for (CaseLine c : openCases) {
            ObjectNode n = cs.addObject();
            n.put("type", c.type());
            n.put("currency", c.currency());
            n.put("count", c.count());
            n.put("amount_at_stake", amount(c.amountMinor(), c.currency()));
        }
        ArrayNode fs = root.putArray("files");
        for (FileLine f : files) {
            ObjectNode n = fs.addObject();
            n.put("file", f.file());
            n.put("role", f.role());
            n.put("run_id", f.runId());
            n.put("records", f.records());
            n.put("rejects", f.rejects());
        }
        return Json.write(root) + "\n";
    }

    static String cut(String s, int n) {
        return s == null ? "-" : s.length() <= n ? s : s.substring(0, n);
    }

    static String cutLeft(String s, int n) {
        return s.length() <= n ? s : "…" + s.substring(s.length() - n + 1);
    }
}
