package dev.posrecon.core.gen;

import java.util.SplittableRandom;

/** Test card numbers on real issuer BINs with a valid Luhn check digit. */
final class Pans {
    /** ICBC and CCB UnionPay debit (19 digits), CCB Visa, a Mastercard and a Visa BIN (16 digits). */
    static final String[] BINS = {"622202", "621700", "436742", "524353", "404119"};

    private Pans() {
    }

    static String random(SplittableRandom rnd) {
        String bin = BINS[rnd.nextInt(BINS.length)];
        int len = bin.startsWith("62") ? 19 : 16;
        char[] c = new char[len];
        for (int i = 0; i < bin.length(); i++) {
            c[i] = bin.charAt(i);
        }
        for (int i = bin.length(); i < len - 1; i++) {
            c[i] = (char) ('0' + rnd.nextInt(10));
        }
        c[len - 1] = (char) ('0' + checkDigit(c, len - 1));
        return new String(c);
    }

    /** The Luhn check digit for the first {@code len} digits. */
    static int checkDigit(char[] digits, int len) {
        int sum = 0;
        boolean dbl = true;
        for (int i = len - 1; i >= 0; i--) {
            int d = digits[i] - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }

    /** True when the whole number passes the Luhn check. */
    static boolean luhnValid(String pan) {
        char[] c = pan.toCharArray();
        return c.length > 1 && checkDigit(c, c.length - 1) == c[c.length - 1] - '0';
    }
}
