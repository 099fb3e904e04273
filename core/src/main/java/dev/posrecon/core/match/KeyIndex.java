package dev.posrecon.core.match;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Records (transactions, settlement lines) grouped by a 64-bit hash of a key: the hashes, scrambled, sorted with
 * their record indexes (two parallel arrays, twelve bytes a record, where a {@code HashMap<String, List<Txn>>} costs
 * a key string, a node and a list each — on a million-transaction day six such maps did not fit a 2 GB heap), and a
 * directory of where each run of leading bits starts (under a byte a record). A look-up reads the directory and
 * the few hashes after it (one or two cache lines), not the twenty places a binary search reads; it returns the
 * records with the same hash, in record order, that the caller's test says really have the key (hashes may
 * collide).
 *
 * <p>Scrambling is a bijection ({@link #mix}), so two keys share a scrambled hash exactly when they share a hash:
 * it only spreads hashes that differ in few bits (a terminal id's hash in the high half of {@link #pair}) evenly over
 * the directory. The sort is a stable radix sort, so records of one hash stay in record order.
 */
final class KeyIndex<T> {
    /** A transaction's key hash, or {@link #NONE} when it has no key. */
    interface Hasher<T> {
        long hash(T t);
    }

    static final long NONE = Long.MIN_VALUE;

    private final long[] hashes;
    private final int[] txns;
    /** {@code dir[b]}: the first entry whose scrambled hash has the leading bits b; {@code dir[2^bits]} = size. */
    private final int[] dir;
    private final int shift;
    private final List<T> all;

    KeyIndex(List<T> all, Hasher<T> hasher) {
        this.all = all;
        int n = 0;
        long[] h = new long[all.size()];
        int[] t = new int[all.size()];
        for (int i = 0; i < all.size(); i++) {
            long k = hasher.hash(all.get(i));
            if (k != NONE) {
                h[n] = mix(k);
                t[n] = i;
                n++;
            }
        }
        long[] hs = java.util.Arrays.copyOf(h, n);
        int[] ts = java.util.Arrays.copyOf(t, n);
        radixSort(hs, ts, h, t, n);
        this.hashes = hs;
        this.txns = ts;
        // about one directory entry per four to eight records: a look-up then reads one or two cache lines of hashes
        int bits = Math.max(1, 31 - Integer.numberOfLeadingZeros(Math.max(1, n)) - 2);
        this.shift = 64 - bits;
        int[] d = new int[(1 << bits) + 1];
        for (int i = 0; i < n; i++) {
            d[(int) (hs[i] >>> shift) + 1]++;
        }
        for (int b = 1; b < d.length; b++) {
            d[b] += d[b - 1];
        }
        this.dir = d;
    }

    /** Records whose key hashes to {@code hash} and that pass {@code same}, in list order (not to be modified). */
    List<T> find(long hash, Predicate<T> same) {
        long m = mix(hash);
        int i = first(m);
        if (i < 0) {
            return List.of();
        }
        // usually one record has the key: a one-element list then, a growable one only for a second
        T one = null;
        List<T> more = null;
        for (; i < hashes.length && hashes[i] == m; i++) {
            T x = all.get(txns[i]);
            if (same.test(x)) {
                if (one == null) {
                    one = x;
                } else {
                    if (more == null) {
                        more = new ArrayList<>(4);
                        more.add(one);
                    }
                    more.add(x);
                }
            }
        }
        return more != null ? more : one != null ? List.of(one) : List.of();
    }

    /** The first record, in list order, whose key hashes to {@code hash} and that passes {@code same}; or null. */
    T first(long hash, Predicate<T> same) {
        long m = mix(hash);
        int i = first(m);
        if (i >= 0) {
            for (; i < hashes.length && hashes[i] == m; i++) {
                T x = all.get(txns[i]);
                if (same.test(x)) {
                    return x;
                }
            }
        }
        return null;
    }

    /**
     * Where this very record ({@code ==}) is in the list, found among the records whose key hashes to {@code hash};
     * -1 when it is not one of them.
     */
    int position(long hash, T x) {
        long m = mix(hash);
        int i = first(m);
        if (i >= 0) {
            for (; i < hashes.length && hashes[i] == m; i++) {
                if (all.get(txns[i]) == x) {
                    return txns[i];
                }
            }
        }
        return -1;
    }

    /** The first entry of scrambled hash {@code m}, or -1. */
    private int first(long m) {
        int b = (int) (m >>> shift);
        for (int i = dir[b], end = dir[b + 1]; i < end; i++) {
            if (hashes[i] == m) {
                return i;
            }
        }
        return -1;
    }

    /** A bijection of 64-bit values that spreads near values apart (MurmurHash3's finaliser). */
    static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /**
     * Stable sort of {@code h[0, n)} as unsigned numbers, carrying {@code t} along: eight passes of a byte each,
     * least significant first, a pass skipped when every value has the same byte there. {@code sh}, {@code st} are
     * scratch of at least n.
     */
    static void radixSort(long[] h, int[] t, long[] sh, int[] st, int n) {
        int[][] counts = new int[8][257];
        for (int i = 0; i < n; i++) {
            long v = h[i];
            for (int p = 0; p < 8; p++) {
                counts[p][(int) (v >>> (p << 3)) & 0xFF]++;
            }
        }
        long[] fromH = h;
        int[] fromT = t;
        long[] toH = sh;
        int[] toT = st;
        for (int p = 0; p < 8; p++) {
            int[] c = counts[p];
            if (n == 0 || c[(int) (h[0] >>> (p << 3)) & 0xFF] == n) {
                continue;
            }
            int sum = 0;
            for (int d = 0; d < 256; d++) {
                int k = c[d];
                c[d] = sum;
                sum += k;
            }
            int s = p << 3;
            for (int i = 0; i < n; i++) {
                long v = fromH[i];
                int at = c[(int) (v >>> s) & 0xFF]++;
                toH[at] = v;
                toT[at] = fromT[i];
            }
            long[] xh = fromH;
            fromH = toH;
            toH = xh;
            int[] xt = fromT;
            fromT = toT;
            toT = xt;
        }
        if (fromH != h) {
            System.arraycopy(fromH, 0, h, 0, n);
            System.arraycopy(fromT, 0, t, 0, n);
        }
    }

    /** The hash of a pair of strings (null counts as empty, as the old string keys did). */
    static long pair(String a, String b) {
        return key(((long) nz(a).hashCode() << 32) | (nz(b).hashCode() & 0xFFFFFFFFL));
    }

    /** The hash of a string and an {@link dev.posrecon.core.model.Ids} code (null counts as empty). */
    static long pair(String a, long code) {
        return key(code * 0x9E3779B97F4A7C15L + nz(a).hashCode());
    }

    /**
     * A hash as a key: never {@link #NONE}, which says "no key" (a hash that comes out as it shares the next value;
     * hashes may collide anyway, and look-ups test what they find). {@link dev.posrecon.core.model.Ids} codes are
     * never {@link #NONE} and are their own keys.
     */
    static long key(long hash) {
        return hash == NONE ? NONE + 1 : hash;
    }

    static long single(String a) {
        return a.hashCode() & 0xFFFFFFFFL;
    }

    static long amountCard(long minor, String last4) {
        return key(minor * 0x9E3779B97F4A7C15L + last4.hashCode());
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
