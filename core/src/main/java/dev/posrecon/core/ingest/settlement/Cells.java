package dev.posrecon.core.ingest.settlement;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.error.InputException;
import dev.posrecon.core.ingest.CsvRows;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.ingest.TextInput;
import dev.posrecon.core.model.Cards;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.Reject;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.TxnKind;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a profile's rows, found and cleaned as the profile says: every source resolved to a row position
 * once the header (if any) is known, then typed access (text, money, date-time, kind) that turns a bad value into a
 * {@link RowProblem} naming the column. Shared by the settlement and the terminal readers, which only say how a
 * row's values make their record.
 */
final class Cells {

    /** A row that cannot be mapped; the message is the reject reason. */
    static final class RowProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RowProblem(String message) {
            super(message, null, false, false);
        }
    }

    /** Makes one record of a row. */
    interface RowMapper<T> {
        /** @return the record, or null when the row is not a record (the type map says to ignore it) */
        T map(Cells cells, RowStream.Row row, SourceRef ref);
    }

    private final Profile profile;
    private final ReconConfig config;
    private final Map<Profile.Source, Integer> positions = new HashMap<>();
    /** the same positions by identity: sources are records with many fields, slow to hash on every value. */
    private final Map<Profile.Source, Integer> byIdentity = new java.util.IdentityHashMap<>();
    private final String[] header;

    /**
     * Whether an amount of only digits, '-' and '.' needs no clean-up: the profile strips none of those characters
     * and its decimal separator is '.' (a thousands separator is looked for in each amount).
     */
    private final boolean plainAmounts;

    private Cells(Profile profile, ReconConfig config, RowStream rows, String file) {
        this.profile = profile;
        this.config = config;
        this.plainAmounts = plainAmounts(profile);
        this.header = rows.header();
        List<Profile.Source> required = profile.requiredSources();
        List<String> missing = new ArrayList<>();
        for (Profile.Source s : profile.allSources()) {
            Integer pos;
            if (s.name() != null) {
                pos = rows.headerIndex(s.name());
                if (pos == null && required.contains(s) && !missing.contains(s.name())) {
                    missing.add(s.name());
                }
            } else if (s.length() > 0) {
                pos = profile.spans.indexOf(s);
            } else {
                pos = s.index() - 1;
            }
            if (pos != null) {
                positions.put(s, pos);
            }
        }
        if (!missing.isEmpty()) {
            long named = required.stream().filter(s -> s.name() != null).map(Profile.Source::name).distinct().count();
            String what = profile.target == Profile.Target.TERMINAL ? "terminal export" : "settlement file";
            throw new InputException(file, rows.headerLine(), missing.get(0),
                    (missing.size() == 1 ? "missing column" : "missing columns " + String.join(", ", missing))
                            + " (profile " + profile.name + ")" + (missing.size() * 2 >= named
                            ? ": the header does not look like a " + what + (profile.name.equals("canonical")
                            ? "" : " of this layout") : "") + "; header has: " + CsvRows.shown(String.join(", ", header)));
        }
    }

    /**
     * Reads a file through a profile: univocity splits the rows, {@code mapper} makes the records. A row the mapper
     * cannot map becomes a {@link Reject}; rows that are not records are counted as ignored.
     */
    static <T> ReadResult<T> read(Profile profile, Charset encoding, ReconConfig config, Path file,
                                  String displayName, RowMapper<T> mapper) {
        List<T> records = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        TextInput.Opened in = TextInput.open(file, displayName, encoding, profile.encoding);
        long ignored;
        try (RowStream rows = new RowStream(profile, in, displayName)) {
            Cells cells = null;
            RowStream.Row row;
            while ((row = rows.next()) != null) {
                if (cells == null) {
                    cells = new Cells(profile, config, rows, displayName);
                }
                if (!cells.selected(row)) {
                    rows.countIgnored();
                    continue;
                }
                try {
                    cells.checkWidth(row.values());
                    T r = mapper.map(cells, row, new SourceRef(displayName, row.line()));
                    if (r == null) {
                        rows.countIgnored();
                    } else {
                        records.add(r);
                    }
                } catch (RowProblem p) {
                    rejects.add(new Reject(displayName, row.line(), p.getMessage(), cells.maskedRaw(row)));
                }
            }
            if (profile.header && rows.header() == null) {
                throw new InputException(displayName, 0, null, isEmpty(file) ? "empty file (0 bytes): no header row "
                        + "(expected the " + profile.name + " header)" : "no header row: the file holds no " + profile.name
                        + " header (is it empty, or the wrong profile?)");
            }
            if (cells == null) {
                new Cells(profile, config, rows, displayName); // an empty file with a header still has its columns checked
            }
            ignored = rows.ignored();
        }
        return new ReadResult<>(records, rejects, ignored, "lines");
    }

    private static boolean isEmpty(Path file) {
        try {
            return java.nio.file.Files.size(file) == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    Profile profile() {
        return profile;
    }

    ReconConfig config() {
        return config;
    }

    /**
     * The row's raw text with card numbers masked: the card field's value wherever it appears (in a fixed-width
     * record it is glued to other digits, where {@link Cards#maskInText} cannot see it), then any other PAN.
     */
    String maskedRaw(RowStream.Row row) {
        String raw = row.raw();
        Column card = profile.target == Profile.Target.TERMINAL ? TerminalColumn.CARD : Canonical.CARD;
        List<Profile.Source> cards = new ArrayList<>();
        if (profile.columns.containsKey(card)) {
            cards.addAll(profile.columns.get(card));
        }
        profile.byType.getOrDefault(card, Map.of()).values().forEach(cards::addAll);
        for (Profile.Source s : cards) {
            String v = value(row.values(), s);
            String masked = v != null && v.length() > 4 ? Cards.mask(v) : null;
            if (masked != null) { // null: no digits to hide (a value of control characters)
                raw = raw.replace(v, masked);
            }
        }
        return Cards.maskInText(raw);
    }

    boolean selected(RowStream.Row row) {
        if (profile.selectPrefix != null && !row.raw().startsWith(profile.selectPrefix)) {
            return false;
        }
        if (profile.selectColumn != null) {
            String v = value(row.values(), profile.selectColumn);
            return v != null && profile.selectValues.contains(v);
        }
        return true;
    }

    private void checkWidth(String[] v) {
        if (header != null && v.length != header.length && !onlyEmptyBeyond(v, header.length)) {
            throw new RowProblem("has " + v.length + " fields, but the header has " + header.length);
        }
    }

    private static boolean onlyEmptyBeyond(String[] v, int n) {
        if (v.length < n) {
            return false;
        }
        for (int i = n; i < v.length; i++) {
            if (v[i] != null && !v[i].isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The kind a type value maps to (exactly, else case-insensitively); null when the profile ignores it. */
    TxnKind kindOf(String text, Column c, Profile.Source src) {
        Map<String, TxnKind> m = profile.typeMap;
        if (m.containsKey(text)) {
            return m.get(text);
        }
        for (Map.Entry<String, TxnKind> e : m.entrySet()) {
            if (e.getKey().equalsIgnoreCase(text)) {
                return e.getValue();
            }
        }
        throw problem(c, src, "unknown value '" + text + "' (the profile maps: "
                + String.join(", ", m.keySet()) + ")");
    }

    /** A date-time column, converted from the profile's zone (or the row's zone column) to the merchant's zone. */
    LocalDateTime dateTime(String[] v, Column c, TxnKind kind) {
        List<Profile.Source> src = sources(c, kind);
        Profile.Source s = src.get(0);
        String t = value(v, s);
        if (t == null) {
            throw problem(c, s, "empty");
        }
        LocalDateTime ldt = null;
        List<DateTimeFormatter> fmts = profile.dateFormats.get(c);
        try {
            if (fmts == null) {
                ldt = dev.posrecon.core.ingest.Values.simpleLocalDateTime(t);
                if (ldt == null) {
                    String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
                    ldt = LocalDateTime.parse(iso);
                }
            } else {
                for (DateTimeFormatter f : fmts) {
                    try {
                        ldt = LocalDateTime.parse(t, f);
                        break;
                    } catch (DateTimeParseException e) {
                        // try the next pattern
                    }
                }
            }
        } catch (DateTimeParseException e) {
            ldt = null;
        }
        if (ldt == null) {
            throw problem(c, s, "not a date-time: '" + t + "' (expected "
                    + profile.datePatterns.getOrDefault(c, "yyyy-MM-dd HH:mm:ss") + ")");
        }
        ZoneId zone = profile.zone;
        if (profile.zoneColumn != null) {
            String z = value(v, profile.zoneColumn);
            if (z != null) {
                zone = profile.zoneMap.get(z);
                if (zone == null) {
                    try {
                        zone = ZoneId.of(z);
                    } catch (DateTimeException e) {
                        throw new RowProblem("time zone (from " + profile.zoneColumn.describe()
                                + "): unknown zone '" + z + "' (add zone.map." + z + "=<zone> to the profile)");
                    }
                }
            }
        }
        if (zone != null) {
            ldt = ldt.atZone(zone).withZoneSameInstant(config.zone()).toLocalDateTime();
        }
        return ldt;
    }

    /** A text column's cleaned value, else its {@code default.*}, else null. */
    String text(String[] v, Column c, TxnKind kind) {
        List<Profile.Source> src = sources(c, kind);
        String t = src == null ? null : value(v, src.get(0));
        return t != null ? t : profile.defaults.get(c);
    }

    /** Sum of the sources in minor units; null when every one is empty. */
    Long money(String[] v, List<Profile.Source> src, Column c, Currency currency) {
        if (src == null) {
            return null;
        }
        Long sum = null;
        for (int i = 0; i < src.size(); i++) {
            Profile.Source s = src.get(i);
            String t = value(v, s);
            if (t == null) {
                continue;
            }
            long m = minor(t, s, c, currency);
            sum = sum == null ? m : Math.addExact(sum, m);
        }
        return sum;
    }

    private long minor(String text, Profile.Source s, Column c, Currency currency) {
        String t = plain(profile, plainAmounts, text) ? text : cleaned(text, s, c);
        try {
            if (profile.units == Profile.Units.MINOR) {
                return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
            }
            return Money.parseMinor(t, currency);
        } catch (NumberFormatException e) {
            throw problem(c, s, "not a number: '" + text + "'");
        } catch (ArithmeticException e) {
            throw problem(c, s, "more decimals than " + currency.getCurrencyCode() + " has: '" + text + "'");
        }
    }

    /** True when {@link #clean} gives {@code text} back as it is (the usual amount: 1592.75, -20.00). */
    static boolean plain(Profile profile, boolean plainAmounts, String text) {
        if (!plainAmounts) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if ((ch < '0' || ch > '9') && ch != '-' && ch != '.') {
                return false;
            }
        }
        return profile.thousandsSeparator == null || !text.contains(profile.thousandsSeparator);
    }

    /** Whether {@link #plain} may find amounts plain under this profile. */
    static boolean plainAmounts(Profile profile) {
        return ".".equals(profile.decimalSeparator)
                && "0123456789-.".chars().noneMatch(ch -> profile.amountStripChars.indexOf(ch) >= 0);
    }

    private String cleaned(String text, Profile.Source s, Column c) {
        String t = clean(profile, text);
        if (t == null) {
            throw problem(c, s, "not a number: '" + text + "' (digit groups of three expected around '"
                    + profile.thousandsSeparator + "')");
        }
        return t;
    }

    /**
     * An amount as a number to parse: strip characters and white space out, thousands separators (between groups
     * of three digits only) out, the decimal separator as '.', and (12.00) as -12.00; null when thousands
     * separators are out of place.
     */
    static String clean(Profile profile, String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (profile.amountStripChars.indexOf(ch) < 0 && !Character.isWhitespace(ch)) {
                sb.append(ch);
            }
        }
        String t = sb.toString();
        if (profile.thousandsSeparator != null && t.contains(profile.thousandsSeparator)) {
            if (!grouped(profile, t)) {
                return null;
            }
            t = t.replace(profile.thousandsSeparator, "");
        }
        if (!".".equals(profile.decimalSeparator)) {
            t = t.replace(profile.decimalSeparator, ".");
        }
        if (t.startsWith("(") && t.endsWith(")") && t.length() > 2) {
            t = "-" + t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** Thousands separators only between groups of three digits in the integer part: 1,234.50 yes, 1,00 no. */
    private static boolean grouped(Profile profile, String t) {
        String sep = profile.thousandsSeparator;
        int dec = t.indexOf(profile.decimalSeparator);
        String intPart = dec < 0 ? t : t.substring(0, dec);
        if (dec >= 0 && t.indexOf(sep, dec) >= 0) {
            return false;
        }
        String[] groups = intPart.replaceFirst("^[-+(]", "").split(java.util.regex.Pattern.quote(sep), -1);
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            boolean digits = !g.isEmpty() && g.chars().allMatch(Character::isDigit);
            if (!digits || (i > 0 && g.length() != 3) || (i == 0 && g.length() > 3)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #resolve}'s answers by column, then by kind (slot 0 for none, then by ordinal); {@link #NO_SOURCES} for
     * a column with none. Asked for several columns of each of a million rows: one identity look-up, not four.
     */
    private final Map<Column, Object[]> sourcesByKind = new java.util.IdentityHashMap<>();
    private static final Object NO_SOURCES = new Object();
    private static final int KINDS = TxnKind.values().length;

    /** The sources of a column for rows of a kind: {@code column.x.KIND} when given, else {@code column.x}. */
    @SuppressWarnings("unchecked")
    List<Profile.Source> sources(Column c, TxnKind kind) {
        Object[] byKind = sourcesByKind.get(c);
        if (byKind == null) {
            byKind = new Object[KINDS + 1];
            sourcesByKind.put(c, byKind);
        }
        int k = kind == null ? 0 : kind.ordinal() + 1;
        Object src = byKind[k];
        if (src == null) {
            List<Profile.Source> r = resolve(c, kind);
            byKind[k] = r == null ? NO_SOURCES : r;
            return r;
        }
        return src == NO_SOURCES ? null : (List<Profile.Source>) src;
    }

    private List<Profile.Source> resolve(Column c, TxnKind kind) {
        Map<TxnKind, List<Profile.Source>> m = profile.byType.get(c);
        if (m != null && kind != null && m.containsKey(kind)) {
            return m.get(kind);
        }
        return profile.columns.get(c);
    }

    /** The cleaned value of a source (strip, strip.prefix/suffix), or null when absent or empty. */
    String value(String[] v, Profile.Source s) {
        Integer pos = byIdentity.get(s);
        if (pos == null && !byIdentity.containsKey(s)) {
            pos = positions.get(s);
            byIdentity.put(s, pos);
        }
        if (pos == null || pos >= v.length || v[pos] == null) {
            return null;
        }
        String t = v[pos].strip();
        if (profile.stripPrefix != null && t.startsWith(profile.stripPrefix)) {
            t = t.substring(profile.stripPrefix.length()).strip();
        }
        if (profile.stripSuffix != null && t.endsWith(profile.stripSuffix)) {
            t = t.substring(0, t.length() - profile.stripSuffix.length()).strip();
        }
        return t.isEmpty() ? null : t;
    }

    RowProblem problem(Column c, Profile.Source s, String what) {
        String from = s == null || (s.name() != null && RowStream.norm(s.name()).equals(c.key())) ? ""
                : " (from " + s.describe() + ")";
        return new RowProblem(c.key() + from + ": " + what);
    }
}
