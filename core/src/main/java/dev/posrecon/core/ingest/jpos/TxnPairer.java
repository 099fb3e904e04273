package dev.posrecon.core.ingest.jpos;

import dev.posrecon.core.config.KindMapping;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.model.Cards;
import dev.posrecon.core.model.Currencies;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.Reject;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.TerminalRecord;
import dev.posrecon.core.model.TxnKind;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Turns the messages of one log, in file order, into terminal transactions: each request paired with its response
 * by terminal id (41) + STAN (11, compared as a number) + message class + request function (0200 with 0210, 0220
 * with 0230, 0420 with 0430, 2100 with 2110...). A request with no response by the end is a timeout.
 *
 * <p>Counted as ignored, never rejected: messages the kind mapping skips (network management) or does not know
 * (an MTI class or processing code with no kind, such as a balance inquiry) and their responses; a second copy of
 * an open request (a repeat such as 0201/0421, or the same message logged by both ends of a loop-back) and a second
 * copy of a response with the same response code. Rejected, with the reason: a message with no or a bad MTI, a
 * request with no STAN, a bad amount or currency, no time, a response with no request, and, when the transaction
 * is built, one with no amount or no terminal id.
 */
final class TxnPairer implements MessageSink {
    private static final int RECENT_KEYS = 50_000;
    private final ReconConfig config;
    private final KindMapping mapping;
    private final String file;
    private final JposTimes times;
    private final LocalDate fileDate;
    /** Requests in file order: a Pending while open, then its record (null when rejected). */
    private final List<Object> order = new ArrayList<>();
    private final Map<Key, Pending> open = new HashMap<>();
    /** Open requests with no terminal id, by STAN and class: a response may pair with one of them. */
    private final Map<Key, List<Pending>> openWithoutTid = new HashMap<>();
    /**
     * Every open request by STAN and class, for responses with no terminal id: made when the first such response
     * comes (most logs have none), then kept up to date.
     */
    private Map<Key, List<Pending>> openByStan;
    /**
     * Keys of recently answered or skipped requests, for recognising a second copy of a response or the response
     * to a skipped request: these come soon after, so the oldest are forgotten to keep memory flat on big logs.
     */
    private final RecentKeys<Key, Pending> done = new RecentKeys<>(RECENT_KEYS);
    private final RecentKeys<Key, Boolean> skipped = new RecentKeys<>(RECENT_KEYS);
    private final Map<String, String> normalStans = new HashMap<>();
    private final Map<MtiProc, Kind> kinds = new HashMap<>();
    private final List<Reject> rejects = new ArrayList<>();
    private final Boolean[] classKnown = new Boolean[10];
    private final Map<String, String> sharedStrings = new HashMap<>();
    private final Map<String, Currency> currencies = new HashMap<>();
    private LocalDate reference;
    /** The response code {@link #approved} last looked up (none yet: a string no response can hold). */
    private String lastCode = new String("");
    private boolean lastApproved;
    private long ignored;

    /**
     * @param fileDate the date to take a year from when a message carries only month and day and no entry time
     *                 came before it (the file's last-modified date)
     */
    TxnPairer(ReconConfig config, String file, LocalDate fileDate) {
        this.config = config;
        this.mapping = config.kindMapping();
        this.file = file;
        this.times = new JposTimes(config.zone());
        this.fileDate = fileDate;
    }

    @Override
    public void ignore() {
        ignored++;
    }

    @Override
    public void reject(long line, String reason, String raw) {
        rejects.add(new Reject(file, line, reason, raw));
    }

    @Override
    public void accept(IsoMessage m, Supplier<String> raw) {
        LocalDateTime at = m.atTime != null ? m.atTime : times.at(m.at);
        if (at != null) {
            reference = at.toLocalDate();
        }
        String mti = m.mti;
        if (mti == null) {
            reject(m.line, "no MTI (field 0)", raw.get());
            return;
        }
        if (mti.length() != 4 || !JposTimes.digits(mti)) {
            reject(m.line, "MTI '" + mti + "' is not four digits (field 0)", raw.get());
            return;
        }
        Kind k = kind(mti, m.proc);
        if (k.ignored) {
            ignored++;
            return;
        }
        int function = mti.charAt(2) - '0';
        boolean isRequest = function % 2 == 0;
        int classFunction = (mti.charAt(1) - '0') * 10 + (isRequest ? function : function - 1);
        if (isRequest) {
            request(m, at, classFunction, k.kind, raw);
        } else {
            response(m, classFunction, k.kind, raw);
        }
    }

    private void request(IsoMessage m, LocalDateTime at, int classFunction, TxnKind kind, Supplier<String> raw) {
        String stan = normalStan(m.stan);
        Key key = stan == null ? null : new Key(m.tid, stan, classFunction);
        List<String> problems = new ArrayList<>();
        if (kind == null) {
            if (m.proc != null || !classKnown(m.mti.charAt(1))) {
                skip(key);
                ignored++;
                return;
            }
            problems.add("no processing code (field 3)");
        }
        if (stan == null) {
            problems.add("no STAN (field 11)");
        }
        if (!problems.isEmpty()) {
            if (m.amount == null) {
                problems.add("no amount (field 4)");
            }
            if (m.tid == null) {
                problems.add("no terminal id (field 41)");
            }
            skip(key);
            reject(m.line, m.mti + " request: " + String.join(", ", problems), raw.get());
            return;
        }
        Pending same = open.get(key);
        if (same != null && !sameRequest(same, m)) {
            // the STAN came round again (a reset at key exchange or batch close) while the old request is still
            // unanswered: the old one timed out, and the response to come is the new one's
            close(same);
            same = null;
        }
        if (same != null || (isRepeat(m.mti) && done.containsKey(key))) {
            // a repeat (0201, 0421) or the same request logged twice: one transaction
            ignored++;
            return;
        }
        LocalDateTime time = times.messageTime(m.f7, m.f12, m.f13, at, reference != null ? reference : fileDate);
        if (time == null) {
            skip(key);
            reject(m.line, m.mti + " request: no time (no log entry time, no fields 12/13 or 7)", raw.get());
            return;
        }
        Money amount;
        try {
            amount = amount(m);
        } catch (IllegalArgumentException e) {
            skip(key);
            reject(m.line, m.mti + " request: " + e.getMessage(), raw.get());
            return;
        }
        Pending p = new Pending(key, m, kind, time, amount);
        if (amount == null || m.tid == null) {
            p.raw = raw.get();
        }
        p.index = order.size();
        order.add(p);
        open.put(key, p);
        if (m.tid == null) {
            openWithoutTid.computeIfAbsent(key, k -> new ArrayList<>(1)).add(p);
        }
        if (openByStan != null) {
            openByStan.computeIfAbsent(key.withoutTid(), k -> new ArrayList<>(1)).add(p);
        }
    }

    private void response(IsoMessage m, int classFunction, TxnKind kind, Supplier<String> raw) {
        String stan = normalStan(m.stan);
        if (stan == null) {
            reject(m.line, m.mti + " response with no STAN (field 11): cannot be paired", raw.get());
            return;
        }
        Key key = new Key(m.tid, stan, classFunction);
        Pending p = open.get(key);
        if (p == null) {
            p = uniqueOpen(key);
        }
        if (p != null) {
            unindex(p);
            done.put(p.key, p);
            p.complete(m);
            return;
        }
        Pending answered = done.get(key);
        if (answered != null) {
            if (Objects.equals(answered.responseCode, m.rc)) {
                ignored++;
            } else {
                reject(m.line, m.mti + " response: a second response to the request at line " + answered.line
                        + " with response code " + m.rc + " (first: " + answered.responseCode + ")", raw.get());
            }
            return;
        }
        if (skipped.containsKey(key) || kind == null && !classKnown(m.mti.charAt(1))) {
            ignored++;
            return;
        }
        if (kind == null && m.proc != null) {
            ignored++;
            return;
        }
        reject(m.line, m.mti + " response with no request (terminal " + (m.tid == null ? "?" : m.tid) + ", STAN "
                + m.stan + ")", raw.get());
    }

    /**
     * True when {@code m} can be a second copy of the open request {@code p} (a repeat, or one message logged by both
     * ends): nothing the two both carry differs — processing code, amount, card ending. A request that differs is a
     * new payment that reuses the STAN.
     */
    private boolean sameRequest(Pending p, IsoMessage m) {
        IsoMessage q = p.request;
        if (!Objects.equals(q.proc, m.proc)) {
            return false;
        }
        if (p.amount != null && m.amount != null) {
            try {
                if (!p.amount.equals(amount(m))) {
                    return false;
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        String a = Cards.last4(q.card());
        String b = Cards.last4(m.card());
        return a == null || b == null || a.equals(b);
    }

    /** Ends an open request with no response (a timeout): it keeps its place in file order. */
    private void close(Pending p) {
        unindex(p);
        p.complete(null);
    }

    private void unindex(Pending p) {
        open.remove(p.key);
        if (p.key.tid == null) {
            removeFrom(openWithoutTid, p.key, p);
        }
        if (openByStan != null) {
            removeFrom(openByStan, p.key.withoutTid(), p);
        }
    }

    /**
     * The one open request with the response's STAN and class when either side has no terminal id: the one open
     * request without a terminal id, or, for a response without one, the one open request of any terminal.
     */
    private Pending uniqueOpen(Key response) {
        List<Pending> candidates;
        if (response.tid != null) {
            candidates = openWithoutTid.get(response.withoutTid());
        } else {
            if (openByStan == null) {
                openByStan = new HashMap<>();
                for (Pending c : open.values()) {
                    openByStan.computeIfAbsent(c.key.withoutTid(), k -> new ArrayList<>(1)).add(c);
                }
            }
            candidates = openByStan.get(response);
        }
        return candidates != null && candidates.size() == 1 ? candidates.get(0) : null;
    }

    private static void removeFrom(Map<Key, List<Pending>> index, Key key, Pending p) {
        List<Pending> same = index.get(key);
        same.remove(p);
        if (same.isEmpty()) {
            index.remove(key);
        }
    }

    /** The STAN without leading zeros (see {@link TerminalRecord#normStan}), one string per distinct STAN. */
    private String normalStan(String stan) {
        if (stan == null) {
            return null;
        }
        String n = normalStans.get(stan);
        if (n == null) {
            n = TerminalRecord.normStan(stan);
            if (n != null && normalStans.size() < 1 << 18) {
                normalStans.put(stan, n);
            }
        }
        return n;
    }

    /** The kind mapping's verdict for an MTI and processing code, remembered: a log has few pairs of them. */
    private Kind kind(String mti, String proc) {
        MtiProc mp = new MtiProc(mti, proc);
        Kind k = kinds.get(mp);
        if (k == null) {
            k = new Kind(mapping.isIgnored(mti, proc), mapping.kindOf(mti, proc));
            if (kinds.size() < 10_000) {
                kinds.put(mp, k);
            }
        }
        return k;
    }

    ReadResult<TerminalRecord> finish() {
        List<TerminalRecord> records = new ArrayList<>(order.size());
        for (Object o : order) {
            if (o instanceof Pending p) {
                p.complete(null);
                o = p.record;
            }
            if (o != null) {
                records.add((TerminalRecord) o);
            }
        }
        Collections.sort(rejects);
        return new ReadResult<>(records, rejects, ignored, "transactions");
    }

    /** The transaction of a request and its response (null: a timeout), or null after rejecting it. */
    private TerminalRecord build(Pending p, IsoMessage r) {
        IsoMessage q = p.request;
        String tid = first(q.tid, r == null ? null : r.tid);
        Money amount = p.amount;
        if (amount == null && r != null) {
            try {
                amount = amount(r);
            } catch (IllegalArgumentException e) {
                amount = null;
            }
        }
        if (amount == null || tid == null) {
            String problems = amount == null && tid == null ? "no amount (field 4), no terminal id (field 41)"
                    : amount == null ? "no amount (field 4)" : "no terminal id (field 41)";
            reject(q.line, q.mti + " request: " + problems, p.raw);
            return null;
        }
        String[] original = originalData(q);
        if (original == null && r != null) {
            original = originalData(r);
        }
        return new TerminalRecord(
                file,
                SourceRef.intLine(file, q.line),
                r == null ? null : file,
                r == null ? 0 : SourceRef.intLine(file, r.line),
                q.mti,
                p.kind,
                q.proc,
                tid,
                first(q.mid, r == null ? null : r.mid),
                q.stan,
                first(r == null ? null : r.rrn, q.rrn),
                r == null ? null : r.auth,
                r == null ? null : r.rc,
                r != null && approved(r.rc),
                amount,
                first(q.card(), r == null ? null : r.card()),
                p.time,
                original == null ? null : shared(original[0]),
                original == null ? null : shared(original[1]));
    }

    /**
     * One instance per distinct value of the original MTI and STAN, so that a big log's records stay small (the
     * few-valued fields of a message are shared as they are read: see {@link ByteStrings}).
     */
    private String shared(String s) {
        if (s == null || s.length() > 24) {
            return s;
        }
        if (sharedStrings.size() > 100_000) {
            return s;
        }
        String prev = sharedStrings.putIfAbsent(s, s);
        return prev != null ? prev : s;
    }

    /**
     * Field 4 in minor units: digits; a decimal when jPOS wrote {@code type="amount"}; or, in 1993/2003 messages,
     * jPOS's 16-digit ISOAmount (currency n3, exponent n1, amount n12). Currency: field 49, else the field's own.
     *
     * @return null when there is no field 4
     * @throws IllegalArgumentException with the reason, for a bad amount or currency
     */
    private Money amount(IsoMessage m) {
        Currency currency = config.currency();
        if (m.f49 != null) {
            currency = currency(m.f49);
            if (currency == null) {
                throw new IllegalArgumentException("unknown currency '" + m.f49 + "' (field 49)");
            }
        } else if (m.amountCurrency != null) {
            currency = currency(m.amountCurrency);
            if (currency == null) {
                throw new IllegalArgumentException("unknown currency '" + m.amountCurrency + "' (field 4)");
            }
        }
        String a = m.amount;
        if (a == null) {
            return null;
        }
        if (m.amountIsDecimal || a.indexOf('.') >= 0) {
            try {
                return Money.of(Money.parseMinor(a, currency), currency);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("amount '" + a + "' is not a decimal for " + currency + " (field 4)");
            }
        }
        if (!JposTimes.digits(a)) {
            throw new IllegalArgumentException("amount '" + a + "' is not digits (field 4)");
        }
        if (a.length() == 16 && m.mti.charAt(0) != '0') {
            Currency c = currency(a.substring(0, 3));
            if (c != null) {
                long v = Long.parseLong(a.substring(4));
                int scale = Math.max(0, c.getDefaultFractionDigits()) - (a.charAt(3) - '0');
                try {
                    for (; scale > 0; scale--) {
                        v = Math.multiplyExact(v, 10);
                    }
                    for (; scale < 0; scale++) {
                        if (v % 10 != 0) {
                            throw new IllegalArgumentException("amount '" + a + "' has more decimals than " + c
                                    + " (field 4)");
                        }
                        v /= 10;
                    }
                } catch (ArithmeticException e) {
                    throw new IllegalArgumentException("amount '" + a + "' is too large (field 4)");
                }
                return Money.of(v, m.f49 != null ? currency : c);
            }
        }
        if (a.length() > 18) {
            throw new IllegalArgumentException("amount '" + a + "' is too long (field 4)");
        }
        return Money.of(Long.parseLong(a), currency);
    }

    /** {@link ReconConfig#isApproved}, remembered for the last code (response codes are shared strings). */
    private boolean approved(String rc) {
        if (rc != lastCode) {
            lastApproved = config.isApproved(rc);
            lastCode = rc;
        }
        return lastApproved;
    }

    /** {@link Currencies#resolve}, remembered: a log has few currencies and many messages. */
    private Currency currency(String code) {
        Currency c = currencies.get(code);
        if (c == null && !currencies.containsKey(code)) {
            c = Currencies.resolve(code);
            if (currencies.size() < 1000) {
                currencies.put(code, c);
            }
        }
        return c;
    }

    /** Original MTI and STAN: field 90 (MTI n4, STAN n6...), else field 56 of 1993/2003 messages. */
    private static String[] originalData(IsoMessage m) {
        String f = m.f90;
        int stanLength = 6;
        if (f == null && m.mti.charAt(0) != '0' && m.f56 != null) {
            f = m.f56;
            if (m.stan != null && m.stan.length() == 12 && f.length() >= 16) {
                stanLength = 12;
            }
        }
        if (f == null || f.length() < 4 + stanLength) {
            return null;
        }
        String mti = f.substring(0, 4);
        String stan = f.substring(4, 4 + stanLength);
        if (!JposTimes.digits(mti) || !JposTimes.digits(stan)) {
            return null;
        }
        return new String[]{mti, stan};
    }

    private boolean classKnown(char cls) {
        int i = cls - '0';
        if (classKnown[i] == null) {
            String prefix = "0" + cls + ".";
            classKnown[i] = mapping.table().keySet().stream().anyMatch(k -> k.startsWith(prefix));
        }
        return classKnown[i];
    }

    private void skip(Key key) {
        if (key != null) {
            skipped.put(key, Boolean.TRUE);
        }
    }

    private static boolean isRepeat(String mti) {
        char c = mti.charAt(3);
        return c == '1' || c == '3';
    }

    /**
     * What pairs a request with its response: terminal id (may be null), STAN without leading zeros, and message
     * class and request function as two digits (02 for 0200/0210, 42 for 0420/0430).
     */
    private record Key(String tid, String stan, int classFunction) {
        Key withoutTid() {
            return tid == null ? this : new Key(null, stan, classFunction);
        }

        /** Mixed, not the record's 31-polynomial: ids like 10000016 and STANs like 12 differ by small steps. */
        @Override
        public int hashCode() {
            long h = (tid == null ? 0 : tid.hashCode()) * 0x9E3779B97F4A7C15L + stan.hashCode();
            h = (h ^ (h >>> 29)) * 0xBF58476D1CE4E5B9L + classFunction;
            return (int) (h ^ (h >>> 32));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && classFunction == k.classFunction && stan.equals(k.stan)
                    && Objects.equals(tid, k.tid);
        }
    }

    private record MtiProc(String mti, String proc) {
    }

    private record Kind(boolean ignored, TxnKind kind) {
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    /** A request while it waits for its response; once answered, only what duplicate detection needs. */
    private final class Pending {
        final Key key;
        final long line;
        final TxnKind kind;
        final LocalDateTime time;
        final Money amount;
        IsoMessage request;
        String raw;
        int index;
        String responseCode;
        TerminalRecord record;

        Pending(Key key, IsoMessage request, TxnKind kind, LocalDateTime time, Money amount) {
            this.key = key;
            this.line = request.line;
            this.request = request;
            this.kind = kind;
            this.time = time;
            this.amount = amount;
        }

        void complete(IsoMessage response) {
            responseCode = response == null ? null : response.rc;
            record = build(this, response);
            order.set(index, record);
            request = null;
            raw = null;
        }
    }
}
