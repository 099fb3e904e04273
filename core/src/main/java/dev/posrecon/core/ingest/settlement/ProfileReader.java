package dev.posrecon.core.ingest.settlement;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.ingest.Shared;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.ingest.RecordReader;
import dev.posrecon.core.model.Cards;
import dev.posrecon.core.model.Currencies;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.TxnKind;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;

/**
 * Reads a settlement file through a {@link Profile}: univocity splits the rows ({@link Cells#read}), this maps them
 * onto {@link SettlementRecord}s. A row it cannot map becomes a reject naming the canonical field, the source
 * column and the value; rows that are not records (preamble, comments, summary block, unselected record types)
 * are counted as ignored.
 */
final class ProfileReader implements RecordReader<SettlementRecord> {

    private final Profile profile;
    private final Charset encoding;
    private final ReconConfig config;

    ProfileReader(Profile profile, Charset encoding, ReconConfig config) {
        this.profile = profile;
        this.encoding = encoding;
        this.config = config;
    }

    Profile profile() {
        return profile;
    }

    @Override
    public ReadResult<SettlementRecord> read(Path file, String displayName) {
        Shared shared = new Shared();
        return Cells.read(profile, encoding, config, file, displayName,
                (cells, row, ref) -> map(cells, row, ref, shared));
    }

    /** @return the record, or null when the type map says to ignore the row */
    private static SettlementRecord map(Cells cells, RowStream.Row row, SourceRef ref, Shared shared) {
        Profile profile = cells.profile();
        String[] v = row.values();
        TxnKind kind = null;
        List<Profile.Source> typeSrc = profile.columns.get(Canonical.TYPE);
        String typeText = typeSrc == null ? null : cells.value(v, typeSrc.get(0));
        if (typeText != null) {
            kind = cells.kindOf(typeText, Canonical.TYPE, typeSrc.get(0));
            if (kind == null) {
                return null;
            }
        } else if (profile.typeDefault != null) {
            kind = profile.typeDefault;
        } else if (profile.amountSign != Profile.AmountSign.SIGNED) {
            throw cells.problem(Canonical.TYPE, typeSrc == null ? null : typeSrc.get(0), "empty");
        }

        Currency currency = currency(cells, v, kind);
        long signed;
        if (profile.amountCredit != null || profile.amountDebit != null) {
            Long credit = profile.amountCredit == null ? null
                    : cells.money(v, List.of(profile.amountCredit), Canonical.AMOUNT, currency);
            Long debit = profile.amountDebit == null ? null
                    : cells.money(v, List.of(profile.amountDebit), Canonical.AMOUNT, currency);
            if (credit == null && debit == null) {
                throw cells.problem(Canonical.AMOUNT, null, "empty: neither credit nor debit column has a value");
            }
            signed = Math.subtractExact(credit == null ? 0 : credit, debit == null ? 0 : debit);
        } else {
            List<Profile.Source> src = cells.sources(Canonical.AMOUNT, kind);
            if (src == null) {
                throw cells.problem(Canonical.AMOUNT, null, "no amount column for type " + kind);
            }
            Long a = cells.money(v, src, Canonical.AMOUNT, currency);
            if (a == null) {
                throw cells.problem(Canonical.AMOUNT, src.get(0), "empty");
            }
            signed = a;
        }
        if (kind == null) {
            kind = signed < 0 ? TxnKind.REFUND : TxnKind.SALE;
        }
        Money amount = Money.of(Math.abs(signed), currency);

        Currency feeCurrency = currency;
        if (profile.netCurrency != null) {
            String t = cells.value(v, profile.netCurrency);
            feeCurrency = t == null ? currency : Currencies.resolve(t);
            if (feeCurrency == null) {
                throw new Cells.RowProblem("fee/net currency (from " + profile.netCurrency.describe()
                        + "): unknown currency '" + t + "'");
            }
        }
        Long fee = cells.money(v, cells.sources(Canonical.FEE, kind), Canonical.FEE, feeCurrency);
        if (fee != null && profile.feeNegate) {
            fee = Math.negateExact(fee);
        }
        Long net;
        if (profile.netCredit != null || profile.netDebit != null) {
            Long c = profile.netCredit == null ? null
                    : cells.money(v, List.of(profile.netCredit), Canonical.NET, feeCurrency);
            Long d = profile.netDebit == null ? null
                    : cells.money(v, List.of(profile.netDebit), Canonical.NET, feeCurrency);
            net = c == null && d == null ? null : Math.subtractExact(c == null ? 0 : c, d == null ? 0 : d);
        } else {
            net = cells.money(v, cells.sources(Canonical.NET, kind), Canonical.NET, feeCurrency);
        }

        return new SettlementRecord(ref,
                shared.string(cells.text(v, Canonical.MERCHANT_ID, kind)),
                shared.string(cells.text(v, Canonical.TERMINAL_ID, kind)),
                cells.dateTime(v, Canonical.TXN_TIME, kind),
                settleDate(cells, v, kind, shared),
                kind,
                amount,
                fee == null ? null : Money.of(fee, feeCurrency),
                net == null ? null : Money.of(net, feeCurrency),
                Cards.mask(cells.text(v, Canonical.CARD, kind)),
                cells.text(v, Canonical.AUTH_CODE, kind),
                cells.text(v, Canonical.RRN, kind),
                shared.string(cells.text(v, Canonical.STAN, kind)),
                shared.string(cells.text(v, Canonical.BATCH, kind)));
    }

    /** The row's currency (column, else {@code default.currency}, else the configured currency). */
    static Currency currency(Cells cells, String[] v, TxnKind kind) {
        Column col = cells.profile().target == Profile.Target.TERMINAL ? TerminalColumn.CURRENCY : Canonical.CURRENCY;
        List<Profile.Source> src = cells.sources(col, kind);
        String t = src == null ? null : cells.value(v, src.get(0));
        if (t == null) {
            t = cells.profile().defaults.get(col);
        }
        if (t == null) {
            return cells.config().currency();
        }
        Currency c = Currencies.resolve(t);
        if (c == null) {
            throw cells.problem(col, src == null ? null : src.get(0), "unknown currency '" + t + "'");
        }
        return c;
    }

    private static LocalDate settleDate(Cells cells, String[] v, TxnKind kind, Shared shared) {
        Profile profile = cells.profile();
        List<Profile.Source> src = cells.sources(Canonical.SETTLE_DATE, kind);
        String t = src == null ? null : cells.value(v, src.get(0));
        if (t == null) {
            t = profile.defaults.get(Canonical.SETTLE_DATE);
        }
        if (t == null) {
            return null;
        }
        List<DateTimeFormatter> fmts = profile.dateFormats.get(Canonical.SETTLE_DATE);
        List<DateTimeFormatter> formats = fmts == null ? List.of(DateTimeFormatter.ISO_LOCAL_DATE) : fmts;
        return shared.date(t, text -> {
            for (DateTimeFormatter f : formats) {
                try {
                    return f.parse(text, LocalDate::from);
                } catch (DateTimeException e) {
                    // try the next pattern
                }
            }
            throw cells.problem(Canonical.SETTLE_DATE, src == null ? null : src.get(0), "not a date: '" + text
                    + "' (expected " + profile.datePatterns.getOrDefault(Canonical.SETTLE_DATE, "yyyy-MM-dd") + ")");
        });
    }
}
