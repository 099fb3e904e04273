package dev.posrecon.core.match;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.model.Ids;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.ReceiptKind;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.Tender;
import dev.posrecon.core.model.TerminalRecord;
import dev.posrecon.core.model.TxnKind;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The deterministic three-way matching core.
 *
 * <p>Inputs are first sorted by {@link Orders}. Then, in this order:
 * <ol>
 * <li>voids and reversals on the terminal are linked to the sale they cancel: field 90 (original MTI class and
 * STAN, same terminal), else the same terminal and RRN ({@code F90_STAN}, {@code VOID_RRN});</li>
 * <li>settlement lines to terminal transactions of the same kind, strongest key first: terminal + RRN
 * ({@code TERMINAL_RRN}), terminal + STAN within a day ({@code TERMINAL_STAN}), terminal + auth code + amount
 * ({@code TERMINAL_AUTH}); only then, for lines still unlinked, the fallback: same terminal, amount and card
 * ending within the match window ({@code FALLBACK_AMOUNT_CARD_TIME}) among transactions no line is linked to;</li>
 * <li>settlement VOID/REVERSAL lines net off the sale line with the same terminal and RRN/STAN;</li>
 * <li>receipt card tenders to terminal transactions (SALE to SALE, RETURN to REFUND, VOID to VOID) by the
 * references printed on the receipt ({@code RECEIPT_RRN}, {@code RECEIPT_STAN}, {@code RECEIPT_AUTH}), then by
 * the fallback (amount, card ending, terminal when printed, match window) among approved transactions no tender
 * is linked to;</li>
 * <li>VOID receipts cancel the sales their original receipt paid.</li>
 * </ol>
 * Where a key finds several candidates the one nearest in time wins; where two are equally near, or a fallback
 * finds more than one, nothing is linked and the candidates are kept so the case can say it is ambiguous.
 */
public final class Matcher {
    static final String TERMINAL_RRN = "TERMINAL_RRN";
    static final String TERMINAL_STAN = "TERMINAL_STAN";
    static final String TERMINAL_AUTH = "TERMINAL_AUTH";
    static final String FALLBACK = "FALLBACK_AMOUNT_CARD_TIME";
    static final String RECEIPT_RRN = "RECEIPT_RRN";
    static final String RECEIPT_STAN = "RECEIPT_STAN";
    static final String RECEIPT_AUTH = "RECEIPT_AUTH";
    private static final Duration DAY = Duration.ofHours(24);

    private final ReconConfig config;
    private final int threads;
    private final LinkVeto veto;

    public Matcher(ReconConfig config) {
        this(config, 1);
    }

    /** @param threads more than 1: sort and index on a second thread (the result is the same) */
    public Matcher(ReconConfig config, int threads) {
        this.config = config;
        this.threads = threads;
        this.veto = new LinkVeto(config.amountToleranceMinor());
    }

    public MatchResult match(List<TerminalRecord> terminal, List<SettlementRecord> settlement, List<Receipt> journal) {
        ExecutorService pool = Background.pool("posrecon-match", threads);
        try {
            return match(terminal, settlement, journal, pool);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Sorting the three inputs and building the indexes are independent: with a pool they run on two cores. Every
     * step's result is the same either way; only the linking below is sequential (its order decides ties).
     */
    private MatchResult match(List<TerminalRecord> terminal, List<SettlementRecord> settlement, List<Receipt> journal,
                              ExecutorService pool) {
        Supplier<List<SettlementRecord>> sortedSettlement = Background.fork(pool, () -> {
            List<SettlementRecord> s = new ArrayList<>(settlement);
            Orders.sortByTerminal(s, SettlementRecord::terminalId, Orders.SETTLEMENT);
            return s;
        });
        Supplier<List<Receipt>> sortedReceipts = Background.fork(pool, () -> {
            List<Receipt> rs = new ArrayList<>(journal);
            rs.sort(Orders.RECEIPT);
            return rs;
        });
        List<TerminalRecord> t = new ArrayList<>(terminal);
        Orders.sortByTerminal(t, TerminalRecord::terminalId, Orders.TERMINAL);
        List<Txn> txns = new ArrayList<>(t.size());
        dev.posrecon.core.ingest.Shared stans = new dev.posrecon.core.ingest.Shared();
        for (TerminalRecord r : t) {
            txns.add(new Txn(txns.size(), r, stans.string(TerminalRecord.normStan(r.stan()))));
        }
        Supplier<Index> index = Background.fork(pool, () -> new Index(txns));
        List<Receipt> rs = sortedReceipts.get();
        MatchResult m = new MatchResult(List.copyOf(txns), List.copyOf(sortedSettlement.get()), List.copyOf(rs));
        Index idx = index.get();

        // a strong pick is a look-up in the index and nothing else (no link made so far changes it): every card
        // tender's is found on the second core while this one finds the settlement lines' and links cancellations
        Supplier<Picks> tenderPicks = Background.fork(pool, () -> tenderPicks(m, idx));
        Picks settlementPicks = settlementPicks(m, idx);
        linkCancellations(m, idx);
        linkSettlements(m, idx, settlementPicks);
        netSettlementCancels(m, idx);
        linkTenders(m, idx, tenderPicks.get());
        linkJournalVoids(m);
        return m;
    }

    // ---- 1. voids and reversals ------------------------------------------------------------------------------

    private void linkCancellations(MatchResult m, Index idx) {
        for (Txn v : m.txns) {
            TxnKind k = v.rec.kind();
            if (k != TxnKind.VOID && k != TxnKind.REVERSAL) {
                continue;
            }
            Txn orig = null;
            LinkVeto.Facts facts = LinkVeto.Facts.of(v.rec);
            LinkVeto.Notes notes = new LinkVeto.Notes();
            String ostan = TerminalRecord.normStan(v.rec.originalStan());
            if (ostan != null) {
                List<Txn> c = new ArrayList<>();
                for (Txn x : idx.byTidStan(v.rec.terminalId(), ostan)) {
                    if (x != v && cancellable(x, k) && sameClass(x.rec.requestMti(), v.rec.originalMti())
                            && notAfter(x.rec.localTime(), v.rec.localTime())) {
                        c.add(x);
                    }
                }
                orig = vettedNearestBefore(LinkVeto.VOID_F90, v.rec::originalStan, facts, c, v.rec.localTime(),
                        notes);
            }
            if (orig == null && v.rec.rrnKey() != Ids.NONE) {
                List<Txn> c = new ArrayList<>();
                for (Txn x : idx.byTidRrn(v.rec.terminalId(), v.rec.rrnKey())) {
                    if (x != v && cancellable(x, k) && notAfter(x.rec.localTime(), v.rec.localTime())) {
                        c.add(x);
                    }
                }
                orig = vettedNearestBefore(LinkVeto.VOID_RRN, v.rec::rrn, facts, c, v.rec.localTime(), notes);
            }
            m.note(v.rec, notes.text());
            if (orig == null) {
                continue;
            }
            v.setOriginal(orig);
            boolean effective = v.rec.approved() || (k == TxnKind.REVERSAL && v.rec.timedOut());
            if (effective) {
                orig.cancelBy(v);
            }
        }
    }

    private static boolean cancellable(Txn x, TxnKind by) {
        TxnKind k = x.rec.kind();
        return by == TxnKind.VOID ? k == TxnKind.SALE || k == TxnKind.REFUND : k == TxnKind.SALE || k == TxnKind.REFUND;
    }

    private static boolean sameClass(String mti, String originalMti) {
        if (originalMti == null || originalMti.length() != 4 || mti == null || mti.length() != 4) {
            return true;
        }
        return mti.charAt(1) == originalMti.charAt(1);
    }

    private static boolean notAfter(LocalDateTime a, LocalDateTime b) {
        return a == null || b == null || !a.isAfter(b);
    }

    /** The candidate latest at or before {@code t}; ties (same time) broken by the sort order, which is total. */
    private static Txn nearestBefore(List<Txn> c, LocalDateTime t) {
        Txn best = null;
        for (Txn x : c) {
            if (best == null || compareTime(x.rec.localTime(), best.rec.localTime()) >= 0) {
                best = x;
            }
        }
        return best;
    }

    private static int compareTime(LocalDateTime a, LocalDateTime b) {
        if (a == null || b == null) {
            return a == b ? 0 : (a == null ? -1 : 1);
        }
        return a.compareTo(b);
    }

    // ---- 2. settlement lines ---------------------------------------------------------------------------------

    /** Each settlement line's strong pick, by position in {@code m.settlements}; null for lines not matched so. */
    private Picks settlementPicks(MatchResult m, Index idx) {
        Picks picks = new Picks(m.settlements.size());
        for (int i = 0; i < picks.size(); i++) {
            SettlementRecord s = m.settlements.get(i);
            TxnKind want = terminalKindFor(s.type());
            if (want != null) {
                picks.set(i, strongPick(s, want, idx));
            }
        }
        return picks;
    }

    private void linkSettlements(MatchResult m, Index idx, Picks picks) {
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < picks.size(); i++) {
            Pick p = picks.get(i);
            if (p == null) {
                continue;
            }
            SettlementRecord s = m.settlements.get(i);
            m.note(s, p.note);
            if (p.ambiguous != null) {
                m.ambiguousSettlement.put(s, p.ambiguous);
            } else if (p.txn != null) {
                link(m, i, p.txn, p.rule);
            } else {
                pending.add(i);
            }
        }
        for (int i : pending) {
            SettlementRecord s = m.settlements.get(i);
            TxnKind want = terminalKindFor(s.type());
            List<Txn> c = new ArrayList<>();
            String last4 = s.cardLast4();
            if (last4 == null || s.txnTime() == null) {
                continue;
            }
            for (Txn x : idx.byAmountCard(s.amount().minor(), last4)) {
                if (x.rec.kind() == want && !x.hasSettlements() && x.rec.amount().equals(s.amount())
                        && java.util.Objects.equals(s.terminalId(), x.rec.terminalId())
                        && within(x.rec.localTime(), s.txnTime(), config.matchWindow())) {
                    c.add(x);
                }
            }
            LinkVeto.Notes notes = new LinkVeto.Notes();
            c = vetted(LinkVeto.FALLBACK, LinkVeto.Facts.of(s), c, notes);
            m.note(s, notes.text());
            if (c.size() == 1) {
                link(m, i, c.get(0), FALLBACK);
            } else if (c.size() > 1) {
                m.ambiguousSettlement.put(s, List.copyOf(c));
            }
        }
    }

    /** Links the settlement line at position {@code i} to {@code t}. */
    private static void link(MatchResult m, int i, Txn t, String rule) {
        t.addSettlement(m.settlements.get(i), rule);
        m.settlementTxn[i] = t;
        m.settlementRule[i] = rule;
    }

    private static TxnKind terminalKindFor(TxnKind settlementType) {
        return switch (settlementType) {
            case SALE -> TxnKind.SALE;
            case REFUND -> TxnKind.REFUND;
            default -> null;
        };
    }

    private Pick strongPick(SettlementRecord s, TxnKind want, Index idx) {
        String tid = s.terminalId();
        LinkVeto.Facts facts = LinkVeto.Facts.of(s);
        LinkVeto.Notes notes = new LinkVeto.Notes();
        if (s.rrnKey() != Ids.NONE) {
            List<Txn> c = idx.byTidRrn(tid, s.rrnKey());
            if (c.isEmpty() && tid == null) {
                c = idx.byRrn(s.rrnKey());
            }
            Pick p = vettedNearest(LinkVeto.TERMINAL_RRN, s::rrn, facts, filterKind(c, want), s.txnTime(), null,
                    TERMINAL_RRN, notes);
            if (p.found()) {
                return p.noted(notes);
            }
        }
        String stan = TerminalRecord.normStan(s.stan());
        if (stan != null && tid != null) {
            Pick p = vettedNearest(LinkVeto.TERMINAL_STAN, s::stan, facts, filterKind(idx.byTidStan(tid, stan), want),
                    s.txnTime(), DAY, TERMINAL_STAN, notes);
            if (p.found()) {
                return p.noted(notes);
            }
        }
        if (s.authKey() != Ids.NONE && tid != null) {
            List<Txn> c = new ArrayList<>();
            for (Txn x : idx.byTidAuth(tid, s.authKey())) {
                if (x.rec.kind() == want && x.rec.amount().equals(s.amount())) {
                    c.add(x);
                }
            }
            Pick p = vettedNearest(LinkVeto.TERMINAL_AUTH, s::authCode, facts, c, s.txnTime(), DAY, TERMINAL_AUTH,
                    notes);
            if (p.found()) {
                return p.noted(notes);
            }
        }
        return Pick.NONE.noted(notes);
    }

    private static List<Txn> filterKind(List<Txn> c, TxnKind want) {
        List<Txn> out = new ArrayList<>(c.size());
        for (Txn x : c) {
            if (x.rec.kind() == want) {
                out.add(x);
            }
        }
        return out;
    }

    /** The candidate nearest in time (within {@code limit} when given); two equally near: ambiguous. */
    private static Pick nearest(List<Txn> c, LocalDateTime t, Duration limit, String rule) {
        if (c.isEmpty()) {
            return Pick.NONE;
        }
        if (c.size() == 1 && (limit == null || within(c.get(0).rec.localTime(), t, limit))) {
            return new Pick(c.get(0), rule, null);
        }
        Txn best = null;
        long bestGap = Long.MAX_VALUE;
        boolean tie = false;
        for (Txn x : c) {
            long gap = gapSeconds(x.rec.localTime(), t);
            if (limit != null && gap > limit.getSeconds()) {
                continue;
            }
            if (gap < bestGap) {
                best = x;
                bestGap = gap;
                tie = false;
            } else if (gap == bestGap) {
                tie = true;
            }
        }
        if (best == null) {
            return Pick.NONE;
        }
        if (tie) {
            List<Txn> tied = new ArrayList<>();
            for (Txn x : c) {
                if (gapSeconds(x.rec.localTime(), t) == bestGap) {
                    tied.add(x);
                }
            }
            return new Pick(null, rule, List.copyOf(tied));
        }
        return new Pick(best, rule, null);
    }

    private static long gapSeconds(LocalDateTime a, LocalDateTime b) {
        if (a == null || b == null) {
            return Long.MAX_VALUE / 2;
        }
        return Math.abs(Duration.between(a, b).getSeconds());
    }

    static boolean within(LocalDateTime a, LocalDateTime b, Duration d) {
        return a != null && b != null && gapSeconds(a, b) <= d.getSeconds();
    }

    // ---- 3. settlement voids / reversals / chargebacks -------------------------------------------------------

    private void netSettlementCancels(MatchResult m, Index idx) {
        List<SettlementRecord> sales = new ArrayList<>();
        for (SettlementRecord s : m.settlements) {
            if (s.type() == TxnKind.SALE) {
                sales.add(s);
            }
        }
        KeyIndex<SettlementRecord> saleByRrn = new KeyIndex<>(sales, s -> s.rrnKey() == Ids.NONE ? KeyIndex.NONE
                : KeyIndex.pair(s.terminalId(), s.rrnKey()));
        KeyIndex<SettlementRecord> saleByStan = new KeyIndex<>(sales, s -> s.stan() == null ? KeyIndex.NONE
                : KeyIndex.pair(s.terminalId(), TerminalRecord.normStan(s.stan())));
        for (int i = 0; i < m.settlements.size(); i++) {
            SettlementRecord c = m.settlements.get(i);
            TxnKind k = c.type();
            if (k == TxnKind.SALE || k == TxnKind.REFUND) {
                continue;
            }
            SettlementRecord sale = null;
            LinkVeto.Facts facts = LinkVeto.Facts.of(c);
            LinkVeto.Notes notes = new LinkVeto.Notes();
            if (c.rrnKey() != Ids.NONE) {
                String tid = c.terminalId();
                long rrn = c.rrnKey();
                sale = vettedUnnetted(LinkVeto.LINE_RRN, c::rrn, facts, saleByRrn.find(KeyIndex.pair(tid, rrn),
                        x -> rrn == x.rrnKey() && KeyIndex.nz(tid).equals(KeyIndex.nz(x.terminalId()))), m, c,
                        notes);
            }
            if (sale == null && c.stan() != null) {
                String tid = c.terminalId();
                String stan = TerminalRecord.normStan(c.stan());
                sale = stan == null ? null : vettedUnnetted(LinkVeto.LINE_STAN, c::stan, facts,
                        saleByStan.find(KeyIndex.pair(tid, stan), x -> stan.equals(TerminalRecord.normStan(x.stan()))
                                && KeyIndex.nz(tid).equals(KeyIndex.nz(x.terminalId()))), m, c, notes);
            }
            m.note(c, notes.text());
            if (sale != null) {
                m.linkedNonSale.add(c);
                if (k == TxnKind.VOID || k == TxnKind.REVERSAL) {
                    m.netted.add(sale);
                    m.cancellingLine.put(sale, c);
                }
                continue;
            }
            if (k == TxnKind.VOID || k == TxnKind.REVERSAL) {
                // a line for the terminal's own void/reversal message
                String stan = TerminalRecord.normStan(c.stan());
                List<Txn> cand = new ArrayList<>();
                if (c.rrnKey() != Ids.NONE) {
                    List<Txn> byRrn = idx.byTidRrn(c.terminalId(), c.rrnKey());
                    cand.addAll(vetted(LinkVeto.LINE_RRN, facts, filterKind(byRrn, k), notes));
                }
                if (stan != null) {
                    cand.addAll(vetted(LinkVeto.LINE_STAN, facts, filterKind(idx.byTidStan(c.terminalId(), stan), k),
                            notes));
                }
                m.note(c, notes.text());
                for (Txn x : cand) {
                    if (x.rec.kind() == k) {
                        m.linkedNonSale.add(c);
                        m.settlementTxn[i] = x;
                        m.settlementRule[i] = c.rrnKey() != Ids.NONE ? TERMINAL_RRN : TERMINAL_STAN;
                        break;
                    }
                }
            }
        }
    }

    private static SettlementRecord firstUnnetted(List<SettlementRecord> c, MatchResult m, SettlementRecord by) {
        if (c == null) {
            return null;
        }
        for (SettlementRecord s : c) {
            if (!m.netted.contains(s) && s.amount().equals(by.amount())) {
                return s;
            }
        }
        for (SettlementRecord s : c) {
            if (!m.netted.contains(s)) {
                return s;
            }
        }
        return null;
    }

    // ---- 4. receipt tenders ----------------------------------------------------------------------------------

    /** Each card tender's strong pick, by position in {@code m.cardTenders}. */
    private Picks tenderPicks(MatchResult m, Index idx) {
        Picks picks = new Picks(m.cardTenders.size());
        for (int i = 0; i < picks.size(); i++) {
            Txn.TenderRef tr = m.cardTenders.get(i);
            picks.set(i, strongPick(tr, kindFor(tr.receipt().kind()), idx));
        }
        return picks;
    }

    private void linkTenders(MatchResult m, Index idx, Picks picks) {
        List<Txn.TenderRef> pending = new ArrayList<>();
        for (int i = 0; i < picks.size(); i++) {
            Txn.TenderRef tr = m.cardTenders.get(i);
            Pick p = picks.get(i);
            m.note(tr.receipt(), p.note);
            if (p.ambiguous != null) {
                m.ambiguousTender.put(tr, p.ambiguous);
            } else if (p.txn != null) {
                linkTender(m, tr, p.txn, p.rule);
            } else {
                pending.add(tr);
            }
        }
        for (Txn.TenderRef tr : pending) {
            Tender t = tr.tender();
            TxnKind want = kindFor(tr.receipt().kind());
            LocalDateTime when = tr.receipt().time();
            if (t.cardLast4() == null || when == null) {
                continue;
            }
            List<Txn> c = new ArrayList<>();
            for (Txn x : idx.byAmountCard(t.amount().minor(), t.cardLast4())) {
                if (x.rec.kind() == want && x.rec.approved() && !x.hasTenders()
                        && x.rec.amount().equals(t.amount())
                        && (t.terminalId() == null || t.terminalId().equals(x.rec.terminalId()))
                        && within(x.rec.localTime(), when, config.matchWindow())) {
                    c.add(x);
                }
            }
            LinkVeto.Notes notes = new LinkVeto.Notes();
            c = vetted(LinkVeto.FALLBACK, LinkVeto.Facts.of(t, when), c, notes);
            m.note(tr.receipt(), notes.text());
            if (c.size() == 1) {
                linkTender(m, tr, c.get(0), FALLBACK);
            } else if (c.size() > 1) {
                m.ambiguousTender.put(tr, List.copyOf(c));
            }
        }
    }

    private static void linkTender(MatchResult m, Txn.TenderRef tr, Txn x, String rule) {
        tr.txn = x;
        tr.rule = rule;
        x.addTender(tr);
    }

    private static TxnKind kindFor(ReceiptKind k) {
        return switch (k) {
            case SALE -> TxnKind.SALE;
            case RETURN -> TxnKind.REFUND;
            case VOID -> TxnKind.VOID;
        };
    }

    private Pick strongPick(Txn.TenderRef tr, TxnKind want, Index idx) {
        Tender t = tr.tender();
        LocalDateTime when = tr.receipt().time();
        String tid = t.terminalId();
        LinkVeto.Facts facts = LinkVeto.Facts.of(t, when);
        LinkVeto.Notes notes = new LinkVeto.Notes();
        if (t.rrnKey() != Ids.NONE) {
            List<Txn> c = tid != null ? idx.byTidRrn(tid, t.rrnKey()) : idx.byRrn(t.rrnKey());
            Pick p = vettedNearest(LinkVeto.RECEIPT_RRN, t::rrn, facts, filterKind(c, want), when, null, RECEIPT_RRN,
                    notes);
            if (p.found()) {
                return p.noted(notes);
            }
        }
        String stan = TerminalRecord.normStan(t.stan());
        if (stan != null && tid != null) {
            Pick p = vettedNearest(LinkVeto.RECEIPT_STAN, t::stan, facts, filterKind(idx.byTidStan(tid, stan), want),
                    when, DAY, RECEIPT_STAN, notes);
            if (p.found()) {
                return p.noted(notes);
            }
        }
        if (t.authKey() != Ids.NONE && t.cardLast4() != null) {
            List<Txn> c = new ArrayList<>();
            for (Txn x : idx.byAuth(t.authKey())) {
                if (x.rec.kind() == want && t.cardLast4().equals(x.rec.cardLast4())
                        && (tid == null || tid.equals(x.rec.terminalId()))) {
                    c.add(x);
                }
            }
            Pick p = vettedNearest(LinkVeto.RECEIPT_AUTH, t::authCode, facts, c, when, DAY, RECEIPT_AUTH, notes);
            if (p.found()) {
                return p.noted(notes);
            }
        }
        return Pick.NONE.noted(notes);
    }

    // ---- 5. journal voids ------------------------------------------------------------------------------------

    private void linkJournalVoids(MatchResult m) {
        for (Receipt v : m.receipts) {
            if (v.kind() != ReceiptKind.VOID) {
                continue;
            }
            Receipt orig = m.receipt(v.originalKey());
            if (orig == null || orig.kind() != ReceiptKind.SALE) {
                continue;
            }
            for (Txn.TenderRef tr : m.cardTenders(orig)) {
                Txn x = tr.txn;
                if (x != null) {
                    x.voidInJournal(v);
                }
            }
        }
    }

    // ---- the link veto (one rule for every key: see LinkVeto) -------------------------------------------------

    /**
     * {@link #nearest} among the candidates the veto admits; a pick it refused is noted, with the key's value (made
     * only then: an RRN or auth code is a packed code until a note or a case asks for its text).
     */
    private Pick vettedNearest(LinkVeto.Key key, Supplier<String> value, LinkVeto.Facts probe, List<Txn> c,
                               LocalDateTime t, Duration limit, String rule, LinkVeto.Notes notes) {
        List<Txn> ok = veto.admit(key, probe, c);
        Pick p = nearest(ok, t, limit, rule);
        if (ok != c) {
            Pick would = nearest(c, t, limit, rule);
            veto.explain(key, value.get(), probe, would.txn != null ? List.of(would.txn)
                    : would.ambiguous != null ? would.ambiguous : List.of(), ok, notes);
        }
        return p;
    }

    private Txn vettedNearestBefore(LinkVeto.Key key, Supplier<String> value, LinkVeto.Facts probe, List<Txn> c,
                                    LocalDateTime t, LinkVeto.Notes notes) {
        List<Txn> ok = veto.admit(key, probe, c);
        Txn pick = nearestBefore(ok, t);
        if (ok != c) {
            Txn would = nearestBefore(c, t);
            veto.explain(key, value.get(), probe, would == null ? List.of() : List.of(would), ok, notes);
        }
        return pick;
    }

    /** The candidates the veto admits, for a key that takes any one of them; each refused one is noted. */
    private List<Txn> vetted(LinkVeto.Key key, LinkVeto.Facts probe, List<Txn> c, LinkVeto.Notes notes) {
        List<Txn> ok = veto.admit(key, probe, c);
        if (ok != c) {
            veto.explain(key, null, probe, c, ok, notes);
        }
        return ok;
    }

    private SettlementRecord vettedUnnetted(LinkVeto.Key key, Supplier<String> value, LinkVeto.Facts probe,
                                            List<SettlementRecord> c, MatchResult m, SettlementRecord by,
                                            LinkVeto.Notes notes) {
        List<SettlementRecord> ok = veto.admitLines(key, probe, c);
        SettlementRecord pick = firstUnnetted(ok, m, by);
        if (ok != c) {
            veto.explainLine(key, value.get(), probe, firstUnnetted(c, m, by), ok, notes);
        }
        return pick;
    }

    // ---- indexes ---------------------------------------------------------------------------------------------

    /** A key's pick, and the vetoes met on the way to it (null: none). */
    private record Pick(Txn txn, String rule, List<Txn> ambiguous, String note) {
        static final Pick NONE = new Pick(null, null, null, null);

        Pick(Txn txn, String rule, List<Txn> ambiguous) {
            this(txn, rule, ambiguous, null);
        }

        Pick noted(LinkVeto.Notes notes) {
            String n = notes.text();
            return n == null ? this : new Pick(txn, rule, ambiguous, n);
        }

        boolean found() {
            return txn != null || ambiguous != null;
        }
    }

    /**
     * Every settlement line's or card tender's strong pick, by position, held until the links are made: the usual
     * pick (a transaction and its rule, or none, with no note) as two array slots, the rare one with a note or a
     * tie whole. On a million-transaction day 1.8M pick objects were 56 MB at the matcher's peak.
     */
    private static final class Picks {
        private final Txn[] txns;
        private final String[] rules;
        private final java.util.BitSet set;
        private final Map<Integer, Pick> whole = new HashMap<>();

        Picks(int n) {
            txns = new Txn[n];
            rules = new String[n];
            set = new java.util.BitSet(n);
        }

        int size() {
            return txns.length;
        }

        void set(int i, Pick p) {
            if (p.ambiguous != null || p.note != null || (p.txn == null) != (p.rule == null)) {
                whole.put(i, p);
            } else {
                txns[i] = p.txn;
                rules[i] = p.rule;
            }
            set.set(i);
        }

        /** The pick at {@code i}, equal to the one {@link #set}; null when none was set. */
        Pick get(int i) {
            if (!set.get(i)) {
                return null;
            }
            Pick p = whole.get(i);
            return p != null ? p : txns[i] == null ? Pick.NONE : new Pick(txns[i], rules[i], null);
        }
    }

    /** Look-up tables over the sorted transactions; each look-up keeps the sort order. */
    private static final class Index {
        private final KeyIndex<Txn> amountCard;
        private final KeyIndex<Txn> tidRrn;
        private final KeyIndex<Txn> rrn;
        private final KeyIndex<Txn> tidStan;
        private final KeyIndex<Txn> tidAuth;
        private final KeyIndex<Txn> auth;

        Index(List<Txn> txns) {
            amountCard = new KeyIndex<>(txns, x -> x.rec.cardLast4() == null ? KeyIndex.NONE
                    : KeyIndex.amountCard(x.rec.amount().minor(), x.rec.cardLast4()));
            tidRrn = new KeyIndex<>(txns, x -> x.rec.rrnKey() == Ids.NONE ? KeyIndex.NONE
                    : KeyIndex.pair(x.rec.terminalId(), x.rec.rrnKey()));
            rrn = new KeyIndex<>(txns, x -> x.rec.rrnKey() == Ids.NONE ? KeyIndex.NONE : x.rec.rrnKey());
            tidStan = new KeyIndex<>(txns, x -> x.stan == null ? KeyIndex.NONE
                    : KeyIndex.pair(x.rec.terminalId(), x.stan));
            tidAuth = new KeyIndex<>(txns, x -> x.rec.authKey() == Ids.NONE ? KeyIndex.NONE
                    : KeyIndex.pair(x.rec.terminalId(), x.rec.authKey()));
            auth = new KeyIndex<>(txns, x -> x.rec.authKey() == Ids.NONE ? KeyIndex.NONE : x.rec.authKey());
        }

        List<Txn> byAmountCard(long minor, String last4) {
            return amountCard.find(KeyIndex.amountCard(minor, last4),
                    x -> x.rec.amount().minor() == minor && last4.equals(x.rec.cardLast4()));
        }

        List<Txn> byTidRrn(String tid, long r) {
            return tidRrn.find(KeyIndex.pair(tid, r),
                    x -> r == x.rec.rrnKey() && KeyIndex.nz(tid).equals(KeyIndex.nz(x.rec.terminalId())));
        }

        /** Codes are their own keys: no hash to collide. */
        List<Txn> byRrn(long r) {
            return rrn.find(r, x -> true);
        }

        List<Txn> byTidStan(String tid, String normStan) {
            return tidStan.find(KeyIndex.pair(tid, normStan),
                    x -> KeyIndex.nz(tid).equals(KeyIndex.nz(x.rec.terminalId())) && normStan.equals(x.stan));
        }

        List<Txn> byTidAuth(String tid, long a) {
            return tidAuth.find(KeyIndex.pair(tid, a),
                    x -> a == x.rec.authKey() && KeyIndex.nz(tid).equals(KeyIndex.nz(x.rec.terminalId())));
        }

        List<Txn> byAuth(long a) {
            return auth.find(a, x -> true);
        }
    }
}
