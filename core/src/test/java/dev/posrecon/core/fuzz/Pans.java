package dev.posrecon.core.fuzz;

import java.util.Optional;

/**
 * Finds a full card number in text: a run of 13 to 19 ASCII digits (not part of a longer run) that passes the Luhn
 * check. What the readers give out (records, reject reasons and raw text, exception messages) must never hold one.
 */
public final class Pans {
    private Pans() {
    }

    /** The first Luhn-valid run of 13-19 digits in {@code text}, or empty. */
    public static Optional<String> findLuhnPan(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && isDigit(text.charAt(j))) {
                j++;
            }
            if (j - i >= 13 && j - i <= 19 && luhn(text, i, j)) {
                return Optional.of(text.substring(i, j));
            }
            i = j;
        }
        return Optional.empty();
    }

    static boolean luhn(String s, int from, int to) {
        int sum = 0;
        boolean dbl = false;
        for (int k = to - 1; k >= from; k--) {
            int d = s.charAt(k) - '0';
            if (dbl) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
