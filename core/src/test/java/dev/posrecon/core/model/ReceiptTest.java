package dev.posrecon.core.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceiptTest {
    private static final Money TEN = Money.of(1000, java.util.Currency.getInstance("CNY"));

    private static Tender tender(int line, TenderType type) {
        return new Tender("j.csv", line, type, TEN, "T1", "12", "123456789012", "AB12", "0123");
    }

    private static Receipt receipt(List<Tender> tenders, String member) {
        return new Receipt("j.csv", 2, "S01-20261120-000123", "S01", "R1", "C1", LocalDateTime.of(2026, 11, 20, 10, 0),
                ReceiptKind.SALE, TEN, tenders, null, member, null, null);
    }

    @Test
    void aValueWhateverItsTendersAreHeldAs() {
        List<Tender> one = new ArrayList<>(List.of(tender(2, TenderType.CARD)));
        Receipt a = receipt(one, "M1");
        one.add(tender(3, TenderType.CASH));
        assertEquals(List.of(tender(2, TenderType.CARD)), a.tenders(), "the tenders are copied");
        assertEquals(a, receipt(List.of(tender(2, TenderType.CARD)), "M1"));
        assertEquals(a.hashCode(), receipt(List.of(tender(2, TenderType.CARD)), "M1").hashCode());
        assertNotEquals(a, receipt(List.of(tender(2, TenderType.CARD)), "M2"));
        Receipt two = receipt(one, "M1");
        assertEquals(one, two.tenders());
        assertNotEquals(a, two);
        assertEquals(List.of(), receipt(List.of(), null).tenders());
        assertThrows(UnsupportedOperationException.class, () -> a.tenders().add(tender(4, TenderType.CASH)));
        assertThrows(UnsupportedOperationException.class, () -> two.tenders().clear());
        assertEquals(List.of(tender(2, TenderType.CARD)), two.cardTenders());
    }

    @Test
    void printsItsNumbersAsText() {
        Receipt a = receipt(List.of(tender(2, TenderType.CARD)), "M1");
        assertEquals("S01-20261120-000123", a.receiptNo());
        assertEquals("M1", a.memberId());
        assertTrue(a.toString().startsWith("Receipt[file=j.csv, line=2, receiptNo=S01-20261120-000123, storeId=S01,"),
                a.toString());
        assertTrue(a.toString().contains(", tenders=[Tender[file=j.csv, line=2, type=CARD,"), a.toString());
        assertTrue(a.toString().endsWith("originalReceiptNo=null, memberId=M1, customerPhone=null, customerEmail=null]"),
                a.toString());
    }
}
