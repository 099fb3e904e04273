package dev.posrecon.core.cases;

import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.Source;
import dev.posrecon.core.model.Tender;
import dev.posrecon.core.model.TerminalRecord;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns records into {@link Evidence}: their fields as written, in a fixed order, card masked. */
public final class Evidences {
    private Evidences() {
    }

    public static Evidence of(TerminalRecord t, String role) {
        Map<String, String> f = new LinkedHashMap<>();
        put(f, "kind", t.kind().name());
        put(f, "mti", t.requestMti());
        put(f, "processing_code", t.processingCode());
        put(f, "time", t.localTime() == null ? null : t.localTime().toString());
        put(f, "merchant_id", t.merchantId());
        put(f, "terminal_id", t.terminalId());
        put(f, "stan", t.stan());
        put(f, "rrn", t.rrn());
        put(f, "auth_code", t.authCode());
        put(f, "amount", money(t.amount()));
        put(f, "currency", t.amount().currency().getCurrencyCode());
        put(f, "card", t.card());
        put(f, "response_code", t.timedOut() ? "(no response: timeout)" : t.responseCode());
        put(f, "approved", Boolean.toString(t.approved()));
        put(f, "original_mti", t.originalMti());
        put(f, "original_stan", t.originalStan());
        if (t.responseRef() != null) {
            put(f, "response_at", t.responseRef().toString());
        }
        return new Evidence(Source.TERMINAL, t.ref(), role, f);
    }

    public static Evidence of(SettlementRecord s, String role) {
        Map<String, String> f = new LinkedHashMap<>();
        put(f, "type", s.type().name());
        put(f, "txn_time", s.txnTime() == null ? null : s.txnTime().toString());
        put(f, "settle_date", s.settleDate() == null ? null : s.settleDate().toString());
        put(f, "merchant_id", s.merchantId());
        put(f, "terminal_id", s.terminalId());
        put(f, "stan", s.stan());
        put(f, "rrn", s.rrn());
        put(f, "auth_code", s.authCode());
        put(f, "amount", money(s.amount()));
        put(f, "currency", s.amount().currency().getCurrencyCode());
        put(f, "fee", s.fee() == null ? null : money(s.fee()));
        put(f, "net", s.net() == null ? null : money(s.net()));
        put(f, "card", s.card());
        put(f, "batch", s.batch());
        return new Evidence(Source.SETTLEMENT, s.ref(), role, f);
    }

    public static Evidence of(Receipt r, String role) {
        Map<String, String> f = new LinkedHashMap<>();
        put(f, "receipt_no", r.receiptNo());
        put(f, "kind", r.kind().name());
        put(f, "time", r.time() == null ? null : r.time().toString());
        put(f, "store_id", r.storeId());
        put(f, "register_id", r.registerId());
        put(f, "cashier_id", r.cashierId());
        put(f, "total", money(r.total()));
        put(f, "currency", r.total().currency().getCurrencyCode());
        StringBuilder tenders = new StringBuilder();
        for (Tender t : r.tenders()) {
            if (tenders.length() > 0) {
                tenders.append("; ");
            }
            tenders.append(t.type()).append(' ').append(money(t.amount()));
            if (t.cardLast4() != null) {
                tenders.append(" card *").append(t.cardLast4());
            }
            if (t.terminalId() != null) {
                tenders.append(" terminal ").append(t.terminalId());
            }
            if (t.stan() != null) {
                tenders.append(" stan ").append(t.stan());
            }
            if (t.rrn() != null) {
                tenders.append(" rrn ").append(t.rrn());
            }
            if (t.authCode() != null) {
                tenders.append(" auth ").append(t.authCode());
            }
        }
        put(f, "tenders", tenders.toString());
        put(f, "original_receipt_no", r.originalReceiptNo());
        put(f, "member_id", r.memberId());
        return new Evidence(Source.JOURNAL, r.ref(), role, f);
    }

    private static String money(Money m) {
        return m.toDecimalString();
    }

    private static void put(Map<String, String> f, String k, String v) {
        if (v != null && !v.isEmpty()) {
            f.put(k, v);
        }
    }
}
