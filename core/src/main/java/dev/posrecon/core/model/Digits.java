package dev.posrecon.core.model;

/** Small decimal fields read without making strings. */
public final class Digits {
    private Digits() {
    }

    /** The value of {@code s[from, to)} when it is all ASCII digits (at most 9 of them), else -1. */
    public static int value(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
