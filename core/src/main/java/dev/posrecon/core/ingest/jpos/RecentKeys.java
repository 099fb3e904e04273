package dev.posrecon.core.ingest.jpos;

/**
 * A map that keeps only the {@code capacity} keys put most recently, as a {@link java.util.LinkedHashMap} in
 * insertion order whose {@code removeEldestEntry} holds it at {@code capacity} would: putting a key already held
 * replaces its value and leaves its place in the order, and a new key past the capacity forgets the one put
 * longest ago. A million responses pass through it in a big log, so it keeps its keys and values in arrays (an open
 * addressing table, and a ring of keys in the order they came) rather than a node per entry. Both start small and
 * grow with what is held (a small log, or a run on a small heap, does not pay for the capacity).
 */
final class RecentKeys<K, V> {
    private static final int FIRST_SLOTS = 16;
    private final int capacity;
    /** the table's size once it holds {@code capacity} keys at most half full. */
    private final int maxSlots;
    /**
     * the table: a key, its value and its spread hash per slot, key null for free; linear probing, never more than
     * half full. The hashes are compared before a key is looked at, and moved keys are placed by them.
     */
    private Object[] keys;
    private Object[] values;
    private int[] hashes;
    private int mask;
    /**
     * the keys held, oldest at {@code head}, and their spread hashes; {@code size} of them. It grows until it holds
     * {@code capacity} (until then {@code head} is 0), then goes round.
     */
    private Object[] ring;
    private int[] ringHashes;
    private int head;
    private int size;

    RecentKeys(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        this.maxSlots = Integer.highestOneBit(capacity) << 2;
        int slots = Math.min(FIRST_SLOTS, maxSlots);
        this.keys = new Object[slots];
        this.values = new Object[slots];
        this.hashes = new int[slots];
        this.mask = slots - 1;
        int ringLength = Math.min(FIRST_SLOTS, capacity);
        this.ring = new Object[ringLength];
        this.ringHashes = new int[ringLength];
    }

    @SuppressWarnings("unchecked")
    V get(K key) {
        int i = find(key, spread(key.hashCode()));
        return keys[i] == null ? null : (V) values[i];
    }

    boolean containsKey(K key) {
        return keys[find(key, spread(key.hashCode()))] != null;
    }

    void put(K key, V value) {
        int h = spread(key.hashCode());
        int i = find(key, h);
        if (keys[i] != null) {
            values[i] = value;
            return;
        }
        if (size == capacity) {
            remove(slotOf(ring[head], ringHashes[head]));
            ring[head] = key;
            ringHashes[head] = h;
            head = head + 1 == capacity ? 0 : head + 1;
            i = find(key, h); // the removal may have moved the keys after it
        } else {
            if (size == ring.length) {
                int n = (int) Math.min(capacity, 2L * ring.length);
                ring = java.util.Arrays.copyOf(ring, n);
                ringHashes = java.util.Arrays.copyOf(ringHashes, n);
            }
            if (2 * (size + 1) > keys.length && keys.length < maxSlots) {
                grow();
                i = find(key, h);
            }
            ring[size] = key; // head is 0 until the ring is full
            ringHashes[size] = h;
            size++;
        }
        keys[i] = key;
        values[i] = value;
        hashes[i] = h;
    }

    /** Doubles the table, placing every key again by its hash. */
    private void grow() {
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        int[] oldHashes = hashes;
        int slots = oldKeys.length * 2;
        keys = new Object[slots];
        values = new Object[slots];
        hashes = new int[slots];
        mask = slots - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = oldHashes[j] & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
                hashes[i] = oldHashes[j];
            }
        }
    }

    int size() {
        return size;
    }

    /** The slot holding {@code key}, else the free slot where it would go. */
    private int find(Object key, int h) {
        int i = h & mask;
        while (keys[i] != null && (hashes[i] != h || !keys[i].equals(key))) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** The slot of a key held, found by its hash and its identity (no look at what the key holds). */
    private int slotOf(Object key, int h) {
        int i = h & mask;
        while (keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** Empties slot {@code i}, moving back the keys after it that probing would no longer reach. */
    private void remove(int i) {
        int free = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            Object k = keys[j];
            if (k == null) {
                break;
            }
            int home = hashes[j] & mask;
            // k may fill the free slot when its home is not in the stretch (free, j]
            if (((j - home) & mask) >= ((j - free) & mask)) {
                keys[free] = k;
                values[free] = values[j];
                hashes[free] = hashes[j];
                free = j;
            }
        }
        keys[free] = null;
        values[free] = null;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
