package dev.posrecon.core.contact;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * When to contact someone on a given day: the configured daytime minus the customer's quiet hours, either of which
 * may cross midnight. Minute resolution; spans are half-open ({@code 09:00-20:00} ends before 20:00).
 */
public final class ContactWindow {
    private static final int DAY = 24 * 60;

    /** One free stretch of the day. */
    public record Span(LocalTime from, LocalTime to) {
        @Override
        public String toString() {
            return hhmm(from) + "-" + hhmm(to);
        }
    }

    private ContactWindow() {
    }

    /**
     * The stretches of {@code daytime} outside {@code quiet}, in order from the daytime's start.
     *
     * @param quietFrom start of quiet hours, null for none
     * @param quietTo   end of quiet hours, null for none
     * @return empty when the quiet hours cover the whole daytime
     */
    public static List<Span> free(LocalTime dayFrom, LocalTime dayTo, LocalTime quietFrom, LocalTime quietTo) {
        boolean[] day = new boolean[DAY];
        mark(day, dayFrom, dayTo, true);
        if (quietFrom != null && quietTo != null) {
            boolean[] quiet = new boolean[DAY];
            mark(quiet, quietFrom, quietTo, false);
            for (int i = 0; i < DAY; i++) {
                day[i] &= !quiet[i];
            }
        }
        List<Span> spans = new ArrayList<>();
        int start = minute(dayFrom);
        int runStart = -1;
        for (int k = 0; k <= DAY; k++) {
            int i = (start + k) % DAY;
            boolean on = k < DAY && day[i];
            if (on && runStart < 0) {
                runStart = k;
            } else if (!on && runStart >= 0) {
                spans.add(new Span(time(start + runStart), time(start + k)));
                runStart = -1;
            }
        }
        return List.copyOf(spans);
    }

    /** True when {@code t} lies in the half-open span {@code [from, to)}, which may cross midnight. */
    public static boolean inside(LocalTime t, LocalTime from, LocalTime to) {
        int m = minute(t);
        int f = minute(from);
        int e = minute(to);
        return f <= e ? m >= f && m < e : m >= f || m < e;
    }

    /** {@code 2026-11-21 09:00-12:00, 14:00-20:00 Asia/Shanghai}; the date is left out when null. */
    public static String format(LocalDate date, List<Span> spans, ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        if (date != null) {
            sb.append(date).append(' ');
        }
        for (int i = 0; i < spans.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(spans.get(i));
        }
        return sb.append(' ').append(zone.getId()).toString();
    }

    static String hhmm(LocalTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    /** Marks {@code [from, to)}; from == to means the whole day when {@code equalMeansAll}, else nothing. */
    private static void mark(boolean[] minutes, LocalTime from, LocalTime to, boolean equalMeansAll) {
        int f = minute(from);
        int e = minute(to);
        if (f == e) {
            if (equalMeansAll) {
                java.util.Arrays.fill(minutes, true);
            }
            return;
        }
        for (int i = f; i != e; i = (i + 1) % DAY) {
            minutes[i] = true;
        }
    }

    private static int minute(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }

    private static LocalTime time(int minute) {
        return LocalTime.of((minute % DAY) / 60, minute % 60);
    }
}
