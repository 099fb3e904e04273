package dev.posrecon.core.ingest.settlement;

import dev.posrecon.core.error.InputException;
import dev.posrecon.core.model.Currencies;
import dev.posrecon.core.model.TxnKind;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A layout, parsed and checked: how to split the file (univocity settings), which rows are records, and how each
 * column is found and cleaned. A settlement profile (the default {@code target=settlement}) maps the canonical
 * settlement columns ({@link Canonical}); a terminal profile ({@code target=terminal}) maps the fields of a terminal
 * record ({@link TerminalColumn}) for terminals and registers that export CSV instead of jPOS logs. Keys are documented in
 * {@code dev/posrecon/profiles/README.md}; an unknown key or a bad value fails with the key named.
 */
final class Profile {

    enum Format { DELIMITED, FIXED_WIDTH }

    enum Target { SETTLEMENT, TERMINAL }

    enum AmountSign { TYPE, SIGNED }

    enum Units { MAJOR, MINOR }

    /**
     * Where a value comes from: a header name ({@code name}), a 1-based column number ({@code index}) or a
     * fixed-width span ({@code start}, {@code length}, 1-based).
     */
    record Source(String name, int index, int start, int length) {
        String describe() {
            if (name != null) {
                return "'" + name + "'";
            }
            if (length > 0) {
                return "at " + start + "+" + length;
            }
            return "column " + index;
        }
    }

    /** Columns in the order of their enum (the canonical column order): one profile maps one kind of column. */
    private static final Comparator<Column> COLUMN_ORDER = Comparator.comparingInt(c -> ((Enum<?>) c).ordinal());
    /** Columns that cannot have a {@code default.*} value. */
    private static final Set<Column> NO_DEFAULT = Set.of(Canonical.AMOUNT, Canonical.TYPE, Canonical.TXN_TIME,
            TerminalColumn.AMOUNT, TerminalColumn.KIND, TerminalColumn.LOCAL_TIME);
    /** Columns that hold a date-time and may have a {@code format.*} pattern. */
    private static final Set<Column> TIMES = Set.of(Canonical.TXN_TIME, Canonical.SETTLE_DATE,
            TerminalColumn.LOCAL_TIME);
    /** Keys that only a settlement profile may use. */
    private static final List<String> SETTLEMENT_ONLY = List.of("amount.credit.column", "amount.debit.column",
            "net.credit.column", "net.debit.column", "net.currency.column", "fee.negate", "amount.sign");

    final String name;
    final String origin;
    final Target target;
    final String description;
    final String assumes;
    final Format format;
    final Charset encoding;
    final String delimiter;
    final char quote;
    final char quoteEscape;
    final int skipLines;
    final boolean header;
    final String commentPrefix;
    final Source selectColumn;
    final Set<String> selectValues;
    final String selectPrefix;
    final String stopAtPrefix;
    final Pattern detectRegex;
    final Map<Column, List<Source>> columns;
    final Map<Column, Map<TxnKind, List<Source>>> byType;
    final Set<Column> optional;
    final String stripPrefix;
    final String stripSuffix;
    final String thousandsSeparator;
    final String decimalSeparator;
    final String amountStripChars;
    final Units units;
    final AmountSign amountSign;
    final Source amountCredit;
    final Source amountDebit;
    final Source netCredit;
    final Source netDebit;
    /** the currency of fee and net when the file gives them in another currency than the amount, or null. */
    final Source netCurrency;
    final boolean feeNegate;
    final Map<Column, List<DateTimeFormatter>> dateFormats;
    final Map<Column, String> datePatterns;
    final ZoneId zone;
    final Source zoneColumn;
    final Map<String, ZoneId> zoneMap;
    /** source value (as written) to kind; a null kind means IGNORE. Looked up exactly, then case-insensitively. */
    final Map<String, TxnKind> typeMap;
    final TxnKind typeDefault;
    final Map<Column, String> defaults;
    /** fixed-width only: every span, in file order; a span's position here is its index in a parsed row. */
    final List<Source> spans;

    private Profile(String name, String origin, Properties p) {
        this.name = name;
        this.origin = origin;
        Keys k = new Keys(origin, p);
        String tg = k.text("target", "settlement");
        this.target = switch (tg) {
            case "settlement" -> Target.SETTLEMENT;
            case "terminal" -> Target.TERMINAL;
            default -> throw k.bad("target", "expected settlement or terminal, found '" + tg + "'");
        };
        if (target == Target.TERMINAL) {
            for (String key : SETTLEMENT_ONLY) {
                if (p.getProperty(key) != null) {
                    throw k.bad(key, "only for settlement profiles (this one is target=terminal)");
                }
            }
        }
        this.description = k.text("description", "");
        this.assumes = k.text("assumes", "");
        String f = k.text("format", "delimited");
        this.format = switch (f) {
            case "delimited" -> Format.DELIMITED;
            case "fixed-width" -> Format.FIXED_WIDTH;
            default -> throw k.bad("format", "expected delimited or fixed-width, found '" + f + "'");
        };
        this.encoding = k.charset("encoding");
        String d = k.raw("delimiter", ",");
        this.delimiter = d.equalsIgnoreCase("tab") ? "\t" : d;
        if (delimiter.isEmpty()) {
            throw k.bad("delimiter", "empty");
        }
        this.quote = k.character("quote", '"');
        this.quoteEscape = k.character("quote.escape", quote);
        this.skipLines = k.integer("skip.lines", 0);
        this.header = k.bool("header", format == Format.DELIMITED);
        if (header && format == Format.FIXED_WIDTH) {
            throw k.bad("header", "a fixed-width file has no header row to name columns; use record.select.prefix");
        }
        this.commentPrefix = k.text("comment.prefix", null);
        this.stopAtPrefix = k.text("stop.at.prefix", null);
        this.selectPrefix = k.text("record.select.prefix", null);
        String dr = k.text("detect.regex", null);
        try {
            this.detectRegex = dr == null ? null : Pattern.compile(dr);
        } catch (PatternSyntaxException e) {
            throw k.bad("detect.regex", "not a regular expression: " + e.getDescription());
        }
        this.stripPrefix = k.raw("strip.prefix", null);
        this.stripSuffix = k.raw("strip.suffix", null);
        this.thousandsSeparator = k.raw("amount.thousands.separator", null);
        this.decimalSeparator = k.raw("amount.decimal.separator", ".");
        this.amountStripChars = k.raw("amount.strip.chars", "");
        String u = k.text("amount.units", "major");
        this.units = switch (u) {
            case "major" -> Units.MAJOR;
            case "minor" -> Units.MINOR;
            default -> throw k.bad("amount.units", "expected major or minor, found '" + u + "'");
        };
        String s = k.text("amount.sign", "type");
        this.amountSign = switch (s) {
            case "type" -> AmountSign.TYPE;
            case "signed" -> AmountSign.SIGNED;
            default -> throw k.bad("amount.sign", "expected type or signed, found '" + s + "'");
        };
        this.feeNegate = k.bool("fee.negate", false);

        List<Source> allSpans = new ArrayList<>();
        String prefix = format == Format.FIXED_WIDTH ? "field." : "column.";
        String other = format == Format.FIXED_WIDTH ? "column." : "field.";
        Map<Column, List<Source>> cols = new TreeMap<>(COLUMN_ORDER);
        Map<Column, Map<TxnKind, List<Source>>> typed = new TreeMap<>(COLUMN_ORDER);
        Map<Column, List<DateTimeFormatter>> fmts = new TreeMap<>(COLUMN_ORDER);
        Map<Column, String> pats = new TreeMap<>(COLUMN_ORDER);
        Map<Column, String> defs = new TreeMap<>(COLUMN_ORDER);
        Map<String, ZoneId> zones = new TreeMap<>();
        Map<String, TxnKind> types = new TreeMap<>();
        for (String key : k.names()) {
            if (key.startsWith(other) && !key.equals("field") && !key.equals("column")) {
                throw k.bad(key, other.equals("field.") ? "field.* is for fixed-width profiles; use column.*"
                        : "column.* is for delimited profiles; use field.* (start,length)");
            }
            if (key.startsWith(prefix)) {
                String rest = key.substring(prefix.length());
                int dot = rest.indexOf('.');
                Column c = column(dot < 0 ? rest : rest.substring(0, dot));
                if (c == null) {
                    throw k.bad(key, target == Target.TERMINAL && rest.startsWith("type")
                            ? "a terminal profile maps column.kind (with type.map.*) or column.mti, not type"
                            : "unknown " + columnWord() + "; expected one of " + columnKeys());
                }
                List<Source> srcs = k.sources(key, format);
                if (srcs.size() > 1 && !c.summable()) {
                    throw k.bad(key, target == Target.SETTLEMENT
                            ? "only amount, fee and net may add several columns with '+'"
                            : "one column expected");
                }
                if (dot < 0) {
                    cols.put(c, srcs);
                } else {
                    TxnKind t = kind(k, key, rest.substring(dot + 1));
                    typed.computeIfAbsent(c, x -> new EnumMap<>(TxnKind.class)).put(t, srcs);
                }
            } else if (key.startsWith("format.")) {
                Column c = column(key.substring(7));
                if (c == null || !TIMES.contains(c)) {
                    throw k.bad(key, target == Target.SETTLEMENT
                            ? "only format.txn_time and format.settle_date exist"
                            : "only format.local_time exists in a terminal profile");
                }
                List<DateTimeFormatter> list = new ArrayList<>();
                for (String pat : k.text(key, "").split("\\|")) {
                    try {
                        list.add(DateTimeFormatter.ofPattern(pat.trim(), Locale.ROOT));
                    } catch (IllegalArgumentException | ClassCastException e) {
                        // ClassCastException: the JDK's own, for a pad letter 'p' before some fields ("mpe")
                        throw k.bad(key, "not a date-time pattern: '" + pat.trim() + "' (" + e.getMessage() + ")");
                    }
                }
                fmts.put(c, List.copyOf(list));
                pats.put(c, k.text(key, ""));
            } else if (key.startsWith("default.")) {
                Column c = column(key.substring(8));
                if (c == null || NO_DEFAULT.contains(c)) {
                    throw k.bad(key, "no default possible; expected default.<column> for a column other than "
                            + (target == Target.SETTLEMENT ? "amount, type (use type.default) and txn_time"
                            : "amount, kind (use type.default) and local_time"));
                }
                String v = k.text(key, "");
                if (c.key().equals("currency") && Currencies.resolve(v) == null) {
                    throw k.bad(key, "unknown currency '" + v + "'");
                }
                defs.put(c, v);
            } else if (key.startsWith("zone.map.")) {
                zones.put(key.substring(9), k.zone(key));
            } else if (key.startsWith("type.map.")) {
                String v = k.text(key, "");
                if (v.equalsIgnoreCase("IGNORE")) {
                    types.put(key.substring(9), null);
                } else {
                    types.put(key.substring(9), kind(k, key, v));
                }
            } else if (!Keys.FIXED.contains(key)) {
                throw k.bad(key, "unknown key (see the profile README for the keys a profile may use)");
            }
        }
        this.columns = Collections.unmodifiableMap(cols);
        this.byType = Collections.unmodifiableMap(typed);
        this.dateFormats = Collections.unmodifiableMap(fmts);
        this.datePatterns = Collections.unmodifiableMap(pats);
        this.defaults = Collections.unmodifiableMap(defs);
        this.zoneMap = Collections.unmodifiableMap(zones);
        this.typeMap = Collections.unmodifiableMap(types);
        String td = k.text("type.default", null);
        this.typeDefault = td == null ? null : kind(k, "type.default", td);
        this.selectColumn = k.source("record.select.column", format);
        Set<String> sv = new LinkedHashSet<>();
        for (String v : k.text("record.select.values", "").split(",")) {
            if (!v.isBlank()) {
                sv.add(v.trim());
            }
        }
        this.selectValues = Collections.unmodifiableSet(sv);
        if ((selectColumn == null) != selectValues.isEmpty()) {
            throw k.bad(selectColumn == null ? "record.select.column" : "record.select.values",
                    "record.select.column and record.select.values go together");
        }
        this.amountCredit = k.source("amount.credit.column", format);
        this.amountDebit = k.source("amount.debit.column", format);
        this.netCredit = k.source("net.credit.column", format);
        this.netDebit = k.source("net.debit.column", format);
        this.netCurrency = k.source("net.currency.column", format);
        this.zoneColumn = k.source("zone.column", format);
        this.zone = p.getProperty("zone") == null ? null : k.zone("zone");
        Set<Column> opt = new TreeSet<>(COLUMN_ORDER);
        for (String v : k.text("optional", "").split(",")) {
            if (!v.isBlank()) {
                Column c = column(v.trim());
                if (c == null) {
                    throw k.bad("optional", "unknown " + columnWord() + " '" + v.trim() + "'");
                }
                opt.add(c);
            }
        }
        this.optional = Collections.unmodifiableSet(opt);

        // the profile must be able to produce a record at all
        if (target == Target.TERMINAL) {
            checkTerminal(k, prefix);
        } else {
            checkSettlement(k, prefix);
        }
        if (!header) {
            for (Source src : allSources()) {
                if (src.name() != null) {
                    throw k.bad("header", "header=false, so columns must be numbers (1-based), not names like "
                            + src.describe());
                }
            }
        }
        if (format == Format.FIXED_WIDTH) {
            Set<Source> distinct = new TreeSet<>((a, b) -> a.start() != b.start()
                    ? Integer.compare(a.start(), b.start()) : Integer.compare(a.length(), b.length()));
            distinct.addAll(allSources());
            Source prev = null;
            for (Source src : distinct) {
                if (prev != null && src.start() < prev.start() + prev.length()) {
                    throw k.bad("field.*", "fields overlap: " + prev.describe() + " and " + src.describe());
                }
                prev = src;
            }
            allSpans.addAll(distinct);
        }
        this.spans = List.copyOf(allSpans);
    }

    private void checkSettlement(Keys k, String prefix) {
        boolean hasAmount = columns.containsKey(Canonical.AMOUNT) || amountCredit != null || amountDebit != null
                || byType.containsKey(Canonical.AMOUNT);
        if (!hasAmount) {
            throw k.bad(prefix + "amount", "missing: map the amount (or amount.credit.column / amount.debit.column)");
        }
        if (!columns.containsKey(Canonical.TXN_TIME)) {
            throw k.bad(prefix + "txn_time", "missing: map the transaction time");
        }
        if (!columns.containsKey(Canonical.TYPE) && typeDefault == null && amountSign != AmountSign.SIGNED) {
            throw k.bad(prefix + "type", "missing: map the type, or give type.default, or amount.sign=signed");
        }
        if (columns.containsKey(Canonical.TYPE) && typeMap.isEmpty()) {
            throw k.bad("type.map", "missing: the type column is mapped but no type.map.<value>=KIND is given");
        }
        if (columns.containsKey(Canonical.NET) && (netCredit != null || netDebit != null)) {
            throw k.bad(prefix + "net", "give either " + prefix + "net or net.credit.column/net.debit.column");
        }
        if (columns.containsKey(Canonical.AMOUNT) && (amountCredit != null || amountDebit != null)) {
            throw k.bad(prefix + "amount",
                    "give either " + prefix + "amount or amount.credit.column/amount.debit.column");
        }
    }

    private void checkTerminal(Keys k, String prefix) {
        if (!columns.containsKey(TerminalColumn.AMOUNT) && !byType.containsKey(TerminalColumn.AMOUNT)) {
            throw k.bad(prefix + "amount", "missing: map the amount");
        }
        if (!columns.containsKey(TerminalColumn.LOCAL_TIME)) {
            throw k.bad(prefix + "local_time", "missing: map the transaction's local time");
        }
        boolean kind = columns.containsKey(TerminalColumn.KIND);
        if (!kind && !columns.containsKey(TerminalColumn.MTI) && typeDefault == null) {
            throw k.bad(prefix + "kind", "missing: map the kind (with type.map.*), or the mti (and processing_code), "
                    + "or give type.default");
        }
        if (kind && typeMap.isEmpty()) {
            throw k.bad("type.map", "missing: the kind column is mapped but no type.map.<value>=KIND is given");
        }
        Set<TxnKind> terminalKinds = Set.of(TxnKind.SALE, TxnKind.REFUND, TxnKind.VOID, TxnKind.REVERSAL);
        for (Map.Entry<String, TxnKind> e : typeMap.entrySet()) {
            if (e.getValue() != null && !terminalKinds.contains(e.getValue())) {
                throw k.bad("type.map." + e.getKey(), "a terminal transaction is SALE, REFUND, VOID or REVERSAL "
                        + "(or IGNORE), not " + e.getValue());
            }
        }
        if (typeDefault != null && !terminalKinds.contains(typeDefault)) {
            throw k.bad("type.default", "a terminal transaction is SALE, REFUND, VOID or REVERSAL, not " + typeDefault);
        }
        if (!columns.containsKey(TerminalColumn.RESPONSE_CODE) && !defaults.containsKey(TerminalColumn.RESPONSE_CODE)) {
            throw k.bad(prefix + "response_code", "missing: map the response code, or give default.response_code "
                    + "(e.g. 00 for an export of approved transactions only)");
        }
    }

    /** The column a profile key names, for this profile's target; null when there is none. */
    private Column column(String key) {
        return target == Target.SETTLEMENT ? Canonical.byKey(key) : TerminalColumn.byKey(key);
    }

    private String columnWord() {
        return target == Target.SETTLEMENT ? "canonical column" : "terminal field";
    }

    private String columnKeys() {
        return target == Target.SETTLEMENT ? Canonical.keys() : TerminalColumn.keys();
    }

    /** Every source the profile reads. */
    List<Source> allSources() {
        List<Source> all = new ArrayList<>();
        for (List<Source> l : columns.values()) {
            all.addAll(l);
        }
        for (Map<TxnKind, List<Source>> m : byType.values()) {
            for (List<Source> l : m.values()) {
                all.addAll(l);
            }
        }
        for (Source s : new Source[] {selectColumn, amountCredit, amountDebit, netCredit, netDebit, netCurrency,
                zoneColumn}) {
            if (s != null) {
                all.add(s);
            }
        }
        return all;
    }

    /** Sources that must be found in the header (all but those of optional canonical columns). */
    List<Source> requiredSources() {
        List<Source> req = new ArrayList<>();
        for (Source s : allSources()) {
            req.add(s);
        }
        for (Column c : optional) {
            List<Source> l = columns.get(c);
            if (l != null) {
                req.removeAll(l);
            }
        }
        return req;
    }

    String formatName() {
        return format == Format.FIXED_WIDTH ? "fixed-width" : "delimited";
    }

    private static TxnKind kind(Keys k, String key, String v) {
        try {
            return TxnKind.valueOf(v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw k.bad(key, "expected SALE, REFUND, VOID, REVERSAL, CHARGEBACK or ADJUSTMENT"
                    + (key.startsWith("type.map.") ? " or IGNORE" : "") + ", found '" + v + "'");
        }
    }

    static Profile of(String name, String origin, Properties p) {
        return new Profile(name, origin, p);
    }

    /** Typed access to the properties, failing with the key named. */
    private static final class Keys {
        static final Set<String> FIXED = Set.of("description", "assumes", "format", "encoding", "delimiter", "quote",
                "quote.escape", "skip.lines", "header", "comment.prefix", "record.select.column",
                "record.select.values", "record.select.prefix", "stop.at.prefix", "detect.regex", "strip.prefix",
                "strip.suffix", "amount.thousands.separator", "amount.decimal.separator", "amount.strip.chars",
                "amount.units", "amount.sign", "amount.credit.column", "amount.debit.column", "net.credit.column",
                "net.debit.column", "net.currency.column", "fee.negate", "zone", "zone.column", "type.default", "optional",
                "target");
        private final String origin;
        private final Properties p;

        Keys(String origin, Properties p) {
            this.origin = origin;
            this.p = p;
        }

        Set<String> names() {
            return new TreeSet<>(p.stringPropertyNames());
        }

        InputException bad(String key, String problem) {
            return new InputException(origin, 0, key, problem);
        }

        String raw(String key, String dflt) {
            String v = p.getProperty(key);
            return v == null || v.isEmpty() ? dflt : v;
        }

        String text(String key, String dflt) {
            String v = p.getProperty(key);
            return v == null || v.isBlank() ? dflt : v.strip();
        }

        char character(String key, char dflt) {
            String v = raw(key, null);
            if (v == null) {
                return dflt;
            }
            if (v.length() != 1) {
                throw bad(key, "expected one character, found '" + v + "'");
            }
            return v.charAt(0);
        }

        int integer(String key, int dflt) {
            String v = text(key, null);
            if (v == null) {
                return dflt;
            }
            try {
                int n = Integer.parseInt(v);
                if (n < 0) {
                    throw bad(key, "expected a number >= 0, found '" + v + "'");
                }
                return n;
            } catch (NumberFormatException e) {
                throw bad(key, "expected a number, found '" + v + "'");
            }
        }

        boolean bool(String key, boolean dflt) {
            String v = text(key, null);
            if (v == null) {
                return dflt;
            }
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> true;
                case "false", "no" -> false;
                default -> throw bad(key, "expected true or false, found '" + v + "'");
            };
        }

        Charset charset(String key) {
            String v = text(key, null);
            if (v == null) {
                return StandardCharsets.UTF_8;
            }
            try {
                return Charset.forName(v);
            } catch (IllegalArgumentException e) {
                throw bad(key, "unknown encoding '" + v + "'");
            }
        }

        ZoneId zone(String key) {
            String v = text(key, "");
            try {
                return ZoneId.of(v);
            } catch (DateTimeException e) {
                throw bad(key, "unknown time zone '" + v + "' (use a region like Asia/Shanghai or an offset +08:00)");
            }
        }

        Source source(String key, Format format) {
            List<Source> l = p.getProperty(key) == null ? List.of() : sources(key, format);
            if (l.size() > 1) {
                throw bad(key, "one column expected");
            }
            return l.isEmpty() ? null : l.get(0);
        }

        /**
         * {@code name}, {@code 3} or {@code a + b}; fixed-width: {@code start,length} (or several with '+'). A column
         * number or position beyond what {@link RowStream} reads is refused here.
         */
        List<Source> sources(String key, Format format) {
            String v = text(key, "");
            if (v.isEmpty()) {
                throw bad(key, "empty");
            }
            List<Source> out = new ArrayList<>();
            for (String part : v.split("\\+")) {
                String t = part.strip();
                if (format == Format.FIXED_WIDTH) {
                    String[] se = t.split(",");
                    try {
                        int start = Integer.parseInt(se[0].strip());
                        int len = Integer.parseInt(se[1].strip());
                        if (se.length != 2 || start < 1 || len < 1 || start > RowStream.MAX_CHARS
                                || len > RowStream.MAX_CHARS) {
                            throw new NumberFormatException();
                        }
                        out.add(new Source(null, 0, start, len));
                    } catch (RuntimeException e) {
                        throw bad(key, "expected start,length (1-based), found '" + t + "'");
                    }
                } else if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
                    int idx = t.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(t); // 5+ digits: too many anyway
                    if (idx < 1) {
                        throw bad(key, "column numbers start at 1, found '" + t + "'");
                    }
                    if (idx > RowStream.MAX_COLUMNS) {
                        throw bad(key, "column number " + t + " is beyond the " + RowStream.MAX_COLUMNS
                                + " columns a row may have");
                    }
                    out.add(new Source(null, idx, 0, 0));
                } else if (t.isEmpty()) {
                    throw bad(key, "empty column name in '" + v + "'");
                } else {
                    out.add(new Source(t, 0, 0, 0));
                }
            }
            return out;
        }
    }
}
