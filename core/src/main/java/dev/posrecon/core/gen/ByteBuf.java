package dev.posrecon.core.gen;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that renders the generator's records without going through {@code String.format}: the
 * generator writes gigabytes, so numbers and constant strings are appended byte by byte.
 */
final class ByteBuf {
    private byte[] a = new byte[1024];
    private int n;

    ByteBuf reset() {
        n = 0;
        return this;
    }

    int length() {
        return n;
    }

    private void ensure(int more) {
        if (n + more > a.length) {
            a = Arrays.copyOf(a, Math.max(a.length * 2, n + more));
        }
    }

    ByteBuf put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, a, n, b.length);
        n += b.length;
        return this;
    }

    ByteBuf put(char c) {
        ensure(1);
        a[n++] = (byte) c;
        return this;
    }

    /** Appends ASCII text (the caller guarantees it is ASCII); null appends nothing. */
    ByteBuf ascii(String s) {
        if (s == null) {
            return this;
        }
        int len = s.length();
        ensure(len);
        for (int i = 0; i < len; i++) {
            a[n++] = (byte) s.charAt(i);
        }
        return this;
    }

    ByteBuf utf8(String s) {
        return s == null ? this : put(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends a non-negative number zero-padded to {@code width} digits (wider numbers are written in full). */
    ByteBuf pad(long v, int width) {
        if (v < 0) {
            throw new IllegalArgumentException("negative: " + v);
        }
        int digits = 1;
        for (long x = v / 10; x > 0; x /= 10) {
            digits++;
        }
        int w = Math.max(width, digits);
        ensure(w);
        int end = n + w;
        for (int i = end - 1; i >= n; i--) {
            a[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        n = end;
        return this;
    }

    ByteBuf num(long v) {
        if (v < 0) {
            put('-');
            return pad(-v, 1);
        }
        return pad(v, 1);
    }

    /** Minor units as a decimal in major units: {@code 11520, 2 -> 115.20}, {@code -5, 2 -> -0.05}. */
    ByteBuf money(long minor, int digits) {
        if (minor < 0) {
            put('-');
            minor = -minor;
        }
        if (digits <= 0) {
            return pad(minor, 1);
        }
        long scale = 1;
        for (int i = 0; i < digits; i++) {
            scale *= 10;
        }
        pad(minor / scale, 1);
        put('.');
        return pad(minor % scale, digits);
    }

    byte[] toArray() {
        return Arrays.copyOf(a, n);
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(a, 0, n);
    }

    @Override
    public String toString() {
        return new String(a, 0, n, StandardCharsets.UTF_8);
    }
}
