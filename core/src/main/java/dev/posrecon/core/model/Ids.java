package dev.posrecon.core.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A payment's identifiers (RRN, auth code, masked card, receipt and member numbers) packed into a {@code long},
 * so a record holds them as numbers rather than as strings. On a million-transaction day those strings were 3M objects (~170 MB) kept
 * until the run ended, and sharing them between the sources took a table look-up per value (~4 CPU s).
 *
 * <p>A code is {@link #NONE} for null, positive for a value it holds itself, negative for a rare value it cannot
 * hold (kept once in a table shared by the process, see {@link #odd}). The same text always gives the same code,
 * so codes compare equal exactly when the texts do, and {@link #compare} orders codes as {@link String#compareTo}
 * orders their texts (whatever order the odd values were first seen in). Codes are never written anywhere: a
 * case, file or ledger row gets the text back from {@link #text}.
 *
 * <ul>
 *   <li>{@link #pack} holds up to 12 characters of {@code 0-9} and {@code A-Z}, the ISO 8583 form of an RRN
 *       (field 37) and an auth code (field 38): base 37, one digit per character, the string padded with zeros
 *       at its end, so numeric order is the texts' order.</li>
 *   <li>{@link #pack} also holds any other text that ends in digits, such as a receipt number
 *       {@code S01-20261120-000123} or a phone number: its last (up to 12) digits as a number, and the text before
 *       them as the number of a prefix kept once in a table shared by the process ({@link #MAX_PREFIXES} at most,
 *       then such values are odd). A journal repeats a few prefixes (a store's and a day's) on a million
 *       receipts. A text that ends in two groups of digits with one character between them, twelve digits at
 *       most ({@code POS1-20261120-153045-0001}), keeps both groups as its number, so that a time or sequence
 *       before the last digits does not make a new prefix for every receipt.</li>
 *   <li>{@link #packCard} holds a card masked as {@link Cards#mask} writes it, first six digits, one to nine
 *       {@code *}, last four digits.</li>
 * </ul>
 */
public final class Ids {
    /** The code of null. */
    public static final long NONE = 0;

    private static final int MAX_CHARS = 12;
    private static final long[] POW37 = new long[MAX_CHARS + 1];

    static {
        POW37[0] = 1;
        for (int i = 1; i <= MAX_CHARS; i++) {
            POW37[i] = POW37[i - 1] * 37;
        }
    }

    /** Codes from here up are a prefix and digits; below, {@link #isPlain plain} base-37 texts. */
    private static final long NUMBERED = POW37[MAX_CHARS];
    /** How many distinct prefixes the process keeps (a prefix's number takes 16 bits of a code). */
    static final int MAX_PREFIXES = 1 << 16;
    private static final int VALUE_BITS = 40;
    private static final long[] POW10 = new long[MAX_CHARS + 1];

    static {
        POW10[0] = 1;
        for (int i = 1; i <= MAX_CHARS; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private static final ConcurrentHashMap<String, Integer> PREFIX_NUMBERS = new ConcurrentHashMap<>();
    /** Prefixes of texts that end in two groups of digits ({@link #numbered}), numbered from the same count. */
    private static final ConcurrentHashMap<String, Integer> GROUPED_NUMBERS = new ConcurrentHashMap<>();
    /**
     * Per prefix number: 0 for one group of digits, else the first group's width (high half) and the character
     * after it. Written before the prefix is published in {@link #PREFIXES}, whose volatile read orders it.
     */
    private static final int[] SHAPES = new int[MAX_PREFIXES];
    /** The prefixes by number, read without a lock (a receipt number is made text for every case and ledger row). */
    private static final java.util.concurrent.atomic.AtomicReferenceArray<String> PREFIXES =
            new java.util.concurrent.atomic.AtomicReferenceArray<>(MAX_PREFIXES);
    private static int prefixCount;

    private static final ConcurrentHashMap<String, Long> ODD_CODES = new ConcurrentHashMap<>();
    /** The texts by code, read without a lock (matching asks a last-4-only card for its ending often). */
    private static final ConcurrentHashMap<Long, String> ODD_TEXTS = new ConcurrentHashMap<>();

    private Ids() {
    }

    /** The code of an RRN, auth code, receipt number or any other identifier; null gives {@link #NONE}. */
    public static long pack(String s) {
        if (s == null) {
            return NONE;
        }
        int n = s.length();
        if (n == 0 || n > MAX_CHARS) {
            return numbered(s);
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            int d = symbol(s.charAt(i));
            if (d < 0) {
                return numbered(s);
            }
            v = v * 37 + d;
        }
        return v * POW37[MAX_CHARS - n];
    }

    /**
     * Whether a code holds its text in base 37 ({@code 0-9A-Z}, at most 12 characters): two plain codes compare
     * as numbers, and their texts are upper case without blanks.
     */
    public static boolean isPlain(long code) {
        return code > 0 && code < NUMBERED;
    }

    /**
     * The code of a text that ends in digits (prefix number, digit count, value), else its odd code. A text that
     * ends in two groups of digits with one other character between them ({@code POS1-20261120-153045-0001}), of
     * at most 12 digits together, keeps both groups in the value and the text before them as its prefix, with the
     * first group's width and the character between: such numbers often hold a time or a sequence before their
     * last digits, and a prefix that held those would be new on nearly every receipt.
     */
    private static long numbered(String s) {
        int n = s.length();
        int from = n;
        while (from > 0 && n - from < MAX_CHARS && isDigit(s.charAt(from - 1))) {
            from--;
        }
        if (from == n || from == 0) {
            return odd(s);
        }
        int last = n - from;
        int first = 0;
        int start = from;
        if (from >= 2 && !isDigit(s.charAt(from - 1)) && isDigit(s.charAt(from - 2))) {
            int a = from - 1;
            while (a > 0 && isDigit(s.charAt(a - 1))) {
                a--;
            }
            if (from - 1 - a + last <= MAX_CHARS) {
                first = from - 1 - a;
                start = a;
            }
        }
        int prefix = first == 0 ? prefixNumber(s.substring(0, from), 0, (char) 0)
                : prefixNumber(s.substring(0, start), first, s.charAt(from - 1));
        if (prefix < 0) {
            return odd(s);
        }
        // the digits from start on, skipping the character between two groups (none for one group)
        int between = first == 0 ? -1 : from - 1;
        long value = 0;
        for (int i = start; i < n; i++) {
            if (i != between) {
                value = value * 10 + (s.charAt(i) - '0');
            }
        }
        return NUMBERED + (((long) prefix << 4 | (first + last - 1)) << VALUE_BITS | value);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The number of a prefix: the text before the digits, and for two groups of digits the first group's width and
     * the character after it (0 and 0 for one group). Each kind has its own keys, so a text cannot be taken for the
     * other kind: a two-group key is the prefix followed by that character and the width.
     */
    private static int prefixNumber(String prefix, int firstWidth, char between) {
        Map<String, Integer> numbers = firstWidth == 0 ? PREFIX_NUMBERS : GROUPED_NUMBERS;
        String key = firstWidth == 0 ? prefix : prefix + between + (char) firstWidth;
        Integer k = numbers.get(key);
        if (k != null) {
            return k;
        }
        synchronized (PREFIXES) {
            k = numbers.get(key);
            if (k == null) {
                if (prefixCount == MAX_PREFIXES) {
                    return -1;
                }
                k = prefixCount++;
                SHAPES[k] = firstWidth == 0 ? 0 : firstWidth << 16 | between;
                PREFIXES.set(k, prefix);
                numbers.put(key, k);
            }
            return k;
        }
    }

    private static String numberedText(long code) {
        long v = code - NUMBERED;
        int prefix = (int) (v >>> (VALUE_BITS + 4));
        int digits = (int) (v >>> VALUE_BITS & 15) + 1;
        long value = v & ((1L << VALUE_BITS) - 1);
        // read after the prefix, which was published after its shape
        String p = PREFIXES.get(prefix);
        int shape = SHAPES[prefix];
        int first = shape >>> 16;
        char[] c = new char[p.length() + digits + (first == 0 ? 0 : 1)];
        p.getChars(0, p.length(), c, 0);
        int between = first == 0 ? -1 : p.length() + first;
        for (int i = c.length - 1; i >= p.length(); i--) {
            if (i == between) {
                c[i] = (char) shape;
                continue;
            }
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return new String(c);
    }

    /** The text of a code from {@link #pack}: an equal string, not necessarily the same instance. */
    public static String text(long code) {
        if (code == NONE) {
            return null;
        }
        if (code < 0) {
            return oddText(code);
        }
        if (code >= NUMBERED) {
            return numberedText(code);
        }
        char[] c = new char[MAX_CHARS];
        int n = 0;
        long v = code;
        for (int i = MAX_CHARS - 1; i >= 0; i--) {
            int d = (int) (v % 37);
            v /= 37;
            c[i] = d == 0 ? 0 : d <= 10 ? (char) ('0' + d - 1) : (char) ('A' + d - 11);
            if (d != 0 && n == 0) {
                n = i + 1;
            }
        }
        return new String(c, 0, n);
    }

    /** Whether the text of a {@link #isPlain plain} code starts with {@code 0}. */
    public static boolean startsWithZero(long code) {
        return code / POW37[MAX_CHARS - 1] == 1;
    }

    /** The code of a masked card (or a short form such as {@code ****1234}); null gives {@link #NONE}. */
    public static long packCard(String card) {
        if (card == null) {
            return NONE;
        }
        if (!Cards.isMasked(card)) {
            return odd(card);
        }
        int n = card.length();
        int first6 = Digits.value(card, 0, 6);
        int last4 = Digits.value(card, n - 4, n);
        int stars = n - 10;
        // a '*' sorts before a digit, so more stars sort first: 9 - stars keeps the texts' order
        return ((first6 * 10L + (9 - stars)) * 10_000L + last4) + 1;
    }

    /** The text of a code from {@link #packCard}. */
    public static String cardText(long code) {
        if (code == NONE) {
            return null;
        }
        if (code < 0) {
            return oddText(code);
        }
        long v = code - 1;
        int last4 = (int) (v % 10_000);
        v /= 10_000;
        int stars = 9 - (int) (v % 10);
        int first6 = (int) (v / 10);
        char[] c = new char[10 + stars];
        digits(first6, c, 0, 6);
        java.util.Arrays.fill(c, 6, 6 + stars, '*');
        digits(last4, c, 6 + stars, 4);
        return new String(c);
    }

    /** The card's last four characters (as {@link Cards#last4} gives them), without making the card's text. */
    public static String cardLast4(long code) {
        if (code <= NONE) {
            return code == NONE ? null : Cards.last4(oddText(code));
        }
        return Cards.ending((int) ((code - 1) % 10_000));
    }

    /** Orders two codes of the same kind as their texts ({@link String#compareTo}), {@link #NONE} first. */
    public static int compare(long a, long b, boolean card) {
        if (a == b) {
            return 0;
        }
        if (a == NONE || b == NONE) {
            return a == NONE ? -1 : 1;
        }
        if (card ? a > 0 && b > 0 : isPlain(a) && isPlain(b)) {
            return Long.compare(a, b);
        }
        if (!card && a >= NUMBERED && b >= NUMBERED && (a - NUMBERED) >>> VALUE_BITS == (b - NUMBERED) >>> VALUE_BITS) {
            return Long.compare(a, b); // one prefix, as many digits: the values' order is the texts'
        }
        return card ? cardText(a).compareTo(cardText(b)) : text(a).compareTo(text(b));
    }

    private static int symbol(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0' + 1;
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 11;
        }
        return -1;
    }

    private static void digits(int v, char[] c, int at, int n) {
        for (int i = at + n - 1; i >= at; i--) {
            c[i] = (char) ('0' + v % 10);
            v /= 10;
        }
    }

    /**
     * The code of a value no packed form holds (an identifier not ending in a digit, a card not masked first 6 /
     * last 4). Such values are rare in real files; each distinct one is kept once for the life of the
     * process, as a string interned by the JVM would be.
     */
    private static long odd(String s) {
        Long c = ODD_CODES.get(s);
        if (c != null) {
            return c;
        }
        synchronized (ODD_TEXTS) {
            c = ODD_CODES.get(s);
            if (c == null) {
                c = -(long) (ODD_TEXTS.size() + 1);
                ODD_TEXTS.put(c, s);
                ODD_CODES.put(s, c);
            }
            return c;
        }
    }

    private static String oddText(long code) {
        return ODD_TEXTS.get(code);
    }
}
