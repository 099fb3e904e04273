package dev.posrecon.core.match;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index finds what a scan of the whole list finds: every record of a hash that passes the test, in list order,
 * whatever the hashes look like (few distinct ones, ones that differ in a single bit, negative ones, ones that
 * share their leading bits), and nothing for a hash it does not hold or a record without a key.
 */
class KeyIndexTest {

    /** A record: its key hash (or {@link KeyIndex#NONE}) and a value the look-up's test checks. */
    record Item(long hash, int value) {
    }

    @Property(tries = 300)
    void findAndFirstAgreeWithAScanOfTheList(@ForAll @Size(max = 400) List<@LongRange(min = 0, max = 40) Long> picks,
                                             @ForAll @IntRange(min = 0, max = 3) int shape,
                                             @ForAll @IntRange(min = 0, max = 2) int wanted) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < picks.size(); i++) {
            long p = picks.get(i);
            long hash = p == 0 ? KeyIndex.NONE : switch (shape) {
                case 0 -> p;                               // small numbers
                case 1 -> Long.MIN_VALUE + p;              // negative, near the "no key" marker
                case 2 -> (p << 32) | 0x1234;              // a pair hash: only the high half differs
                default -> 1L << (p % 64);                 // single bits
            };
            items.add(new Item(hash, i % 3));
        }
        KeyIndex<Item> index = new KeyIndex<>(items, Item::hash);
        List<Long> asked = new ArrayList<>(picks);
        asked.add(-1L);
        asked.add(Long.MAX_VALUE);
        for (Item probe : items) {
            asked.add(probe.hash() ^ 1);
        }
        for (long p : asked) {
            check(index, items, p, x -> x.value() == wanted);
            check(index, items, p, x -> true);
        }
        for (Item x : items) {
            check(index, items, x.hash(), y -> y.value() == wanted);
        }
        for (int i = 0; i < items.size(); i++) {
            Item x = items.get(i);
            // the very record's place; an equal record that is not in the list has none
            assertThat(index.position(x.hash(), x)).as("position of #%d", i)
                    .isEqualTo(x.hash() == KeyIndex.NONE ? -1 : i);
            assertThat(index.position(x.hash(), new Item(x.hash(), x.value()))).isEqualTo(-1);
        }
    }

    @Test
    void aBigListWithManyRecordsPerHashKeepsListOrder() {
        Random rnd = new Random(11);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            items.add(new Item(rnd.nextInt(5_000) * 0x9E3779B97F4A7C15L, rnd.nextInt(4)));
        }
        KeyIndex<Item> index = new KeyIndex<>(items, Item::hash);
        for (int k = 0; k < 5_000; k += 7) {
            long hash = k * 0x9E3779B97F4A7C15L;
            check(index, items, hash, x -> x.value() != 0);
        }
    }

    @Property(tries = 200)
    void theRadixSortSortsAsUnsignedNumbersAndIsStable(@ForAll @Size(max = 300) List<Long> values) {
        int n = values.size();
        long[] h = new long[n];
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            // few distinct values, so equal values are common and stability shows
            h[i] = values.get(i) & 0xF00000000000000FL;
            t[i] = i;
        }
        long[] expected = h.clone();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compareUnsigned(expected[a], expected[b]));
        KeyIndex.radixSort(h, t, new long[n], new int[n], n);
        for (int i = 0; i < n; i++) {
            assertThat(t[i]).as("position %d", i).isEqualTo(order[i]);
            assertThat(h[i]).isEqualTo(expected[order[i]]);
        }
    }

    @Test
    void aKeyWhoseHashComesOutAsTheNoKeyMarkerIsStillFound() {
        // "polygenelubricants".hashCode() is Integer.MIN_VALUE: with an empty second half the pair is Long.MIN_VALUE
        String tid = "polygenelubricants";
        long inverse = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < 6; i++) {
            inverse *= 2 - 0x9E3779B97F4A7C15L * inverse; // Newton's step: the multiplier's inverse modulo 2^64
        }
        long code = (Long.MIN_VALUE - tid.hashCode()) * inverse;
        assertThat(code * 0x9E3779B97F4A7C15L + tid.hashCode()).isEqualTo(Long.MIN_VALUE);
        long[] hashes = {KeyIndex.pair(tid, (String) null), KeyIndex.pair(tid, code),
            KeyIndex.amountCard(code, tid)};
        for (long h : hashes) {
            List<Item> items = List.of(new Item(1, 0), new Item(h, 1), new Item(KeyIndex.NONE, 2));
            KeyIndex<Item> index = new KeyIndex<>(items, Item::hash);
            assertThat(index.find(h, x -> x.value() == 1)).as("%x", h).containsExactly(items.get(1));
            assertThat(index.position(h, items.get(1))).isEqualTo(1);
        }
    }

    @Test
    void mixIsABijectionOnTheValuesTried() {
        Random rnd = new Random(3);
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            long v = i < 50_000 ? i : rnd.nextLong();
            seen.add(KeyIndex.mix(v));
        }
        assertThat(seen).hasSize(100_000);
    }

    private static void check(KeyIndex<Item> index, List<Item> items, long hash, Predicate<Item> same) {
        List<Item> expected = new ArrayList<>();
        if (hash != KeyIndex.NONE) {
            for (Item x : items) {
                if (x.hash() == hash && same.test(x)) {
                    expected.add(x);
                }
            }
        }
        List<Item> found = index.find(hash, same);
        assertThat(found).as("find %x", hash).hasSize(expected.size());
        for (int i = 0; i < found.size(); i++) {
            assertThat(found.get(i)).as("find %x #%d", hash, i).isSameAs(expected.get(i));
        }
        assertThat(index.first(hash, same)).as("first %x", hash)
                .isSameAs(expected.isEmpty() ? null : expected.get(0));
    }
}
