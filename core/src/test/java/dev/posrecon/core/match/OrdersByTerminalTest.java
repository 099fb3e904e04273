package dev.posrecon.core.match;

import dev.posrecon.core.Fixtures;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.TerminalRecord;
import dev.posrecon.core.model.TxnKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Sorting by terminal groups gives exactly the order of one sort over everything, whatever the input order. */
class OrdersByTerminalTest {
    private static final String[] TIDS = {"T2", "T10", "T1", null, "T3"};
    private static final String[] TIMES = {"10:00:00", "10:00:01", "09:59:59", "10:00:00", "11:30:00"};

    @Test
    void terminalRecordsInTheSameOrderAsOneFullSort() {
        Random rnd = new Random(7);
        List<TerminalRecord> records = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            TxnKind kind = i % 7 == 0 ? TxnKind.REFUND : TxnKind.SALE;
            // few distinct values, so that ties on the leading keys are common and the later keys decide
            records.add(Fixtures.txn(kind, TIDS[rnd.nextInt(TIDS.length)], String.valueOf(rnd.nextInt(4)),
                    rnd.nextBoolean() ? "10.00" : "20.00", "622202******0123", TIMES[rnd.nextInt(TIMES.length)],
                    rnd.nextInt(5) == 0 ? null : "00", "RRN" + rnd.nextInt(3), null));
        }
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(records, rnd);
            List<TerminalRecord> expected = new ArrayList<>(records);
            expected.sort(Orders.TERMINAL);
            List<TerminalRecord> grouped = new ArrayList<>(records);
            Orders.sortByTerminal(grouped, TerminalRecord::terminalId, Orders.TERMINAL);
            assertThat(grouped).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void settlementLinesInTheSameOrderAsOneFullSort() {
        Random rnd = new Random(11);
        List<SettlementRecord> lines = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            lines.add(Fixtures.settle(i % 5 == 0 ? TxnKind.REFUND : TxnKind.SALE, TIDS[rnd.nextInt(TIDS.length)],
                    String.valueOf(rnd.nextInt(4)), rnd.nextBoolean() ? "10.00" : "20.00", "622202******0123",
                    TIMES[rnd.nextInt(TIMES.length)], "RRN" + rnd.nextInt(3), null, null));
        }
        Collections.shuffle(lines, rnd);
        List<SettlementRecord> expected = new ArrayList<>(lines);
        expected.sort(Orders.SETTLEMENT);
        Orders.sortByTerminal(lines, SettlementRecord::terminalId, Orders.SETTLEMENT);
        assertThat(lines).containsExactlyElementsOf(expected);
    }
}
