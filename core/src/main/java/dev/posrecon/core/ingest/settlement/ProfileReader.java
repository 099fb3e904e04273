package dev.posrecon.core.ingest.settlement;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.error.InputException;
import dev.posrecon.core.ingest.Interner;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.ingest.RecordReader;
import dev.posrecon.core.ingest.Shared;
import dev.posrecon.core.ingest.TextInput;
import dev.posrecon.core.ingest.Values;
import dev.posrecon.core.model.Cards;
import dev.posrecon.core.model.Currencies;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.Reject;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.TxnKind;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
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
 * Reads a settlement file through a {@link Profile}: univocity splits the rows, this maps them onto
 * {@link SettlementRecord}s. A row it cannot map becomes a {@link Reject} naming the canonical field, the source
 * column and the value; rows that are not records (preamble, comments, summary block, unselected record types)
 * are counted as ignored.
 */
final class ProfileReader implements RecordReader<SettlementRecord> {

    private final Profile profile;
    private final Charset encoding;
    private final ReconConfig config;
    private final Interner interner;

    ProfileReader(Profile profile, Charset encoding, ReconConfig config) {
        this(profile, encoding, config, Interner.NONE);
    }

    ProfileReader(Profile profile, Charset encoding, ReconConfig config, Interner interner) {
        this.interner = interner;
        this.profile = profile;
        this.encoding = encoding;
        this.config = config;
    }

    Profile profile() {
        return profile;
    }

    @Override
    public ReadResult<SettlementRecord> read(Path file, String displayName) {
        List<SettlementRecord> records = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        TextInput.Opened in = TextInput.open(file, displayName, encoding, profile.encoding);
        long ignored;
        try (RowStream rows = new RowStream(profile, in, displayName)) {
            Mapper mapper = null;
            RowStream.Row row;
            while ((row = rows.next()) != null) {
                if (mapper == null) {
                    mapper = new Mapper(rows, displayName);
                }
                if (!mapper.selected(row)) {
                    rows.countIgnored();
                    continue;
                }
                try {
                    SettlementRecord r = mapper.map(row, new SourceRef(displayName, row.line()));
                    if (r == null) {
                        rows.countIgnored();
                    } else {
                        records.add(r);
                    }
                } catch (RowProblem p) {
                    rejects.add(new Reject(displayName, row.line(), p.getMessage(), mapper.maskedRaw(row)));
                }
            }
            if (profile.header && rows.header() == null) {
                throw new InputException(displayName, 0, null, "no header row: the file holds no "
                        + profile.name + " header (is it empty, or the wrong profile?)");
            }
            if (mapper == null) {
                new Mapper(rows, displayName); // an empty file with a header still has its columns checked
            }
            ignored = rows.ignored();
        }
        return new ReadResult<>(records, rejects, ignored, "lines");
    }

    /** A row that cannot be mapped; the message is the reject reason. */
    private static final class RowProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RowProblem(String message) {
            super(message, null, false, false);
        }
    }

    /** Maps rows once the header (if any) is known and every source is resolved to a row position. */
    private final class Mapper {
        private final Map<Profile.Source, Integer> positions = new HashMap<>();
        /** the same positions by identity: sources are records with many fields, slow to hash on every value. */
        private final Map<Profile.Source, Integer> byIdentity = new java.util.IdentityHashMap<>();
        private final Shared shared = new Shared();
        private final String[] header;

        Mapper(RowStream rows, String file) {
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
                throw new InputException(file, rows.headerLine(), missing.get(0),
                        (missing.size() == 1 ? "missing column" : "missing columns " + String.join(", ", missing))
                                + " (profile " + profile.name + "); header has: " + String.join(", ", header));
            }
        }

        /**
         * The row's raw text with card numbers masked: the card field's value wherever it appears (in a fixed-width
         * record it is glued to other digits, where {@link Cards#maskInText} cannot see it), then any other PAN.
         */
        String maskedRaw(RowStream.Row row) {
            String raw = row.raw();
            List<Profile.Source> cards = new ArrayList<>();
            if (profile.columns.containsKey(Canonical.CARD)) {
                cards.addAll(profile.columns.get(Canonical.CARD));
            }
            profile.byType.getOrDefault(Canonical.CARD, Map.of()).values().forEach(cards::addAll);
            for (Profile.Source s : cards) {
                String v = value(row.values(), s);
                if (v != null && v.length() > 4) {
                    raw = raw.replace(v, Cards.mask(v));
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

        /** @return the record, or null when the type map says to ignore the row */
        SettlementRecord map(RowStream.Row row, SourceRef ref) {
            String[] v = row.values();
            if (header != null && v.length != header.length && !onlyEmptyBeyond(v, header.length)) {
                throw new RowProblem("has " + v.length + " fields, but the header has " + header.length);
            }
            TxnKind kind = null;
            List<Profile.Source> typeSrc = profile.columns.get(Canonical.TYPE);
            String typeText = typeSrc == null ? null : value(v, typeSrc.get(0));
            if (typeText != null) {
                kind = kindOf(typeText, typeSrc.get(0));
                if (kind == null) {
                    return null;
                }
            } else if (profile.typeDefault != null) {
                kind = profile.typeDefault;
            } else if (profile.amountSign != Profile.AmountSign.SIGNED) {
                throw problem(Canonical.TYPE, typeSrc == null ? null : typeSrc.get(0), "empty");
            }

            Currency currency = currency(v, kind);
            long signed;
            if (profile.amountCredit != null || profile.amountDebit != null) {
                Long credit = profile.amountCredit == null ? null
                        : money(v, List.of(profile.amountCredit), Canonical.AMOUNT, currency);
                Long debit = profile.amountDebit == null ? null
                        : money(v, List.of(profile.amountDebit), Canonical.AMOUNT, currency);
                if (credit == null && debit == null) {
                    throw problem(Canonical.AMOUNT, null, "empty: neither credit nor debit column has a value");
                }
                signed = Math.subtractExact(credit == null ? 0 : credit, debit == null ? 0 : debit);
            } else {
                List<Profile.Source> src = sources(Canonical.AMOUNT, kind);
                if (src == null) {
                    throw problem(Canonical.AMOUNT, null, "no amount column for type " + kind);
                }
                Long a = money(v, src, Canonical.AMOUNT, currency);
                if (a == null) {
                    throw problem(Canonical.AMOUNT, src.get(0), "empty");
                }
                signed = a;
            }
            if (kind == null) {
                kind = signed < 0 ? TxnKind.REFUND : TxnKind.SALE;
            }
            Money amount = Money.of(Math.abs(signed), currency);

            Currency feeCurrency = currency;
            if (profile.netCurrency != null) {
                String t = value(v, profile.netCurrency);
                feeCurrency = t == null ? currency : Currencies.resolve(t);
                if (feeCurrency == null) {
                    throw new RowProblem("fee/net currency (from " + profile.netCurrency.describe()
                            + "): unknown currency '" + t + "'");
                }
            }
            Long fee = money(v, sources(Canonical.FEE, kind), Canonical.FEE, feeCurrency);
            if (fee != null && profile.feeNegate) {
                fee = Math.negateExact(fee);
            }
            Long net;
            if (profile.netCredit != null || profile.netDebit != null) {
                Long c = profile.netCredit == null ? null
                        : money(v, List.of(profile.netCredit), Canonical.NET, feeCurrency);
                Long d = profile.netDebit == null ? null
                        : money(v, List.of(profile.netDebit), Canonical.NET, feeCurrency);
                net = c == null && d == null ? null : Math.subtractExact(c == null ? 0 : c, d == null ? 0 : d);
            } else {
                net = money(v, sources(Canonical.NET, kind), Canonical.NET, feeCurrency);
            }

            return new SettlementRecord(ref,
                    shared.string(text(v, Canonical.MERCHANT_ID, kind)),
                    shared.string(text(v, Canonical.TERMINAL_ID, kind)),
                    txnTime(v, kind),
                    settleDate(v, kind),
                    kind,
                    amount,
                    fee == null ? null : Money.of(fee, feeCurrency),
                    net == null ? null : Money.of(net, feeCurrency),
                    interner.intern(Cards.mask(text(v, Canonical.CARD, kind))),
                    interner.intern(text(v, Canonical.AUTH_CODE, kind)),
                    interner.intern(text(v, Canonical.RRN, kind)),
                    shared.string(text(v, Canonical.STAN, kind)),
                    shared.string(text(v, Canonical.BATCH, kind)));
        }

        private boolean onlyEmptyBeyond(String[] v, int n) {
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

        private TxnKind kindOf(String text, Profile.Source src) {
            Map<String, TxnKind> m = profile.typeMap;
            if (m.containsKey(text)) {
                return m.get(text);
            }
            for (Map.Entry<String, TxnKind> e : m.entrySet()) {
                if (e.getKey().equalsIgnoreCase(text)) {
                    return e.getValue();
                }
            }
            throw problem(Canonical.TYPE, src, "unknown value '" + text + "' (the profile maps: "
                    + String.join(", ", m.keySet()) + ")");
        }

        private Currency currency(String[] v, TxnKind kind) {
            List<Profile.Source> src = sources(Canonical.CURRENCY, kind);
            String t = src == null ? null : value(v, src.get(0));
            if (t == null) {
                t = profile.defaults.get(Canonical.CURRENCY);
            }
            if (t == null) {
                return config.currency();
            }
            Currency c = Currencies.resolve(t);
            if (c == null) {
                throw problem(Canonical.CURRENCY, src == null ? null : src.get(0), "unknown currency '" + t + "'");
            }
            return c;
        }

        private LocalDateTime txnTime(String[] v, TxnKind kind) {
            List<Profile.Source> src = sources(Canonical.TXN_TIME, kind);
            Profile.Source s = src.get(0);
            String t = value(v, s);
            if (t == null) {
                throw problem(Canonical.TXN_TIME, s, "empty");
            }
            LocalDateTime ldt = null;
            List<DateTimeFormatter> fmts = profile.dateFormats.get(Canonical.TXN_TIME);
            try {
                if (fmts == null) {
                    ldt = Values.simpleLocalDateTime(t);
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
                throw problem(Canonical.TXN_TIME, s, "not a date-time: '" + t + "' (expected "
                        + profile.datePatterns.getOrDefault(Canonical.TXN_TIME, "yyyy-MM-dd HH:mm:ss") + ")");
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

        private LocalDate settleDate(String[] v, TxnKind kind) {
            List<Profile.Source> src = sources(Canonical.SETTLE_DATE, kind);
            String t = src == null ? null : value(v, src.get(0));
            if (t == null) {
                t = profile.defaults.get(Canonical.SETTLE_DATE);
            }
            if (t == null) {
                return null;
            }
            List<DateTimeFormatter> fmts = profile.dateFormats.get(Canonical.SETTLE_DATE);
            if (fmts == null) {
                LocalDate simple = Values.simpleLocalDate(t);
                if (simple != null) {
                    return simple;
                }
                fmts = List.of(DateTimeFormatter.ISO_LOCAL_DATE);
            }
            for (DateTimeFormatter f : fmts) {
                try {
                    return f.parse(t, LocalDate::from);
                } catch (DateTimeException e) {
                    // try the next pattern
                }
            }
            throw problem(Canonical.SETTLE_DATE, src == null ? null : src.get(0), "not a date: '" + t + "' (expected "
                    + profile.datePatterns.getOrDefault(Canonical.SETTLE_DATE, "yyyy-MM-dd") + ")");
        }

        private String text(String[] v, Canonical c, TxnKind kind) {
            List<Profile.Source> src = sources(c, kind);
            String t = src == null ? null : value(v, src.get(0));
            return t != null ? t : profile.defaults.get(c);
        }

        /** Sum of the sources in minor units; null when every one is empty. */
        private Long money(String[] v, List<Profile.Source> src, Canonical c, Currency currency) {
            if (src == null) {
                return null;
            }
            Long sum = null;
            for (Profile.Source s : src) {
                String t = value(v, s);
                if (t == null) {
                    continue;
                }
                long m = minor(t, s, c, currency);
                sum = sum == null ? m : Math.addExact(sum, m);
            }
            return sum;
        }

        private long minor(String text, Profile.Source s, Canonical c, Currency currency) {
            String t = text;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (profile.amountStripChars.indexOf(ch) >= 0 || Character.isWhitespace(ch)) {
                    t = stripped(text);
                    break;
                }
            }
            if (profile.thousandsSeparator != null && t.contains(profile.thousandsSeparator)) {
                if (!grouped(t)) {
                    throw problem(c, s, "not a number: '" + text + "' (digit groups of three expected around '"
                            + profile.thousandsSeparator + "')");
                }
                t = t.replace(profile.thousandsSeparator, "");
            }
            if (!".".equals(profile.decimalSeparator)) {
                t = t.replace(profile.decimalSeparator, ".");
            }
            if (t.startsWith("(") && t.endsWith(")") && t.length() > 2) {
                t = "-" + t.substring(1, t.length() - 1);
            }
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

        private String stripped(String text) {
            StringBuilder sb = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (profile.amountStripChars.indexOf(ch) < 0 && !Character.isWhitespace(ch)) {
                    sb.append(ch);
                }
            }
            return sb.toString();
        }

        /** Thousands separators only between groups of three digits in the integer part: 1,234.50 yes, 1,00 no. */
        private boolean grouped(String t) {
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

        private List<Profile.Source> sources(Canonical c, TxnKind kind) {
            Map<TxnKind, List<Profile.Source>> m = profile.byType.get(c);
            if (m != null && kind != null && m.containsKey(kind)) {
                return m.get(kind);
            }
            return profile.columns.get(c);
        }

        /** The cleaned value of a source (strip, strip.prefix/suffix), or null when absent or empty. */
        private String value(String[] v, Profile.Source s) {
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

        private RowProblem problem(Canonical c, Profile.Source s, String what) {
            String from = s == null || (s.name() != null && RowStream.norm(s.name()).equals(c.key())) ? ""
                    : " (from " + s.describe() + ")";
            return new RowProblem(c.key() + from + ": " + what);
        }
    }
}
