package dev.posrecon.core.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps a big day's records small: one instance per distinct value of the few-valued strings a reader keeps
 * (terminal and store ids, STANs, batches...) and of dates and whole-second times and date-times. Readers hold a million records
 * for matching; without this most of the heap is copies of "898310048160001". One instance per reader (not
 * thread-safe); the date and time caches are shared and hold only immutable values.
 */
public final class Shared {
    private static final int MAX_STRINGS = 1 << 18;
    private static final int MAX_LENGTH = 24;
    private static final LocalTime[] SECONDS = new LocalTime[24 * 3600];
    /** whole-second date-times of the date most recently seen at that second of the day. */
    private static final LocalDateTime[] DATE_TIMES = new LocalDateTime[24 * 3600];
    private static final int FIRST_YEAR = 1970;
    private static final int YEARS = 200;
    private static final LocalDate[] DATES = new LocalDate[YEARS * 12 * 31];

    private final Map<String, String> strings = new HashMap<>();
    private final Map<String, LocalDate> parsedDates = new HashMap<>();

    /** The shared instance equal to {@code s} (short strings only; null stays null). */
    public String string(String s) {
        if (s == null || s.length() > MAX_LENGTH) {
            return s;
        }
        String prev = strings.get(s);
        if (prev != null) {
            return prev;
        }
        if (strings.size() < MAX_STRINGS) {
            strings.put(s, s);
        }
        return s;
    }

    /**
     * The date {@code parse} makes of {@code text}, parsed once per distinct text (a settlement file repeats a
     * handful of settlement dates on a million lines); what {@code parse} throws is thrown, and nothing is kept.
     */
    public LocalDate date(String text, java.util.function.Function<String, LocalDate> parse) {
        LocalDate d = parsedDates.get(text);
        if (d == null) {
            LocalDate p = parse.apply(text);
            d = date(p.getYear(), p.getMonthValue(), p.getDayOfMonth());
            if (parsedDates.size() < MAX_STRINGS) {
                parsedDates.put(text, d);
            }
        }
        return d;
    }

    /**
     * {@link LocalDateTime#of(int, int, int, int, int, int, int)} with the date and (whole-second) time parts
     * shared.
     *
     * @throws java.time.DateTimeException when a field is out of range, as {@code LocalDateTime.of} does
     */
    public static LocalDateTime dateTime(int year, int month, int day, int hour, int minute, int second, int nano) {
        LocalDate d = date(year, month, day);
        LocalTime t = time(hour, minute, second, nano);
        if (nano != 0) {
            return LocalDateTime.of(d, t);
        }
        int k = t.toSecondOfDay();
        LocalDateTime c = DATE_TIMES[k];
        if (c != null && c.toLocalDate() == d) {
            return c;
        }
        c = LocalDateTime.of(d, t);
        DATE_TIMES[k] = c;
        return c;
    }

    /** {@link LocalDate#of(int, int, int)}, shared (years 1970-2169). */
    public static LocalDate date(int year, int month, int day) {
        if (year < FIRST_YEAR || year >= FIRST_YEAR + YEARS || month < 1 || month > 12 || day < 1 || day > 31) {
            return LocalDate.of(year, month, day);
        }
        int k = ((year - FIRST_YEAR) * 12 + month - 1) * 31 + day - 1;
        LocalDate d = DATES[k];
        if (d == null) {
            d = LocalDate.of(year, month, day);
            DATES[k] = d;
        }
        return d;
    }

    /** {@link LocalTime#of(int, int, int, int)}, whole seconds shared. */
    public static LocalTime time(int hour, int minute, int second, int nano) {
        if (nano != 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return LocalTime.of(hour, minute, second, nano);
        }
        int k = hour * 3600 + minute * 60 + second;
        LocalTime t = SECONDS[k];
        if (t == null) {
            t = LocalTime.of(hour, minute, second);
            SECONDS[k] = t;
        }
        return t;
    }

    /** A shared copy of {@code t} when it is a whole second. */
    public static LocalDateTime dateTime(LocalDateTime t) {
        if (t == null) {
            return null;
        }
        return LocalDateTime.of(date(t.getYear(), t.getMonthValue(), t.getDayOfMonth()),
                time(t.getHour(), t.getMinute(), t.getSecond(), t.getNano()));
    }
}
