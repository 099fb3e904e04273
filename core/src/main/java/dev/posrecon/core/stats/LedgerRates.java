package dev.posrecon.core.stats;

import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.error.UsageException;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.store.CaseFilter;
import dev.posrecon.core.store.Ledger;
import dev.posrecon.core.store.StoredCase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Error rates from the ledger over a date range: the terminals' approved sales and refunds as the runs counted
 * them, the receipts the ledger keeps (with cashier, register and store), and the cases of those days whatever
 * their status (a case resolved since is still an error made that day).
 */
public final class LedgerRates {
    private LedgerRates() {
    }

    public static RangeRates of(Ledger ledger, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new UsageException("--to " + to + " is before --from " + from);
        }
        SortedMap<LocalDate, SortedMap<String, Long>> terminals = ledger.terminalTransactions(from, to);
        Map<LocalDate, List<ReconCase>> casesByDay = new HashMap<>();
        for (StoredCase c : ledger.listCases(new CaseFilter(from, to, null, null, null, null))) {
            ReconCase rc = c.reconCase();
            if (rc.businessDate() != null) {
                casesByDay.computeIfAbsent(rc.businessDate(), k -> new ArrayList<>()).add(rc);
            }
        }
        TreeSet<LocalDate> days = new TreeSet<>(terminals.keySet());
        days.addAll(casesByDay.keySet());
        ErrorRateCounter all = new ErrorRateCounter();
        SortedMap<LocalDate, ErrorRates> byDay = new TreeMap<>();
        for (LocalDate day : days) {
            ErrorRateCounter one = new ErrorRateCounter();
            terminals.getOrDefault(day, new TreeMap<>()).forEach((id, n) -> {
                one.transactions(Unit.TERMINAL, id, n);
                all.transactions(Unit.TERMINAL, id, n);
            });
            for (Receipt r : ledger.receiptsOn(day)) {
                for (ErrorRateCounter c : List.of(one, all)) {
                    c.transactions(Unit.CASHIER, r.cashierId(), 1);
                    c.transactions(Unit.REGISTER, r.registerId(), 1);
                    c.transactions(Unit.STORE, r.storeId(), 1);
                }
            }
            for (ReconCase c : casesByDay.getOrDefault(day, List.of())) {
                DayRates.add(one, c);
                DayRates.add(all, c);
            }
            byDay.put(day, one.result());
        }
        return new RangeRates(from, to, all.result(), byDay);
    }
}
