package dev.posrecon.core.match;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Records (transactions, settlement lines) grouped by a 64-bit hash of a key, as two parallel sorted arrays (hash, transaction index): twelve
 * bytes a transaction, where a {@code HashMap<String, List<Txn>>} costs a key string, a node and a list each — on
 * a million-transaction day six such maps did not fit a 2 GB heap. A look-up returns the transactions with the
 * same hash, in transaction order, that the caller's test says really have the key (hashes may collide).
 */
final class KeyIndex<T> {
    /** A transaction's key hash, or {@link #NONE} when it has no key. */
    interface Hasher<T> {
        long hash(T t);
    }

    static final long NONE = Long.MIN_VALUE;

    private final long[] hashes;
    private final int[] txns;
    private final List<T> all;

    KeyIndex(List<T> all, Hasher<T> hasher) {
        this.all = all;
        int n = 0;
        long[] h = new long[all.size()];
        int[] t = new int[all.size()];
        for (int i = 0; i < all.size(); i++) {
            long k = hasher.hash(all.get(i));
            if (k != NONE) {
                h[n] = k;
                t[n] = i;
                n++;
            }
        }
        long[] hs = java.util.Arrays.copyOf(h, n);
        int[] ts = java.util.Arrays.copyOf(t, n);
        mergeSort(hs, ts, h, t, 0, n);
        this.hashes = hs;
        this.txns = ts;
    }

    /** Records whose key hashes to {@code hash} and that pass {@code same}, in list order (not to be modified). */
    List<T> find(long hash, Predicate<T> same) {
        int i = first(hash);
        if (i < 0) {
            return List.of();
        }
        // usually one record has the key: a one-element list then, a growable one only for a second
        T one = null;
        List<T> more = null;
        for (; i < hashes.length && hashes[i] == hash; i++) {
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
        int i = first(hash);
        if (i >= 0) {
            for (; i < hashes.length && hashes[i] == hash; i++) {
                T x = all.get(txns[i]);
                if (same.test(x)) {
                    return x;
                }
            }
        }
        return null;
    }

    private int first(long hash) {
        int lo = 0;
        int hi = hashes.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = hashes[mid];
            if (v < hash) {
                lo = mid + 1;
            } else {
                if (v == hash) {
                    found = mid;
                }
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Stable merge sort of {@code h[from, to)} carrying {@code t} along; {@code sh}, {@code st} are scratch. */
    private static void mergeSort(long[] h, int[] t, long[] sh, int[] st, int from, int to) {
        if (to - from < 32) {
            for (int i = from + 1; i < to; i++) {
                long kh = h[i];
                int kt = t[i];
                int j = i - 1;
                while (j >= from && h[j] > kh) {
                    h[j + 1] = h[j];
                    t[j + 1] = t[j];
                    j--;
                }
                h[j + 1] = kh;
                t[j + 1] = kt;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(h, t, sh, st, from, mid);
        mergeSort(h, t, sh, st, mid, to);
        if (h[mid - 1] <= h[mid]) {
            return;
        }
        System.arraycopy(h, from, sh, from, to - from);
        System.arraycopy(t, from, st, from, to - from);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            if (sh[j] < sh[i]) {
                h[k] = sh[j];
                t[k++] = st[j++];
            } else {
                h[k] = sh[i];
                t[k++] = st[i++];
            }
        }
        while (i < mid) {
            h[k] = sh[i];
            t[k++] = st[i++];
        }
        while (j < to) {
            h[k] = sh[j];
            t[k++] = st[j++];
        }
    }

    /** The hash of a pair of strings (null counts as empty, as the old string keys did). */
    static long pair(String a, String b) {
        return ((long) nz(a).hashCode() << 32) | (nz(b).hashCode() & 0xFFFFFFFFL);
    }

    /** The hash of a string and an {@link dev.posrecon.core.model.Ids} code (null counts as empty). */
    static long pair(String a, long code) {
        return code * 0x9E3779B97F4A7C15L + nz(a).hashCode();
    }

    static long single(String a) {
        return a.hashCode() & 0xFFFFFFFFL;
    }

    static long amountCard(long minor, String last4) {
        return minor * 0x9E3779B97F4A7C15L + last4.hashCode();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
