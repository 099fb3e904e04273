package dev.posrecon.core.store;

import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.SourceRef;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** One receipt found by {@link Ledger#findReceipts}, with its (first) card tender's references. */
public record ReceiptMatch(String receiptNo, LocalDateTime time, String kind, Money total, String terminalId,
                           String cardLast4, String authCode, String rrn, String stan, SourceRef ref) {

    /** Receipts as a table for an 80-column terminal (a return's total is shown negative). */
    public static String table(List<ReceiptMatch> matches) {
        StringBuilder sb = new StringBuilder(String.format("%-12s %-16s %11s %-8s %-4s %-6s %-12s", "RECEIPT",
                "TIME", "TOTAL", "TERMINAL", "CARD", "AUTH", "RRN").stripTrailing()).append('\n');
        for (ReceiptMatch m : matches) {
            String total = m.total() == null ? "-"
                    : ("RETURN".equals(m.kind()) ? "-" : "") + m.total().toDecimalString();
            sb.append(String.format("%-12s %-16s %11s %-8s %-4s %-6s %-12s", AuditReport.cut(m.receiptNo(), 12),
                    m.time() == null ? "-" : MINUTES.format(m.time()), total, AuditReport.cut(m.terminalId(), 8),
                    AuditReport.cut(m.cardLast4(), 4), AuditReport.cut(m.authCode(), 6),
                    AuditReport.cut(m.rrn(), 12)).stripTrailing()).append('\n');
        }
        return sb.append(matches.size()).append(matches.size() == 1 ? " receipt\n" : " receipts\n").toString();
    }

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
}
