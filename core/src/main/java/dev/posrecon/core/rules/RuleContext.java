package dev.posrecon.core.rules;

import dev.posrecon.core.cases.CaseBuilder;
import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.match.MatchResult;
import dev.posrecon.core.match.Txn;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.SettlementRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** What the rules share: the match, the settings, what earlier rules claimed, and the cases so far. */
public final class RuleContext {
    private final MatchResult match;
    private final ReconConfig config;
    private final Predicate<LocalDate> settlementDue;
    private final Set<Txn> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<SettlementRecord> claimedLines = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Txn> openItems = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<ReconCase> cases = new ArrayList<>();

    /**
     * @param settlementDue true when an approved sale of that business day should have settled by now (always
     *                      true with no ledger; with the ledger, after the settlement lag)
     */
    public RuleContext(MatchResult match, ReconConfig config, Predicate<LocalDate> settlementDue) {
        this.match = match;
        this.config = config;
        this.settlementDue = settlementDue;
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
        claimed.add(t);
    }

    public boolean claimed(Txn t) {
        return claimed.contains(t);
    }

    public void claim(SettlementRecord s) {
        claimedLines.add(s);
    }

    public boolean claimed(SettlementRecord s) {
        return claimedLines.contains(s);
    }

    /** How many transactions were left open (for sizing). */
    public int openItemCount() {
        return openItems.size();
    }

    /** Approved sales not yet settled but not yet due either: carried to the next run by the ledger. */
    public void openItem(Txn t) {
        openItems.add(t);
    }

    public boolean isOpenItem(Txn t) {
        return openItems.contains(t);
    }

    public void emit(CaseBuilder b) {
        cases.add(b.build(config));
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
