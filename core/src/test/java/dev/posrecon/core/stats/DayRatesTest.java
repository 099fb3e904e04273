package dev.posrecon.core.stats;

import dev.posrecon.core.Fixtures;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.ReceiptKind;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.TerminalRecord;
import dev.posrecon.core.model.TxnKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each unit's transactions are what a plain count gives: a terminal's approved sales and refunds, a cashier's,
 * register's and store's receipts, ids stripped (" C1" is C1), blank and missing ids no unit, other days left out.
 */
class DayRatesTest {
    private static final String[] IDS = {"C1", " C1", "C2 ", "C3", "", "  ", null};

    @Test
    void transactionsPerUnitAreAPlainCount() {
        Random rnd = new Random(5);
        List<Receipt> journal = new ArrayList<>();
        List<TerminalRecord> terminal = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String time = (rnd.nextBoolean() ? "2026-11-20T" : "2026-11-21T") + "10:00:00";
            journal.add(new Receipt(new SourceRef("journal.csv", i + 2), "R-" + i, pick(rnd), pick(rnd), pick(rnd),
                    java.time.LocalDateTime.parse(time), ReceiptKind.SALE, Fixtures.cny("1.00"), List.of(), null,
                    null, null, null));
            TxnKind kind = rnd.nextInt(4) == 0 ? TxnKind.VOID : rnd.nextBoolean() ? TxnKind.SALE : TxnKind.REFUND;
            terminal.add(Fixtures.txn(kind, pick(rnd), String.valueOf(i), "1.00", null, "10:00:00",
                    rnd.nextInt(5) == 0 ? "05" : "00", null, null));
        }
        for (LocalDate day : new LocalDate[] {null, LocalDate.of(2026, 11, 20)}) {
            ErrorRates rates = DayRates.of(terminal, journal, List.of(), day, java.time.LocalDateTime::toLocalDate);
            Map<String, Long> cashiers = new TreeMap<>();
            Map<String, Long> registers = new TreeMap<>();
            Map<String, Long> stores = new TreeMap<>();
            for (Receipt r : journal) {
                if (day == null || day.equals(r.time().toLocalDate())) {
                    add(cashiers, r.cashierId());
                    add(registers, r.registerId());
                    add(stores, r.storeId());
                }
            }
            Map<String, Long> terminals = new TreeMap<>();
            for (TerminalRecord t : terminal) {
                if (t.approved() && (t.kind() == TxnKind.SALE || t.kind() == TxnKind.REFUND)
                        && (day == null || day.equals(t.localTime().toLocalDate()))) {
                    add(terminals, t.terminalId());
                }
            }
            assertThat(counts(rates, Unit.CASHIER)).as("cashiers, day %s", day).isEqualTo(cashiers);
            assertThat(counts(rates, Unit.REGISTER)).isEqualTo(registers);
            assertThat(counts(rates, Unit.STORE)).isEqualTo(stores);
            assertThat(counts(rates, Unit.TERMINAL)).as("terminals, day %s", day).isEqualTo(terminals);
        }
    }

    private static String pick(Random rnd) {
        return IDS[rnd.nextInt(IDS.length)];
    }

    private static void add(Map<String, Long> m, String id) {
        if (id != null && !id.isBlank()) {
            m.merge(id.strip(), 1L, Long::sum);
        }
    }

    private static Map<String, Long> counts(ErrorRates rates, Unit u) {
        Map<String, Long> m = new TreeMap<>();
        ErrorRates.Group g = rates.group(u);
        if (g != null) {
            for (ErrorRates.UnitRate r : g.units()) {
                m.put(r.id(), r.transactions());
            }
        }
        return m;
    }
}
