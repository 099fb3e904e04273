package dev.posrecon.core.store;

import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.SourceRef;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** One receipt found by {@link Ledger#findReceipts}, with its (first) card tender's references. */
public record ReceiptMatch(String receiptNo, LocalDateTime time, String kind, Money total, String terminalId,
                           String cardLast4, String authCode, String rrn, String stan, SourceRef ref) {

    /**
     * Receipts as a table for an 80-column terminal: the receipt number whole (a long one keeps its tail, where
     * receipts differ), its kind, and a return's total shown negative.
     */
    public static String table(List<ReceiptMatch> matches) {
        String row = "%-20s %-6s %-11s %10s %-8s %-4s %-12s";
        StringBuilder sb = new StringBuilder(String.format(row, "RECEIPT", "KIND", "TIME", "TOTAL", "TERMINAL", "CARD",
                "RRN").stripTrailing()).append('\n');
        for (ReceiptMatch m : matches) {
            String total = m.total() == null ? "-"
                    : ("RETURN".equals(m.kind()) ? "-" : "") + m.total().toDecimalString();
            sb.append(String.format(row, tail(m.receiptNo(), 20), AuditReport.cut(m.kind(), 6),
                    m.time() == null ? "-" : MINUTES.format(m.time()), total, AuditReport.cut(m.terminalId(), 8),
                    AuditReport.cut(m.cardLast4(), 4), AuditReport.cut(m.rrn(), 12)).stripTrailing()).append('\n');
        }
        return sb.append(matches.size()).append(matches.size() == 1 ? " receipt\n" : " receipts\n").toString();
    }

    private static String tail(String s, int width) {
        if (s == null) {
            return "-";
        }
        return s.length() <= width ? s : "~" + s.substring(s.length() - width + 1);
    }

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("MM-dd HH:mm");
}
