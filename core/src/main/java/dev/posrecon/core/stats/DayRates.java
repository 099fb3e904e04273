package dev.posrecon.core.stats;

import dev.posrecon.core.cases.Evidence;
import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.Source;
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
 * its terminal and to the cashier, register and store of its receipt (as its evidence shows).
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
        // counted per id as written first (a hash look-up each), then added to the counter once per id: its sorted
        // maps are asked a few thousand times, not three times for each of a million receipts
        Map<Unit, Map<String, long[]>> per = new java.util.EnumMap<>(Unit.class);
        for (Unit u : Unit.values()) {
            per.put(u, new HashMap<>());
        }
        Map<String, long[]> terminals = per.get(Unit.TERMINAL);
        for (TerminalRecord t : terminal) {
            if (t.approved() && (t.kind() == TxnKind.SALE || t.kind() == TxnKind.REFUND) && onDay(t.localTime(), day,
                    businessDay)) {
                count(terminals, t.terminalId());
            }
        }
        Map<String, long[]> cashiers = per.get(Unit.CASHIER);
        Map<String, long[]> registers = per.get(Unit.REGISTER);
        Map<String, long[]> stores = per.get(Unit.STORE);
        for (Receipt r : journal) {
            if (onDay(r.time(), day, businessDay)) {
                count(cashiers, r.cashierId());
                count(registers, r.registerId());
                count(stores, r.storeId());
            }
        }
        per.forEach((u, counts) -> counts.forEach((id, n) -> counter.transactions(u, id, n[0])));
        for (ReconCase c : cases) {
            add(counter, c);
        }
        return counter.result();
    }

    /** One more for {@code id} (none for a null id: the counter counts no unit for it). */
    private static void count(Map<String, long[]> counts, String id) {
        if (id != null) {
            long[] n = counts.get(id);
            if (n == null) {
                counts.put(id, new long[] {1});
            } else {
                n[0]++;
            }
        }
    }

    /** Adds a case to its terminal and to the cashier, register and store of its receipt (see {@link #units}). */
    static void add(ErrorRateCounter counter, ReconCase c) {
        String[] u = units(c);
        counter.addCase(c.type().name(), c.amountAtStake().minor(), c.amountAtStake().currency().getCurrencyCode(),
                u);
    }

    /**
     * A case's terminal, cashier, register and store (by {@link Unit#ordinal()}; null where it names none): the
     * terminal the case names, and who and where rang up its receipt, as the receipt's evidence shows.
     */
    public static String[] units(ReconCase c) {
        Map<String, String> receipt = null;
        for (Evidence e : c.evidence()) {
            if (e.source() == Source.JOURNAL && (receipt == null
                    || c.receiptNo() != null && c.receiptNo().equals(e.fields().get("receipt_no")))) {
                receipt = e.fields();
            }
        }
        return new String[] {c.terminalId(), receipt == null ? null : receipt.get("cashier_id"),
            receipt == null ? null : receipt.get("register_id"), receipt == null ? null : receipt.get("store_id")};
    }

    private static boolean onDay(LocalDateTime t, LocalDate day, Function<LocalDateTime, LocalDate> businessDay) {
        return day == null || t != null && day.equals(businessDay.apply(t));
    }
}
