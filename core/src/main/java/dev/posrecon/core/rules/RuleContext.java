package dev.posrecon.core.rules;

import dev.posrecon.core.cases.CaseBuilder;
import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.match.Background;
import dev.posrecon.core.match.MatchResult;
import dev.posrecon.core.match.Txn;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.SettlementRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** What the rules share: the match, the settings, what earlier rules claimed, and the cases so far. */
public final class RuleContext {
    private final MatchResult match;
    private final ReconConfig config;
    private final Predicate<LocalDate> settlementDue;
    /** by {@link Txn#index()}: bits, not identity sets, as every rule asks about every transaction. */
    private final BitSet claimed = new BitSet();
    private final Set<SettlementRecord> claimedLines = Collections.newSetFromMap(new IdentityHashMap<>());
    private final BitSet openItems = new BitSet();
    private final List<ReconCase> cases = new ArrayList<>();
    /** Below this many items a list is tested on one thread: handing half of it over costs more. */
    private static final int PARALLEL_MIN = 20_000;
    private final int threads;
    private ExecutorService helper;

    /**
     * @param settlementDue true when an approved sale of that business day should have settled by now (always
     *                      true with no ledger; with the ledger, after the settlement lag)
     */
    public RuleContext(MatchResult match, ReconConfig config, Predicate<LocalDate> settlementDue) {
        this(match, config, settlementDue, 1);
    }

    /** @param threads more than 1: {@link #where} tests the two halves of a list at once */
    public RuleContext(MatchResult match, ReconConfig config, Predicate<LocalDate> settlementDue, int threads) {
        this.match = match;
        this.config = config;
        this.settlementDue = settlementDue;
        this.threads = threads;
    }

    /**
     * The items of {@code items} that pass {@code test}, in their order. With two threads the halves of a long
     * list are tested at once, so the test may read only the item, the match and the settings, never what rules
     * claimed, emitted or left open: a rule tests what a finding needs with it, then walks the result in order
     * and checks claims there. The result is the same with any number of threads.
     */
    public <T> List<T> where(List<T> items, Predicate<? super T> test) {
        int n = items.size();
        if (threads < 2 || n < PARALLEL_MIN) {
            return filter(items, 0, n, test);
        }
        int mid = n / 2;
        Supplier<List<T>> first = Background.fork(helper(), () -> filter(items, 0, mid, test));
        List<T> second = filter(items, mid, n, test);
        List<T> out = first.get();
        out.addAll(second);
        return out;
    }

    private static <T> List<T> filter(List<T> items, int from, int to, Predicate<? super T> test) {
        List<T> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            T x = items.get(i);
            if (test.test(x)) {
                out.add(x);
            }
        }
        return out;
    }

    private ExecutorService helper() {
        if (helper == null) {
            helper = Background.pool("posrecon-rules", threads);
        }
        return helper;
    }

    /** Stops the second thread {@link #where} may have started (the rules are done). */
    void stopHelper() {
        if (helper != null) {
            helper.shutdownNow();
            helper = null;
        }
    }

    public MatchResult match() {
        return match;
    }

    public ReconConfig config() {
        return config;
    }

    public boolean settlementDue(LocalDate businessDay) {
        return businessDay == null || settlementDue.test(businessDay);
    }

    public void claim(Txn t) {
        claimed.set(t.index());
    }

    public boolean claimed(Txn t) {
        return claimed.get(t.index());
    }

    public void claim(SettlementRecord s) {
        claimedLines.add(s);
    }

    public boolean claimed(SettlementRecord s) {
        return !claimedLines.isEmpty() && claimedLines.contains(s);
    }

    /** How many transactions were left open (for sizing). */
    public int openItemCount() {
        return openItems.cardinality();
    }

    /** Approved sales not yet settled but not yet due either: carried to the next run by the ledger. */
    public void openItem(Txn t) {
        openItems.set(t.index());
    }

    public boolean isOpenItem(Txn t) {
        return openItems.get(t.index());
    }

    public void emit(CaseBuilder b) {
        cases.add(b.matchNotes(match::matchNote).build(config));
    }

    public List<ReconCase> cases() {
        return cases;
    }

    /** True when {@code a} exceeds {@code b} by more than the configured tolerance. */
    public boolean exceeds(long a, long b) {
        return a - b > config.amountToleranceMinor();
    }

    public Money zero(Money like) {
        return Money.zero(like.currency());
    }
}
