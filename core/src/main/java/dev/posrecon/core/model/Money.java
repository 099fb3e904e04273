package dev.posrecon.core.model;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money: a {@code long} count of minor units (cents, fen) and an ISO 4217 currency. Never a double.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long minor, Currency currency) {
        if (minor >= 0 && minor < CACHED && currency != null) {
            Shared last = lastShared;
            Money[] c;
            if (last != null && last.currency == currency) {
                c = last.amounts;
            } else {
                c = CACHE.computeIfAbsent(currency, k -> new Money[CACHED]);
                lastShared = new Shared(currency, c);
            }
            Money m = c[(int) minor];
            if (m == null) {
                m = new Money(minor, currency);
                c[(int) minor] = m;
            }
            return m;
        }
        return new Money(minor, currency);
    }

    /**
     * Amounts below 1,310.72 (in minor units of a two-decimal currency) are shared: a big day holds millions of
     * amounts, fees and totals, most of them small. Money is a value; no code compares it by identity.
     */
    private static final int CACHED = 1 << 17;
    private static final java.util.Map<Currency, Money[]> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** A currency's shared amounts. */
    private record Shared(Currency currency, Money[] amounts) {
    }

    /**
     * The shared amounts of the currency asked for last: a day is in one currency, so the map is asked once, not
     * for each of millions of amounts (read racily: a stale or missing one only sends the caller to the map).
     */
    private static volatile Shared lastShared;

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Parses a decimal in major units ({@code "115.20"}, {@code "-200"}, {@code "1,234.50"} is NOT accepted here:
     * clean-up belongs to the reader) exactly into minor units.
     *
     * @throws NumberFormatException   if the text is not a decimal
     * @throws ArithmeticException     if it has more decimals than the currency allows (after stripping zeros)
     */
    public static Money parse(String decimal, Currency currency) {
        return new Money(parseMinor(decimal, currency), currency);
    }

    /** Exact decimal-to-minor-units conversion; trailing zeros beyond the currency's digits are allowed. */
    public static long parseMinor(String decimal, Currency currency) {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        long fast = simpleMinor(decimal, digits);
        if (fast != NOT_SIMPLE) {
            return fast;
        }
        String t = decimal.trim();
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        BigDecimal d = new BigDecimal(t);
        return d.movePointRight(digits).stripTrailingZeros().longValueExact();
    }

    private static final long NOT_SIMPLE = Long.MIN_VALUE;

    /**
     * The common case without BigDecimal: {@code -?digits(.digits)?} with at most {@code digits} decimals and at
     * most 17 digits in all (so it cannot overflow). Anything else: {@link #NOT_SIMPLE}, for the exact path.
     */
    private static long simpleMinor(String s, int digits) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && s.charAt(0) == '-') {
            negative = true;
            i = 1;
        }
        long v = 0;
        int intDigits = 0;
        for (; i < n; i++) {
            int c = s.charAt(i) - '0';
            if (c < 0 || c > 9) {
                break;
            }
            v = v * 10 + c;
            intDigits++;
        }
        int decimals = 0;
        if (i < n && s.charAt(i) == '.') {
            for (i++; i < n; i++) {
                int c = s.charAt(i) - '0';
                if (c < 0 || c > 9) {
                    return NOT_SIMPLE;
                }
                v = v * 10 + c;
                decimals++;
            }
            if (decimals == 0) {
                return NOT_SIMPLE;
            }
        }
        if (i != n || intDigits == 0 || decimals > digits || intDigits + digits > 17) {
            return NOT_SIMPLE;
        }
        for (int k = decimals; k < digits; k++) {
            v *= 10;
        }
        return negative ? -v : v;
    }

    /** Formats minor units as a decimal string in major units: {@code 11520 CNY -> "115.20"}. */
    public static String format(long minor, Currency currency) {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        return BigDecimal.valueOf(minor, digits).toPlainString();
    }

    public String toDecimalString() {
        return format(minor, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money abs() {
        return minor < 0 ? new Money(Math.negateExact(minor), currency) : this;
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    public boolean isZero() {
        return minor == 0;
    }

    public boolean isPositive() {
        return minor > 0;
    }

    public boolean isNegative() {
        return minor < 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public int compareTo(Money o) {
        int c = currency.getCurrencyCode().compareTo(o.currency.getCurrencyCode());
        return c != 0 ? c : Long.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currency.getCurrencyCode();
    }
}
