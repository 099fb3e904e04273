package dev.posrecon.core.ingest.jpos;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recent-keys map answers every look-up as a LinkedHashMap in insertion order, held at its capacity by
 * {@code removeEldestEntry}, does: after any mix of puts (new keys, keys held, keys forgotten and put again), while
 * its table and ring grow and once they are full, and with keys whose hashes collide, so that probing and removal
 * meet long runs of taken slots.
 */
class RecentKeysTest {

    /** A key with a chosen hash: equal by id, colliding by hash. */
    record K(int id, int hash) {
        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof K k && k.id == id;
        }
    }

    @Property(tries = 400)
    void answersAsAnEvictingLinkedHashMap(@ForAll @IntRange(min = 1, max = 40) int capacity,
                                          @ForAll @IntRange(min = 0, max = 2) int hashes,
                                          @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 90) Integer> ops) {
        Map<K, Integer> expected = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Integer> eldest) {
                return size() > capacity;
            }
        };
        RecentKeys<K, Integer> recent = new RecentKeys<>(capacity);
        int step = 0;
        for (int op : ops) {
            K key = key(op % 60, hashes);
            if (op < 60) {
                expected.put(key, step);
                recent.put(key, step);
            }
            step++;
            assertThat(recent.size()).isEqualTo(expected.size());
            for (int id = 0; id < 60; id++) {
                K probe = key(id, hashes);
                assertThat(recent.get(probe)).as("step %d key %d", step, id).isEqualTo(expected.get(probe));
                assertThat(recent.containsKey(probe)).isEqualTo(expected.containsKey(probe));
            }
        }
    }

    private static K key(int id, int hashes) {
        return new K(id, switch (hashes) {
            case 0 -> id;                  // distinct
            case 1 -> id % 3;              // three hashes: long probe runs
            default -> id * 0x10000;       // differ only above the table's bits (after spreading: apart)
        });
    }
}
