package dev.posrecon.core.model;

import java.util.Arrays;

/**
 * Card number masking. A full PAN exists only inside a reader; it calls {@link #mask} the moment it reads one.
 */
public final class Cards {
    private Cards() {
    }

    /**
     * Masks a PAN to first 6 / last 4 ({@code 622202******1234}). Accepts track 2 data ({@code PAN=YYMM...}) and
     * track 1 ({@code %B PAN^NAME^...}), already-masked values (kept, with any unmasked middle masked) and short
     * forms such as {@code ****1234} or {@code 1234} (kept).
     *
     * @return the masked card, or null for null/blank input
     */
    public static String mask(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (t.length() >= 11 && t.length() <= 19 && allDigits(t)) {
            // the usual case, a bare PAN (ASCII digits, so its Latin-1 bytes are its characters)
            return maskDigits(t.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, t.length());
        }
        if (isMasked(t)) {
            // already masked by the acquirer (a settlement file's usual form): what the steps below would make
            return t;
        }
        // track 1: %B4111111111111111^NAME^...
        if (t.startsWith("%B") || t.startsWith("B")) {
            int caret = t.indexOf('^');
            if (caret > 0) {
                t = t.substring(t.startsWith("%B") ? 2 : 1, caret);
            }
        }
        // track 2: PAN=YYMMSSS... or PAN D YYMM (binary separator written as D)
        int eq = t.indexOf('=');
        if (eq > 0) {
            t = t.substring(0, eq);
        } else if (t.length() > 19 && t.indexOf('D') > 11) {
            t = t.substring(0, t.indexOf('D'));
        }
        if (t.startsWith(";")) {
            t = t.substring(1);
        }
        StringBuilder digits = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ' || c == '-') {
                continue;
            }
            digits.append(c);
        }
        String s = digits.toString();
        if (s.length() <= 4) {
            return s;
        }
        if (s.length() < 11) {
            // too short to be a PAN: show only the last four
            return "*".repeat(s.length() - 4) + s.substring(s.length() - 4);
        }
        return s.substring(0, 6) + "*".repeat(s.length() - 10) + s.substring(s.length() - 4);
    }

    /** First six digits, then only '*', then the last four digits; 11 to 19 characters, as {@link #mask} writes. */
    static boolean isMasked(String s) {
        int n = s.length();
        if (n < 11 || n > 19) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok = i < 6 || i >= n - 4 ? c >= '0' && c <= '9' : c == '*';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * One string per four-digit ending: matching asks every record for its card's ending, often several times, and a
     * new substring each time (with its hash computed anew) was a tenth of a million-record day's matching.
     */
    private static final String[] ENDINGS = new String[10_000];

    static {
        for (int i = 0; i < ENDINGS.length; i++) {
            ENDINGS[i] = String.format(java.util.Locale.ROOT, "%04d", i);
        }
    }

    /** The shared string of a four-digit ending, {@code 0} to {@code 9999}. */
    static String ending(int v) {
        return ENDINGS[v];
    }

    /**
     * {@link #mask} of the text in {@code b[from, to)} when it is a bare PAN (11 to 19 ASCII digits), made from the
     * bytes: the full number never becomes a string. Null for anything else, which the caller masks as text.
     */
    public static String maskDigits(byte[] b, int from, int to) {
        int n = to - from;
        if (n < 11 || n > 19) {
            return null;
        }
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return null;
            }
        }
        byte[] m = new byte[n];
        System.arraycopy(b, from, m, 0, 6);
        Arrays.fill(m, 6, n - 4, (byte) '*');
        System.arraycopy(b, to - 4, m, n - 4, 4);
        return new String(m, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * {@code last4(mask(raw))}: the ending of a card as a reader finds it; a bare four-digit ending (a journal's
     * usual card column) is looked up at once, not masked first.
     */
    public static String maskedLast4(String raw) {
        if (raw != null && raw.length() == 4) {
            int v = Digits.value(raw, 0, 4);
            if (v >= 0) {
                return ENDINGS[v];
            }
        }
        return last4(mask(raw));
    }

    /** The last four characters of a (masked) card, or null. */
    public static String last4(String card) {
        if (card == null || card.length() < 4) {
            return card == null || card.isEmpty() ? null : card;
        }
        int n = card.length();
        int v = Digits.value(card, n - 4, n);
        return v < 0 ? card.substring(n - 4) : ENDINGS[v];
    }

    /**
     * Masks every run of 13-19 digits in free text (a raw line for rejects.csv, a log message).
     */
    public static String maskInText(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (Character.isDigit(text.charAt(i))) {
                int j = i;
                while (j < n && Character.isDigit(text.charAt(j))) {
                    j++;
                }
                int len = j - i;
                if (len >= 13 && len <= 19 && luhn(text, i, j)) {
                    if (out == null) {
                        out = new StringBuilder(n);
                        out.append(text, 0, i);
                    }
                    out.append(mask(text.substring(i, j)));
                } else if (out != null) {
                    out.append(text, i, j);
                }
                i = j;
            } else {
                if (out != null) {
                    out.append(text.charAt(i));
                }
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    /** Luhn check over {@code s[from, to)}, all digits. */
    static boolean luhn(CharSequence s, int from, int to) {
        int sum = 0;
        boolean dbl = false;
        for (int k = to - 1; k >= from; k--) {
            int d = s.charAt(k) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }
}
