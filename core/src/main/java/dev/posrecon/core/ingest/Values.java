package dev.posrecon.core.ingest;

import dev.posrecon.core.model.Digits;
import dev.posrecon.core.model.Money;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;

/**
 * Parsing of record values shared by the readers. Each method throws {@link BadValue} naming what was expected,
 * which the reader turns into a reject naming the field.
 */
public final class Values {
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter(Locale.ROOT);

    private Values() {
    }

    /** A bad value: the message says what was expected and what was found. */
    public static final class BadValue extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        public BadValue(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }

        /** {@code field 'amount': not a decimal: '1O.00'}. */
        public String reason() {
            return "field '" + field + "': " + getMessage();
        }
    }

    public static String required(String field, String v) {
        if (v == null || v.isBlank()) {
            throw new BadValue(field, "missing (required)");
        }
        return v;
    }

    /** A decimal in major units to minor units, exactly; the sign is dropped when {@code magnitude}. */
    public static long money(String field, String v, Currency currency, boolean magnitude) {
        required(field, v);
        try {
            long m = Money.parseMinor(v, currency);
            return magnitude ? Math.abs(m) : m;
        } catch (NumberFormatException e) {
            throw new BadValue(field, "not a decimal amount: '" + v + "'");
        } catch (ArithmeticException e) {
            throw new BadValue(field, "more decimals than " + currency.getCurrencyCode() + " has: '" + v + "'");
        }
    }

    /** ISO local date-time, with {@code T} or a space between date and time. */
    public static LocalDateTime localDateTime(String field, String v) {
        required(field, v);
        LocalDateTime fast = simpleLocalDateTime(v);
        if (fast != null) {
            return fast;
        }
        try {
            return LocalDateTime.parse(v.strip(), LOCAL);
        } catch (DateTimeParseException e) {
            throw new BadValue(field, "not a local date-time like 2026-11-20T10:15:30: '" + v + "'");
        }
    }

    /**
     * The common form {@code 2026-11-20T10:15:30} (or with a space for the T) without the formatter, date and
     * time instances shared; null for anything else (the caller falls back to the formatter, which also words
     * the error).
     */
    public static LocalDateTime simpleLocalDateTime(String v) {
        if (v.length() != 19 || v.charAt(4) != '-' || v.charAt(7) != '-' || (v.charAt(10) != 'T' && v.charAt(10) != ' ')
                || v.charAt(13) != ':' || v.charAt(16) != ':') {
            return null;
        }
        int y = Digits.value(v, 0, 4);
        int mo = Digits.value(v, 5, 7);
        int d = Digits.value(v, 8, 10);
        int h = Digits.value(v, 11, 13);
        int mi = Digits.value(v, 14, 16);
        int s = Digits.value(v, 17, 19);
        if ((y | mo | d | h | mi | s) < 0) {
            return null;
        }
        try {
            return Shared.dateTime(y, mo, d, h, mi, s, 0);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** {@code 2026-11-20} without the formatter, shared; null for anything else. */
    public static java.time.LocalDate simpleLocalDate(String v) {
        if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
            return null;
        }
        int y = Digits.value(v, 0, 4);
        int mo = Digits.value(v, 5, 7);
        int d = Digits.value(v, 8, 10);
        if ((y | mo | d) < 0) {
            return null;
        }
        try {
            return Shared.date(y, mo, d);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    public static <E extends Enum<E>> E enumValue(String field, String v, Class<E> type) {
        required(field, v);
        try {
            return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder sb = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(c.name());
            }
            throw new BadValue(field, "expected one of " + sb + ", found '" + v + "'");
        }
    }
}
