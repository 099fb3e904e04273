package dev.posrecon.core.stats;

import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.TerminalRecord;
import dev.posrecon.core.model.TxnKind;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Error rates of the records a run read. A terminal's transactions are its approved sales and refunds (what the
 * audit counts as "approved"), a cashier's, register's and store's the receipts they rang up; a case belongs to
 * its terminal and to the cashier, register and store of its receipt.
 */
public final class DayRates {
    private DayRates() {
    }

    /**
     * @param day         the reported business day, or null for every day in the records
     * @param businessDay the business-day rule
     */
    public static ErrorRates of(List<TerminalRecord> terminal, List<Receipt> journal, List<ReconCase> cases,
                                LocalDate day, Function<LocalDateTime, LocalDate> businessDay) {
        ErrorRateCounter counter = new ErrorRateCounter();
        Map<String, Long> perTerminal = new HashMap<>();
        for (TerminalRecord t : terminal) {
            if (t.approved() && (t.kind() == TxnKind.SALE || t.kind() == TxnKind.REFUND) && onDay(t.localTime(), day,
                    businessDay)) {
                perTerminal.merge(t.terminalId() == null ? "" : t.terminalId(), 1L, Long::sum);
            }
        }
        perTerminal.forEach((id, n) -> counter.transactions(Unit.TERMINAL, id, n));
        Map<String, Receipt> byNo = new HashMap<>();
        for (Receipt r : journal) {
            byNo.putIfAbsent(r.receiptNo(), r);
            if (onDay(r.time(), day, businessDay)) {
                counter.transactions(Unit.CASHIER, r.cashierId(), 1);
                counter.transactions(Unit.REGISTER, r.registerId(), 1);
                counter.transactions(Unit.STORE, r.storeId(), 1);
            }
        }
        for (ReconCase c : cases) {
            add(counter, c, c.receiptNo() == null ? null : byNo.get(c.receiptNo()));
        }
        return counter.result();
    }

    /** Adds a case to its terminal and to the cashier, register and store of its receipt (null: none). */
    static void add(ErrorRateCounter counter, ReconCase c, Receipt receipt) {
        counter.addCase(c.type().name(), c.amountAtStake().minor(), c.amountAtStake().currency().getCurrencyCode(),
                c.terminalId(), receipt == null ? null : receipt.cashierId(),
                receipt == null ? null : receipt.registerId(), receipt == null ? null : receipt.storeId());
    }

    private static boolean onDay(LocalDateTime t, LocalDate day, Function<LocalDateTime, LocalDate> businessDay) {
        return day == null || t != null && day.equals(businessDay.apply(t));
    }
}
