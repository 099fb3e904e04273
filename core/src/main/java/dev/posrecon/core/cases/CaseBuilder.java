package dev.posrecon.core.cases;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.TerminalRecord;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds one {@link ReconCase}: the references come from the primary record (terminal, else settlement, else
 * receipt); the id from the type, reason and those references; the severity from the amount and direction.
 */
public final class CaseBuilder {
    private final CaseType type;
    private final String reason;
    private final Direction direction;
    private final Money amount;
    private TerminalRecord terminal;
    private SettlementRecord settlement;
    private Receipt receipt;
    private final List<Evidence> evidence = new ArrayList<>();
    /** The record behind each evidence, for its match note. */
    private final List<Object> records = new ArrayList<>();
    private Function<Object, String> matchNotes = r -> null;
    private String detail = "";
    private String matchRule = "";
    private boolean ambiguous;

    public CaseBuilder(CaseType type, String reason, Direction direction, Money amount) {
        this.type = type;
        this.reason = reason;
        this.direction = direction;
        this.amount = amount;
    }

    /** The terminal record the case is about (its references head the case). */
    public CaseBuilder terminal(TerminalRecord t, String role) {
        if (t != null) {
            if (terminal == null) {
                terminal = t;
            }
            evidence.add(Evidences.of(t, role));
            records.add(t);
        }
        return this;
    }

    public CaseBuilder settlement(SettlementRecord s, String role) {
        if (s != null) {
            if (settlement == null) {
                settlement = s;
            }
            evidence.add(Evidences.of(s, role));
            records.add(s);
        }
        return this;
    }

    public CaseBuilder receipt(Receipt r, String role) {
        if (r != null) {
            if (receipt == null) {
                receipt = r;
            }
            evidence.add(Evidences.of(r, role));
            records.add(r);
        }
        return this;
    }

    public CaseBuilder detail(String d) {
        this.detail = d;
        return this;
    }

    public CaseBuilder matchRule(String r) {
        if (r != null && !r.isEmpty()) {
            this.matchRule = matchRule.isEmpty() ? r : (matchRule.contains(r) ? matchRule : matchRule + "+" + r);
        }
        return this;
    }

    /**
     * Where each evidence record's {@code match_note} comes from: why the matcher did not link it where a key
     * pointed (see the match's link veto); null for none.
     */
    public CaseBuilder matchNotes(Function<Object, String> notes) {
        this.matchNotes = notes;
        return this;
    }

    public CaseBuilder ambiguous(boolean a) {
        this.ambiguous = this.ambiguous || a;
        return this;
    }

    public ReconCase build(ReconConfig config) {
        String tid;
        String mid;
        String stan;
        String rrn;
        String auth;
        String card;
        LocalDateTime time;
        if (terminal != null) {
            tid = terminal.terminalId();
            mid = terminal.merchantId();
            stan = terminal.stan();
            rrn = terminal.rrn();
            auth = terminal.authCode();
            card = terminal.card();
            time = terminal.localTime();
        } else if (settlement != null) {
            tid = settlement.terminalId();
            mid = settlement.merchantId();
            stan = settlement.stan();
            rrn = settlement.rrn();
            auth = settlement.authCode();
            card = settlement.card();
            time = settlement.txnTime();
        } else {
            var t = receipt.cardTenders().isEmpty() ? null : receipt.cardTenders().get(0);
            tid = t == null ? null : t.terminalId();
            mid = null;
            stan = t == null ? null : t.stan();
            rrn = t == null ? null : t.rrn();
            auth = t == null ? null : t.authCode();
            card = t == null || t.cardLast4() == null ? null : "****" + t.cardLast4();
            time = receipt.time();
        }
        if (settlement != null) {
            mid = mid == null ? settlement.merchantId() : mid;
            rrn = rrn == null ? settlement.rrn() : rrn;
            auth = auth == null ? settlement.authCode() : auth;
            card = card == null ? settlement.card() : card;
        }
        if (time == null && receipt != null) {
            time = receipt.time();
        }
        String receiptNo = receipt == null ? null : receipt.receiptNo();
        String member = receipt == null ? null : receipt.memberId();
        var date = time == null ? null : config.businessDate(time);
        String key;
        if (terminal != null) {
            key = "T|" + terminal.requestMti() + "|" + TerminalRecord.normStan(stan) + "|" + time;
        } else if (settlement != null) {
            key = "S|" + settlement.type() + "|" + TerminalRecord.normStan(stan) + "|" + settlement.rrn() + "|"
                    + time + "|" + settlement.amount().minor();
        } else {
            key = "R|" + receiptNo + "|" + time;
        }
        String id = CaseIds.of(type, reason, mid, tid, key);
        List<Evidence> evidence = new ArrayList<>(this.evidence);
        for (int i = 0; i < evidence.size(); i++) {
            String note = matchNotes.apply(records.get(i));
            if (note != null) {
                Evidence e = evidence.get(i);
                Map<String, String> f = new LinkedHashMap<>(e.fields());
                f.put("match_note", note);
                evidence.set(i, new Evidence(e.source(), e.ref(), e.role(), f));
            }
        }
        return new ReconCase(id, type, severity(config), direction, amount, date, mid, tid, receiptNo, stan, rrn,
                auth, card, member, time, reason, detail, matchRule, ambiguous, evidence, null);
    }

    private Severity severity(ReconConfig config) {
        long a = amount.minor();
        Severity s = a >= config.highAmountMinor() ? Severity.HIGH
                : a >= config.mediumAmountMinor() ? Severity.MEDIUM : Severity.LOW;
        if (direction == Direction.NONE) {
            return Severity.LOW;
        }
        if ((direction == Direction.MERCHANT_OWES_CUSTOMER || ambiguous) && s == Severity.LOW) {
            s = Severity.MEDIUM;
        }
        return s;
    }
}
