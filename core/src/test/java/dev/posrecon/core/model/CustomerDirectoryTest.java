package dev.posrecon.core.model;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class CustomerDirectoryTest {

    private static Customer customer(String file, long line, String id, String name, Integer birth) {
        return new Customer(new SourceRef(file, line), id, name, "+86 138 0013 8000", name == null ? null
                : name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.cn", ContactChannel.SMS, birth,
                true, LocalTime.of(21, 0), LocalTime.of(9, 0, 30, 5), "zh");
    }

    @Test
    void membersComeBackAsTheyWentIn() {
        List<Customer> in = List.of(customer("c.csv", 2, "M1", "Li Wei", 1950),
                customer("c.csv", 3, "m-2", "赵静", null),
                new Customer(new SourceRef("c.csv", 4), "M3", null, null, null, ContactChannel.NONE, null, false,
                        null, null, null));
        CustomerDirectory d = CustomerDirectory.of(in);
        assertEquals(3, d.size());
        assertEquals(in, new ArrayList<>(d));
        assertEquals(in.get(1), d.find("m-2"));
        assertEquals(Ids.pack("M3"), d.memberKey(2));
        assertNull(d.find("M4"));
        assertNull(d.find(null));
        assertEquals(-1, d.indexOf(Ids.NONE));
    }

    @Test
    void theFirstMemberOfANumberIsTheOneFound() {
        CustomerDirectory a = CustomerDirectory.of(List.of(customer("a.csv", 2, "M1", "First", 1960),
                customer("a.csv", 3, "M2", "Other", 1970)));
        CustomerDirectory b = CustomerDirectory.of(List.of(customer("b.csv", 2, "M1", "Second", 1980)));
        CustomerDirectory j = CustomerDirectory.join(List.of(a, CustomerDirectory.EMPTY, b));
        assertEquals(3, j.size());
        assertEquals("First", j.find("M1").name());
        assertEquals(0, j.indexOf(j.memberKey(2)), "the second M1 leads to the first");
        assertEquals(new SourceRef("b.csv", 2), j.get(2).ref());
        assertSame(a, CustomerDirectory.join(List.of(CustomerDirectory.EMPTY, a)));
    }

    @Test
    void theBuilderTellsWhereANumberWasFirstListed() {
        CustomerDirectory.Builder b = new CustomerDirectory.Builder();
        b.add("c.csv", 2, "M1", "A", null, null, ContactChannel.NONE, null, false, null, null, null);
        b.add("c.csv", 5, "M2", "B", null, null, ContactChannel.NONE, null, false, null, null, null);
        assertEquals(2, b.lineOf("M1"));
        assertEquals(5, b.lineOf("M2"));
        assertEquals(0, b.lineOf("M3"));
        CustomerDirectory d = b.build();
        b.add("c.csv", 6, "M3", "C", null, null, ContactChannel.NONE, null, false, null, null, null);
        assertEquals(2, d.size(), "a directory built is not changed by later additions");
        assertNull(d.find("M3"));
    }

    @Property(tries = 200)
    void anyDirectoryRoundTrips(@ForAll("members") @Size(max = 300) List<Customer> in) {
        CustomerDirectory d = CustomerDirectory.of(in);
        assertEquals(in, new ArrayList<>(d));
        for (int i = 0; i < in.size(); i++) {
            int first = d.indexOf(Ids.pack(in.get(i).memberId()));
            assertEquals(in.get(i).memberId(), in.get(first).memberId());
            for (int k = 0; k < first; k++) {
                assertNotSameId(in.get(k), in.get(i));
            }
        }
    }

    private static void assertNotSameId(Customer a, Customer b) {
        if (a.memberId().equals(b.memberId())) {
            throw new AssertionError("an earlier member has the number " + a.memberId());
        }
    }

    @Provide
    Arbitrary<List<Customer>> members() {
        Arbitrary<String> id = Arbitraries.of("M1", "M2", "m 3", "M10000002", "x").flatMap(p ->
                Arbitraries.strings().numeric().ofMaxLength(3).map(p::concat));
        Arbitrary<String> text = Arbitraries.strings().withChars("aZ 赵é,\"").ofMaxLength(12).injectNull(0.2);
        Arbitrary<Integer> birth = Arbitraries.integers().between(1880, 2100).injectNull(0.3);
        Arbitrary<LocalTime> time = Arbitraries.longs().between(0, 86_399_999_999_999L).map(LocalTime::ofNanoOfDay)
                .injectNull(0.3);
        Arbitrary<Customer> one = Combinators.combine(Arbitraries.integers().between(1, 1 << 30), id, text, text,
                Arbitraries.of(ContactChannel.class), birth, Arbitraries.of(true, false), time).as(
                (line, m, name, phone, channel, year, consent, from) -> new Customer(new SourceRef("c.csv", line), m,
                        name, phone, name, channel, year, consent, from, from, phone));
        return one.list();
    }
}
