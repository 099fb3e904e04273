package dev.posrecon.core.rules;

import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.model.ReceiptKind;
import dev.posrecon.core.model.TxnKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.posrecon.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class PhantomVoidRuleTest {

    @Test
    void approvedVoidButSaleSettledIsPhantomVoid() {
        var sale = sale("T1", "000301", "88.00", "622202******1234", "10:00:00", "100000000301");
        var voided = cancel(TxnKind.VOID, "T1", "000302", "10:05:00", sale, "00");
        var rc = paidBy("R1", sale);
        var vr = receipt("V1", ReceiptKind.VOID, "10:05:10", "88.00", "R1", null, cash("88.00"));
        var cases = RuleTestSupport.run(List.of(sale, voided), List.of(settled(sale)), List.of(rc, vr));
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(CaseType.PHANTOM_VOID);
            assertThat(c.reason()).isEqualTo("VOID_SETTLED");
            assertThat(c.direction()).isEqualTo(Direction.MERCHANT_OWES_CUSTOMER);
            assertThat(c.amountAtStake()).isEqualTo(cny("88.00"));
            assertThat(c.stan()).isEqualTo("000301");
            assertThat(c.evidence()).extracting(e -> e.role()).contains("sale", "void", "settlement", "receipt");
        });
    }

    @Test
    void approvedReversalButSaleSettledIsPhantomVoid() {
        var sale = sale("T1", "000303", "70.00", "622202******1234", "10:00:00", "100000000303");
        var rev = cancel(TxnKind.REVERSAL, "T1", "000304", "10:00:40", sale, "00");
        var cases = RuleTestSupport.run(List.of(sale, rev), List.of(settled(sale)), List.of());
        assertThat(cases).singleElement().satisfies(c -> assertThat(c.reason()).isEqualTo("REVERSAL_SETTLED"));
    }

    @Test
    void journalVoidButSaleSettledIsPhantomVoid() {
        var sale = sale("T1", "000305", "15.00", "622202******1234", "10:00:00", "100000000305");
        var rc = paidBy("R5", sale);
        var vr = receipt("V5", ReceiptKind.VOID, "10:03:00", "15.00", "R5", null, cash("15.00"));
        var cases = RuleTestSupport.run(List.of(sale), List.of(settled(sale)), List.of(rc, vr));
        assertThat(cases).singleElement().satisfies(c -> assertThat(c.reason()).isEqualTo("JOURNAL_VOID_SETTLED"));
    }

    @Test
    void voidNettedOffBySettlementVoidLineIsNoCase() {
        var sale = sale("T1", "000306", "15.00", "622202******1234", "10:00:00", "100000000306");
        var voided = cancel(TxnKind.VOID, "T1", "000307", "10:05:00", sale, "00");
        var line = settled(sale);
        var voidLine = settle(TxnKind.VOID, "T1", "000306", "15.00", sale.card(), "10:05:00", sale.rrn(), null, null);
        var cases = RuleTestSupport.run(List.of(sale, voided), List.of(line, voidLine), List.of(paidBy("R6", sale)));
        assertThat(cases).isEmpty();
    }

    @Test
    void voidedAndNotSettledIsNoCase() {
        var sale = sale("T1", "000308", "15.00", "622202******1234", "10:00:00", "100000000308");
        var voided = cancel(TxnKind.VOID, "T1", "000309", "10:05:00", sale, "00");
        var cases = RuleTestSupport.run(List.of(sale, voided), List.of(), List.of(paidBy("R8", sale)));
        assertThat(cases).isEmpty();
    }
}
