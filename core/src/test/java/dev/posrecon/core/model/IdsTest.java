package dev.posrecon.core.model;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdsTest {

    @Test
    void nullIsNone() {
        assertEquals(Ids.NONE, Ids.pack(null));
        assertEquals(Ids.NONE, Ids.packCard(null));
        assertNull(Ids.text(Ids.NONE));
        assertNull(Ids.cardText(Ids.NONE));
        assertNull(Ids.cardLast4(Ids.NONE));
    }

    @Test
    void usualValuesArePackedNotOdd() {
        assertTrue(Ids.pack("123456789012") > 0);
        assertTrue(Ids.pack("A1B2C3") > 0);
        assertTrue(Ids.pack("000000000000") > 0);
        assertTrue(Ids.packCard("622848******1234") > 0);
        assertTrue(Ids.packCard("411111*1111") > 0);
        assertTrue(Ids.packCard("622848*********1234") > 0);
    }

    @Test
    void rareValuesKeepTheirText() {
        for (String s : new String[] {"", "abc", "12 34 ", "RRN-", "日本", "1234567890123x"}) {
            long c = Ids.pack(s);
            assertTrue(c < 0, s);
            assertEquals(s, Ids.text(c));
            assertEquals(c, Ids.pack(new String(s)), "the same text, the same code: " + s);
        }
        // ending in digits: a prefix and a number, neither odd nor plain
        for (String s : new String[] {"abc123", "12 34", "1234567890123", "RRN-1", "S01-20261120-000123", "日本0",
                "+44 7700 900972", "X00000000000000000001", "POS1-20261120-153045-0001", "1-2", "-1-2", "1--2",
                "A123456-123456", "A1234567-123456", "12-3456789012345"}) {
            long c = Ids.pack(s);
            assertTrue(c > 0 && !Ids.isPlain(c), s);
            assertEquals(s, Ids.text(c));
            assertEquals(c, Ids.pack(new String(s)), "the same text, the same code: " + s);
        }
        assertTrue(Ids.isPlain(Ids.pack("M10000002")));
        for (String s : new String[] {"****1234", "1234", "62284812341234", "", "x"}) {
            long c = Ids.packCard(s);
            assertTrue(c < 0, s);
            assertEquals(s, Ids.cardText(c));
            assertEquals(Cards.last4(s), Ids.cardLast4(c));
        }
    }

    /**
     * A receipt number that holds a time before its last digits takes one prefix per register and day, not one per
     * receipt: a day of them does not use up the prefixes (after which every value would be kept as text).
     */
    @Test
    void twoGroupsOfDigitsShareTheirPrefix() {
        long first = Ids.pack("POS7-20261120-000000-0000");
        for (int second = 0; second < 86_400; second += 7) {
            for (int k = 0; k < 3; k++) {
                String s = String.format("POS7-20261120-%02d%02d%02d-%04d", second / 3600, second / 60 % 60,
                        second % 60, k);
                long c = Ids.pack(s);
                assertTrue(c > 0 && !Ids.isPlain(c), s);
                assertEquals(s, Ids.text(c));
                // one prefix and one width: the codes are in the texts' order as numbers
                assertTrue(c >= first, s);
                assertEquals(Integer.signum(s.compareTo("POS7-20261120-120000-0001")),
                        Integer.signum(Ids.compare(c, Ids.pack("POS7-20261120-120000-0001"), false)), s);
            }
        }
        assertTrue((Ids.pack("POS7-20261120-235959-9999") - first) < 1L << 40,
                "the same prefix number all day");
    }

    @Test
    void leadingZeroIsSeen() {
        assertTrue(Ids.startsWithZero(Ids.pack("012345")));
        assertTrue(Ids.startsWithZero(Ids.pack("0")));
        assertFalse(Ids.startsWithZero(Ids.pack("102345")));
        assertFalse(Ids.startsWithZero(Ids.pack("A0")));
    }

    @Test
    void recordsPrintTheTextsNotTheCodes() {
        TerminalRecord t = dev.posrecon.core.Fixtures.txn(TxnKind.SALE, "T1", "000012", "1.00", "622202******0123",
                "10:00:00", "00", "123456789012", "ab12");
        assertTrue(t.toString().contains("rrn=123456789012, authCode=ab12,"), t.toString());
        assertTrue(t.toString().contains("card=622202******0123,"), t.toString());
        SettlementRecord s = dev.posrecon.core.Fixtures.settled(t);
        assertTrue(s.toString().contains("card=622202******0123, authCode=ab12, rrn=123456789012,"), s.toString());
        Tender d = new Tender("journal.csv", 2, TenderType.CARD, t.amount(), "T1", "12", "123456789012", "AB12",
                "0123");
        assertTrue(d.toString().contains("rrn=123456789012, authCode=AB12, cardLast4=0123]"), d.toString());
    }

    @Property(tries = 3000)
    void idsRoundTripAndOrderAsTheirTexts(@ForAll("ids") String a, @ForAll("ids") String b) {
        long ca = Ids.pack(a);
        long cb = Ids.pack(b);
        assertEquals(a, Ids.text(ca));
        assertEquals(b, Ids.text(cb));
        assertEquals(a.equals(b), ca == cb);
        assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(Ids.compare(ca, cb, false)));
        assertEquals(-1, Integer.signum(Ids.compare(Ids.NONE, ca, false)));
    }

    @Property(tries = 3000)
    void cardsRoundTripAndOrderAsTheirTexts(@ForAll("cards") String a, @ForAll("cards") String b) {
        long ca = Ids.packCard(a);
        long cb = Ids.packCard(b);
        assertEquals(a, Ids.cardText(ca));
        assertEquals(b, Ids.cardText(cb));
        assertEquals(Cards.last4(a), Ids.cardLast4(ca));
        assertEquals(a.equals(b), ca == cb);
        assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(Ids.compare(ca, cb, true)));
    }

    /**
     * Mostly plain values (digits, upper case, up to 12), texts ending in digits after a few prefixes (receipt
     * numbers), and some that are neither; many share prefixes.
     */
    @Provide
    Arbitrary<String> ids() {
        Arbitrary<String> packable = Arbitraries.strings().withChars("0123456789AZ").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> digits = Arbitraries.strings().withChars("019").ofMinLength(1).ofMaxLength(13);
        Arbitrary<String> odd = Arbitraries.strings().withChars("0aZ -*").ofMinLength(0).ofMaxLength(14);
        Arbitrary<String> numbered = net.jqwik.api.Combinators.combine(
                Arbitraries.of("S01-20261120-", "S01-20261121-", "s", "0-", "A", "+44 7700 ", "R1"),
                Arbitraries.strings().withChars("0159").ofMinLength(1).ofMaxLength(14)).as(String::concat);
        // two groups of digits with one character between them, of every width, after a few prefixes
        Arbitrary<String> grouped = net.jqwik.api.Combinators.combine(
                Arbitraries.of("POS1-20261120-", "POS1-", "", "A", "9", "x-"),
                Arbitraries.strings().withChars("059").ofMinLength(1).ofMaxLength(9),
                Arbitraries.of("-", " ", "/", "-"),
                Arbitraries.strings().withChars("059").ofMinLength(1).ofMaxLength(9))
                .as((p, a, c, b) -> p + a + c + b);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, packable), net.jqwik.api.Tuple.of(3, digits),
                net.jqwik.api.Tuple.of(2, odd), net.jqwik.api.Tuple.of(4, numbered),
                net.jqwik.api.Tuple.of(4, grouped));
    }

    /** Masked cards of every length, last-4 forms and bare digits. */
    @Provide
    Arbitrary<String> cards() {
        Arbitrary<String> d6 = Arbitraries.strings().withChars("0159").ofLength(6);
        Arbitrary<String> d4 = Arbitraries.strings().withChars("0159").ofLength(4);
        Arbitrary<Integer> stars = Arbitraries.integers().between(1, 9);
        Arbitrary<String> masked = net.jqwik.api.Combinators.combine(d6, stars, d4)
                .as((f, k, l) -> f + "*".repeat(k) + l);
        Arbitrary<String> odd = Arbitraries.strings().withChars("019*").ofMinLength(0).ofMaxLength(19);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, masked), net.jqwik.api.Tuple.of(1, odd));
    }
}
