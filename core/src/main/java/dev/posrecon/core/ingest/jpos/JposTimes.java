package dev.posrecon.core.ingest.jpos;

import dev.posrecon.core.ingest.Shared;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Times in a jPOS log, all turned into the merchant's local time ({@code zone}). The log entry's {@code at} comes
 * as ISO local time ({@code 2026-11-20T10:15:30.123}, maybe with an offset or zone) or, before jPOS 2, as
 * {@code Date.toString()} plus milliseconds ({@code Mon Nov 24 00:00:03 EST 2014.292}); zone abbreviations are
 * mapped leniently, an unknown one is taken as the merchant's zone. Nothing here throws on bad input: it returns null.
 */
final class JposTimes {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("UTC", "Z"), Map.entry("GMT", "Z"), Map.entry("UT", "Z"), Map.entry("Z", "Z"),
            Map.entry("EST", "-05:00"), Map.entry("EDT", "-04:00"), Map.entry("CST", "-06:00"),
            Map.entry("CDT", "-05:00"), Map.entry("MST", "-07:00"), Map.entry("MDT", "-06:00"),
            Map.entry("PST", "-08:00"), Map.entry("PDT", "-07:00"), Map.entry("AKST", "-09:00"),
            Map.entry("AKDT", "-08:00"), Map.entry("HST", "-10:00"), Map.entry("UYT", "-03:00"),
            Map.entry("UYST", "-02:00"), Map.entry("ART", "-03:00"), Map.entry("BRT", "-03:00"),
            Map.entry("BRST", "-02:00"), Map.entry("CLT", "-04:00"), Map.entry("CLST", "-03:00"),
            Map.entry("WET", "Z"), Map.entry("WEST", "+01:00"), Map.entry("BST", "+01:00"),
            Map.entry("CET", "+01:00"), Map.entry("CEST", "+02:00"), Map.entry("MET", "+01:00"),
            Map.entry("MEST", "+02:00"), Map.entry("EET", "+02:00"), Map.entry("EEST", "+03:00"),
            Map.entry("MSK", "+03:00"), Map.entry("IST", "+05:30"), Map.entry("PKT", "+05:00"),
            Map.entry("ICT", "+07:00"), Map.entry("WIB", "+07:00"), Map.entry("SGT", "+08:00"),
            Map.entry("HKT", "+08:00"), Map.entry("AWST", "+08:00"), Map.entry("PHT", "+08:00"),
            Map.entry("JST", "+09:00"), Map.entry("KST", "+09:00"), Map.entry("AEST", "+10:00"),
            Map.entry("AEDT", "+11:00"), Map.entry("NZST", "+12:00"), Map.entry("NZDT", "+13:00"));
    private static final DateTimeFormatter SHORT_ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

    private final ZoneId zone;
    private final Map<String, ZoneId> zoneCache = new HashMap<>();
    private String lastAt;
    private LocalDateTime lastAtLocal;

    JposTimes(ZoneId zone) {
        this.zone = zone;
    }

    /** The entry's {@code at} in the merchant's local time, or null when it cannot be read. */
    LocalDateTime at(String at) {
        if (at == null) {
            return null;
        }
        if (at.equals(lastAt)) {
            return lastAtLocal;
        }
        LocalDateTime t;
        try {
            String s = at.trim();
            t = s.isEmpty() ? null : Character.isDigit(s.charAt(0)) ? iso(s) : dateToString(s);
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            t = null;
        }
        lastAt = at;
        lastAtLocal = t;
        return t;
    }

    private LocalDateTime iso(String s) {
        LocalDateTime fast = plainIso(s);
        if (fast != null) {
            return fast;
        }
        String t = s.replace(' ', 'T');
        if (t.endsWith("]")) {
            return ZonedDateTime.parse(t).withZoneSameInstant(zone).toLocalDateTime();
        }
        int tee = t.indexOf('T');
        boolean offset = tee > 0 && (t.endsWith("Z") || t.indexOf('+', tee) > 0 || t.indexOf('-', tee) > 0);
        if (offset) {
            return OffsetDateTime.parse(t).atZoneSameInstant(zone).toLocalDateTime();
        }
        return LocalDateTime.parse(t);
    }

    private static LocalDateTime plainIso(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return plainIso(b, 0, b.length);
    }

    /**
     * {@code 2026-11-20T10:15:30[.123]} without offset in {@code b[from, to)} (spaces around it allowed), read
     * without a formatter or a string: one per log entry. Null for anything else, an impossible date included.
     */
    static LocalDateTime plainIso(byte[] b, int from, int to) {
        from = XmlText.trimStart(b, from, to);
        to = XmlText.trimEnd(b, from, to);
        int n = to - from;
        if (n < 19 || b[from + 4] != '-' || b[from + 7] != '-' || (b[from + 10] != 'T' && b[from + 10] != ' ')
                || b[from + 13] != ':' || b[from + 16] != ':') {
            return null;
        }
        int nanos = 0;
        if (n > 19) {
            if (b[from + 19] != '.' || n == 20 || n > 29) {
                return null;
            }
            for (int i = 20; i < 29; i++) {
                int d = i < n ? b[from + i] - '0' : 0;
                if (d < 0 || d > 9) {
                    return null;
                }
                nanos = nanos * 10 + d;
            }
        }
        for (int i = 0; i < 19; i++) {
            byte c = b[from + i];
            if ((c < '0' || c > '9') && i != 4 && i != 7 && i != 10 && i != 13 && i != 16) {
                return null;
            }
        }
        try {
            return LocalDateTime.of(Shared.date(num(b, from, 4), num(b, from + 5, 2), num(b, from + 8, 2)),
                    Shared.time(num(b, from + 11, 2), num(b, from + 14, 2), num(b, from + 17, 2), nanos));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int num(byte[] b, int from, int digits) {
        int v = 0;
        for (int i = from; i < from + digits; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    /** {@code Mon Nov 24 00:00:03 EST 2014.292}: day name, month, day, time, zone (optional), year.millis. */
    private LocalDateTime dateToString(String s) {
        String[] p = s.trim().split("\\s+");
        if (p.length < 5) {
            return null;
        }
        int month = month(p[1]);
        int day = Integer.parseInt(p[2]);
        String[] hms = p[3].split(":");
        String yearPart = p[p.length - 1];
        int dot = yearPart.indexOf('.');
        int year = Integer.parseInt(dot < 0 ? yearPart : yearPart.substring(0, dot));
        int millis = dot < 0 || dot == yearPart.length() - 1 ? 0
                : Math.min(999, Integer.parseInt(yearPart.substring(dot + 1)));
        if (month < 1) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, Integer.parseInt(hms[0]), Integer.parseInt(hms[1]),
                hms.length > 2 ? Integer.parseInt(hms[2]) : 0, millis * 1_000_000);
        if (p.length < 6) {
            return local;
        }
        ZoneId z = zoneOf(p[4], local);
        return z.equals(zone) ? local : local.atZone(z).withZoneSameInstant(zone).toLocalDateTime();
    }

    private ZoneId zoneOf(String abbreviation, LocalDateTime sample) {
        ZoneId cached = zoneCache.get(abbreviation);
        if (cached != null) {
            return cached;
        }
        ZoneId z;
        if (abbreviation.equals(SHORT_ZONE.format(sample.atZone(zone)))
                || abbreviation.equals(zone.getDisplayName(TextStyle.SHORT, Locale.US))) {
            // the merchant's own zone prints this way (CST is China as well as US Central)
            z = zone;
        } else if (ABBREVIATIONS.containsKey(abbreviation)) {
            z = ZoneOffset.of(ABBREVIATIONS.get(abbreviation));
        } else {
            try {
                z = ZoneId.of(abbreviation, ZoneId.SHORT_IDS);
            } catch (DateTimeException e) {
                z = zone;
            }
        }
        zoneCache.put(abbreviation, z);
        return z;
    }

    private static int month(String name) {
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equalsIgnoreCase(name)) {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * A message's local time: fields 13 (MMDD) + 12 (hhmmss) with the year of {@code reference} (a December date
     * with a January reference is last year's, and the other way round), or 12 as a full date-time
     * (YYMMDDhhmmss, YYYYMMDDhhmmss); else {@code at}; else field 7 (MMDDhhmmss, GMT). Null when none is usable.
     */
    LocalDateTime messageTime(String f7, String f12, String f13, LocalDateTime at, LocalDate reference) {
        LocalDateTime t = fromLocalFields(f12, f13, at != null ? at.toLocalDate() : reference);
        if (t != null) {
            return t;
        }
        if (at != null) {
            return at;
        }
        if (f7 != null && f7.length() == 10 && digits(f7) && reference != null) {
            try {
                LocalDateTime gmt = LocalDateTime.of(inferYear(num(f7, 0, 2), reference), num(f7, 0, 2),
                        num(f7, 2, 4), num(f7, 4, 6), num(f7, 6, 8), num(f7, 8, 10));
                return gmt.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime();
            } catch (DateTimeException e) {
                return null;
            }
        }
        return null;
    }

    private static LocalDateTime fromLocalFields(String f12, String f13, LocalDate reference) {
        if (f12 == null || !digits(f12)) {
            return null;
        }
        try {
            if (f12.length() == 14) {
                return Shared.dateTime(num(f12, 0, 4), num(f12, 4, 6), num(f12, 6, 8), num(f12, 8, 10),
                        num(f12, 10, 12), num(f12, 12, 14), 0);
            }
            if (f12.length() == 12) {
                return Shared.dateTime(2000 + num(f12, 0, 2), num(f12, 2, 4), num(f12, 4, 6), num(f12, 6, 8),
                        num(f12, 8, 10), num(f12, 10, 12), 0);
            }
            if (f12.length() == 6 && f13 != null && f13.length() == 4 && digits(f13) && reference != null) {
                int month = num(f13, 0, 2);
                return Shared.dateTime(inferYear(month, reference), month, num(f13, 2, 4), num(f12, 0, 2),
                        num(f12, 2, 4), num(f12, 4, 6), 0);
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    /** The year of a month-day near {@code reference}: Dec with a January reference is the year before. */
    static int inferYear(int month, LocalDate reference) {
        int year = reference.getYear();
        int refMonth = reference.getMonthValue();
        if (month - refMonth > 6) {
            return year - 1;
        }
        if (refMonth - month > 6) {
            return year + 1;
        }
        return year;
    }

    static boolean digits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }
}
