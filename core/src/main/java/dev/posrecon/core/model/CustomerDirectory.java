package dev.posrecon.core.model;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The customer directory of a run, held compactly: a member's number as an {@link Ids} code, and the rest of its row
 * as bytes, made into a {@link Customer} only when asked for ({@link #get}, {@link #find}). A run asks for the few
 * members its cases name; a directory of 200,000 members was ~1.2M objects (~75 MB) kept until the run ended, and
 * is ~20 MB this way.
 *
 * <p>An immutable list of the members in the order they were added (file order, then the order files were given).
 * {@link #find} gives the first member with a number, as a map filled with {@code putIfAbsent} would.
 */
public final class CustomerDirectory extends AbstractList<Customer> implements RandomAccess {
    /** A directory of no member. */
    public static final CustomerDirectory EMPTY = new Builder().build();

    private final String[] files;
    private final int size;
    private final long[] memberKeys;
    private final int[] fileNos;
    private final int[] lines;
    /** where member {@code i}'s row starts in {@link #rows}; {@code size + 1} entries. */
    private final int[] rowFrom;
    private final byte[] rows;
    /** open addressing on the member code: position + 1, 0 for empty; the first member of a number only. */
    private final int[] slots;

    private CustomerDirectory(Builder b) {
        this.files = b.files.toArray(String[]::new);
        this.size = b.size;
        this.memberKeys = Arrays.copyOf(b.memberKeys, size);
        this.fileNos = Arrays.copyOf(b.fileNos, size);
        this.lines = Arrays.copyOf(b.lines, size);
        this.rowFrom = Arrays.copyOf(b.rowFrom, size + 1);
        this.rows = Arrays.copyOf(b.rows, b.rowFrom[size]);
        this.slots = b.slots.clone();
    }

    /** A directory of {@code customers}, in their order. */
    public static CustomerDirectory of(List<Customer> customers) {
        if (customers instanceof CustomerDirectory d) {
            return d;
        }
        Builder b = new Builder();
        for (Customer c : customers) {
            b.add(c.ref().file(), SourceRef.intLine(c.ref()), c.memberId(), c.name(), c.phone(), c.email(),
                    c.preferredChannel(), c.birthYear(), c.consent(), c.quietFrom(), c.quietTo(), c.language());
        }
        return b.build();
    }

    /** The members of {@code parts}, one after the other. */
    public static CustomerDirectory join(List<CustomerDirectory> parts) {
        parts = parts.stream().filter(d -> d.size > 0).toList();
        if (parts.isEmpty()) {
            return EMPTY;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Builder b = new Builder();
        for (CustomerDirectory d : parts) {
            for (int i = 0; i < d.size; i++) {
                b.addRow(d.files[d.fileNos[i]], d.lines[i], d.memberKeys[i], d.rows, d.rowFrom[i], d.rowFrom[i + 1]);
            }
        }
        return b.build();
    }

    @Override
    public int size() {
        return size;
    }

    /** Member {@code i}'s number as {@link Ids#pack} codes it. */
    public long memberKey(int i) {
        java.util.Objects.checkIndex(i, size);
        return memberKeys[i];
    }

    @Override
    public Customer get(int i) {
        java.util.Objects.checkIndex(i, size);
        Row r = new Row(rows, rowFrom[i]);
        ContactChannel channel = ContactChannel.values()[r.next()];
        boolean consent = r.next() == 1;
        long birth = r.number();
        LocalTime quietFrom = r.time();
        LocalTime quietTo = r.time();
        return new Customer(new SourceRef(files[fileNos[i]], lines[i]), Ids.text(memberKeys[i]), r.text(), r.text(),
                r.text(), channel, birth == 0 ? null : (int) (birth - 1), consent, quietFrom, quietTo, r.text());
    }

    /** The position of the first member whose number has code {@code memberKey}, -1 for none. */
    public int indexOf(long memberKey) {
        if (memberKey == Ids.NONE || size == 0) {
            return -1;
        }
        int mask = slots.length - 1;
        for (int s = Builder.slot(memberKey, mask); ; s = (s + 1) & mask) {
            int p = slots[s];
            if (p == 0) {
                return -1;
            }
            if (memberKeys[p - 1] == memberKey) {
                return p - 1;
            }
        }
    }

    /** The first member numbered {@code memberId}, null for none (or for a null number). */
    public Customer find(String memberId) {
        int i = memberId == null ? -1 : indexOf(Ids.pack(memberId));
        return i < 0 ? null : get(i);
    }

    /** Reads back a member's row: bytes, numbers as unsigned varints, texts as length + 1 (0 for null) and UTF-8. */
    private static final class Row {
        private final byte[] b;
        private int at;

        Row(byte[] b, int at) {
            this.b = b;
            this.at = at;
        }

        int next() {
            return b[at++] & 0xFF;
        }

        long number() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                int x = next();
                v |= (long) (x & 0x7F) << shift;
                if (x < 0x80) {
                    return v;
                }
            }
        }

        LocalTime time() {
            long v = number();
            return v == 0 ? null : LocalTime.ofNanoOfDay(v - 1);
        }

        String text() {
            int n = (int) number();
            if (n == 0) {
                return null;
            }
            String s = new String(b, at, n - 1, StandardCharsets.UTF_8);
            at += n - 1;
            return s;
        }
    }

    /** Fills a directory one member at a time (not thread-safe). */
    public static final class Builder {
        private final List<String> files = new java.util.ArrayList<>();
        private int size;
        private long[] memberKeys = new long[16];
        private int[] fileNos = new int[16];
        private int[] lines = new int[16];
        private int[] rowFrom = new int[17];
        private byte[] rows = new byte[256];
        private int[] slots = new int[32];

        /** Adds a member (the reader has checked its fields; {@code memberId} is not null). */
        public void add(String file, int line, String memberId, String name, String phone, String email,
                ContactChannel channel, Integer birthYear, boolean consent, LocalTime quietFrom, LocalTime quietTo,
                String language) {
            int from = rowFrom[size];
            at = from;
            put(channel.ordinal());
            put(consent ? 1 : 0);
            number(birthYear == null ? 0 : Integer.toUnsignedLong(birthYear) + 1);
            number(quietFrom == null ? 0 : quietFrom.toNanoOfDay() + 1);
            number(quietTo == null ? 0 : quietTo.toNanoOfDay() + 1);
            text(name);
            text(phone);
            text(email);
            text(language);
            append(file, line, Ids.pack(memberId), at);
        }

        /** The line of the first member added with this number, 0 for none. */
        public int lineOf(String memberId) {
            long key = Ids.pack(memberId);
            int mask = slots.length - 1;
            for (int s = slot(key, mask); ; s = (s + 1) & mask) {
                int p = slots[s];
                if (p == 0) {
                    return 0;
                }
                if (memberKeys[p - 1] == key) {
                    return lines[p - 1];
                }
            }
        }

        public CustomerDirectory build() {
            return new CustomerDirectory(this);
        }

        private int at;

        private void addRow(String file, int line, long memberKey, byte[] src, int from, int to) {
            at = rowFrom[size];
            room(to - from);
            System.arraycopy(src, from, rows, at, to - from);
            append(file, line, memberKey, at + to - from);
        }

        private void append(String file, int line, long memberKey, int end) {
            if (size == memberKeys.length) {
                int n = size * 2;
                memberKeys = Arrays.copyOf(memberKeys, n);
                fileNos = Arrays.copyOf(fileNos, n);
                lines = Arrays.copyOf(lines, n);
                rowFrom = Arrays.copyOf(rowFrom, n + 1);
            }
            int f = files.isEmpty() || !files.get(files.size() - 1).equals(file) ? files.indexOf(file) : files.size() - 1;
            if (f < 0) {
                f = files.size();
                files.add(file);
            }
            memberKeys[size] = memberKey;
            fileNos[size] = f;
            lines[size] = line;
            size++;
            rowFrom[size] = end;
            if (2 * size > slots.length) {
                slots = rehashed(size);
            } else {
                insert(slots, size - 1);
            }
        }

        private int[] rehashed(int n) {
            int[] t = new int[Integer.highestOneBit(Math.max(4 * n - 1, 16))];
            for (int i = 0; i < n; i++) {
                insert(t, i);
            }
            return t;
        }

        private void insert(int[] t, int i) {
            long key = memberKeys[i];
            if (key == Ids.NONE) {
                return;
            }
            int mask = t.length - 1;
            for (int s = slot(key, mask); ; s = (s + 1) & mask) {
                int p = t[s];
                if (p == 0) {
                    t[s] = i + 1;
                    return;
                }
                if (memberKeys[p - 1] == key) {
                    return; // the first member of a number is the one found
                }
            }
        }

        static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        private void room(int n) {
            if (at + n > rows.length) {
                rows = Arrays.copyOf(rows, Math.max(rows.length * 2, at + n));
            }
        }

        private void put(int v) {
            room(1);
            rows[at++] = (byte) v;
        }

        private void number(long v) {
            while (v >= 0x80) {
                put((int) (v & 0x7F) | 0x80);
                v >>>= 7;
            }
            put((int) v);
        }

        private void text(String s) {
            if (s == null) {
                number(0);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            number(b.length + 1L);
            room(b.length);
            System.arraycopy(b, 0, rows, at, b.length);
            at += b.length;
        }
    }
}
